import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api/actions";
import { resetApiRateLimit } from "@/lib/api/gate";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ZNoticeListQuery } from "@/lib/api/schemas";
import { listNotices } from "@/lib/api/v1";
import { SlidingWindow } from "@/lib/api/rate-limit";
import { createApiToken, hashSecret, listApiTokens, revokeApiToken } from "@/lib/api/tokens";
import { createNotice } from "@/lib/notices/create";
import { fromIsoDay } from "@/lib/time/calendar";
import { onClock } from "@/lib/time/today";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";
import { isVietnamese } from "@/tests/helpers/vietnamese";
import { doc, operations, responseValidator, type Handler } from "@/tests/helpers/api-contract";
import * as noticesRoute from "@/app/api/v1/notices/route";
import * as noticeRoute from "@/app/api/v1/notices/[id]/route";
import * as agenciesRoute from "@/app/api/v1/agencies/route";
import * as agencyTasksRoute from "@/app/api/v1/agencies/[id]/tasks/route";
import * as overdueRoute from "@/app/api/v1/overdue/route";
import * as overviewRoute from "@/app/api/v1/overview/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as resultsRoute from "@/app/api/v1/results/route";

// The API's contract (issue 15, first slice), on the demo's seed (no history) of Long An, judged
// on 31/12/2021: tokens made through the service, every endpoint's route handler called with a
// Request carrying the bearer header, and every answer (success or error) validated against the
// OpenAPI document's own schema for it (JSON Schema 2020-12, with ajv).

const TODAY = "2021-12-31";
const clock = { today: () => TODAY, now: () => new Date(`${TODAY}T03:00:00Z`) };

let t: TestDatabase;
let admin: SessionUser;
let secretariat: SessionUser;
let langSonAdmin: SessionUser;
let provinceId: number;
let syt: number;
let congAn: number;
const secrets: Record<"full" | "syt" | "revoked" | "expired" | "langSon", string> = {
  full: "",
  syt: "",
  revoked: "",
  expired: "",
  langSon: "",
};

/** The document's schema of a read's answer with this status. */
const validatorFor = (path: string, status: number) => responseValidator("GET", path, status);

const ROUTES: Record<string, Handler> = {
  "/api/v1/notices": noticesRoute.GET,
  "/api/v1/notices/{id}": noticeRoute.GET,
  "/api/v1/agencies": agenciesRoute.GET,
  "/api/v1/agencies/{id}/tasks": agencyTasksRoute.GET,
  "/api/v1/overdue": overdueRoute.GET,
  "/api/v1/overview": overviewRoute.GET,
  "/api/v1/results": resultsRoute.GET,
};

interface Directive {
  text: string;
  assignments: { state: string; timeliness: string | null }[];
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown>[]; nextCursor?: string | null; error?: { code: string; message: string } };
}

/** Calls the endpoint's route handler as Next would, and checks the answer against the document. */
async function call(
  path: keyof typeof ROUTES,
  opts: { token?: string | null; id?: string; query?: Record<string, string>; header?: string } = {},
): Promise<Answer> {
  const url = new URL(`http://localhost${path.replace("{id}", opts.id ?? "")}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  if (opts.header !== undefined) headers.authorization = opts.header;
  else if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? secrets.full}`;
  const res = await onClock(clock, () =>
    ROUTES[path]!(new Request(url, { headers }), { params: Promise.resolve({ id: opts.id ?? "" }) }),
  );
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as Answer["body"];
  const validate = validatorFor(path, res.status);
  expect(validate(body), `${url} ${res.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
  if (res.status >= 400) expect(isVietnamese(body.error?.message), body.error?.message).toBe(true);
  return { status: res.status, body };
}

/** Every row of a list, following nextCursor page by page, with the limits given in turn. */
async function all(path: keyof typeof ROUTES, limits: number[], opts: { token?: string; id?: string } = {}) {
  const rows: Record<string, unknown>[] = [];
  let cursor: string | null | undefined;
  let i = 0;
  do {
    const query: Record<string, string> = { limit: String(limits[i % limits.length]) };
    if (cursor) query.cursor = cursor;
    // The rate limit has its own test below; paging by one row sends many requests.
    resetApiRateLimit();
    const r = await call(path, { ...opts, query });
    expect(r.status).toBe(200);
    rows.push(...r.body.data!);
    cursor = r.body.nextCursor;
    i++;
    expect(i).toBeLessThan(500);
  } while (cursor);
  return rows;
}

const idOf = (r: Record<string, unknown>) => (r.id ?? (r.agency as { id: number }).id) as number;

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
  langSonAdmin = await user("langson.quantri");
  provinceId = admin.provinceId!;
  const agency = async (name: string) =>
    (await t.prisma.agency.findFirstOrThrow({ where: { provinceId, name }, select: { id: true } })).id;
  syt = await agency("Sở Y tế");
  congAn = await agency("Công an tỉnh");
  // More notices than the seed's, so that every list has pages: six published (the first three
  // overdue on TODAY), one draft.
  for (let i = 1; i <= 7; i++) {
    await createNotice(
      t.prisma,
      null,
      provinceId,
      {
        sourceText: `Thông báo thử ${i}`,
        draft: {
          notice: {
            kind: "TB",
            number: `${900 + i}/TB-API`,
            issuer: "Ban Chỉ đạo tỉnh Long An",
            place: "Long An",
            issuedOn: `2021-10-${String(i).padStart(2, "0")}`,
            issuedPrecision: "day",
            title: `Thông báo thử nghiệm API số ${i} về xét nghiệm`,
            meetingOn: null,
            chair: null,
            signer: null,
            signingFormula: null,
            recipients: [],
            citations: [],
          },
          directives: [1, 2].map((d) => ({
            ref: String(d),
            text: `Tổ chức xét nghiệm đợt ${d} của thông báo ${i}`,
            urgent: false,
            deadline: {
              kind: "exact" as const,
              dueOn:
                i <= 3 ? `2021-11-${String(10 + d).padStart(2, "0")}` : `2022-03-${String(10 + d).padStart(2, "0")}`,
              dueAt: null,
              phrase: "trước ngày nêu trên",
              startOn: null,
              recurrence: null,
              target: null,
            },
            assignments: [
              { agency: "Sở Y tế", role: "lead" as const, viaGroup: null, isNew: false },
              { agency: "Công an tỉnh", role: "support" as const, viaGroup: null, isNew: false },
            ],
          })),
        },
      },
      { status: i === 7 ? "draft" : "published", createNewAgencies: false },
    );
  }
  await onClock(clock, async () => {
    secrets.full = (
      await createApiToken(t.prisma, admin, { name: "Cổng dữ liệu tỉnh", scope: "read", agencyIds: [] })
    ).secret;
    secrets.syt = (
      await createApiToken(t.prisma, admin, { name: "Phần mềm Sở Y tế", scope: "read", agencyIds: [syt] })
    ).secret;
    const revoked = await createApiToken(t.prisma, admin, { name: "Thử nghiệm", scope: "read", agencyIds: [] });
    secrets.revoked = revoked.secret;
    await revokeApiToken(t.prisma, admin, revoked.id);
    const expired = await createApiToken(t.prisma, admin, {
      name: "Hết hạn",
      scope: "read",
      agencyIds: [],
      expiresOn: "2022-01-31",
    });
    secrets.expired = expired.secret;
    await t.prisma.apiToken.update({ where: { id: expired.id }, data: { expiresOn: fromIsoDay("2021-12-30") } });
    secrets.langSon = (
      await createApiToken(t.prisma, langSonAdmin, { name: "Lạng Sơn", scope: "read", agencyIds: [] })
    ).secret;
  });
}, 180_000);

afterAll(async () => {
  signInAs(null);
  await t?.drop();
});

beforeEach(() => resetApiRateLimit());

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1, generated for every endpoint, and served at /api/v1/openapi.json", async () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(operations().sort()).toEqual(
      Object.values(ENDPOINTS)
        .map((e) => `${e.method} ${e.path}`)
        .sort(),
    );
    // The reads are called here; every operation, the writes too: tests/integration/api-v1-writes.test.ts.
    expect(Object.keys(ROUTES).map((p) => `GET ${p}`)).toEqual(operations().filter((o) => o.startsWith("GET ")));
    const res = await openApiRoute.GET(new Request("http://localhost/api/v1/openapi.json"), undefined as never);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    // Every schema compiles as JSON Schema 2020-12.
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const status of Object.keys(op.responses)) responseValidator(method, path, Number(status));
  });
});

describe("every endpoint answers what the document says", () => {
  it("notices: a list of their headers and counts; their directives with include=directives, as by id", async () => {
    const r = await call("/api/v1/notices", { query: { limit: "5" } });
    expect(r.status).toBe(200);
    expect(r.body.data!.length).toBe(5);
    expect(r.body.nextCursor).toEqual(expect.any(String));
    const full = await call("/api/v1/notices", { query: { limit: "5", include: "directives" } });
    expect(full.status).toBe(200);
    expect(full.body.nextCursor).toBe(r.body.nextCursor);
    const notices = full.body.data! as (Record<string, unknown> & { directives: Directive[] })[];
    expect(notices.map((n) => n.id)).toEqual(r.body.data!.map((n) => n.id));
    const texts = notices.flatMap((n) => n.directives.map((d) => d.text));
    expect(texts.length).toBeGreaterThan(0);
    // The default list: no directive, none of their texts; the same header and counts.
    const listed = JSON.stringify(r.body);
    for (const text of texts) expect(listed).not.toContain(text);
    r.body.data!.forEach((n, i) => {
      expect(n).not.toHaveProperty("directives");
      const { directives, ...header } = notices[i]!;
      expect(n).toEqual(header);
      // The counts are those of its directives and tasks.
      const tasks = directives.flatMap((d) => d.assignments);
      expect([n.directiveCount, n.assignmentCount, n.completedCount, n.overdueCount], String(n.id)).toEqual([
        directives.length,
        tasks.length,
        tasks.filter((a) => a.state === "completed").length,
        tasks.filter((a) => a.timeliness === "overdue").length,
      ]);
    });
    expect(r.body.data!.some((n) => (n.overdueCount as number) > 0)).toBe(true);
    // With include=directives, each notice is what GET /api/v1/notices/{id} answers, with its counts.
    const withTasks = notices.find((n) => n.directives.some((d) => d.assignments.length > 0));
    expect(withTasks).toBeDefined();
    for (const n of notices) {
      const one = await call("/api/v1/notices/{id}", { id: String(n.id) });
      expect(one.status).toBe(200);
      const { directiveCount, assignmentCount, completedCount, overdueCount, ...notice } = n;
      expect([directiveCount, assignmentCount, completedCount, overdueCount].every(Number.isInteger)).toBe(true);
      expect(one.body).toEqual(notice);
    }
    // The filters of the notices page: status and a search without diacritics.
    const published = await all("/api/v1/notices", [50], {});
    const searched = await call("/api/v1/notices", { query: { q: "xet nghiem", status: "published", limit: "200" } });
    expect(searched.status).toBe(200);
    expect(searched.body.data!.length).toBeGreaterThan(0);
    expect(searched.body.data!.length).toBeLessThan(published.length);
    expect(searched.body.data!.every((n) => n.status === "published")).toBe(true);
  });

  it("notices: the list reads no directive unless include=directives asks for them", async () => {
    // Every query the list makes, on a client that records them (the lib function the route calls).
    const seen: string[] = [];
    const recording = t.prisma.$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          seen.push(`${model ?? ""}.${operation} ${JSON.stringify(args)}`);
          return query(args);
        },
      },
    }) as unknown as typeof t.prisma;
    const reader = await loadSessionUser(t.prisma, secretariat.id);
    const actor = { ...reader!, role: "chairman" as const, agencyIds: [] };
    const list = (q: Record<string, string>) =>
      listNotices(recording, actor, TODAY, ZNoticeListQuery.parse({ limit: "20", ...q }));
    const plain = await list({});
    expect(plain.data.length).toBeGreaterThan(5);
    expect(seen.some((s) => s.startsWith("Notice.findMany"))).toBe(true);
    expect(seen.filter((s) => /"directives":\{"(orderBy|select)"|"text":true|"Directive"/.test(s))).toEqual([]);
    seen.length = 0;
    const full = await list({ include: "directives" });
    expect(full.data.every((n) => Array.isArray(n.directives))).toBe(true);
    expect(seen.filter((s) => /"directives":\{"orderBy"/.test(s)).length).toBe(full.data.length);
  });

  it("agencies, an agency's tasks, overdue tasks and the overview's figures per agency", async () => {
    const agencies = await call("/api/v1/agencies", { query: { limit: "200" } });
    expect(agencies.status).toBe(200);
    expect(agencies.body.data!.map(idOf)).toEqual(expect.arrayContaining([syt, congAn]));
    const tasks = await call("/api/v1/agencies/{id}/tasks", { id: String(syt), query: { limit: "200" } });
    expect(tasks.status).toBe(200);
    expect(tasks.body.data!.length).toBeGreaterThan(0);
    expect(tasks.body.data!.every((x) => (x.agency as { id: number }).id === syt)).toBe(true);
    const overdue = await all("/api/v1/overdue", [200]);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((x) => x.timeliness === "overdue")).toBe(true);
    const overview = await all("/api/v1/overview", [200]);
    // The same figures as the overview's table, and its overdue count the overdue list's.
    const totalOverdue = overview.reduce((s, r) => s + (r.overdue as number), 0);
    expect(totalOverdue).toBe(overdue.length);
    const sytRow = overview.find((r) => idOf(r) === syt)!;
    expect(sytRow.assigned).toBe(tasks.body.data!.length);
  });
});

describe("an address the API does not have", () => {
  it("answers 404 in the JSON error shape, whatever the method", async () => {
    const { GET, POST } = await import("@/app/api/v1/[...rest]/route");
    for (const handler of [GET, POST]) {
      const res = await handler(new Request("http://localhost/api/v1/khong-co"), undefined as never);
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("not_found");
      expect(isVietnamese(body.error.message)).toBe(true);
    }
  });
});

describe("authentication", () => {
  it("answers 401 in the one JSON shape without a token, with an unknown, a revoked or an expired one", async () => {
    for (const opts of [
      { token: null },
      { header: "Basic abc" },
      { header: "Bearer" },
      { token: "cdt_khongcomaso" },
      { token: secrets.revoked },
      { token: secrets.expired },
    ]) {
      for (const path of ["/api/v1/notices", "/api/v1/overview"] as const) {
        const r = await call(path, opts);
        expect(r.status, JSON.stringify(opts)).toBe(401);
        expect(r.body.error!.code).toBe("unauthenticated");
      }
    }
    expect((await call("/api/v1/notices/{id}", { id: "1", token: secrets.revoked })).status).toBe(401);
  });

  it("refuses a malformed query and cursor with 422, a malformed id with 404", async () => {
    for (const query of [
      { limit: "0" },
      { limit: "201" },
      { limit: "abc" },
      { cursor: "!!" },
      { cursor: "eyJvIjotMX0" },
      { status: "xoa" },
    ] as Record<string, string>[]) {
      const r = await call("/api/v1/notices", { query });
      expect(r.status, JSON.stringify(query)).toBe(422);
      expect(r.body.error!.code).toBe("invalid");
    }
    // include takes one value; anything else is refused, in words that name it.
    for (const include of ["chi-dao", "Directives", "directives,assignments", "1", ""]) {
      const r = await call("/api/v1/notices", { query: { include } });
      expect(r.status, include).toBe(422);
      expect(r.body.error).toMatchObject({
        code: "invalid",
        message: "Tham số include chỉ nhận giá trị directives.",
        fieldErrors: { include: ["Tham số include chỉ nhận giá trị directives."] },
      });
    }
    expect((await call("/api/v1/notices/{id}", { id: "0x1" })).status).toBe(404);
    expect((await call("/api/v1/notices/{id}", { id: "2147483647" })).status).toBe(404);
  });

  it("records when a token was last used, and stores only its hash", async () => {
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(secrets.full) } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(secrets.full).toMatch(/^cdt_[A-Za-z0-9_-]{43}$/);
    const dump = JSON.stringify(await t.prisma.apiToken.findMany());
    for (const s of Object.values(secrets)) expect(dump).not.toContain(s);
  });
});

describe("the same permissions as the pages", () => {
  it("a token limited to an agency reads that agency's tasks only: another's is 404, the overview 403", async () => {
    const own = await call("/api/v1/agencies/{id}/tasks", { id: String(syt), token: secrets.syt });
    expect(own.status).toBe(200);
    expect(own.body.data!.length).toBeGreaterThan(0);
    const other = await call("/api/v1/agencies/{id}/tasks", { id: String(congAn), token: secrets.syt });
    expect(other.status).toBe(404);
    expect(other.body.error!.code).toBe("not_found");
    const agencies = await call("/api/v1/agencies", { token: secrets.syt });
    expect(agencies.body.data!.map(idOf)).toEqual([syt]);
    for (const path of ["/api/v1/overdue", "/api/v1/overview"] as const) {
      const r = await call(path, { token: secrets.syt });
      expect(r.status).toBe(403);
      expect(r.body.error!.code).toBe("forbidden");
    }
  });

  it("drafts only for a token of the whole province; another province's notices and agencies are not there", async () => {
    const draft = await t.prisma.notice.findFirst({ where: { provinceId, status: "draft" }, select: { id: true } });
    const notice = draft ?? (await t.prisma.notice.findFirstOrThrow({ where: { provinceId }, select: { id: true } }));
    if (!draft) await t.prisma.notice.update({ where: { id: notice.id }, data: { status: "draft" } });
    try {
      expect((await call("/api/v1/notices/{id}", { id: String(notice.id) })).status).toBe(200);
      expect((await call("/api/v1/notices/{id}", { id: String(notice.id), token: secrets.syt })).status).toBe(404);
      const staffList = await all("/api/v1/notices", [200], { token: secrets.syt });
      expect(staffList.some((n) => n.status === "draft")).toBe(false);
      expect((await call("/api/v1/notices/{id}", { id: String(notice.id), token: secrets.langSon })).status).toBe(404);
      const r = await call("/api/v1/agencies/{id}/tasks", { id: String(syt), token: secrets.langSon });
      expect(r.status).toBe(404);
    } finally {
      if (!draft) await t.prisma.notice.update({ where: { id: notice.id }, data: { status: "published" } });
    }
  });
});

describe("cursor paging", () => {
  it("returns every row exactly once, whatever the limits page by page", async () => {
    const cases: [keyof typeof ROUTES, { id?: string }][] = [
      ["/api/v1/notices", {}],
      ["/api/v1/agencies", {}],
      ["/api/v1/agencies/{id}/tasks", { id: String(syt) }],
      ["/api/v1/overdue", {}],
      ["/api/v1/overview", {}],
    ];
    for (const [path, opts] of cases) {
      const whole = (await all(path, [200], opts)).map(idOf);
      expect(whole.length, path).toBeGreaterThan(2);
      expect(new Set(whole).size, path).toBe(whole.length);
      for (const limits of [[1, 2], [3], [7, 2, 5]]) {
        const paged = (await all(path, limits, opts)).map(idOf);
        expect(paged, `${path} ${limits}`).toEqual(whole);
      }
    }
  }, 120_000);
});

describe("rate limit", () => {
  it("a sliding window per token: over the limit waits until the oldest request leaves the window", () => {
    const w = new SlidingWindow({ requests: 3, windowMs: 60_000 });
    expect([w.take(1, 0), w.take(1, 1_000), w.take(1, 2_000)]).toEqual([null, null, null]);
    expect(w.take(1, 30_000)).toBe(30);
    expect(w.take(2, 30_000)).toBeNull();
    expect(w.take(1, 60_001)).toBeNull();
  });

  it("answers 429 with Retry-After through the gate once a token is over its limit", async () => {
    let last: Response | null = null;
    for (let i = 0; i < 130 && last?.status !== 429; i++) {
      last = await onClock(clock, () =>
        agenciesRoute.GET(
          new Request("http://localhost/api/v1/agencies?limit=1", {
            headers: { authorization: `Bearer ${secrets.syt}` },
          }),
          { params: Promise.resolve({}) },
        ),
      );
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await last!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(isVietnamese(body.error.message)).toBe(true);
  });
});

describe("the province administrator's tokens", () => {
  it("creates (the secret once), lists and revokes, audited; nobody else may", async () => {
    signInAs(admin);
    const fd = new FormData();
    fd.set("name", "Hệ thống báo cáo");
    fd.set("scope", "read_write");
    fd.set("expiresOn", "2030-01-01");
    fd.append("agencyIds", String(syt));
    fd.append("agencyIds", String(congAn));
    const created = (await createApiTokenAction(null, fd)) as {
      ok: boolean;
      secret: string;
      tokenId: number;
      message: string;
    };
    expect(created.ok, created.message).toBe(true);
    expect(created.secret).toMatch(/^cdt_/);
    const listed = (await onClock(clock, () => listApiTokens(t.prisma, admin))).find((x) => x.id === created.tokenId)!;
    expect(listed).toMatchObject({
      name: "Hệ thống báo cáo",
      scope: "read_write",
      expiresOn: "2030-01-01",
      revokedAt: null,
    });
    expect(listed.agencies.map((a) => a.id).sort()).toEqual([syt, congAn].sort());
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    const revokeForm = new FormData();
    revokeForm.set("tokenId", String(created.tokenId));
    signInAs(secretariat);
    expect(await revokeApiTokenAction(null, revokeForm)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createApiTokenAction(null, fd)).toMatchObject({ ok: false, code: "forbidden" });
    signInAs(langSonAdmin);
    expect(await revokeApiTokenAction(null, revokeForm)).toMatchObject({ ok: false, code: "not_found" });
    signInAs(admin);
    expect(await revokeApiTokenAction(null, revokeForm)).toMatchObject({ ok: true });
    expect(await revokeApiTokenAction(null, revokeForm)).toMatchObject({ ok: false, code: "conflict" });
    const audits = await t.prisma.auditLog.findMany({
      where: { entityType: "ApiToken", entityId: created.tokenId },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.action, a.actorId, a.provinceId])).toEqual([
      ["apiToken.create", admin.id, provinceId],
      ["apiToken.revoke", admin.id, provinceId],
    ]);
    expect(JSON.stringify(audits, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      created.secret,
    );
    const r = await call("/api/v1/agencies", { token: created.secret });
    expect(r.status).toBe(401);
    signInAs(null);
  });

  it("refuses an agency of another province, an expiry already past, a missing name, in Vietnamese", async () => {
    signInAs(admin);
    const other = await t.prisma.agency.findFirstOrThrow({ where: { provinceId: langSonAdmin.provinceId! } });
    for (const [fields, key] of [
      [{ name: "X1", scope: "read", agencyIds: String(other.id) }, "agencyIds"],
      [{ name: "X2", scope: "read", expiresOn: "2000-01-01" }, "expiresOn"],
      [{ name: "", scope: "read" }, "name"],
      [{ name: "X3", scope: "admin" }, "scope"],
    ] as const) {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.set(k, v);
      const r = (await createApiTokenAction(null, fd)) as { ok: boolean; fieldErrors?: Record<string, string[]> };
      expect(r.ok).toBe(false);
      expect(isVietnamese(r.fieldErrors?.[key]?.[0]), JSON.stringify(r)).toBe(true);
    }
    signInAs(null);
  });
});
