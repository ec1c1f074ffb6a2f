import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { resetApiRateLimit } from "@/lib/api/gate";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ZCreateNoticeBody, ZReportBody } from "@/lib/api/schemas";
import { createApiToken } from "@/lib/api/tokens";
import { assignmentTimeline } from "@/lib/assignments/timeline";
import { noticeLife } from "@/lib/notices/life";
import { rankingOf } from "@/lib/ranking/figures";
import { parsePeriodKey } from "@/lib/ranking/periods";
import { publishRanking } from "@/lib/ranking/publication";
import { onClock } from "@/lib/time/today";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { callApi, called, operations, requestErrors, type Answer, type Handler } from "@/tests/helpers/api-contract";
import * as noticesRoute from "@/app/api/v1/notices/route";
import * as noticeRoute from "@/app/api/v1/notices/[id]/route";
import * as agenciesRoute from "@/app/api/v1/agencies/route";
import * as agencyTasksRoute from "@/app/api/v1/agencies/[id]/tasks/route";
import * as overdueRoute from "@/app/api/v1/overdue/route";
import * as overviewRoute from "@/app/api/v1/overview/route";
import * as resultsRoute from "@/app/api/v1/results/route";
import * as reportsRoute from "@/app/api/v1/tasks/[id]/reports/route";

// The API's writes (issue 15) and its whole contract: every operation of the OpenAPI document is
// called at least once in this file (the last test fails otherwise), every request body sent as
// valid is checked against the document's requestBody schema, and every answer against the
// document's schema for its status. On the demo's seed (no history) of Long An, judged on 31/12/2021.

const TODAY = "2021-12-31";
const clock = { today: () => TODAY, now: () => new Date(`${TODAY}T03:00:00Z`) };

const ROUTES: Record<string, Handler> = {
  "GET /api/v1/notices": noticesRoute.GET,
  "POST /api/v1/notices": noticesRoute.POST,
  "GET /api/v1/notices/{id}": noticeRoute.GET,
  "GET /api/v1/agencies": agenciesRoute.GET,
  "GET /api/v1/agencies/{id}/tasks": agencyTasksRoute.GET,
  "GET /api/v1/overdue": overdueRoute.GET,
  "GET /api/v1/overview": overviewRoute.GET,
  "GET /api/v1/results": resultsRoute.GET,
  "POST /api/v1/tasks/{id}/reports": reportsRoute.POST,
};

let t: TestDatabase;
let admin: SessionUser;
let secretariat: SessionUser;
let provinceId: number;
let syt: number;
let congAn: number;
let langSonAgency: number;
const tokens = { write: "", writeSyt: "", read: "", langSonWrite: "" };
const tokenIds = { write: 0, writeSyt: 0 };

type NoticeOut = {
  id: number;
  status: string;
  number: string | null;
  directives: { id: number; assignments: { id: number; version: number; state: string; agency: { id: number } }[] }[];
};

function call<B = Record<string, unknown>>(
  op: keyof typeof ROUTES,
  opts: Parameters<typeof callApi>[3] = {},
): Promise<Answer<B>> {
  const [method, path] = op.split(" ") as ["GET" | "POST", string];
  return onClock(clock, () => callApi<B>(ROUTES[op]!, method, path, { token: tokens.write, ...opts }));
}

/** A notice as another system sends it: two directives, Sở Y tế leading, Công an tỉnh supporting. */
function noticeBody(number: string, overrides: Record<string, unknown> = {}) {
  return {
    sourceText: `THÔNG BÁO số ${number} Kết luận của Chủ tịch UBND tỉnh về tiêm chủng và xét nghiệm.`,
    acknowledgeDuplicates: false,
    publish: true,
    draft: {
      notice: {
        kind: "TB",
        number,
        issuer: "Văn phòng UBND tỉnh Long An",
        place: "Long An",
        issuedOn: "2021-12-20",
        issuedPrecision: "day",
        title: `Kết luận của Chủ tịch UBND tỉnh (${number})`,
        meetingOn: null,
        chair: null,
        signer: null,
        signingFormula: null,
        recipients: [],
        citations: [],
      },
      directives: [1, 2].map((d) => ({
        ref: String(d),
        text: `Triển khai tiêm mũi ${d} cho người từ 18 tuổi trở lên theo thông báo ${number}`,
        urgent: false,
        deadline: {
          kind: "exact",
          dueOn: `2022-01-1${d}`,
          dueAt: null,
          phrase: `chậm nhất ngày 1${d}/01/2022`,
          startOn: null,
          recurrence: null,
          target: null,
        },
        assignments: [
          { agencyId: syt, role: "lead", viaGroup: null },
          { agencyId: congAn, role: "support", viaGroup: null },
        ],
      })),
    },
    ...overrides,
  };
}

async function counts() {
  const [notices, assignments, reports, audits, agencies] = await Promise.all([
    t.prisma.notice.count(),
    t.prisma.assignment.count(),
    t.prisma.progressReport.count(),
    t.prisma.auditLog.count(),
    t.prisma.agency.count(),
  ]);
  return { notices, assignments, reports, audits, agencies };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  useDbForTests(t.prisma);
  const user = async (username: string) =>
    (await loadSessionUser(
      t.prisma,
      (await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id,
    ))!;
  admin = await user("longan.quantri");
  secretariat = await user("longan.vanphong");
  const langSonAdmin = await user("langson.quantri");
  provinceId = admin.provinceId!;
  const agency = async (name: string, province = provinceId) =>
    (await t.prisma.agency.findFirstOrThrow({ where: { provinceId: province, name }, select: { id: true } })).id;
  syt = await agency("Sở Y tế");
  congAn = await agency("Công an tỉnh");
  langSonAgency = await agency("Sở Y tế", langSonAdmin.provinceId!);
  await onClock(clock, async () => {
    const write = await createApiToken(t.prisma, admin, {
      name: "Hệ thống văn phòng điện tử",
      scope: "read_write",
      agencyIds: [],
    });
    tokens.write = write.secret;
    tokenIds.write = write.id;
    const writeSyt = await createApiToken(t.prisma, admin, {
      name: "Phần mềm Sở Y tế",
      scope: "read_write",
      agencyIds: [syt],
    });
    tokens.writeSyt = writeSyt.secret;
    tokenIds.writeSyt = writeSyt.id;
    tokens.read = (
      await createApiToken(t.prisma, admin, { name: "Cổng dữ liệu", scope: "read", agencyIds: [] })
    ).secret;
    tokens.langSonWrite = (
      await createApiToken(t.prisma, langSonAdmin, { name: "Lạng Sơn", scope: "read_write", agencyIds: [] })
    ).secret;
  });
}, 180_000);

afterAll(async () => {
  await t?.drop();
});

beforeEach(() => resetApiRateLimit());

let created: NoticeOut;

describe("POST /api/v1/notices: the review screen's confirm, through a token", () => {
  it("the examples of the reference page are what the document and the schemas accept", () => {
    expect(requestErrors("POST", "/api/v1/notices", ENDPOINTS.createNotice.example)).toBeNull();
    expect(ZCreateNoticeBody.safeParse(ENDPOINTS.createNotice.example).success).toBe(true);
    expect(requestErrors("POST", "/api/v1/tasks/{id}/reports", ENDPOINTS.reportTask.example)).toBeNull();
    expect(ZReportBody.safeParse(ENDPOINTS.reportTask.example).success).toBe(true);
  });

  it("creates the notice (201, published as asked), as GET reads it; audited as the token", async () => {
    const body = noticeBody("931/TB-API");
    const r = await call<NoticeOut>("POST /api/v1/notices", { body, expectValid: true });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    created = r.body;
    expect(created.status).toBe("published");
    expect(created.number).toBe("931/TB-API");
    expect(created.directives.map((d) => d.assignments.map((a) => a.agency.id))).toEqual([
      [syt, congAn],
      [syt, congAn],
    ]);
    expect(created.directives[0]!.assignments[0]).toMatchObject({ state: "not_started", version: 1 });

    const one = await call<NoticeOut>("GET /api/v1/notices/{id}", { id: String(created.id), token: tokens.read });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(created);
    const list = await call<{ data: NoticeOut[] }>("GET /api/v1/notices", {
      query: { q: "931/TB-API", limit: "200" },
      token: tokens.read,
    });
    expect(list.body.data.map((n) => n.id)).toContain(created.id);

    // Every audit row of the notice, its directives and tasks names the token, and no account.
    const noticeRow = await t.prisma.notice.findUniqueOrThrow({ where: { id: created.id } });
    expect(noticeRow.createdById).toBeNull();
    const audits = await t.prisma.auditLog.findMany({
      where: {
        OR: [
          { entityType: "Notice", entityId: created.id },
          { entityType: "Directive", entityId: { in: created.directives.map((d) => d.id) } },
          {
            entityType: "Assignment",
            entityId: { in: created.directives.flatMap((d) => d.assignments.map((a) => a.id)) },
          },
        ],
      },
    });
    expect(audits.length).toBe(1 + 2 + 4);
    expect(audits.every((a) => a.apiTokenId === tokenIds.write && a.actorId === null)).toBe(true);
    // The notice's history says who entered it.
    const life = await noticeLife(t.prisma, secretariat, created.id);
    expect(life.history[0]).toMatchObject({
      action: "notice.create",
      actorName: "qua API: Hệ thống văn phòng điện tử",
    });
  });

  it("refuses a notice already stored as the review screen does (409 duplicate, naming it); stores it when acknowledged", async () => {
    const before = await counts();
    const again = await call("POST /api/v1/notices", { body: noticeBody("931/TB-API"), expectValid: true });
    expect(again.status).toBe(409);
    expect(again.body.error!.code).toBe("duplicate");
    expect((again.body.error!.duplicates as { id: number }[]).map((d) => d.id)).toContain(created.id);
    expect(await counts()).toEqual(before);
    const acknowledged = await call<NoticeOut>("POST /api/v1/notices", {
      body: noticeBody("931/TB-API", { acknowledgeDuplicates: true, publish: false }),
      expectValid: true,
    });
    expect(acknowledged.status).toBe(201);
    expect(acknowledged.body.status).toBe("draft");
    expect(acknowledged.body.id).not.toBe(created.id);
  });

  it("refuses an invalid body with 422 and a Vietnamese message; nothing is stored", async () => {
    const base = noticeBody("932/TB-API");
    const directive = base.draft.directives[0]!;
    const cases: [string, Parameters<typeof callApi>[3], RegExp][] = [
      ["no draft", { body: { sourceText: "x", publish: true, acknowledgeDuplicates: false } }, /./],
      [
        "no title",
        { body: { ...base, draft: { ...base.draft, notice: { ...base.draft.notice, title: " " } } } },
        /Chưa có trích yếu/,
      ],
      [
        "a directive given to no agency",
        { body: { ...base, draft: { ...base.draft, directives: [{ ...directive, assignments: [] }] } } },
        /chưa giao cho cơ quan nào/,
      ],
      [
        "a dated deadline without its day",
        {
          body: {
            ...base,
            draft: { ...base.draft, directives: [{ ...directive, deadline: { ...directive.deadline, dueOn: null } }] },
          },
        },
        /chưa có ngày/,
      ],
      [
        "an agency of another province",
        {
          body: {
            ...base,
            draft: {
              ...base.draft,
              directives: [{ ...directive, assignments: [{ agencyId: langSonAgency, role: "lead", viaGroup: null }] }],
            },
          },
        },
        new RegExp(`mã số ${langSonAgency} không có trong danh mục`),
      ],
      [
        "an agency id that is not one",
        {
          body: {
            ...base,
            draft: {
              ...base.draft,
              directives: [{ ...directive, assignments: [{ agencyId: "12a", role: "lead", viaGroup: null }] }],
            },
          },
        },
        /Mã cơ quan không hợp lệ/,
      ],
      ["not JSON", { raw: "{ không phải json" }, /không phải JSON/],
      ["not sent as JSON", { body: base, contentType: "text/plain" }, /Content-Type: application\/json/],
    ];
    const before = await counts();
    for (const [what, opts, message] of cases) {
      const r = await call("POST /api/v1/notices", opts);
      expect(r.status, what).toBe(422);
      expect(r.body.error!.code, what).toBe("invalid");
      expect(r.body.error!.message, what).toMatch(message);
    }
    expect(await counts()).toEqual(before);
    // What the schema itself refuses, the document refuses too.
    expect(requestErrors("POST", "/api/v1/notices", cases[0]![1]!.body)).not.toBeNull();
    expect(requestErrors("POST", "/api/v1/notices", cases[5]![1]!.body)).not.toBeNull();
  });

  it("a read token gets 403 on every write, a token limited to agencies may not create notices; nothing is stored", async () => {
    const before = await counts();
    const task = created.directives[0]!.assignments[0]!;
    for (const [op, token, opts] of [
      ["POST /api/v1/notices", tokens.read, { body: noticeBody("933/TB-API") }],
      ["POST /api/v1/tasks/{id}/reports", tokens.read, { id: String(task.id), body: { version: 1, text: "Đã làm" } }],
      ["POST /api/v1/notices", tokens.writeSyt, { body: noticeBody("934/TB-API") }],
    ] as const) {
      const r = await call(op, { ...opts, token });
      expect(r.status, op).toBe(403);
      expect(r.body.error!.code).toBe("forbidden");
    }
    expect(await counts()).toEqual(before);
  });
});

describe("POST /api/v1/tasks/{id}/reports: the agency's progress report, with the version it saw", () => {
  it("reports with the right version (200, the version goes up, the task starts); audited as the token", async () => {
    const task = created.directives[0]!.assignments.find((a) => a.agency.id === syt)!;
    const body = { version: task.version, text: "Đã tiêm cho 12.500 người.", evidenceNumber: "245/BC-SYT" };
    const r = await call<{ task: { version: number; state: string }; reportId: number }>(
      "POST /api/v1/tasks/{id}/reports",
      { id: String(task.id), body, token: tokens.writeSyt, expectValid: true },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.task).toMatchObject({ id: task.id, version: task.version + 1, state: "in_progress" });
    const now = await call<NoticeOut>("GET /api/v1/notices/{id}", { id: String(created.id) });
    expect(now.body.directives[0]!.assignments.find((a) => a.id === task.id)).toMatchObject({
      version: task.version + 1,
      state: "in_progress",
    });
    const report = await t.prisma.progressReport.findUniqueOrThrow({ where: { id: r.body.reportId } });
    expect(report).toMatchObject({ text: body.text, evidenceNumber: "245/BC-SYT", authorId: null });
    const audits = await t.prisma.auditLog.findMany({
      where: {
        OR: [
          { entityType: "ProgressReport", entityId: r.body.reportId },
          { entityType: "Assignment", entityId: task.id, action: "assignment.start" },
        ],
      },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(["assignment.start", "report.progress"]);
    expect(audits.every((a) => a.apiTokenId === tokenIds.writeSyt && a.actorId === null)).toBe(true);
    // The task's history names the token where a person's name would be.
    const timeline = await assignmentTimeline(t.prisma, secretariat, created.directives[0]!.id);
    const reported = timeline.find((e) => e.action === "report.progress");
    expect(reported?.actorName).toBe("qua API: Phần mềm Sở Y tế");
  });

  it("a stale version answers 409 with the task's current state; nothing changes", async () => {
    const task = created.directives[0]!.assignments.find((a) => a.agency.id === syt)!;
    const before = await counts();
    const row = await t.prisma.assignment.findUniqueOrThrow({ where: { id: task.id } });
    const r = await call("POST /api/v1/tasks/{id}/reports", {
      id: String(task.id),
      body: { version: task.version, text: "Báo cáo dựa trên phiên bản cũ" },
      token: tokens.writeSyt,
      expectValid: true,
    });
    expect(r.status).toBe(409);
    expect(r.body.error!.code).toBe("stale");
    expect(r.body.error!.current).toMatchObject({ id: task.id, version: row.version, state: "in_progress" });
    expect(await counts()).toEqual(before);
    expect(await t.prisma.assignment.findUniqueOrThrow({ where: { id: task.id } })).toEqual(row);
  });

  it("a token limited to agencies reports only for them; a token of the province for any agency of it, another province's for none", async () => {
    const other = created.directives[0]!.assignments.find((a) => a.agency.id === congAn)!;
    const before = await counts();
    for (const token of [tokens.writeSyt, tokens.langSonWrite]) {
      const r = await call("POST /api/v1/tasks/{id}/reports", {
        id: String(other.id),
        body: { version: other.version, text: "Không phải việc của mình" },
        token,
      });
      expect(r.status).toBe(404);
      expect(r.body.error!.code).toBe("not_found");
    }
    expect(await counts()).toEqual(before);
    const r = await call<{ task: { version: number } }>("POST /api/v1/tasks/{id}/reports", {
      id: String(other.id),
      body: { version: other.version, text: "Công an tỉnh đã phối hợp kiểm tra." },
      expectValid: true,
    });
    expect(r.status).toBe(200);
    expect(r.body.task.version).toBe(other.version + 1);
  });

  it("refuses an empty report, a missing version and an unknown task, in Vietnamese; nothing is stored", async () => {
    const task = created.directives[1]!.assignments[0]!;
    const before = await counts();
    const empty = await call("POST /api/v1/tasks/{id}/reports", {
      id: String(task.id),
      body: { version: 1, text: "  " },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error!.message).toBe("Vui lòng nhập nội dung báo cáo.");
    const noVersion = await call("POST /api/v1/tasks/{id}/reports", { id: String(task.id), body: { text: "Đã làm" } });
    expect(noVersion.status).toBe(422);
    expect(noVersion.body.error!.message).toMatch(/phiên bản/);
    const unknown = await call("POST /api/v1/tasks/{id}/reports", {
      id: "2147483000",
      body: { version: 1, text: "Đã làm" },
    });
    expect(unknown.status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe("the reads", () => {
  it("results: the period's figures and ranking per agency; a malformed period is 422", async () => {
    const r = await call<{
      period: { key: string };
      published: boolean;
      data: { agency: { id: number }; assigned: number }[];
    }>("GET /api/v1/results", { query: { period: "2022-Q1" }, token: tokens.read });
    expect(r.status).toBe(200);
    expect(r.body.period.key).toBe("2022-Q1");
    expect(r.body.data.find((x) => x.agency.id === syt)?.assigned).toBeGreaterThanOrEqual(2);
    const limited = await call<{ data: { agency: { id: number } }[] }>("GET /api/v1/results", {
      query: { period: "2022-Q1" },
      token: tokens.writeSyt,
    });
    expect(limited.body.data.map((x) => x.agency.id)).toEqual([syt]);
    expect(r.body.published).toBe(false);
    // By default the page's period: the last quarter ended, or the running one when it is empty.
    const byDefault = await call<{ period: { key: string } }>("GET /api/v1/results", { token: tokens.read });
    const page = await onClock(clock, () => rankingOf(t.prisma, secretariat, undefined, TODAY));
    expect(byDefault.body.period.key).toBe(page.period.key);
    // A published period answers its frozen figures (a period that has ended: 2021-Q4 on 31/12/2021,
    // given tasks due in it).
    const q4 = noticeBody("935/TB-API");
    for (const d of q4.draft.directives)
      d.deadline = { ...d.deadline, dueOn: "2021-11-15", phrase: "trước ngày 16/11/2021" };
    expect((await call("POST /api/v1/notices", { body: q4, expectValid: true })).status).toBe(201);
    const live = await call<{ published: boolean; data: unknown[] }>("GET /api/v1/results", {
      query: { period: "2021-Q4" },
      token: tokens.read,
    });
    expect(live.body.published).toBe(false);
    await onClock(clock, () =>
      publishRanking(t.prisma, secretariat, { period: parsePeriodKey("2021-Q4")!, isPublic: false }, TODAY),
    );
    const frozen = await call<{ published: boolean; data: unknown[] }>("GET /api/v1/results", {
      query: { period: "2021-Q4" },
      token: tokens.read,
    });
    expect(frozen.body.published).toBe(true);
    expect(frozen.body.data).toEqual(live.body.data);
    const bad = await call("GET /api/v1/results", { query: { period: "2021-Q5" }, token: tokens.read });
    expect(bad.status).toBe(422);
    expect(bad.body.error!.message).toMatch(/2021-Q3/);
  });

  it("agencies, an agency's tasks, overdue and the overview answer as documented", async () => {
    for (const op of ["GET /api/v1/agencies", "GET /api/v1/overdue", "GET /api/v1/overview"] as const)
      expect((await call(op, { token: tokens.read })).status, op).toBe(200);
    const tasks = await call<{ data: { id: number }[] }>("GET /api/v1/agencies/{id}/tasks", {
      id: String(syt),
      query: { limit: "200" },
      token: tokens.read,
    });
    expect(tasks.body.data.map((x) => x.id)).toContain(created.directives[0]!.assignments[0]!.id);
  });
});

describe("the contract", () => {
  it("this file has a route for every operation of the document and called each one", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(operations().sort());
    expect([...called].sort()).toEqual(operations().sort());
  });
});
