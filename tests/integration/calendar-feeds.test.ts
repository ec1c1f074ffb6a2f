import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { PageProps } from "@/lib/auth/gate";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { createFeedAction, revokeFeedAction } from "@/lib/feeds/actions";
import { createFeed, feedStatus, FEED_LIMIT, revokeFeed } from "@/lib/feeds/feeds";
import { hashSecret } from "@/lib/api/tokens";
import { createNotice } from "@/lib/notices/create";
import type { Deadline } from "@/lib/notices/draft";
import { fromIsoDay } from "@/lib/time/calendar";
import { onClock } from "@/lib/time/today";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";
import { isVietnamese } from "@/tests/helpers/vietnamese";
import * as feedRoute from "@/app/api/lich/[secret]/route";

// Calendar feeds (issue 15): on the demo's seed (no history) of Long An, two agencies of the test's
// own with a fixture of notices whose tasks are counted by hand below, judged on 31/12/2021 (a
// Friday). Each feed is fetched through its route handler, as a phone calendar would, and read
// back with ical.js.

const TODAY = "2021-12-31";
const clock = { today: () => TODAY, now: () => new Date(`${TODAY}T03:00:00Z`) };
const BASE = "http://localhost:3000";
const A = "Ban Thử nghiệm Lịch A";
const B = "Ban Thử nghiệm Lịch B";

let t: TestDatabase;
let provinceId: number;
let agencyA: number;
let agencyB: number;
let staffA: SessionUser;
let staffB: SessionUser;
let secretariat: SessionUser;
let chairman: SessionUser;
let langSonStaff: SessionUser;
let completedTask: number;
let extendedTask: number;

const exact = (dueOn: string): Deadline => ({
  kind: "exact",
  dueOn,
  dueAt: null,
  phrase: `chậm nhất ngày ${dueOn.split("-").reverse().join("/")}`,
  startOn: null,
  recurrence: null,
  target: null,
});

interface Fixture {
  number: string;
  status: "draft" | "published";
  directives: { ref: string; text: string; deadline: Deadline | null; agencies: [string, "lead" | "support"][] }[];
}

async function notice(f: Fixture): Promise<number> {
  return createNotice(
    t.prisma,
    null,
    provinceId,
    {
      sourceText: `Thông báo ${f.number}`,
      draft: {
        notice: {
          kind: "TB",
          number: f.number,
          issuer: "Ban Chỉ đạo tỉnh Long An",
          place: "Long An",
          issuedOn: "2021-11-01",
          issuedPrecision: "day",
          title: `Kết luận ${f.number} về phòng, chống dịch`,
          meetingOn: null,
          chair: null,
          signer: null,
          signingFormula: null,
          recipients: [],
          citations: [],
        },
        directives: f.directives.map((d) => ({
          ref: d.ref,
          text: d.text,
          urgent: false,
          deadline: d.deadline,
          assignments: d.agencies.map(([agency, role]) => ({ agency, role, viaGroup: null, isNew: false })),
        })),
      },
    },
    { status: f.status, createNewAgencies: false },
  );
}

async function user(username: string): Promise<SessionUser> {
  const row = await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(t.prisma, row.id))!;
}

async function staffOf(username: string, agencyId: number): Promise<SessionUser> {
  const passwordHash = (await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.syt" } })).passwordHash;
  await t.prisma.user.create({
    data: {
      username,
      name: `Cán bộ ${username}`,
      passwordHash,
      role: "agency_staff",
      provinceId,
      agencies: { create: [{ agencyId }] },
    },
  });
  return user(username);
}

interface Fetched {
  status: number;
  contentType: string | null;
  text: string;
}

async function fetchFeed(secretOrUrl: string): Promise<Fetched> {
  const secret = secretOrUrl.replace(/^.*\/api\/lich\//, "");
  const res = await onClock(clock, () =>
    feedRoute.GET(new Request(`${BASE}/api/lich/${secret}`), { params: Promise.resolve({ secret }) }),
  );
  return { status: res.status, contentType: res.headers.get("content-type"), text: await res.text() };
}

interface Event {
  uid: string;
  summary: string;
  description: string;
  url: string;
  start: string;
  allDay: boolean;
  end: string;
}

function parse(text: string): { name: string; timezone: string; events: Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      url: String(c.getFirstPropertyValue("url")),
      start: e.startDate.toString(),
      allDay: e.startDate.isDate,
      end: e.endDate.toString(),
    };
  });
  return {
    name: String(calendar.getFirstPropertyValue("x-wr-calname")),
    timezone: String(calendar.getFirstPropertyValue("x-wr-timezone")),
    events: events.sort((a, b) => a.start.localeCompare(b.start)),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  useDbForTests(t.prisma);
  secretariat = await user("longan.vanphong");
  chairman = await user("longan.chutich");
  langSonStaff = await user("langson.syt");
  provinceId = secretariat.provinceId!;
  agencyA = (await t.prisma.agency.create({ data: { provinceId, name: A, shortName: "BTL-A", kind: "department" } }))
    .id;
  agencyB = (await t.prisma.agency.create({ data: { provinceId, name: B, shortName: "BTL-B", kind: "department" } }))
    .id;
  staffA = await staffOf("longan.thulich.a", agencyA);
  staffB = await staffOf("longan.thulich.b", agencyB);

  await notice({
    number: "950/TB-LICH",
    status: "published",
    directives: [
      {
        ref: "1",
        text: "Tổ chức tiêm vắc xin mũi 3 cho người trên 50 tuổi",
        deadline: exact("2022-01-10"),
        agencies: [
          [A, "lead"],
          [B, "support"],
        ],
      },
      {
        ref: "2",
        text: "Rà soát danh sách F0 điều trị tại nhà",
        deadline: exact("2021-12-20"),
        agencies: [[A, "support"]],
      },
      {
        ref: "3",
        text: "Tuyên truyền thường xuyên về 5K",
        deadline: { ...exact("2021-12-01"), kind: "ongoing", dueOn: null, phrase: "thường xuyên" },
        agencies: [[A, "lead"]],
      },
      {
        ref: "4",
        text: "Báo cáo tình hình dịch hằng tuần vào thứ Sáu",
        deadline: { ...exact("2021-11-05"), kind: "recurring", recurrence: "weekly", phrase: "hằng tuần vào thứ Sáu" },
        agencies: [[A, "lead"]],
      },
      { ref: "5", text: "Hoàn thiện khu cách ly tập trung", deadline: exact("2022-02-01"), agencies: [[A, "lead"]] },
      { ref: "6", text: "Mua sắm bổ sung máy thở", deadline: exact("2022-01-05"), agencies: [[A, "lead"]] },
    ],
  });
  const withdrawn = await notice({
    number: "951/TB-LICH",
    status: "published",
    directives: [
      { ref: "1", text: "Lập chốt kiểm soát liên tỉnh", deadline: exact("2022-01-15"), agencies: [[A, "lead"]] },
    ],
  });
  await notice({
    number: "952/TB-LICH",
    status: "draft",
    directives: [
      { ref: "1", text: "Dự thảo: phân luồng giao thông", deadline: exact("2022-01-12"), agencies: [[A, "lead"]] },
    ],
  });
  await t.prisma.notice.update({
    where: { id: withdrawn },
    data: { status: "withdrawn", withdrawnAt: new Date(`${TODAY}T01:00:00Z`), withdrawnReason: "Thử nghiệm" },
  });
  const task = (text: string) =>
    t.prisma.assignment.findFirstOrThrow({ where: { agencyId: agencyA, directive: { text } }, select: { id: true } });
  completedTask = (await task("Hoàn thiện khu cách ly tập trung")).id;
  await t.prisma.assignment.update({
    where: { id: completedTask },
    data: { state: "completed", completedOn: fromIsoDay("2021-12-15") },
  });
  // An approved extension: the assignment's day moves, the directive keeps the notice's.
  extendedTask = (await task("Mua sắm bổ sung máy thở")).id;
  await t.prisma.assignment.update({ where: { id: extendedTask }, data: { dueOn: fromIsoDay("2022-01-20") } });
}, 180_000);

afterAll(async () => {
  signInAs(null);
  await t?.drop();
});

describe("an agency's feed", () => {
  it("lists the agency's open tasks with a deadline on their current due day, and nothing else", async () => {
    const { secret } = await onClock(clock, () => createFeed(t.prisma, staffA, { agencyId: agencyA }));
    const res = await fetchFeed(`${secret}.ics`);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("text/calendar; charset=utf-8");
    const feed = parse(res.text);
    expect(feed.name).toBe(`Nhiệm vụ – ${A}`);
    expect(feed.timezone).toBe("Asia/Ho_Chi_Minh");
    // By hand: 950 items 1, 2, 4 and 6. Not item 3 (no deadline), 5 (completed), 951 (withdrawn), 952 (draft).
    expect(feed.events.map((e) => [e.start, e.summary])).toEqual([
      ["2021-12-20", `[${A}] Hạn: Rà soát danh sách F0 điều trị tại nhà`],
      // Weekly from Friday 05/11/2021: this week's report is due Friday 31/12/2021.
      ["2021-12-31", `[${A}] Hạn: Báo cáo tình hình dịch hằng tuần vào thứ Sáu`],
      ["2022-01-10", `[${A}] Hạn: Tổ chức tiêm vắc xin mũi 3 cho người trên 50 tuổi`],
      // Extended from 05/01/2022.
      ["2022-01-20", `[${A}] Hạn: Mua sắm bổ sung máy thở`],
    ]);
    for (const e of feed.events) {
      expect(e.allDay).toBe(true);
      expect(e.uid).toMatch(/^assignment-\d+@localhost:3000$/);
      expect(e.url).toBe(`${BASE}/nhiem-vu/${e.uid.match(/\d+/)![0]}`);
      expect(e.description).toContain("Thông báo số 950/TB-LICH, ngày 01/11/2021");
      expect(e.description).toContain(`Xem nhiệm vụ: ${e.url}`);
    }
    const [overdue, weekly, , extended] = feed.events;
    expect(overdue!.description).toContain(`Cơ quan: ${A} (phối hợp)`);
    expect(overdue!.description).toContain("Trạng thái: Chưa thực hiện · Quá hạn 11 ngày");
    expect(weekly!.description).toContain("Hạn báo cáo kỳ này: 31/12/2021 (định kỳ hằng tuần)");
    expect(extended!.uid).toBe(`assignment-${extendedTask}@localhost:3000`);
    expect(extended!.end).toBe("2022-01-21");
    expect(extended!.description).toContain("Hạn: 20/01/2022 (đã gia hạn, hạn ban đầu 05/01/2022)");
    expect(extended!.description).toContain(`Cơ quan: ${A} (chủ trì)`);
    expect(feed.events.some((e) => e.uid === `assignment-${completedTask}@localhost:3000`)).toBe(false);
  });

  it("shows another agency's tasks in that agency's feed only", async () => {
    const { secret } = await onClock(clock, () => createFeed(t.prisma, staffB, { agencyId: agencyB }));
    const feed = parse((await fetchFeed(secret)).text);
    expect(feed.events.map((e) => [e.start, e.summary])).toEqual([
      ["2022-01-10", `[${B}] Hạn: Tổ chức tiêm vắc xin mũi 3 cho người trên 50 tuổi`],
    ]);
    expect(feed.events[0]!.description).toContain(`Cơ quan: ${B} (phối hợp)`);
  });

  it("is managed by its staff, the secretariat and the administrator; not by another agency or province", async () => {
    await expect(createFeed(t.prisma, staffB, { agencyId: agencyA })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createFeed(t.prisma, langSonStaff, { agencyId: agencyA })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createFeed(t.prisma, chairman, { agencyId: agencyA })).rejects.toMatchObject({ code: "forbidden" });
    const made = await onClock(clock, () => createFeed(t.prisma, secretariat, { agencyId: agencyA }));
    expect(made.replaced).toBe(1);
    expect((await feedStatus(t.prisma, staffA, { agencyId: agencyA }))?.id).toBe(made.id);
    await expect(revokeFeed(t.prisma, staffB, made.id)).rejects.toMatchObject({ code: "not_found" });
    expect(parse((await fetchFeed(made.secret)).text).events).toHaveLength(4);
    await revokeFeed(t.prisma, staffA, made.id);
    expect(await feedStatus(t.prisma, staffA, { agencyId: agencyA })).toBeNull();
  });
});

describe("a user's feed", () => {
  it("lists the user's boards' open tasks, with the permissions of the moment", async () => {
    const { secret } = await onClock(clock, () => createFeed(t.prisma, staffA));
    const feed = parse((await fetchFeed(secret)).text);
    expect(feed.name).toBe(`Nhiệm vụ – ${staffA.name}`);
    expect(feed.events.map((e) => e.start)).toEqual(["2021-12-20", "2021-12-31", "2022-01-10", "2022-01-20"]);
    // Moved to agency B: the same address now shows B's board.
    await t.prisma.userAgency.updateMany({ where: { userId: staffA.id }, data: { agencyId: agencyB } });
    expect(parse((await fetchFeed(secret)).text).events.map((e) => e.summary)).toEqual([
      `[${B}] Hạn: Tổ chức tiêm vắc xin mũi 3 cho người trên 50 tuổi`,
    ]);
    await t.prisma.userAgency.updateMany({ where: { userId: staffA.id }, data: { agencyId: agencyA } });
    // Deactivated: the feed is gone.
    await t.prisma.user.update({ where: { id: staffA.id }, data: { active: false } });
    expect((await fetchFeed(secret)).status).toBe(404);
    await t.prisma.user.update({ where: { id: staffA.id }, data: { active: true } });
    expect((await fetchFeed(secret)).status).toBe(200);
    expect(
      (await t.prisma.calendarFeed.findUniqueOrThrow({ where: { tokenHash: hashSecret(secret) } })).lastUsedAt,
    ).not.toBeNull();
  });

  it("for the secretariat: every open task with a deadline of the province's published notices", async () => {
    const { secret } = await onClock(clock, () => createFeed(t.prisma, secretariat));
    const feed = parse((await fetchFeed(secret)).text);
    const expected = await t.prisma.assignment.count({
      where: { provinceId, state: { not: "completed" }, dueOn: { not: null }, notice: { status: "published" } },
    });
    expect(expected).toBeGreaterThan(4);
    expect(expected).toBeLessThanOrEqual(FEED_LIMIT);
    expect(feed.events).toHaveLength(expected);
    expect(feed.events.filter((e) => e.summary.startsWith(`[${A}]`))).toHaveLength(4);
    expect(feed.events.some((e) => e.summary.includes("Lập chốt kiểm soát liên tỉnh"))).toBe(false);
    expect(feed.events.some((e) => e.summary.includes("Dự thảo"))).toBe(false);
  });

  it("a new address replaces the old one; a revoked or unknown address is 404 in Vietnamese", async () => {
    const first = await onClock(clock, () => createFeed(t.prisma, staffB));
    const second = await onClock(clock, () => createFeed(t.prisma, staffB));
    expect(second.replaced).toBe(1);
    const old = await fetchFeed(first.secret);
    expect(old.status).toBe(404);
    expect(isVietnamese(old.text)).toBe(true);
    expect((await fetchFeed(second.secret)).status).toBe(200);
    await revokeFeed(t.prisma, staffB, second.id);
    expect((await fetchFeed(second.secret)).status).toBe(404);
    await expect(revokeFeed(t.prisma, staffB, second.id)).rejects.toMatchObject({ code: "conflict" });
    for (const bad of ["", "x.ics", "cdl_khong-co", `${second.secret.slice(0, -1)}A`, "cdt_abc"])
      expect((await fetchFeed(bad)).status).toBe(404);
    // Only the hash is stored.
    const rows = await t.prisma.calendarFeed.findMany({ select: { tokenHash: true } });
    expect(rows.some((r) => r.tokenHash === first.secret || r.tokenHash.includes("cdl_"))).toBe(false);
  });
});

describe("the pages", () => {
  // The page's element tree as text: its strings and its components' props (React's own fields left out).
  const render = async (mod: { default: (p: PageProps) => Promise<unknown> }, id?: number) => {
    const tree = await onClock(clock, () =>
      mod.default({ params: Promise.resolve(id ? { id: String(id) } : {}), searchParams: Promise.resolve({}) }),
    );
    const seen = new WeakSet<object>();
    return JSON.stringify(tree, (key, value: unknown) => {
      if (key.startsWith("_")) return undefined;
      if (value && typeof value === "object") {
        if (seen.has(value)) return undefined;
        seen.add(value);
      }
      return value;
    });
  };

  it("the account page offers one's own feed, the board page the agency's to whoever manages it", async () => {
    const account = await import("@/app/(app)/tai-khoan/page");
    const board = await import("@/app/(app)/co-quan/[id]/page");
    const made = await onClock(clock, () => createFeed(t.prisma, staffB, { agencyId: agencyB }));
    for (const [who, own, agency] of [
      [staffB, true, true],
      [secretariat, true, true],
      [chairman, true, false],
    ] as const) {
      signInAs(who);
      expect((await render(account)).includes("Lịch trên điện thoại"), who.username).toBe(own);
      const html = await render(board, agencyB);
      expect(html.includes(`"agencyId":${agencyB}`), who.username).toBe(agency);
      // The feed in use is shown by its id (to revoke it), never by its address.
      if (agency) expect(html).toContain(`"id":${made.id}`);
      expect(html).not.toContain(made.secret);
    }
    signInAs(null);
  });
});

describe("the account page's actions", () => {
  it("create shows the address once; revoke stops it; another user's feed is not there", async () => {
    signInAs(staffA);
    const created = (await createFeedAction(null, new FormData())) as {
      ok: boolean;
      message: string;
      feedId: number;
      url: string;
    };
    expect(created.ok).toBe(true);
    expect(created.url).toMatch(/^http:\/\/localhost:3000\/api\/lich\/cdl_[\w-]{43}\.ics$/);
    expect(isVietnamese(created.message)).toBe(true);
    expect(parse((await fetchFeed(created.url)).text).events).toHaveLength(4);
    const revoke = new FormData();
    revoke.set("feedId", String(created.feedId));
    signInAs(staffB);
    expect(await revokeFeedAction(null, revoke)).toMatchObject({ ok: false, code: "not_found" });
    signInAs(staffA);
    expect(await revokeFeedAction(null, revoke)).toMatchObject({ ok: true });
    expect((await fetchFeed(created.url)).status).toBe(404);
    const audits = await t.prisma.auditLog.findMany({
      where: { entityType: "CalendarFeed", entityId: created.feedId },
      select: { action: true },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(["calendarFeed.create", "calendarFeed.revoke"]);
    signInAs(null);
    expect(await createFeedAction(null, new FormData())).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
