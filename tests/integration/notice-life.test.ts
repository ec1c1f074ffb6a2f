import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createNotice } from "@/lib/notices/create";
import { addDirective, deleteDraftNotice, publishNotice } from "@/lib/notices/edit-structure";
import { citedNumberAndDay, noticeLife } from "@/lib/notices/life";
import { StaleNoticeError } from "@/lib/notices/edit-types";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// Issue 14, a notice's life: its page's original text and own history; a draft entered by mistake is deleted by the secretariat of its province, with its
// directives and assignments, and an audit row keeps what it was; a published notice never is.

let t: TestDatabase;
let sec: SessionUser;
let provinceId: number;
const user = async (username: string): Promise<SessionUser> =>
  (await loadSessionUser(
    t.prisma,
    (await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id,
  ))!;

async function draft(
  title: string,
  opts: { number?: string; issuedOn?: string; status?: "draft" | "published" } = {},
): Promise<number> {
  return createNotice(
    t.prisma,
    sec,
    provinceId,
    {
      sourceText: "Bản nháp kiểm thử",
      draft: {
        notice: {
          kind: "TB",
          number: opts.number ?? null,
          issuer: "UBND tỉnh Long An",
          place: null,
          issuedOn: opts.issuedOn ?? null,
          issuedPrecision: opts.issuedOn ? "day" : "unknown",
          title,
          meetingOn: null,
          chair: null,
          signer: null,
          signingFormula: null,
          recipients: [],
          citations: [],
        },
        directives: [
          {
            ref: "1",
            text: "Sở Y tế báo cáo.",
            urgent: false,
            deadline: null,
            assignments: [{ agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false }],
          },
        ],
      },
    },
    { status: opts.status ?? "draft", createNewAgencies: false },
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  sec = await user("longan.vanphong");
  const notice = await t.prisma.notice.findFirstOrThrow({
    where: { number: "875/TB-VPUBND" },
    select: { provinceId: true },
  });
  provinceId = notice.provinceId;
});

afterAll(async () => {
  await t?.drop();
});

describe("deleting a draft notice", () => {
  it("deletes the draft with its directives and assignments, and writes an audit row", async () => {
    const id = await draft("Bản nháp nhập nhầm");
    const assignments = await t.prisma.assignment.count({ where: { noticeId: id } });
    expect(assignments).toBe(1);
    const r = await deleteDraftNotice(t.prisma, sec, { noticeId: id, version: 1 });
    expect(r.assignmentIds).toHaveLength(1);
    expect(await t.prisma.notice.findUnique({ where: { id } })).toBeNull();
    expect(await t.prisma.directive.count({ where: { noticeId: id } })).toBe(0);
    expect(await t.prisma.assignment.count({ where: { noticeId: id } })).toBe(0);
    expect(await t.prisma.assignmentTally.count({ where: { noticeId: id } })).toBe(0);
    const rows = await t.prisma.auditLog.findMany({
      where: { action: "notice.delete", entityType: "Notice", entityId: id },
      select: { actorId: true, provinceId: true, before: true },
    });
    expect(rows).toMatchObject([
      {
        actorId: sec.id,
        provinceId,
        before: { status: "draft", title: "Bản nháp nhập nhầm", directives: 1, assignments: 1 },
      },
    ]);
  });

  it("refuses a published notice, and leaves it as it was", async () => {
    const published = await t.prisma.notice.findFirstOrThrow({
      where: { number: "875/TB-VPUBND" },
      select: { id: true, version: true, status: true },
    });
    expect(published.status).toBe("published");
    const before = await t.prisma.assignment.count({ where: { noticeId: published.id } });
    await expect(
      deleteDraftNotice(t.prisma, sec, { noticeId: published.id, version: published.version }),
    ).rejects.toThrow(ConflictError);
    await expect(
      deleteDraftNotice(t.prisma, sec, { noticeId: published.id, version: published.version }),
    ).rejects.toThrow("Chỉ xóa được thông báo còn là bản nháp; thông báo đã ban hành không thể xóa.");
    expect(await t.prisma.notice.count({ where: { id: published.id } })).toBe(1);
    expect(await t.prisma.assignment.count({ where: { noticeId: published.id } })).toBe(before);
    expect(await t.prisma.auditLog.count({ where: { action: "notice.delete", entityId: published.id } })).toBe(0);
  });

  it("refuses a stale version and anyone but the province's secretariat", async () => {
    const id = await draft("Bản nháp còn giữ");
    await expect(deleteDraftNotice(t.prisma, sec, { noticeId: id, version: 9 })).rejects.toThrow(StaleNoticeError);
    // Agency staff do not see drafts at all; another province's secretariat does not either.
    await expect(deleteDraftNotice(t.prisma, await user("longan.syt"), { noticeId: id, version: 1 })).rejects.toThrow(
      NotFoundError,
    );
    const other = await t.prisma.user.findFirst({
      where: { username: { endsWith: ".vanphong" }, NOT: { username: "longan.vanphong" } },
      select: { username: true },
    });
    if (other) {
      await expect(
        deleteDraftNotice(t.prisma, await user(other.username), { noticeId: id, version: 1 }),
      ).rejects.toThrow(NotFoundError);
    }
    expect(await t.prisma.notice.count({ where: { id } })).toBe(1);
  });
});

describe("the notice's own history and original text", () => {
  it("lists entry, edits and publication from the audit log, oldest first, with the full text", async () => {
    const id = await draft("Bản nháp có lịch sử");
    await addDirective(t.prisma, sec, {
      noticeId: id,
      ref: "2",
      text: "Công an tỉnh kiểm tra.",
      urgent: false,
      deadline: null,
      agencies: ["Công an tỉnh"],
      role: "lead",
    });
    const stored = await t.prisma.notice.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await publishNotice(t.prisma, sec, { noticeId: id, version: stored.version });

    const life = await noticeLife(t.prisma, sec, id);
    expect(life.sourceText).toBe("Bản nháp kiểm thử");
    expect(life.history.map((e) => e.label)).toEqual([
      "Nhập thông báo vào hệ thống",
      "Thêm nhiệm vụ 2",
      "Ban hành thông báo",
    ]);
    expect(life.history[0]!.actorName).toBe(sec.name);
    // Published now: the agency's staff read it, and its history.
    const staff = await noticeLife(t.prisma, await user("longan.syt"), id);
    expect(staff.history).toHaveLength(3);
  });

  it("hides a draft's text and history from agency staff", async () => {
    const id = await draft("Bản nháp kín");
    await expect(noticeLife(t.prisma, await user("longan.syt"), id)).rejects.toThrow(NotFoundError);
  });
});

describe("citations resolved to the province's stored notices", () => {
  it("reads the number and day of a citation", () => {
    expect(citedNumberAndDay("Thông báo số 874/TB-VPUBND ngày 30/5/2021")).toEqual({
      number: "874/TB-VPUBND",
      day: "2021-05-30",
    });
    expect(citedNumberAndDay("Quyết định số 12/QĐ-UBND")).toEqual({ number: "12/QĐ-UBND", day: null });
    expect(citedNumberAndDay("Chỉ thị 16")).toBeNull();
  });

  it("links notice 875's citation of 874 once 874 is stored, and not a notice of another day", async () => {
    const n875 = await t.prisma.notice.findFirstOrThrow({ where: { number: "875/TB-VPUBND" }, select: { id: true } });
    const before = await noticeLife(t.prisma, sec, n875.id);
    const cite = before.citations.find((c) => c.text.includes("874/TB-VPUBND"));
    expect(cite).toMatchObject({ notice: null });

    await draft("Thông báo 874 ngày khác", { number: "874/TB-VPUBND", issuedOn: "2021-05-01", status: "published" });
    expect((await noticeLife(t.prisma, sec, n875.id)).citations.find((c) => c.text === cite!.text)!.notice).toBeNull();

    const id874 = await draft("Thông báo 874", {
      number: "874/TB-VPUBND",
      issuedOn: "2021-05-30",
      status: "published",
    });
    const after = await noticeLife(t.prisma, sec, n875.id);
    expect(after.citations.find((c) => c.text === cite!.text)!.notice).toMatchObject({
      id: id874,
      number: "874/TB-VPUBND",
    });
  });
});
