// The board filters, counts, sorts and cuts its columns in SQL. These tests build one agency's board
// with known tasks (every state and role, due days around a fixed today and none, ties on the due
// day, 56 published notices, one without an issue date, and a draft notice whose tasks count nowhere)
// and compare agencyBoard with the rules written out in TypeScript (matchesFilters and the sorts as
// the board applied them before), for every due window, sort and view, and the other filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agencyBoard,
  BOARD_COLUMN_LIMIT,
  BOARD_LIST_LIMIT,
  BOARD_NOTICE_OPTIONS,
  type Board,
} from "@/lib/assignments/board";
import { matchesFilters, searchTextOf, type BoardFilters } from "@/lib/assignments/board-filters";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { fromIsoDay } from "@/lib/time/calendar";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

type State = "not_started" | "in_progress" | "submitted" | "completed";
type Role = "lead" | "support";

let t: TestDatabase;
let sec: SessionUser;
let mainAgencyId: number;
let noticeIds: number[]; // published, in creation order; the last one has no issue date
let draftId: number;
const TODAY = "2021-09-15"; // a Wednesday: the week ends 2021-09-19, the month 2021-09-30
const STATES: State[] = ["not_started", "in_progress", "submitted", "completed"];
const DAYS = [
  null,
  "2021-08-25",
  "2021-09-01",
  "2021-09-14",
  "2021-09-15",
  "2021-09-16",
  "2021-09-19",
  "2021-09-20",
  "2021-09-30",
  "2021-10-01",
  "2021-10-10",
];

// A small deterministic generator, so that the board is the same on every run.
let seed = 7;
const next = (n: number) => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) % n;
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  const u = await t.prisma.user.findUniqueOrThrow({ where: { username: "laichau.vanphong" } });
  sec = (await loadSessionUser(t.prisma, u.id))!;
  const provinceId = sec.provinceId!;
  const agency = await t.prisma.agency.create({
    data: { provinceId, name: "Sở Thử nghiệm bảng việc", shortName: "STN", kind: "department" },
  });
  const partner = await t.prisma.agency.create({
    data: { provinceId, name: "Ban Đối tác thử", shortName: "BDT", kind: "department" },
  });
  mainAgencyId = agency.id;

  const notice = (i: number, status: "draft" | "published", issuedOn: string | null) => ({
    provinceId,
    kind: "TB" as const,
    number: status === "draft" ? null : `${i}/TB-THU`,
    issuer: "UBND tỉnh",
    title: `Thông báo thử số ${i}`,
    issuedOn: issuedOn ? fromIsoDay(issuedOn) : null,
    issuedPrecision: issuedOn ? ("day" as const) : ("unknown" as const),
    sourceText: "thử",
    status,
  });
  // Issue days repeat (the notice sort then orders by id), the last published notice has none.
  const published = await t.prisma.notice.createManyAndReturn({
    data: Array.from({ length: 56 }, (_, i) =>
      notice(i + 1, "published", i === 55 ? null : `2021-0${1 + (i % 8)}-${String(1 + (i % 3)).padStart(2, "0")}`),
    ),
    select: { id: true },
  });
  noticeIds = published.map((n) => n.id);
  const draft = await t.prisma.notice.create({ data: notice(99, "draft", "2021-09-10"), select: { id: true } });
  draftId = draft.id;

  // 320 tasks under published notices (every state, the not-started column well over 50, the list over
  // 200), and 12 under the draft, due the earliest of all so that they would lead every order.
  const tasks: Task[] = [];
  for (let i = 0; i < 320; i++) {
    tasks.push({
      noticeId: noticeIds[i < 56 ? 55 - i : next(56)]!, // every notice has a task; the first ones by due day vary
      state: STATES[[0, 0, 0, 1, 1, 2, 3, 3][next(8)]!]!,
      role: next(3) === 0 ? "support" : "lead",
      dueOn: DAYS[next(DAYS.length)]!,
      words: next(4) === 0 ? "kiểm tra an toàn thực phẩm" : "tiêm vắc xin mũi nhắc lại",
    });
  }
  for (let i = 0; i < 12; i++)
    tasks.push({
      noticeId: draftId,
      state: STATES[i % 4]!,
      role: i % 2 ? "lead" : "support",
      dueOn: i % 3 ? "2021-08-01" : null,
      words: "dự thảo",
    });
  await addTasks(agency.id, tasks, partner.id);
});
afterAll(async () => t?.drop());

type Task = { noticeId: number; state: State; role: Role; dueOn: string | null; words: string };
const position = new Map<number, number>();

/** One directive per task, given to the agency (and, every third one, to a partner agency too). */
async function addTasks(agency: number, tasks: Task[], partnerId?: number) {
  const provinceId = sec.provinceId!;
  const directives = await t.prisma.directive.createManyAndReturn({
    data: tasks.map((task, i) => {
      const p = (position.get(task.noticeId) ?? 0) + 1;
      position.set(task.noticeId, p);
      return {
        noticeId: task.noticeId,
        ref: String(p),
        text: `Nhiệm vụ ${i}: ${task.words}`,
        position: p,
        deadlineKind: task.dueOn ? ("exact" as const) : ("none" as const),
        dueOn: task.dueOn ? fromIsoDay(task.dueOn) : null,
      };
    }),
    select: { id: true },
  });
  await t.prisma.assignment.createMany({
    data: tasks.flatMap((task, i) => {
      const mine = {
        directiveId: directives[i]!.id,
        agencyId: agency,
        provinceId,
        noticeId: task.noticeId,
        role: task.role,
        state: task.state,
        dueOn: task.dueOn ? fromIsoDay(task.dueOn) : null,
        completedOn: task.state === "completed" ? fromIsoDay("2021-09-10") : null,
      };
      return partnerId === undefined || i % 3
        ? [mine]
        : [
            mine,
            {
              ...mine,
              agencyId: partnerId,
              role: task.role === "lead" ? ("support" as const) : ("lead" as const),
              state: "not_started" as const,
              completedOn: null,
            },
          ];
    }),
  });
}

interface Row {
  id: number;
  state: State;
  role: Role;
  dueOn: string | null;
  noticeId: number;
  noticeIssuedOn: string | null;
  directiveId: number;
  searchText: string;
}

/** The board as the rules say, computed here from every task of the agency. */
async function expected(filters: BoardFilters, agencyId = mainAgencyId) {
  const all = await t.prisma.assignment.findMany({
    where: { agencyId },
    select: {
      id: true,
      state: true,
      role: true,
      dueOn: true,
      noticeId: true,
      directiveId: true,
      notice: { select: { status: true, issuedOn: true, number: true, title: true } },
      directive: {
        select: {
          text: true,
          ref: true,
          deadlinePhrase: true,
          assignments: { where: { agencyId: { not: agencyId } }, select: { agency: { select: { shortName: true } } } },
        },
      },
    },
  });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const rows: Row[] = all
    .filter((a) => a.notice.status === "published")
    .map((a) => ({
      id: a.id,
      state: a.state,
      role: a.role,
      dueOn: day(a.dueOn),
      noticeId: a.noticeId,
      noticeIssuedOn: day(a.notice.issuedOn),
      directiveId: a.directiveId,
      searchText: searchTextOf([
        a.directive.text,
        a.directive.ref,
        a.notice.number,
        a.notice.title,
        a.directive.deadlinePhrase,
        a.directive.assignments.map((o) => o.agency.shortName).join(" "),
      ]),
    }));
  const byDueThenId = (x: Row, y: Row) =>
    (x.dueOn ?? "9999") < (y.dueOn ?? "9999") ? -1 : (x.dueOn ?? "9999") > (y.dueOn ?? "9999") ? 1 : x.id - y.id;
  const order = { not_started: 0, in_progress: 1, submitted: 2, completed: 3 };
  const cmp = {
    due: byDueThenId,
    notice: (x: Row, y: Row) =>
      ((y.noticeIssuedOn ?? "") < (x.noticeIssuedOn ?? "")
        ? -1
        : (y.noticeIssuedOn ?? "") > (x.noticeIssuedOn ?? "")
          ? 1
          : 0) ||
      y.noticeId - x.noticeId ||
      x.directiveId - y.directiveId,
    state: (x: Row, y: Row) => order[x.state] - order[y.state] || byDueThenId(x, y),
    role: (x: Row, y: Row) => (x.role === y.role ? byDueThenId(x, y) : x.role === "lead" ? -1 : 1),
  }[filters.sort ?? "due"];
  const counts = { not_started: 0, in_progress: 0, submitted: 0, completed: 0 };
  const matching: Row[] = [];
  for (const r of rows) {
    if (!matchesFilters(r, filters, TODAY, { ignoreState: true })) continue;
    counts[r.state]++;
    if (!filters.state || r.state === filters.state) matching.push(r);
  }
  matching.sort(cmp);
  const perState = { not_started: 0, in_progress: 0, submitted: 0, completed: 0 };
  const shown =
    filters.view === "list"
      ? matching.slice(((filters.trang ?? 1) - 1) * BOARD_LIST_LIMIT, (filters.trang ?? 1) * BOARD_LIST_LIMIT)
      : matching.filter((r) => ++perState[r.state] <= BOARD_COLUMN_LIMIT);
  const firsts = [...new Set([...rows].sort(byDueThenId).map((r) => r.noticeId))];
  const options = firsts.slice(0, BOARD_NOTICE_OPTIONS);
  if (filters.notice && !options.includes(filters.notice) && firsts.includes(filters.notice))
    options.push(filters.notice);
  return {
    ids: shown.map((r) => r.id),
    counts,
    total: rows.length,
    matched: matching.length,
    truncated: shown.length < matching.length,
    notices: options,
    noticeTotal: firsts.length,
  };
}

const got = (b: Board) => ({
  ids: b.items.map((i) => i.id),
  counts: b.counts,
  total: b.total,
  matched: b.matched,
  truncated: b.truncated,
  notices: b.notices.map((n) => n.id),
  noticeTotal: b.noticeTotal,
});

describe("the board's filters, counts and order, done by the database", () => {
  let agencyId: number;
  beforeAll(() => {
    agencyId = mainAgencyId;
  });

  it("shows the first ones of each column and counts everything, the draft notice's tasks aside", async () => {
    const b = await agencyBoard(t.prisma, sec, agencyId, {}, TODAY);
    expect(got(b)).toEqual(await expected({}));
    expect(b.total).toBe(320);
    expect(b.counts.not_started).toBeGreaterThan(BOARD_COLUMN_LIMIT);
    expect(b.items.filter((i) => i.state === "not_started")).toHaveLength(BOARD_COLUMN_LIMIT);
    expect(b.truncated).toBe(true);
    expect(b.items.some((i) => i.notice.id === draftId)).toBe(false);
    // Due days ascending, no due day last, ties by id, within each column.
    const column = b.items.filter((i) => i.state === "not_started");
    const keys = column.map((i) => `${i.dueOn ?? "9999"}|${String(i.id).padStart(9, "0")}`);
    expect(keys).toEqual([...keys].sort());
    expect(b.items.find((i) => i.otherAgencies.length > 0)?.otherAgencies).toEqual([
      { shortName: "BDT", role: expect.stringMatching(/lead|support/) },
    ]);
  });

  it("lists 50 a page in the list view, each page the next ones in the order, with or without a search", async () => {
    const b = await agencyBoard(t.prisma, sec, agencyId, { view: "list" }, TODAY);
    expect(b.items).toHaveLength(BOARD_LIST_LIMIT);
    expect(got(b)).toEqual(await expected({ view: "list" }));
    expect(b).toMatchObject({ matched: 320, truncated: true });
    const seen = new Set(b.items.map((i) => i.id));
    for (const filters of [
      { view: "list" as const, trang: 2 },
      { view: "list" as const, trang: 7 },
      { view: "list" as const, trang: 2, sort: "notice" as const },
      { view: "list" as const, trang: 2, state: "not_started" as const },
    ]) {
      const page = await agencyBoard(t.prisma, sec, agencyId, filters, TODAY);
      expect(got(page), JSON.stringify(filters)).toEqual(await expected(filters));
      if (filters.trang === 2 && !filters.sort && !filters.state)
        expect(page.items.some((i) => seen.has(i.id))).toBe(false);
    }
    // Past the end: an empty page, the counts still over everything.
    const past = await agencyBoard(t.prisma, sec, agencyId, { view: "list", trang: 99 }, TODAY);
    expect(past.items).toEqual([]);
    expect(past.matched).toBe(320);
  });

  it("offers the first 50 notices by their first task's due day, counts 56, adds a chosen later one but never the draft", async () => {
    const b = await agencyBoard(t.prisma, sec, agencyId, {}, TODAY);
    expect(b.notices).toHaveLength(BOARD_NOTICE_OPTIONS);
    expect(b.noticeTotal).toBe(56);
    expect(b.notices[0]!.label).toMatch(/^\d+\/TB-THU · Thông báo thử số \d+$/);
    const later = noticeIds.find((id) => !b.notices.some((n) => n.id === id))!;
    const chosen = await agencyBoard(t.prisma, sec, agencyId, { notice: later }, TODAY);
    expect(chosen.notices.map((n) => n.id)).toEqual([...b.notices.map((n) => n.id), later]);
    expect(got(chosen)).toEqual(await expected({ notice: later }));
    const draft = await agencyBoard(t.prisma, sec, agencyId, { notice: draftId }, TODAY);
    expect(draft).toMatchObject({
      items: [],
      matched: 0,
      total: 320,
      counts: { not_started: 0, in_progress: 0, submitted: 0, completed: 0 },
    });
    expect(draft.notices.map((n) => n.id)).toEqual(b.notices.map((n) => n.id));
  });

  it("matches the rules for every due window, sort and view", async () => {
    for (const due of [undefined, "overdue", "week", "month", "none"] as const) {
      for (const sort of [undefined, "notice", "state", "role"] as const) {
        for (const view of [undefined, "list"] as const) {
          const filters: BoardFilters = { due, sort, view };
          expect(got(await agencyBoard(t.prisma, sec, agencyId, filters, TODAY)), JSON.stringify(filters)).toEqual(
            await expected(filters),
          );
        }
      }
    }
  });

  it("matches the rules under the state, role, notice and search filters, together too", async () => {
    const list: BoardFilters[] = [
      ...STATES.map((state) => ({ state })),
      ...STATES.map((state) => ({ state, view: "list" as const, sort: "notice" as const })),
      { role: "lead" },
      { role: "support", view: "list", sort: "role" },
      { role: "support", due: "overdue", state: "not_started" },
      { notice: noticeIds[0] },
      { notice: noticeIds[55], view: "list", sort: "notice" },
      { notice: noticeIds[3], due: "month", role: "lead" },
      { q: "an toan thuc pham" },
      { q: "vac xin BDT", view: "list", sort: "state" },
      { q: "du thao" },
      { q: "tiem", due: "week", state: "completed" },
      // Words of one or two letters only (read from the agency's own tasks), a page of a search,
      // an agency's short name alone, and LIKE's own characters, which must be taken literally.
      { q: "y te", view: "list", sort: "notice" },
      { q: "so y", view: "list", trang: 2 },
      { q: "BDT" },
      { q: "%" },
      { q: "_ ," },
    ];
    for (const filters of list)
      expect(got(await agencyBoard(t.prisma, sec, agencyId, filters, TODAY)), JSON.stringify(filters)).toEqual(
        await expected(filters),
      );
  });

  it("judges the due windows from today: overdue and the windows count open tasks only, none counts any", async () => {
    const week = await agencyBoard(t.prisma, sec, agencyId, { due: "week", view: "list" }, TODAY);
    expect(week.items.length).toBeGreaterThan(0);
    for (const i of week.items)
      expect(i.state !== "completed" && i.dueOn! >= TODAY && i.dueOn! <= "2021-09-19").toBe(true);
    const overdue = await agencyBoard(t.prisma, sec, agencyId, { due: "overdue", view: "list" }, TODAY);
    expect(overdue.items.length).toBeGreaterThan(0);
    for (const i of overdue.items) expect(i.state !== "completed" && i.dueOn! < TODAY).toBe(true);
    expect(overdue.counts.completed).toBe(0);
    const none = await agencyBoard(t.prisma, sec, agencyId, { due: "none" }, TODAY);
    expect(none.counts.completed).toBeGreaterThan(0);
    expect(none.items.length).toBeGreaterThan(0);
    for (const i of none.items) expect(i.dueOn).toBeNull();
  });

  it("finds the first notices however the tasks fall: many tasks of few notices first, or ids against due days", async () => {
    const provinceId = sec.provinceId!;
    const notices = async (n: number, from: number) =>
      (
        await t.prisma.notice.createManyAndReturn({
          data: Array.from({ length: n }, (_, i) => ({
            provinceId,
            kind: "TB" as const,
            number: `${from + i}/TB-THEM`,
            issuer: "UBND tỉnh",
            title: `Thông báo thêm ${from + i}`,
            issuedOn: fromIsoDay("2021-05-05"),
            sourceText: "thử",
            status: "published" as const,
          })),
          select: { id: true },
        })
      ).map((n) => n.id);
    const day = (i: number) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);
    // 450 tasks of 5 notices due first, then 60 notices of one task each: the notices beyond the
    // first five are found past the first few hundred tasks.
    const few = await notices(5, 100);
    const single = await notices(60, 200);
    const crowded = await t.prisma.agency.create({
      data: { provinceId, name: "Sở Nhiều việc", shortName: "SNV2", kind: "department" },
    });
    await addTasks(crowded.id, [
      ...Array.from({ length: 450 }, (_, i) => ({
        noticeId: few[i % 5]!,
        state: "not_started" as const,
        role: "lead" as const,
        dueOn: day(100 - (i % 90)),
        words: "x",
      })),
      ...single.map((noticeId, i) => ({
        noticeId,
        state: (i % 2 ? "in_progress" : "completed") as State,
        role: "support" as const,
        dueOn: i % 7 ? day(200 + i) : null,
        words: "y",
      })),
    ]);
    const b = await agencyBoard(t.prisma, sec, crowded.id, {}, TODAY);
    expect(got(b)).toEqual(await expected({}, crowded.id));
    expect(
      b.notices
        .slice(0, 5)
        .map((n) => n.id)
        .sort(),
    ).toEqual([...few].sort());
    expect(b.noticeTotal).toBe(65);
    // 500 tasks over 60 notices, the later the task the earlier its due day.
    const spread = await notices(60, 300);
    const reversed = await t.prisma.agency.create({
      data: { provinceId, name: "Sở Ngược hạn", shortName: "SNH", kind: "department" },
    });
    await addTasks(
      reversed.id,
      Array.from({ length: 500 }, (_, i) => ({
        noticeId: spread[(i * 7) % 60]!,
        state: "not_started" as const,
        role: "lead" as const,
        dueOn: day(600 - i),
        words: "z",
      })),
    );
    const r = await agencyBoard(t.prisma, sec, reversed.id, { view: "list" }, TODAY);
    expect(got(r)).toEqual(await expected({ view: "list" }, reversed.id));
  });
});
