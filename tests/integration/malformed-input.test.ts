import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { loadSessionUser } from "@/lib/auth/credentials";
import { gatedName } from "@/lib/auth/gate";
import type { SessionUser } from "@/lib/auth/user";
import { useDbForTests } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { MAX_INT4 } from "@/lib/validation/fields";
import type { ActionResult } from "@/lib/validation/result";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { tableChecksums } from "@/tests/helpers/table-checksums";
import { signInAs } from "@/tests/helpers/test-session";
import { isVietnamese } from "@/tests/helpers/vietnamese";

// Every server action and route handler, sent a few hundred malformed inputs each (generated with
// fast-check, seeded so a failure repeats): ids out of range or merely coercible to a number, text
// with NUL and control characters, wrong types, missing and extra fields, huge strings, odd files.
// For each: no uncaught error, no error logged as unexpected (the gate logs only what it could not
// map, which a user would see as the generic "Đã có lỗi xảy ra"), an answer in Vietnamese, and not
// one row of the database changed. Run as a signed-out visitor, agency staff, the secretariat and
// the chairman, since each reaches a different depth of the service.

const SEED = 20261201;
const RUNS = Number(process.env.MALFORMED_RUNS ?? 200);

let t: TestDatabase;
const users: Record<string, SessionUser | null> = { signedOut: null };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  useDbForTests(t.prisma);
  for (const login of ["longan.syt", "longan.vanphong", "longan.chutich", "longan.quantri", "quantri"]) {
    const row = await t.prisma.user.findUniqueOrThrow({ where: { username: login }, select: { id: true } });
    users[login] = await loadSessionUser(t.prisma, row.id);
  }
}, 180_000);

afterAll(async () => {
  signInAs(null);
  await t?.drop();
});

/**
 * Bookkeeping, not what users store: the hourly write budget counts refused attempts too, and an
 * API token's "last used" moves with every call of the API (creating or revoking a token writes an
 * audit row, which is checked).
 */
const BOOKKEEPING = ["WriteBudget", "ApiToken"];

/** Every table's content as one checksum each: "nothing stored" means these are all unchanged. */
const checksums = () => tableChecksums(t.sql, BOOKKEEPING);

// ───────────── What malformed looks like ─────────────

const NASTY_CONSTANTS = [
  null,
  true,
  false,
  [2],
  {},
  [],
  "",
  " ",
  "0x1CC",
  "1e3",
  " 7",
  "+1",
  "-1",
  "0",
  "007",
  "1.5",
  "2147483648",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "%FF",
  "\u0000",
  "Sở Y tế\u0000",
  "a\u0007b",
  "\u202e\u200b",
  "<script>alert(1)</script>",
  `'; DROP TABLE "Notice"; --`,
  "__proto__",
  "constructor",
  "2021-02-30",
  "2021-13-01",
  "30/02/2021",
  "9999-12-31",
  "0000-00-00",
  "approve ",
  "lead\u0000",
];

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_CONSTANTS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.integer({ min: MAX_INT4, max: Number.MAX_SAFE_INTEGER }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
  { weight: 1, arbitrary: fc.string({ minLength: 10_001, maxLength: 10_200 }) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
);

/** A value that would pass for its field but points nowhere (no record has such an id). */
function plausible(key: string): fc.Arbitrary<unknown> {
  if (/Id$/.test(key)) return fc.integer({ min: 1_000_000_000, max: MAX_INT4 });
  if (/Ids$/.test(key)) return fc.array(fc.integer({ min: 1_000_000_000, max: MAX_INT4 }), { maxLength: 3 });
  if (key === "version") return fc.integer({ min: 1, max: 5 });
  if (/On$|Date$/.test(key)) return fc.constantFrom("2021-07-05", "2021-08-31", "2030-01-01");
  if (key === "decision") return fc.constantFrom("approve", "refuse");
  if (key === "role") return fc.constantFrom("lead", "support");
  if (key === "agencies") return fc.array(fc.constantFrom("Sở Y tế", "Công an tỉnh", "Không có"), { maxLength: 2 });
  return fc.string({ maxLength: 60 });
}

function keysOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Objects with the schema's keys (some missing, some malformed, some extra), or anything at all. */
function malformedInput(keys: string[]): fc.Arbitrary<unknown> {
  const shaped = fc.record(
    Object.fromEntries([
      ...keys.map((k) => [k, fc.oneof({ weight: 2, arbitrary: nasty }, { weight: 1, arbitrary: plausible(k) })]),
      ["__proto__", nasty],
      ["extra", nasty],
    ]),
    { requiredKeys: [] },
  );
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) });
}

const files = fc.oneof(
  fc.constant(new File([], "")),
  fc.constant(new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], "bao-cao.pdf")),
  fc.constant(new File(["<html></html>"], "anh.png")),
  fc.constant(new File([new Uint8Array(64)], "a\u0000b.docx")),
  fc.constant(new File(["%PDF-1.4 not really"], "../../etc/passwd.pdf")),
  fc.uint8Array({ maxLength: 200 }).map((b) => new File([b], "x.docx")),
);

function toFormData(value: unknown, fileKeys: string[]): fc.Arbitrary<FormData> {
  return fc.tuple(fc.constant(value), fc.option(files, { nil: undefined })).map(([v, file]) => {
    const fd = new FormData();
    if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (x === null || x === undefined) continue;
        if (Array.isArray(x))
          for (const item of x) fd.append(k, typeof item === "string" ? item : JSON.stringify(item));
        else fd.append(k, typeof x === "string" ? x : JSON.stringify(x));
      }
    }
    if (file && fileKeys[0]) fd.append(fileKeys[0], file);
    return fd;
  });
}

// ───────────── The entries ─────────────

interface ActionEntry {
  name: string;
  form: boolean;
  schema: z.ZodType;
  fileKeys: string[];
  call: (input: unknown) => Promise<unknown>;
  /** Succeeds without storing anything (reading a pasted notice); may answer ok. */
  readOnly?: boolean;
  /** Fewer runs for an entry whose every call may start a child process (reading an upload). */
  runs?: number;
  /** May legitimately store what it is sent (one's own e-mail choices): answered ok, rows may change. */
  stores?: boolean;
}

async function actionEntries(): Promise<ActionEntry[]> {
  const s = await import("@/lib/assignments/schemas");
  const e = await import("@/lib/notices/edit-schemas");
  const wf = await import("@/lib/assignments/actions");
  const ed = await import("@/lib/notices/edit-actions");
  const intake = await import("@/lib/intake/actions");
  const { ZConfirmNotice } = await import("@/lib/intake/service");
  const reminders = await import("@/app/(app)/nhac-viec/actions");
  const users = await import("@/lib/users/actions");
  const us = await import("@/lib/users/schemas");
  const provinces = await import("@/lib/provinces/actions");
  const { ZCreateProvince } = await import("@/lib/provinces/setup");
  const { ZProvinceSettings } = await import("@/lib/provinces/settings");
  const queues = await import("@/lib/queues/actions");
  const agencies = await import("@/lib/agencies/actions");
  const ag = await import("@/lib/agencies/schemas");
  const imports = await import("@/lib/imports/actions");
  const is = await import("@/lib/imports/schemas");
  const registerQuery = await import("@/lib/imports/register-query");
  const life = await import("@/lib/notices/life-actions");
  const api = await import("@/lib/api/actions");
  const rankingActions = await import("@/lib/ranking/actions");
  const rp = await import("@/lib/ranking/publication");
  const apiSchemas = await import("@/lib/api/token-schemas");
  const hooks = await import("@/lib/webhooks/actions");
  const hookSchemas = await import("@/lib/webhooks/schemas");
  const feeds = await import("@/lib/feeds/actions");
  const feedSchemas = await import("@/lib/feeds/schemas");
  const form = (
    name: string,
    fn: (p: unknown, fd: FormData) => Promise<unknown>,
    schema: z.ZodType,
    fileKeys: string[] = [],
  ) => ({
    name,
    form: true,
    schema,
    fileKeys,
    call: (fd: unknown) => fn(null, fd as FormData),
  });
  const json = (name: string, fn: (i: unknown) => Promise<unknown>, schema: z.ZodType) => ({
    name,
    form: false,
    schema,
    fileKeys: [],
    call: fn,
  });
  return [
    form("startAssignmentAction", wf.startAssignmentAction, s.ZStartAssignment),
    form("reportProgressAction", wf.reportProgressAction, s.ZReportProgress, ["attachment"]),
    form("submitCompletionAction", wf.submitCompletionAction, s.ZSubmitCompletion, ["attachment"]),
    form("confirmCompletionAction", wf.confirmCompletionAction, s.ZConfirmCompletion),
    form("returnCompletionAction", wf.returnCompletionAction, s.ZReturnCompletion),
    form("requestExtensionAction", wf.requestExtensionAction, s.ZRequestExtension),
    form("decideExtensionAction", wf.decideExtensionAction, s.ZDecideExtension),
    form("addCommentAction", wf.addCommentAction, s.ZAddComment),
    form("requestExplanationAction", wf.requestExplanationAction, s.ZRequestExplanation),
    form("undoDecisionAction", wf.undoDecisionAction, s.ZUndoDecision),
    form("answerExplanationAction", wf.answerExplanationAction, s.ZAnswerExplanation, ["attachment"]),
    // Refuses each stale or forbidden item and says so: an answer that changes nothing.
    { ...form("decideManyAction", queues.decideManyAction, s.ZBulkDecision), readOnly: true },
    { ...form("markQueueSeenAction", queues.markQueueSeenAction, z.object({})), stores: true },
    // Opening an editor reads the directive or the registry (for those who may edit): may answer ok.
    { ...json("loadDirectiveEditorAction", ed.loadDirectiveEditorAction, e.ZLoadDirectiveEditor), readOnly: true },
    { ...json("loadNoticeRegistryAction", ed.loadNoticeRegistryAction, e.ZLoadNoticeRegistry), readOnly: true },
    json("updateDirectiveAction", ed.updateDirectiveAction, e.ZUpdateDirective),
    json("addDirectiveAgenciesAction", ed.addDirectiveAgenciesAction, e.ZAddDirectiveAgencies),
    json("removeDirectiveAgencyAction", ed.removeDirectiveAgencyAction, e.ZRemoveDirectiveAgency),
    json("changeAssignmentRoleAction", ed.changeAssignmentRoleAction, e.ZChangeAssignmentRole),
    json("addDirectiveAction", ed.addDirectiveAction, e.ZAddDirective),
    json("removeDirectiveAction", ed.removeDirectiveAction, e.ZRemoveDirective),
    json("publishNoticeAction", ed.publishNoticeAction, e.ZPublishNotice),
    json("deleteDraftNoticeAction", ed.deleteDraftNoticeAction, e.ZDeleteNotice),
    {
      ...form("proposeNoticeAction", intake.proposeNoticeAction, z.object({ text: z.string() }), ["file"]),
      readOnly: true,
    },
    json("confirmNoticeAction", intake.confirmNoticeAction, ZConfirmNotice),
    json("cancelIntakeJobAction", intake.cancelIntakeJobAction, z.object({ jobId: z.number() })),
    json("proposeFromJobAction", intake.proposeFromJobAction, z.object({ jobId: z.number() })),
    form("markRemindersRead", reminders.markRemindersRead, z.object({})),
    { ...form("markNotificationsReadAction", reminders.markNotificationsReadAction, z.object({})), stores: true },
    form("createAccountAction", users.createAccountAction, us.ZCreateUser),
    form("updateAccountAction", users.updateAccountAction, us.ZUpdateUser),
    form("resetPasswordAction", users.resetPasswordAction, us.ZUserTarget),
    form("changeOwnPasswordAction", users.changeOwnPasswordAction, us.ZChangePassword),
    { ...form("updateOwnProfileAction", users.updateOwnProfileAction, us.ZOwnProfile), stores: true },
    form("createProvinceAction", provinces.createProvinceAction, ZCreateProvince),
    form("updateProvinceSettingsAction", provinces.updateProvinceSettingsAction, ZProvinceSettings),
    form("createAgencyAction", agencies.createAgencyAction, ag.ZCreateAgency),
    form("updateAgencyAction", agencies.updateAgencyAction, ag.ZUpdateAgency),
    form("deleteAgencyAction", agencies.deleteAgencyAction, ag.ZAgencyTarget),
    form("mergeAgencyAction", agencies.mergeAgencyAction, ag.ZMergeAgency),
    form("createGroupAction", agencies.createGroupAction, ag.ZCreateGroup),
    form("updateGroupAction", agencies.updateGroupAction, ag.ZUpdateGroup),
    form("addGroupMemberAction", agencies.addGroupMemberAction, ag.ZGroupMember),
    form("removeGroupMemberAction", agencies.removeGroupMemberAction, ag.ZGroupMember),
    form("deleteGroupAction", agencies.deleteGroupAction, ag.ZGroupTarget),
    // Reading an upload stores it for its preview (RegistryImport): refused files store nothing.
    { ...form("uploadAgencyListAction", imports.uploadAgencyListAction, is.ZImportUpload, ["file"]), runs: 60 },
    form("confirmAgencyListAction", imports.confirmAgencyListAction, is.ZImportConfirm),
    { ...form("uploadUserListAction", imports.uploadUserListAction, is.ZImportUpload, ["file"]), runs: 60 },
    form("confirmUserListAction", imports.confirmUserListAction, is.ZImportConfirm),
    { ...form("uploadRegisterAction", imports.uploadRegisterAction, is.ZImportUpload, ["file"]), runs: 60 },
    form("confirmRegisterAction", imports.confirmRegisterAction, registerQuery.ZRegisterConfirm),
    form("withdrawNoticeAction", life.withdrawNoticeAction, e.ZWithdrawNotice),
    form("linkNoticeAction", life.linkNoticeAction, e.ZLinkNotice),
    form("unlinkNoticeAction", life.unlinkNoticeAction, e.ZUnlinkNotice),
    form("carryDirectivesAction", life.carryDirectivesAction, e.ZCarryDirectives),
    form("createApiTokenAction", api.createApiTokenAction, apiSchemas.ZCreateApiToken),
    form("revokeApiTokenAction", api.revokeApiTokenAction, apiSchemas.ZRevokeApiToken),
    form("publishRankingAction", rankingActions.publishRankingAction, rp.ZPublishRanking),
    form("withdrawRankingAction", rankingActions.withdrawRankingAction, rp.ZWithdrawRanking),
    form("createWebhookAction", hooks.createWebhookAction, hookSchemas.ZCreateWebhook),
    form("updateWebhookEventsAction", hooks.updateWebhookEventsAction, hookSchemas.ZUpdateWebhookEvents),
    form("pauseWebhookAction", hooks.pauseWebhookAction, hookSchemas.ZWebhookTarget),
    form("resumeWebhookAction", hooks.resumeWebhookAction, hookSchemas.ZWebhookTarget),
    form("deleteWebhookAction", hooks.deleteWebhookAction, hookSchemas.ZWebhookTarget),
    form("pingWebhookAction", hooks.pingWebhookAction, hookSchemas.ZWebhookTarget),
    // A signed-in user may always make their own calendar address (no agency given), and a feed
    // id or agency id the fuzzer hits may be one the caller manages: these may store what they are sent.
    { ...form("createFeedAction", feeds.createFeedAction, feedSchemas.ZCreateFeed), stores: true },
    { ...form("revokeFeedAction", feeds.revokeFeedAction, feedSchemas.ZRevokeFeed), stores: true },
  ];
}

function expectAnswer(
  result: unknown,
  entry: { name: string; readOnly?: boolean; stores?: boolean },
  input: unknown,
): void {
  const r = result as ActionResult;
  const where = `${entry.name} ← ${safeJson(input)}`;
  expect(r && typeof r === "object", where).toBe(true);
  expect(isVietnamese(r.message), `${where}: "${r.message}"`).toBe(true);
  if (r.ok)
    expect(entry.readOnly || entry.stores || entry.name === "markRemindersRead", `${where} succeeded`).toBe(true);
  else expect(r.code, `${where}: ${r.message}`).not.toBe("internal");
}

function safeJson(v: unknown): string {
  try {
    return (
      JSON.stringify(v, (_k, x) => (x instanceof FormData ? Object.fromEntries(x) : x))?.slice(0, 300) ?? String(v)
    );
  } catch {
    return String(v);
  }
}

describe("malformed input to every server action", async () => {
  const entries = await actionEntries();

  it("covers every gated action module's exports", async () => {
    const modules = [
      await import("@/lib/assignments/actions"),
      await import("@/lib/notices/edit-actions"),
      await import("@/lib/intake/actions"),
      await import("@/app/(app)/nhac-viec/actions"),
      await import("@/lib/users/actions"),
      await import("@/lib/provinces/actions"),
      await import("@/lib/queues/actions"),
      await import("@/lib/agencies/actions"),
      await import("@/lib/imports/actions"),
      await import("@/lib/notices/life-actions"),
      await import("@/lib/api/actions"),
      await import("@/lib/ranking/actions"),
      await import("@/lib/webhooks/actions"),
      await import("@/lib/feeds/actions"),
    ];
    const exported = modules.flatMap((m) =>
      Object.entries(m)
        .filter(([, v]) => gatedName(v))
        .map(([k]) => k),
    );
    expect(entries.map((e) => e.name).sort()).toEqual(exported.sort());
  });

  for (const entry of entries) {
    it(`${entry.name}: no unexpected error, a Vietnamese answer, nothing stored`, async () => {
      const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
      const before = await checksums();
      const keys = keysOf(entry.schema);
      const input = entry.form
        ? malformedInput(keys).chain((v) => toFormData(v, entry.fileKeys))
        : malformedInput(keys);
      const roles = fc.constantFrom(...Object.keys(users));
      try {
        await fc.assert(
          fc.asyncProperty(roles, input, async (role, value) => {
            signInAs(users[role]!);
            expectAnswer(await entry.call(value), entry, value);
            expect(logged, `${entry.name} logged an unexpected error for ${safeJson(value)}`).not.toHaveBeenCalled();
          }),
          { seed: SEED, numRuns: entry.runs ?? RUNS },
        );
        // Called the wrong way round (a FormData action sent JSON, a JSON action sent a FormData).
        for (const role of Object.keys(users)) {
          signInAs(users[role]!);
          for (const odd of [undefined, null, "x", 7, new FormData()]) {
            const r = entry.form ? await entry.call(odd) : await entry.call(odd);
            expectAnswer(r, entry, odd);
          }
        }
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
        signInAs(null);
      }
      if (!entry.stores) expect(await checksums()).toEqual(before);
    }, 180_000);
  }
});

describe("malformed input to every route handler", () => {
  const QUERY_KEYS = [
    "format",
    "co-quan",
    "bang",
    "category",
    "agency",
    "bucket",
    "notice",
    "from",
    "to",
    "sort",
    "dir",
    "page",
    "so",
    "ky",
    "chuc",
    "ngay",
    "theo",
  ];
  const routeFiles = [
    ["/api/tep/[id]", "@/app/api/tep/[id]/route"],
    ["/api/xuat/bao-cao", "@/app/api/xuat/bao-cao/route"],
    ["/api/xuat/cuoc-hop", "@/app/api/xuat/cuoc-hop/route"],
    ["/api/xuat/danh-sach", "@/app/api/xuat/danh-sach/route"],
    ["/api/xuat/tong-quan", "@/app/api/xuat/tong-quan/route"],
    ["/api/xuat/xep-hang", "@/app/api/xuat/xep-hang/route"],
    ["/api/quan-tri/co-quan/xuat", "@/app/api/quan-tri/co-quan/xuat/route"],
    ["/api/quan-tri/co-quan/mau", "@/app/api/quan-tri/co-quan/mau/route"],
    ["/api/quan-tri/nguoi-dung/xuat", "@/app/api/quan-tri/nguoi-dung/xuat/route"],
    ["/api/quan-tri/nguoi-dung/mau", "@/app/api/quan-tri/nguoi-dung/mau/route"],
    ["/api/nhap-so-theo-doi/mau", "@/app/api/nhap-so-theo-doi/mau/route"],
    ["/api/nhap-thong-bao/[id]", "@/app/api/nhap-thong-bao/[job]/route"],
    ["/api/nhap-thong-bao/[id]/trang/[id]", "@/app/api/nhap-thong-bao/[job]/trang/[page]/route"],
    ["/api/v1/openapi.json", "@/app/api/v1/openapi.json/route"],
    // Called with a session but no bearer token, the API answers 401 (with tokens: below).
    ["/api/v1/notices", "@/app/api/v1/notices/route"],
    ["/api/v1/notices/[id]", "@/app/api/v1/notices/[id]/route"],
    ["/api/v1/agencies", "@/app/api/v1/agencies/route"],
    ["/api/v1/agencies/[id]/tasks", "@/app/api/v1/agencies/[id]/tasks/route"],
    ["/api/v1/overdue", "@/app/api/v1/overdue/route"],
    ["/api/v1/overview", "@/app/api/v1/overview/route"],
    ["/api/v1/results", "@/app/api/v1/results/route"],
    ["/api/v1/[id]", "@/app/api/v1/[...rest]/route"],
    // Sessionless: the secret in the address is the credential (unknown ones are 404).
    ["/api/lich/[id]", "@/app/api/lich/[secret]/route"],
  ] as const;
  const queryValue = fc.oneof(
    fc.constantFrom(
      "xlsx",
      "csv",
      "pdf",
      "overdue",
      "d1_7",
      "1",
      "2021-07-01",
      "01/07/2021",
      "thong-bao",
      "31/02/2022",
      "2021-Q3",
    ),
    fc.constantFrom(...NASTY_CONSTANTS.filter((v): v is string => typeof v === "string")),
    fc.string({ maxLength: 30 }),
  );
  const query = fc.dictionary(fc.constantFrom(...QUERY_KEYS), queryValue, { maxKeys: 5 });

  for (const [path, module] of routeFiles) {
    it(`${path}: never a 500, a Vietnamese answer when refused, nothing stored`, async () => {
      const mod = (await import(/* @vite-ignore */ module)) as {
        GET: (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
      };
      const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
      const before = await checksums();
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...Object.keys(users)),
            query,
            fc.oneof(
              fc.constantFrom("1", "0", "-1", "1e3", "0x1", "2147483648", "abc", ""),
              fc.string({ maxLength: 12 }),
            ),
            async (role, q, id) => {
              signInAs(users[role]!);
              const url = new URL(`http://localhost${path.replaceAll("[id]", encodeURIComponent(id))}`);
              for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
              const res = await mod.GET(new Request(url), {
                params: Promise.resolve({ id, job: id, page: id, secret: id }),
              });
              expect(res.status, `${url}`).toBeLessThan(500);
              if (res.status >= 400) expect(isVietnamese(await refusal(res)), `${url}`).toBe(true);
              else await res.arrayBuffer();
            },
          ),
          { seed: SEED, numRuns: Math.ceil(RUNS / 4) },
        );
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
        signInAs(null);
      }
      expect(await checksums()).toEqual(before);
    });
  }
});

/** A refusal's message: the text itself, or the API's JSON error shape's message. */
async function refusal(res: Response): Promise<unknown> {
  if (!res.headers.get("content-type")?.startsWith("application/json")) return res.text();
  const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code).toBe("string");
  return body.error?.message;
}

describe("malformed input to every API route, with bearer tokens", () => {
  const API_ROUTES = [
    ["/api/v1/notices", "@/app/api/v1/notices/route"],
    ["/api/v1/notices/[id]", "@/app/api/v1/notices/[id]/route"],
    ["/api/v1/agencies", "@/app/api/v1/agencies/route"],
    ["/api/v1/agencies/[id]/tasks", "@/app/api/v1/agencies/[id]/tasks/route"],
    ["/api/v1/overdue", "@/app/api/v1/overdue/route"],
    ["/api/v1/overview", "@/app/api/v1/overview/route"],
    ["/api/v1/results", "@/app/api/v1/results/route"],
  ] as const;
  const QUERY_KEYS = [
    "cursor",
    "limit",
    "q",
    "status",
    "kind",
    "year",
    "overdue",
    "include",
    "page",
    "agency",
    "period",
  ];
  const tokens: Record<string, string | null> = { none: null, garbage: "cdt_khong-phai-ma" };

  beforeAll(async () => {
    const { createApiToken, revokeApiToken } = await import("@/lib/api/tokens");
    const admin = users["longan.quantri"]!;
    const syt = await t.prisma.agency.findFirstOrThrow({ where: { provinceId: admin.provinceId!, name: "Sở Y tế" } });
    tokens.province = (await createApiToken(t.prisma, admin, { name: "Cả tỉnh", scope: "read", agencyIds: [] })).secret;
    tokens.agency = (
      await createApiToken(t.prisma, admin, { name: "Sở Y tế", scope: "read", agencyIds: [syt.id] })
    ).secret;
    const revoked = await createApiToken(t.prisma, admin, { name: "Thu hồi", scope: "read", agencyIds: [] });
    await revokeApiToken(t.prisma, admin, revoked.id);
    tokens.revoked = revoked.secret;
  });

  const queryValue = fc.oneof(
    fc.constantFrom(
      "1",
      "0",
      "200",
      "201",
      "-1",
      "published",
      "draft",
      "TB",
      "2021",
      "2021-Q3",
      "2021-H3",
      "eyJvIjoxfQ",
      "eyJvIjotMX0",
      "directives",
    ),
    fc.constantFrom(...NASTY_CONSTANTS.filter((v): v is string => typeof v === "string")),
    fc.string({ maxLength: 30 }),
  );

  for (const [path, module] of API_ROUTES) {
    it(`${path}: never a 500, the JSON error shape in Vietnamese when refused, nothing stored`, async () => {
      const { resetApiRateLimit } = await import("@/lib/api/gate");
      const mod = (await import(/* @vite-ignore */ module)) as {
        GET: (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
      };
      const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
      const before = await checksums();
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...Object.keys(tokens)),
            fc.dictionary(fc.constantFrom(...QUERY_KEYS), queryValue, { maxKeys: 4 }),
            fc.oneof(
              fc.constantFrom("1", "2", "0", "-1", "1e3", "0x1", "2147483648", "abc", ""),
              fc.string({ maxLength: 12 }),
            ),
            async (who, q, id) => {
              resetApiRateLimit();
              const url = new URL(`http://localhost${path.replaceAll("[id]", encodeURIComponent(id))}`);
              for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
              const token = tokens[who];
              const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
              const res = await mod.GET(new Request(url, { headers }), { params: Promise.resolve({ id }) });
              expect(res.status, `${url}`).toBeLessThan(500);
              expect(res.headers.get("content-type"), `${url}`).toMatch(/^application\/json/);
              if (res.status >= 400) expect(isVietnamese(await refusal(res)), `${url}`).toBe(true);
              else await res.arrayBuffer();
            },
          ),
          { seed: SEED, numRuns: Math.ceil(RUNS / 4) },
        );
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
      expect(await checksums()).toEqual(before);
    });
  }
});

describe("malformed bodies to every API write, with bearer tokens", () => {
  const tokens: Record<string, string | null> = { none: null, garbage: "cdt_khong-phai-ma" };
  let writes: [string, string, z.ZodType][] = [];

  beforeAll(async () => {
    const { createApiToken } = await import("@/lib/api/tokens");
    const { ZCreateNoticeBody, ZReportBody } = await import("@/lib/api/schemas");
    writes = [
      ["/api/v1/notices", "@/app/api/v1/notices/route", ZCreateNoticeBody],
      ["/api/v1/tasks/[id]/reports", "@/app/api/v1/tasks/[id]/reports/route", ZReportBody],
    ];
    const admin = users["longan.quantri"]!;
    const syt = await t.prisma.agency.findFirstOrThrow({ where: { provinceId: admin.provinceId!, name: "Sở Y tế" } });
    tokens.read = (await createApiToken(t.prisma, admin, { name: "Đọc", scope: "read", agencyIds: [] })).secret;
    tokens.province = (
      await createApiToken(t.prisma, admin, { name: "Ghi cả tỉnh", scope: "read_write", agencyIds: [] })
    ).secret;
    tokens.agency = (
      await createApiToken(t.prisma, admin, { name: "Ghi Sở Y tế", scope: "read_write", agencyIds: [syt.id] })
    ).secret;
  });

  /** A body as sent: JSON of a malformed value, or not JSON at all. */
  const body = (keys: string[]) =>
    fc.oneof(
      { weight: 4, arbitrary: malformedInput(keys).map((v) => JSON.stringify(v) ?? "") },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    );

  for (const index of [0, 1]) {
    it(`POST ${index === 0 ? "/api/v1/notices" : "/api/v1/tasks/[id]/reports"}: never a 500, the JSON error shape in Vietnamese, nothing stored`, async () => {
      const { resetApiRateLimit } = await import("@/lib/api/gate");
      const [path, module, schema] = writes[index]!;
      const mod = (await import(/* @vite-ignore */ module)) as {
        POST: (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
      };
      const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
      const before = await checksums();
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...Object.keys(tokens)),
            body(keysOf(schema)),
            // No task has these ids: a body that happens to be valid still stores nothing.
            fc.constantFrom("0", "-1", "1e3", "0x1", "2147483648", "abc", "", "2147483000"),
            fc.constantFrom("application/json", "text/plain", ""),
            async (who, text, id, type) => {
              resetApiRateLimit();
              const url = new URL(`http://localhost${path.replaceAll("[id]", encodeURIComponent(id))}`);
              const token = tokens[who];
              const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
              if (type) headers["content-type"] = type;
              const res = await mod.POST(new Request(url, { method: "POST", headers, body: text }), {
                params: Promise.resolve({ id }),
              });
              expect(res.status, `${url} ${text}`).toBeGreaterThanOrEqual(400);
              expect(res.status, `${url} ${text}`).toBeLessThan(500);
              expect(res.headers.get("content-type"), `${url}`).toMatch(/^application\/json/);
              expect(isVietnamese(await refusal(res)), `${url} ${text}`).toBe(true);
            },
          ),
          { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
        );
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
      expect(await checksums()).toEqual(before);
    });
  }
});

describe("malformed addresses of every page", () => {
  const PAGES = [
    ["/", "@/app/page"],
    ["/thong-bao", "@/app/(app)/thong-bao/page"],
    ["/thong-bao/nhap", "@/app/(app)/thong-bao/nhap/page"],
    ["/thong-bao/nhap-so-theo-doi", "@/app/(app)/thong-bao/nhap-so-theo-doi/page"],
    ["/thong-bao/[id]", "@/app/(app)/thong-bao/[id]/page"],
    ["/chi-dao/[id]", "@/app/(app)/chi-dao/[id]/page"],
    ["/nhiem-vu/[id]", "@/app/(app)/nhiem-vu/[id]/page"],
    ["/co-quan", "@/app/(app)/co-quan/page"],
    ["/co-quan/[id]", "@/app/(app)/co-quan/[id]/page"],
    ["/qua-han", "@/app/(app)/qua-han/page"],
    ["/tong-quan", "@/app/(app)/tong-quan/page"],
    ["/tong-quan/danh-sach", "@/app/(app)/tong-quan/danh-sach/page"],
    ["/bao-cao", "@/app/(app)/bao-cao/page"],
    ["/cuoc-hop", "@/app/(app)/cuoc-hop/page"],
    ["/xep-hang", "@/app/(app)/xep-hang/page"],
    ["/xep-hang/co-quan/[id]", "@/app/(app)/xep-hang/co-quan/[id]/page"],
    ["/nhac-viec", "@/app/(app)/nhac-viec/page"],
    ["/cho-xu-ly", "@/app/(app)/cho-xu-ly/page"],
    ["/quan-tri/cai-dat", "@/app/(app)/quan-tri/cai-dat/page"],
    ["/quan-tri/co-quan", "@/app/(app)/quan-tri/co-quan/page"],
    ["/quan-tri/co-quan/moi", "@/app/(app)/quan-tri/co-quan/moi/page"],
    ["/quan-tri/co-quan/nhom", "@/app/(app)/quan-tri/co-quan/nhom/page"],
    ["/quan-tri/co-quan/[id]", "@/app/(app)/quan-tri/co-quan/[id]/page"],
    ["/quan-tri/co-quan/nhap", "@/app/(app)/quan-tri/co-quan/nhap/page"],
    ["/quan-tri/nguoi-dung/nhap", "@/app/(app)/quan-tri/nguoi-dung/nhap/page"],
    ["/quan-tri/api", "@/app/(app)/quan-tri/api/page"],
    ["/quan-tri/webhook", "@/app/(app)/quan-tri/webhook/page"],
    ["/quan-tri/webhook/[id]", "@/app/(app)/quan-tri/webhook/[id]/page"],
    ["/tai-lieu-api", "@/app/tai-lieu-api/page"],
    ["/cong-khai/[tinh]/xep-hang/[ky]", "@/app/cong-khai/[tinh]/xep-hang/[ky]/page"],
    ["/tai-khoan", "@/app/(app)/tai-khoan/page"],
    ["/huong-dan", "@/app/(app)/huong-dan/page"],
  ] as const;
  const QUERY_KEYS = [
    "lan",
    // The register import's column mapping and agency choices (/thong-bao/nhap-so-theo-doi).
    "c0",
    "c1",
    "c59",
    "gan",
    "q",
    "kind",
    "status",
    "state",
    "role",
    "due",
    "notice",
    "view",
    "sort",
    "dir",
    "category",
    "agency",
    "bucket",
    "from",
    "to",
    "page",
    "so",
    "ky",
    "chuc",
    "ngay",
    "theo",
    "year",
    "issuer",
    "overdue",
    "chuyen-tiep",
    "lien-ket",
    "xem",
    "trang",
    "co-quan",
  ];
  const value = fc.oneof(
    fc.constantFrom(...NASTY_CONSTANTS.filter((v): v is string => typeof v === "string")),
    fc.constantFrom(
      "1",
      "overdue",
      "list",
      "tat-ca",
      "due",
      "lead",
      "2021-07-01",
      "10/02/2022",
      "thong-bao",
      "QĐ",
      "2021",
      "draft",
      "%_\\",
      "xét nghiệm",
      "2021-Q3",
      "2021-H2",
      "toConfirm",
      "newTasks",
    ),
    fc.string({ maxLength: 30 }),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  );
  const ids = fc.oneof(
    fc.constantFrom("1", "2", "0", "-1", "1e3", "0x1", "2147483648", "99999999999999999999", "abc", "", "1%00"),
    fc.string({ maxLength: 12 }),
  );

  /** What a page may do with a bad address: render, show the 404 page, or send to sign-in / home. */
  function isExpectedExit(error: unknown): boolean {
    const digest = (error as { digest?: unknown } | null)?.digest;
    return (
      typeof digest === "string" && (digest === "NEXT_HTTP_ERROR_FALLBACK;404" || digest.startsWith("NEXT_REDIRECT"))
    );
  }

  for (const [path, module] of PAGES) {
    it(`${path}: renders, answers 404 or redirects, never fails`, async () => {
      const mod = (await import(/* @vite-ignore */ module)) as {
        default: (p: {
          params: Promise<Record<string, unknown>>;
          searchParams: Promise<Record<string, unknown>>;
        }) => Promise<unknown>;
      };
      const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
      const before = await checksums();
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...Object.keys(users)),
            ids,
            fc.dictionary(fc.constantFrom(...QUERY_KEYS), value, { maxKeys: 5 }),
            async (role, id, query) => {
              signInAs(users[role]!);
              try {
                await mod.default({
                  params: Promise.resolve({ id, tinh: id, ky: id }),
                  searchParams: Promise.resolve(query),
                });
              } catch (error) {
                if (!isExpectedExit(error)) throw error;
              }
            },
          ),
          {
            seed: SEED,
            numRuns: Math.ceil(RUNS / 2),
            // The values that broke pages before the gate, for every role that reaches the page.
            examples: Object.keys(users).flatMap((role) =>
              ["page", "notice", "agency"].map(
                (key) =>
                  [role, "2147483648", { [key]: "99999999999999999999" }] as [string, string, Record<string, string>],
              ),
            ),
          },
        );
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
        signInAs(null);
      }
      expect(await checksums()).toEqual(before);
    });
  }
});
