import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyBoard } from "@/lib/assignments/board";
import { assignmentTimeline, getAssignmentDetail } from "@/lib/assignments/detail";
import { reportProgress } from "@/lib/assignments/workflow";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { carryCandidates, carryDirectives } from "@/lib/notices/carry-over";
import { createNotice } from "@/lib/notices/create";
import { ZLinkNotice, ZWithdrawNotice } from "@/lib/notices/edit-schemas";
import { StaleNoticeError } from "@/lib/notices/edit-types";
import { noticeLife } from "@/lib/notices/life";
import { linkNotice, noticeLinks, unlinkNotice } from "@/lib/notices/links";
import { getNotice, searchNotices } from "@/lib/notices/queries";
import { parseNoticeSearch } from "@/lib/notices/search-query";
import { withdrawNotice } from "@/lib/notices/withdraw";
import { agencyTable } from "@/lib/reports/running-totals";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// Issue 14, a notice's life: a published notice withdrawn (thu hồi) with a reason leaves every
// figure, board and search's "has overdue tasks" without its open tasks counted as overdue, and
// keeps its history; a later notice continues or replaces an earlier one, carrying its open
// directives over (same tasks, same history) or closing them; both pages show the link.

const TODAY = "2021-10-01";
let t: TestDatabase;
let sec: SessionUser;
let syt: SessionUser;
let provinceId: number;
let sytId: number;
const user = async (username: string): Promise<SessionUser> =>
  (await loadSessionUser(
    t.prisma,
    (await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id,
  ))!;

/** A published notice with one directive for Sở Y tế per due day given (null: no deadline). */
async function published(number: string, issuedOn: string, dues: (string | null)[]): Promise<number> {
  return createNotice(
    t.prisma,
    sec,
    provinceId,
    {
      sourceText: `Thông báo ${number}`,
      draft: {
        notice: {
          kind: "TB",
          number,
          issuer: "UBND tỉnh Long An",
          place: null,
          issuedOn,
          issuedPrecision: "day",
          title: `Kết luận kiểm thử ${number}`,
          meetingOn: issuedOn,
          chair: null,
          signer: null,
          signingFormula: null,
          recipients: [],
          citations: [],
        },
        directives: dues.map((due, i) => ({
          ref: String(i + 1),
          text: `Sở Y tế thực hiện việc ${i + 1} của ${number}.`,
          urgent: false,
          deadline: due
            ? {
                kind: "exact" as const,
                dueOn: due,
                dueAt: null,
                phrase: `chậm nhất ngày ${due}`,
                startOn: null,
                recurrence: null,
                target: null,
              }
            : null,
          assignments: [{ agency: "Sở Y tế", role: "lead" as const, viaGroup: null, isNew: false }],
        })),
      },
    },
    { status: "published", createNewAgencies: false },
  );
}

const version = async (id: number) =>
  (await t.prisma.notice.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const overdueOf = async (u: SessionUser) =>
  (await agencyTable(t.prisma, u, TODAY)).find((r) => r.agency.id === sytId)?.overdue ?? 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  sec = await user("longan.vanphong");
  syt = await user("longan.syt");
  const agency = await t.prisma.agency.findFirstOrThrow({
    where: { name: "Sở Y tế", province: { users: { some: { username: "longan.vanphong" } } } },
    select: { id: true, provinceId: true },
  });
  sytId = agency.id;
  provinceId = agency.provinceId;
});

afterAll(async () => {
  await t?.drop();
});

describe("withdrawing a published notice", () => {
  it("ends its open tasks everywhere without counting them overdue, and keeps its history", async () => {
    const before = await overdueOf(sec);
    const id = await published("901/TB-KT", "2021-09-01", ["2021-09-10", "2021-09-12", null]);
    expect(await overdueOf(sec)).toBe(before + 2);
    const board = await agencyBoard(t.prisma, syt, sytId, { notice: id }, TODAY);
    expect(board.items.length).toBe(3);
    const overdueSearch = parseNoticeSearch({ overdue: "1", q: "901/TB-KT" });
    expect((await searchNotices(t.prisma, sec, TODAY, overdueSearch)).total).toBe(1);

    // Agency staff may not withdraw; a stale version is refused; a short reason is refused in Vietnamese.
    await expect(
      withdrawNotice(t.prisma, syt, { noticeId: id, version: 1, reason: "Không còn phù hợp" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      withdrawNotice(t.prisma, sec, { noticeId: id, version: 99, reason: "Không còn phù hợp" }),
    ).rejects.toThrow(StaleNoticeError);
    const short = ZWithdrawNotice.safeParse({ noticeId: id, version: 1, reason: "x" });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toMatch(/lý do thu hồi/);

    const r = await withdrawNotice(t.prisma, sec, {
      noticeId: id,
      version: await version(id),
      reason: "Đã có văn bản khác điều chỉnh",
    });
    expect(r.openTasks).toBe(3);
    await expect(
      withdrawNotice(t.prisma, sec, { noticeId: id, version: await version(id), reason: "Thu hồi lần nữa" }),
    ).rejects.toThrow(/đã được thu hồi/);

    // Figures, board and the overdue search no longer count its tasks.
    expect(await overdueOf(sec)).toBe(before);
    expect((await agencyBoard(t.prisma, syt, sytId, { notice: id }, TODAY)).items.length).toBe(0);
    expect((await searchNotices(t.prisma, sec, TODAY, overdueSearch)).total).toBe(0);
    const listed = await searchNotices(
      t.prisma,
      syt,
      TODAY,
      parseNoticeSearch({ status: "withdrawn", q: "901/TB-KT" }),
    );
    expect(listed.items.map((n) => [n.id, n.status, n.overdueCount])).toEqual([[id, "withdrawn", 0]]);

    // Still readable by the agency, its task takes no step, and the reason is on the notice.
    const notice = await getNotice(t.prisma, syt, id, TODAY);
    expect(notice.status).toBe("withdrawn");
    expect(notice.withdrawnReason).toBe("Đã có văn bản khác điều chỉnh");
    const task = await t.prisma.assignment.findFirstOrThrow({
      where: { noticeId: id },
      select: { id: true, version: true },
    });
    const detail = await getAssignmentDetail(t.prisma, syt, task.id);
    expect(detail.permissions.work).toBe(false);
    const events = await assignmentTimeline(t.prisma, syt, detail.directive.id, { assignmentId: task.id });
    expect(events[0]?.label).toBe("Thông báo bị thu hồi, nhiệm vụ kết thúc: Đã có văn bản khác điều chỉnh");
    await expect(
      reportProgress(t.prisma, syt, { assignmentId: task.id, version: task.version, text: "Đang làm tiếp" }),
    ).rejects.toThrow(/đã bị thu hồi/);

    const life = await noticeLife(t.prisma, sec, id);
    expect(life.history.map((e) => e.label)).toContain("Thu hồi thông báo: Đã có văn bản khác điều chỉnh");
    const told = await t.prisma.notification.findMany({
      where: { kind: "withdrawn", user: { username: "longan.syt" } },
    });
    expect(told.map((n) => n.title)).toEqual([expect.stringMatching(/901\/TB-KT.*đã bị thu hồi: 3 nhiệm vụ/)]);
  });

  it("refuses to withdraw a draft (it is deleted instead)", async () => {
    const id = await published("902/TB-KT", "2021-09-02", [null]);
    await t.prisma.notice.update({ where: { id }, data: { status: "draft" } });
    await expect(
      withdrawNotice(t.prisma, sec, { noticeId: id, version: await version(id), reason: "Nhập nhầm thông báo" }),
    ).rejects.toThrow(ConflictError);
  });
});

describe("links between notices", () => {
  it("shows a continuation on both pages and in both histories, once, and can be removed", async () => {
    const earlier = await published("910/TB-KT", "2021-09-03", ["2021-12-01"]);
    const later = await published("911/TB-KT", "2021-09-20", [null]);
    const input = ZLinkNotice.parse({ noticeId: later, kind: "continues", targetNumber: "910/tb-kt" });
    const r = await linkNotice(t.prisma, sec, input);
    expect(r.moved).toBe(0);
    await expect(linkNotice(t.prisma, sec, input)).rejects.toThrow(/đã được liên kết/);
    await expect(
      linkNotice(t.prisma, sec, ZLinkNotice.parse({ noticeId: earlier, kind: "continues", targetId: String(later) })),
    ).rejects.toThrow(/liên kết ngược lại/);
    await expect(
      linkNotice(t.prisma, syt, ZLinkNotice.parse({ noticeId: later, kind: "replaces", targetId: String(earlier) })),
    ).rejects.toThrow(ForbiddenError);
    const unknown = linkNotice(
      t.prisma,
      sec,
      ZLinkNotice.parse({ noticeId: later, kind: "continues", targetNumber: "999/XX" }),
    );
    await expect(unknown).rejects.toThrow(ValidationError);
    await expect(unknown).rejects.toThrow(/Không có thông báo số “999\/XX”/);

    const fromLater = await noticeLinks(t.prisma, syt, { id: later, provinceId, number: "911/TB-KT" });
    expect(fromLater.links.map((l) => [l.relation, l.noticeId])).toEqual([["Tiếp tục", earlier]]);
    const fromEarlier = await noticeLinks(t.prisma, syt, { id: earlier, provinceId, number: "910/TB-KT" });
    expect(fromEarlier.links.map((l) => [l.relation, l.noticeId])).toEqual([["Được tiếp tục bởi", later]]);
    const history = (await noticeLife(t.prisma, sec, earlier)).history.map((e) => e.label);
    expect(history.some((l) => /^Thêm liên kết với thông báo khác: được tiếp tục bởi .*911\/TB-KT/.test(l))).toBe(true);

    await unlinkNotice(t.prisma, sec, { linkId: r.linkId });
    expect((await noticeLinks(t.prisma, sec, { id: later, provinceId, number: null })).links).toEqual([]);
  });

  it("a replacement carries the open directives over with their tasks and history, or closes them", async () => {
    const old = await published("920/TB-KT", "2021-09-04", ["2021-09-15", "2021-12-20"]);
    const [first, second] = await t.prisma.assignment.findMany({
      where: { noticeId: old },
      orderBy: { id: "asc" },
      select: { id: true, version: true, directiveId: true },
    });
    await reportProgress(t.prisma, syt, {
      assignmentId: first!.id,
      version: first!.version,
      text: "Đã triển khai 50%",
    });
    const replacing = await published("921/TB-KT", "2021-09-25", [null]);
    const r = await linkNotice(
      t.prisma,
      sec,
      ZLinkNotice.parse({ noticeId: replacing, kind: "replaces", targetId: String(old), open: "move" }),
    );
    expect(r.moved).toBe(2);
    const moved = await t.prisma.assignment.findMany({
      where: { id: { in: [first!.id, second!.id] } },
      select: { noticeId: true, directive: { select: { noticeId: true, carriedFromNoticeId: true } } },
    });
    expect(moved.every((a) => a.noticeId === replacing && a.directive.noticeId === replacing)).toBe(true);
    expect(moved.every((a) => a.directive.carriedFromNoticeId === old)).toBe(true);
    // The same task, with its report, now under the replacing notice; the running totals followed.
    const detail = await getAssignmentDetail(t.prisma, syt, first!.id);
    expect(detail.notice.id).toBe(replacing);
    expect(detail.reports.map((x) => x.text)).toEqual(["Đã triển khai 50%"]);
    const tally = await t.prisma.assignmentTally.findMany({ where: { noticeId: { in: [old, replacing] } } });
    expect(tally.find((x) => x.noticeId === replacing)?.assigned).toBe(3);
    expect(tally.find((x) => x.noticeId === old)).toBeUndefined();
    const oldLinks = await noticeLinks(t.prisma, sec, { id: old, provinceId, number: "920/TB-KT" });
    expect(oldLinks.carriedOut).toEqual([
      { noticeId: replacing, label: expect.stringContaining("921/TB-KT"), refs: ["1", "2"] },
    ]);

    const other = await published("930/TB-KT", "2021-09-05", ["2021-09-16"]);
    const closing = await published("931/TB-KT", "2021-09-26", [null]);
    const before = await overdueOf(sec);
    const c = await linkNotice(
      t.prisma,
      sec,
      ZLinkNotice.parse({ noticeId: closing, kind: "replaces", targetId: String(other), open: "close" }),
    );
    expect(c.closed).toBe(1);
    const closed = await t.prisma.notice.findUniqueOrThrow({ where: { id: other } });
    expect(closed.status).toBe("withdrawn");
    expect(closed.withdrawnReason).toMatch(/^Được thay thế bởi Thông báo số 931\/TB-KT/);
    expect(await overdueOf(sec)).toBe(before - 1);
    expect(ZLinkNotice.safeParse({ noticeId: closing, kind: "continues", targetId: "1", open: "close" }).success).toBe(
      false,
    );
  });
});

describe("carrying directives over into the meeting's conclusion notice", () => {
  it("offers the agenda's open directives and moves the chosen ones, linking the notices", async () => {
    const earlier = await published("940/TB-KT", "2021-09-06", ["2021-09-18", "2021-12-30"]);
    const conclusion = await published("941/TB-KT", "2021-09-28", [null]);
    const notice = { id: conclusion, provinceId, status: "published", meetingOn: "2021-09-28", issuedOn: "2021-09-28" };
    const candidates = await carryCandidates(t.prisma, sec, notice, TODAY);
    const mine = candidates.filter((c) => c.noticeId === earlier);
    // On the agenda of 28/09: the directive overdue then, not the one due in December.
    expect(mine.map((c) => [c.ref, c.overdue])).toEqual([["1", true]]);

    const stale = carryDirectives(t.prisma, sec, {
      noticeId: conclusion,
      version: 99,
      directiveIds: [mine[0]!.directiveId],
    });
    await expect(stale).rejects.toThrow(StaleNoticeError);
    const r = await carryDirectives(t.prisma, sec, {
      noticeId: conclusion,
      version: await version(conclusion),
      directiveIds: [mine[0]!.directiveId],
    });
    expect(r.directiveIds).toEqual([mine[0]!.directiveId]);
    const links = await noticeLinks(t.prisma, sec, { id: conclusion, provinceId, number: "941/TB-KT" });
    expect(links.links.map((l) => [l.relation, l.noticeId])).toEqual([["Tiếp tục", earlier]]);
    expect(links.carriedIn).toEqual([{ noticeId: earlier, label: expect.stringContaining("940/TB-KT"), refs: ["1"] }]);
    const history = (await noticeLife(t.prisma, sec, conclusion)).history.map((e) => e.label);
    expect(history).toContainEqual(expect.stringMatching(/^Nhận nhiệm vụ chuyển tiếp từ .*940\/TB-KT.*\(mục 1\)/));
    // Carrying it again, or a completed one, is refused by name.
    await expect(
      carryDirectives(t.prisma, sec, {
        noticeId: conclusion,
        version: await version(conclusion),
        directiveIds: [mine[0]!.directiveId],
      }),
    ).rejects.toThrow(/đã thuộc thông báo này/);
  });
});
