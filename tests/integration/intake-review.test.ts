// Issue 13: the review screen's rules that the server holds, whatever the browser sent. A dated
// deadline whose date was cleared is refused, "Thường xuyên" needs no words of the notice, the
// signing formula keeps its lines, a notice nearly the same as a stored one is flagged whatever
// its number, and a Công điện's urgency and audience are stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyBoard } from "@/lib/assignments/board";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { confirmNoticeAction } from "@/lib/intake/actions";
import { findDuplicates } from "@/lib/intake/duplicates";
import { confirmNotice, DuplicateNoticeError, proposeNotice, type Proposal } from "@/lib/intake/service";
import { UNDATED_DEADLINE_MESSAGE, type NoticeDraft } from "@/lib/notices/draft";
import { getNotice } from "@/lib/notices/queries";
import { seedDemo, seedSourceText } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";

let t: TestDatabase;
let sec: SessionUser;
const user = async (username: string): Promise<SessionUser> =>
  (await loadSessionUser(t.prisma, (await t.prisma.user.findUniqueOrThrow({ where: { username } })).id))!;

const CONG_DIEN = [
  "HỎA TỐC",
  "ỦY BAN NHÂN DÂN",
  "TỈNH LONG AN",
  "Số: 15/CĐ-UBND",
  "Long An, ngày 20 tháng 7 năm 2021",
  "CÔNG ĐIỆN",
  "Về việc tăng cường phòng, chống dịch COVID-19 trên địa bàn tỉnh",
  "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:",
  "- Giám đốc Sở Y tế;",
  "- Giám đốc Công an tỉnh;",
  "- Chủ tịch UBND các huyện, thị xã, thành phố.",
  "Trước tình hình dịch bệnh diễn biến phức tạp, Chủ tịch UBND tỉnh yêu cầu:",
  "1. Giám đốc Sở Y tế tổ chức xét nghiệm diện rộng tại các khu vực nguy cơ, hoàn thành trước ngày 25/7/2021.",
  "2. Giao Công an tỉnh chủ trì, phối hợp với Sở Y tế kiểm soát chặt chẽ các chốt ra vào tỉnh.",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT.",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "Nguyễn Văn Út",
].join("\n");

const input = (p: Proposal, draft: NoticeDraft = p.draft) => ({
  sourceText: p.sourceText,
  draft,
  acceptedNewAgencies: [],
  acknowledgeDuplicates: true,
  publish: true,
});
const withDirective = (draft: NoticeDraft, i: number, patch: Partial<NoticeDraft["directives"][number]>) => ({
  ...draft,
  directives: draft.directives.map((d, j) => (j === i ? { ...d, ...patch } : d)),
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  sec = await user("longan.vanphong");
});
afterAll(async () => {
  signInAs(null);
  await t?.drop();
});

describe("deadlines on confirmation", () => {
  it("refuses a deadline computed from a phrase whose date was cleared, on that directive's date, storing nothing", async () => {
    const p = await proposeNotice(t.prisma, sec, CONG_DIEN);
    const i = p.draft.directives.findIndex((d) => d.deadline?.dueOn === "2021-07-24");
    expect(i, "the proposal reads 'trước ngày 25/7/2021'").toBeGreaterThanOrEqual(0);
    const cleared = withDirective(p.draft, i, { deadline: { ...p.draft.directives[i]!.deadline!, dueOn: null } });
    const before = await t.prisma.notice.count();

    const err = await confirmNotice(t.prisma, sec, input(p, cleared)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toMatch(/^Nhiệm vụ 1: .*chưa có ngày/);
    expect((err as ValidationError).fieldErrors).toEqual({
      [`draft.directives.${i}.deadline.dueOn`]: [UNDATED_DEADLINE_MESSAGE],
    });

    // Through the gate: the same message beside the same field.
    useDbForTests(t.prisma);
    signInAs(sec);
    const result = await confirmNoticeAction(input(p, cleared));
    expect(result).toMatchObject({ ok: false, code: "invalid", message: UNDATED_DEADLINE_MESSAGE });
    expect(!result.ok && result.fieldErrors?.[`draft.directives.${i}.deadline.dueOn`]).toEqual([
      UNDATED_DEADLINE_MESSAGE,
    ]);
    expect(await t.prisma.notice.count()).toBe(before);
  });

  it("stores 'Thường xuyên' and 'Không có thời hạn' chosen with no words of the notice", async () => {
    const p = await proposeNotice(t.prisma, sec, CONG_DIEN);
    const blank = { dueOn: null, dueAt: null, phrase: "", startOn: null, recurrence: null, target: null };
    let draft = withDirective(p.draft, 0, { deadline: { kind: "ongoing", ...blank } });
    draft = withDirective(draft, 1, { deadline: { kind: "none", ...blank } });
    const id = await confirmNotice(t.prisma, sec, input(p, draft));
    const stored = await t.prisma.directive.findMany({
      where: { noticeId: id },
      orderBy: { position: "asc" },
      select: { deadlineKind: true, dueOn: true, deadlinePhrase: true, assignments: { select: { dueOn: true } } },
    });
    expect(stored.map((d) => [d.deadlineKind, d.dueOn, d.deadlinePhrase])).toEqual([
      ["ongoing", null, null],
      ["none", null, null],
    ]);
    expect(stored.flatMap((d) => d.assignments.map((a) => a.dueOn))).toEqual(
      stored.flatMap((d) => d.assignments.map(() => null)),
    );
  });

  it("still wants the words of the notice for a dated deadline", async () => {
    const p = await proposeNotice(t.prisma, sec, CONG_DIEN);
    const i = p.draft.directives.findIndex((d) => d.deadline);
    const draft = withDirective(p.draft, i, { deadline: { ...p.draft.directives[i]!.deadline!, phrase: " " } });
    useDbForTests(t.prisma);
    signInAs(sec);
    const result = await confirmNoticeAction(input(p, draft));
    expect(!result.ok && result.fieldErrors?.[`draft.directives.${i}.deadline.phrase`]).toEqual([
      "Cần giữ nguyên văn thời hạn",
    ]);
  });
});

describe("a Công điện", () => {
  it("stores its urgency and audience, every directive urgent, the signing formula's lines kept", async () => {
    const p = await proposeNotice(t.prisma, sec, CONG_DIEN);
    expect(p.draft.notice.kind).toBe("CD");
    expect(p.draft.notice.urgency).toBe("hoa_toc");
    expect(p.draft.notice.audience).toEqual([
      "Giám đốc Sở Y tế",
      "Giám đốc Công an tỉnh",
      "Chủ tịch UBND các huyện, thị xã, thành phố",
    ]);
    // The secretariat edits the audience, unticks a directive's urgency, fixes the formula.
    const draft: NoticeDraft = {
      notice: {
        ...p.draft.notice,
        audience: ["Giám đốc Sở Y tế", "", "Giám đốc Công an tỉnh "],
        signingFormula: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
      },
      directives: p.draft.directives.map((d, i) => (i === 0 ? { ...d, urgent: false } : d)),
    };
    const id = await confirmNotice(t.prisma, sec, input(p, draft));
    const stored = await getNotice(t.prisma, sec, id);
    expect(stored.urgency).toBe("hoa_toc");
    expect(stored.audience).toEqual(["Giám đốc Sở Y tế", "Giám đốc Công an tỉnh"]);
    expect(stored.signingFormula).toBe("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
    expect(stored.directives.map((d) => d.urgent)).toEqual(stored.directives.map(() => true));

    const syt = stored.directives.flatMap((d) => d.assignments).find((a) => a.agencyName === "Sở Y tế")!;
    const board = await agencyBoard(t.prisma, sec, syt.agencyId);
    const items = board.items.filter((it) => it.notice.id === id);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((it) => it.directive.urgent)).toBe(true);
    expect(items.map((it) => it.notice.urgency)).toEqual(items.map(() => "hoa_toc"));
  });

  it("stores a notice without them as before: no urgency, no audience", async () => {
    const p = await proposeNotice(t.prisma, sec, CONG_DIEN.replace("HỎA TỐC\n", ""));
    const { urgency: _u, audience: _a, ...notice } = p.draft.notice;
    const id = await confirmNotice(t.prisma, sec, input(p, { ...p.draft, notice }));
    const stored = await getNotice(t.prisma, sec, id);
    expect([stored.urgency, stored.audience]).toEqual([null, []]);
    expect(stored.directives.some((d) => !d.urgent)).toBe(true);
  });
});

describe("a notice nearly the same as a stored one", () => {
  it("is flagged with the same meeting day and directives though its number differs; confirmed once acknowledged", async () => {
    const text = seedSourceText("002_8df910bebcacd667.txt").replace(/875\s*\/TB-VPUBND/, "876/TB-VPUBND");
    const p = await proposeNotice(t.prisma, sec, `${text}\n`);
    expect(p.draft.notice.number).toBe("876/TB-VPUBND");
    const stored = await t.prisma.notice.findFirstOrThrow({
      where: { province: { name: "Long An" }, number: { contains: "875" } },
      select: { id: true },
    });
    expect(p.duplicates).toContainEqual(expect.objectContaining({ id: stored.id, reason: "same_directives" }));

    const base = { ...input(p), acknowledgeDuplicates: false };
    const refused = await confirmNotice(t.prisma, sec, base).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DuplicateNoticeError);
    expect((refused as DuplicateNoticeError).duplicates.map((d) => d.id)).toContain(stored.id);
    const id = await confirmNotice(t.prisma, sec, { ...base, acknowledgeDuplicates: true });
    expect(id).toBeGreaterThan(stored.id);
  });

  it("is not flagged with half of the directives, nor on another day", async () => {
    const p = await proposeNotice(t.prisma, sec, seedSourceText("002_8df910bebcacd667.txt"));
    const half = p.draft.directives.slice(0, Math.floor(p.draft.directives.length / 2));
    const n = { ...p.draft.notice, number: "999/TB-VPUBND" };
    const reasons = async (notice: typeof n, directives: typeof half) =>
      (await findDuplicates(t.prisma, sec.provinceId!, notice, "other text", directives)).map((d) => d.reason);
    expect(await reasons(n, p.draft.directives)).toContain("same_directives");
    expect(await reasons(n, half)).toEqual([]);
    expect(await reasons({ ...n, meetingOn: "2021-06-01", issuedOn: "2021-06-01" }, p.draft.directives)).toEqual([]);
    // Another province's secretariat never sees Long An's notices as duplicates.
    const laiChau = await user("laichau.vanphong");
    expect(
      (await findDuplicates(t.prisma, laiChau.provinceId!, n, "other text", p.draft.directives)).map((d) => d.id),
    ).toEqual([]);
  });
});
