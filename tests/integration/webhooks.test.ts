import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideExtension, requestExtension } from "@/lib/assignments/extensions";
import { confirmCompletion, returnCompletion, submitCompletion } from "@/lib/assignments/workflow";
import { useDbForTests } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createNotice } from "@/lib/notices/create";
import { addDirectiveAgencies } from "@/lib/notices/edit";
import { listNotifications } from "@/lib/notifications/inbox";
import { runOutbox } from "@/lib/outbox/worker";
import { runReminders } from "@/lib/reminders/run";
import { ZCreateWebhook } from "@/lib/webhooks/schemas";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  pingWebhook,
  resumeWebhook,
  updateWebhookEvents,
} from "@/lib/webhooks/manage";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";
import { signInAs } from "@/tests/helpers/test-session";

// Webhooks (issue 15) against a real HTTP receiver on loopback: what the province's systems get
// when the workflow moves (signed as the README says), retried with the same delivery id, each
// event once, nothing for what was not subscribed or for another province, and a receiver that
// fails for a day paused with its administrator told.

// Only its presence matters: the pause is then also e-mailed (written to the outbox).
process.env.SMTP_URL = "smtp://127.0.0.1:2";

// The body's data, read loosely: each test names the fields it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON body of several shapes
type Data = any;

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; event: string; occurredAt: string; province: { id: number; name: string }; data: Data };
}

let f: WorkflowFixture;
let server: http.Server;
let base: string;
const received: Received[] = [];
/** Per path, the statuses to answer in turn (the last one repeats); 200 when unset. */
const answers = new Map<string, number[]>();

beforeAll(async () => {
  f = await createWorkflowFixture();
  useDbForTests(f.t.prisma);
  server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, raw, body: JSON.parse(raw) });
      const queue = answers.get(path) ?? [200];
      const status = queue.length > 1 ? queue.shift()! : queue[0]!;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `lỗi ${status} ở bên nhận`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  signInAs(null);
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await f?.t.drop();
});

const p = () => f.t.prisma;
const admin = () => f.user("longan.quantri");
const version = async (id: number) =>
  (await p().assignment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const at = (path: string) => received.filter((r) => r.path === path);
const events = (path: string) => at(path).map((r) => r.body.event);
const send = (now = new Date()) => runOutbox(p(), { mailer: null, baseUrl: "http://app.test", now });

/** The README's recipe: HMAC-SHA256(secret, timestamp + "." + raw body), hex, after "sha256=". */
function verifies(secret: string, r: Received): boolean {
  const expected =
    "sha256=" + createHmac("sha256", secret).update(`${r.headers["x-chidao-timestamp"]}.${r.raw}`).digest("hex");
  const got = String(r.headers["x-chidao-signature"] ?? "");
  return got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected));
}

async function register(path: string, subscribed: readonly string[], login = "longan.quantri") {
  const { id } = await createWebhook(
    p(),
    await f.user(login),
    ZCreateWebhook.parse({ url: base + path, events: subscribed }),
  );
  return p().webhook.findUniqueOrThrow({ where: { id } });
}

let all: Awaited<ReturnType<typeof register>>;
let noticeOfTest: number;

describe("registering", () => {
  it("accepts only http(s) addresses, and only the province's administrator", async () => {
    for (const url of ["ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "example.org/hook", ""])
      expect(ZCreateWebhook.safeParse({ url, events: ["task.assigned"] }).success, url).toBe(false);
    expect(ZCreateWebhook.safeParse({ url: "http://127.0.0.1:9/x", events: [] }).success).toBe(false);
    expect(ZCreateWebhook.safeParse({ url: "https://hooks.longan.gov.vn/x", events: ["task.assigned"] }).success).toBe(
      true,
    );
    await expect(
      createWebhook(p(), await f.user("longan.vanphong"), { url: `${base}/x`, events: ["task.assigned"] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createWebhook(p(), await f.user("quantri"), { url: `${base}/x`, events: ["task.assigned"] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("workflow events", () => {
  let onlyConfirmed: Awaited<ReturnType<typeof register>>;
  let other: Awaited<ReturnType<typeof register>>;

  beforeAll(async () => {
    all = await register("/all", WEBHOOK_EVENTS);
    onlyConfirmed = await register("/confirmed", ["result.confirmed"]);
    other = await register("/langson", WEBHOOK_EVENTS, "langson.quantri");
  });

  it("a notice published: notice.published once and task.assigned per task, signed with the webhook's secret", async () => {
    const noticeId = await createNotice(
      p(),
      null,
      f.provinceId,
      {
        sourceText: "kiểm thử webhook",
        draft: {
          notice: {
            kind: "TB",
            number: "100/TB-WH",
            issuer: "UBND tỉnh Long An",
            place: "Long An",
            issuedOn: "2021-07-02",
            issuedPrecision: "day",
            title: "Thông báo kiểm thử webhook",
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
              text: "Sở Y tế chủ trì, phối hợp với Công an tỉnh lập chốt kiểm soát.",
              urgent: false,
              deadline: {
                kind: "exact",
                dueOn: "2021-07-15",
                dueAt: null,
                phrase: "trước ngày 15/7/2021",
                startOn: null,
                recurrence: null,
                target: null,
              },
              assignments: [
                { agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false },
                { agency: "Công an tỉnh", role: "support", viaGroup: null, isNew: false },
              ],
            },
          ],
        },
      },
      { status: "published", createNewAgencies: false },
    );
    // Enqueued in the publication's transaction; nothing is sent until the outbox runs.
    expect(received).toHaveLength(0);
    expect((await send()).sent).toBe(3);

    expect(events("/all").sort()).toEqual(["notice.published", "task.assigned", "task.assigned"]);
    const published = at("/all").find((r) => r.body.event === "notice.published")!;
    expect(published.body).toMatchObject({
      event: "notice.published",
      province: { id: f.provinceId, name: "Long An" },
      data: { notice: { id: noticeId, number: "100/TB-WH", tasks: 2, path: `/thong-bao/${noticeId}` } },
    });
    const assigned = at("/all").filter((r) => r.body.event === "task.assigned");
    expect(assigned.map((r) => r.body.data.task.agency.name).sort()).toEqual(["Công an tỉnh", "Sở Y tế"]);
    expect(assigned[0]!.body.data.task).toMatchObject({ dueOn: "2021-07-15", notice: { id: noticeId } });

    for (const r of at("/all")) {
      expect(r.headers["content-type"]).toMatch(/^application\/json/);
      expect(r.headers["x-chidao-event"]).toBe(r.body.event);
      expect(r.headers["x-chidao-delivery"]).toBe(r.body.id);
      expect(r.headers["x-chidao-timestamp"]).toMatch(/^\d{10}$/);
      expect(Math.abs(Number(r.headers["x-chidao-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
      expect(verifies(all.secret, r), r.raw).toBe(true);
      // Another secret, or a body changed by one byte, does not verify.
      expect(verifies(other.secret, r)).toBe(false);
      expect(verifies(all.secret, { ...r, raw: r.raw.replace("Long An", "Long  An") })).toBe(false);
    }
    // Not subscribed, or another province: nothing.
    expect(at("/confirmed")).toEqual([]);
    expect(at("/langson")).toEqual([]);

    const page = await getWebhook(p(), await admin(), all.id, 1);
    expect(page.total).toBe(3);
    noticeOfTest = noticeId;
    expect(page.deliveries.map((d) => [d.status, d.attempts, d.lastStatusCode, d.lastResponse])).toEqual([
      ["delivered", 1, 200, "ok"],
      ["delivered", 1, 200, "ok"],
      ["delivered", 1, 200, "ok"],
    ]);
  });

  it("an agency added to a directive of a published notice: task.assigned for its new task", async () => {
    received.length = 0;
    const directive = await p().directive.findFirstOrThrow({
      where: { noticeId: noticeOfTest },
      select: { id: true, version: true },
    });
    const { assignmentIds } = await addDirectiveAgencies(p(), await f.user("longan.vanphong"), {
      directiveId: directive.id,
      version: directive.version,
      agencies: ["Sở Giáo dục và Đào tạo"],
      role: "support",
    });
    await send();
    expect(events("/all")).toEqual(["task.assigned"]);
    expect(at("/all")[0]!.body.data.task).toMatchObject({
      id: assignmentIds[0],
      role: "support",
      agency: { name: "Sở Giáo dục và Đào tạo" },
    });
    expect(at("/langson")).toEqual([]);
    received.length = 0;
  });

  it("reported, returned, confirmed and an extension decided: each once, with what happened", async () => {
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    const chair = await f.user("longan.chutich");
    const clock = fixedClock("2021-07-05");
    received.length = 0;

    await submitCompletion(
      p(),
      syt,
      { assignmentId: f.lead, version: await version(f.lead), text: "Đã truy vết xong.", completedOn: "2021-07-05" },
      clock,
    );
    await returnCompletion(p(), sec, {
      assignmentId: f.lead,
      version: await version(f.lead),
      reason: "Thiếu danh sách F1 kèm theo.",
    });
    await submitCompletion(
      p(),
      syt,
      { assignmentId: f.lead, version: await version(f.lead), text: "Bổ sung danh sách.", completedOn: "2021-07-05" },
      clock,
    );
    await confirmCompletion(p(), sec, { assignmentId: f.lead, version: await version(f.lead) });
    const congan = await f.user("longan.congan");
    const asked = await requestExtension(
      p(),
      congan,
      {
        assignmentId: f.support,
        version: await version(f.support),
        requestedDueOn: "2021-07-20",
        reason: "Chờ số liệu.",
      },
      clock,
    );
    await decideExtension(
      p(),
      chair,
      {
        extensionId: asked.extensionId,
        version: await version(f.support),
        decision: "refuse",
        note: "Không đủ lý do.",
      },
      clock,
    );
    await send();
    expect(events("/all")).toEqual([
      "result.reported",
      "result.returned",
      "result.reported",
      "result.confirmed",
      "extension.decided",
    ]);
    const [, returned, , confirmed, extension] = at("/all");
    expect(returned!.body.data).toMatchObject({
      reason: "Thiếu danh sách F1 kèm theo.",
      task: { id: f.lead, agency: { name: "Sở Y tế" }, state: "in_progress" },
    });
    expect(confirmed!.body.data.task).toMatchObject({ id: f.lead, state: "completed" });
    expect(extension!.body.data).toMatchObject({
      task: { id: f.support, agency: { name: "Công an tỉnh" } },
      extension: { id: asked.extensionId, approved: false, note: "Không đủ lý do." },
    });
    expect(events("/confirmed")).toEqual(["result.confirmed"]);
    expect(at("/langson")).toEqual([]);

    // Another round sends nothing again; every delivery id is its own.
    await send(new Date(Date.now() + 86_400_000));
    expect(received).toHaveLength(6);
    const ids = (await p().webhookDelivery.findMany({ select: { deliveryId: true } })).map((d) => d.deliveryId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(received.map((r) => r.headers["x-chidao-delivery"])).size).toBe(received.length);
  });

  it("a task became overdue: once per task and due day, from the daily reminder run", async () => {
    received.length = 0;
    const first = await runReminders(p(), "2021-07-16", { baseUrl: "http://app.test", provinceId: f.provinceId });
    await send();
    // Of the province's tasks due in the last week: the two of notice 100/TB-WH (15/07); the fixture's
    // (10/07, still open for Công an tỉnh) too, the lead's was confirmed.
    const overdue = at("/all").filter((r) => r.body.event === "task.overdue");
    expect(overdue.length).toBe(first.webhooks);
    const tasks = overdue.map((r) => r.body.data.task.id);
    expect(tasks).toContain(f.support);
    expect(tasks).not.toContain(f.lead);
    expect(overdue.find((r) => r.body.data.task.id === f.support)!.body.data.overdueSince).toBe("2021-07-11");
    const again = await runReminders(p(), "2021-07-16", { baseUrl: "http://app.test", provinceId: f.provinceId });
    expect(again.webhooks).toBe(0);
    expect(at("/confirmed")).toEqual([]);
  });

  it("an event unsubscribed later is no longer sent", async () => {
    await updateWebhookEvents(p(), await admin(), { webhookId: onlyConfirmed.id, events: ["task.overdue"] });
    expect((await p().webhook.findUniqueOrThrow({ where: { id: onlyConfirmed.id } })).events).toEqual(["task.overdue"]);
    // Another province's administrator cannot see or change it.
    await expect(getWebhook(p(), await f.user("langson.quantri"), onlyConfirmed.id, 1)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteWebhook(p(), await f.user("langson.quantri"), onlyConfirmed.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await listWebhooks(p(), await f.user("langson.quantri"))).map((h) => h.id)).toEqual([other.id]);
  });
});

describe("a receiver that fails", () => {
  it("answering 500 then 200: retried later with the same delivery id, then recorded as delivered", async () => {
    const flaky = await register("/flaky", ["result.confirmed"]);
    answers.set("/flaky", [500, 200]);
    const { deliveryId } = await pingWebhook(p(), await admin(), flaky.id);
    const t0 = new Date(Date.now() + 1_000);
    expect((await send(t0)).retried).toBe(1);
    let row = await p().webhookDelivery.findUniqueOrThrow({ where: { deliveryId } });
    expect(row).toMatchObject({
      status: "failed",
      attempts: 1,
      lastStatusCode: 500,
      lastResponse: "lỗi 500 ở bên nhận",
    });
    expect(row.lastError).toMatch(/HTTP 500/);
    expect(row.nextAttemptAt!.getTime()).toBe(t0.getTime() + 60_000);
    // Not before its time.
    await send(new Date(t0.getTime() + 30_000));
    expect(at("/flaky")).toHaveLength(1);
    await send(new Date(t0.getTime() + 61_000));
    expect(at("/flaky").map((r) => r.headers["x-chidao-delivery"])).toEqual([deliveryId, deliveryId]);
    expect(at("/flaky").map((r) => r.body.event)).toEqual(["ping", "ping"]);
    expect(verifies(flaky.secret, at("/flaky")[1]!)).toBe(true);
    row = await p().webhookDelivery.findUniqueOrThrow({ where: { deliveryId } });
    expect(row).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200, lastError: null });
    expect((await p().webhook.findUniqueOrThrow({ where: { id: flaky.id } })).failingSince).toBeNull();
  });

  it("failing for more than a day: paused, nothing more sent, the administrator told; resumed, it goes again", async () => {
    const dead = await register("/dead", ["result.confirmed", "task.overdue"]);
    const quantri = await admin();
    await p().user.update({ where: { id: quantri.id }, data: { email: "quantri@longan.test", emailOptOut: [] } });
    answers.set("/dead", [503]);
    const t0 = new Date();
    const { deliveryId } = await pingWebhook(p(), quantri, dead.id);
    // The outbox runs every hour for 30 hours; the retries back off (1, 2, 4 … minutes, at most 4
    // hours), so the first attempt after the day has passed comes between 24 and 28 hours.
    for (let h = 0; h <= 30; h++) await send(new Date(t0.getTime() + h * 3_600_000 + 1_000));
    const hook = await p().webhook.findUniqueOrThrow({ where: { id: dead.id } });
    expect(hook.pausedAt).not.toBeNull();
    expect(hook.pausedAt!.getTime() - t0.getTime()).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(hook.pauseReason).toMatch(/HTTP 503/);
    const tries = at("/dead").length;
    expect(tries).toBeGreaterThan(5);
    expect(new Set(at("/dead").map((r) => r.headers["x-chidao-delivery"]))).toEqual(new Set([deliveryId]));
    const row = await p().webhookDelivery.findUniqueOrThrow({ where: { deliveryId } });
    expect(row.status).toBe("paused");

    // The administrator sees it under Nhắc việc, and an e-mail waits in the outbox.
    const inbox = await listNotifications(p(), quantri);
    const told = inbox.rows.find((n) => n.title.includes(`${base}/dead`));
    expect(told?.title).toBe(`Webhook ${base}/dead đã bị tạm dừng`);
    expect(told?.link).toBe(`/quan-tri/webhook/${dead.id}`);
    const mail = await p().outboxMessage.findFirst({
      where: { kind: "email", dedupeKey: { contains: `webhook:${dead.id}:paused` } },
    });
    expect((mail?.payload as { to?: string } | undefined)?.to).toBe("quantri@longan.test");
    // Nobody else in the province is told.
    expect(
      (await listNotifications(p(), await f.user("longan.vanphong"))).rows.some((n) => n.title.includes("/dead")),
    ).toBe(false);

    // Paused: a new event is not enqueued for it, and later rounds send it nothing.
    const sec = await f.user("longan.vanphong");
    const syt = await f.user("longan.syt");
    await submitCompletion(
      p(),
      syt,
      { assignmentId: f.noDeadline, version: await version(f.noDeadline), text: "Xong.", completedOn: "2021-07-06" },
      fixedClock("2021-07-06"),
    );
    await confirmCompletion(p(), sec, { assignmentId: f.noDeadline, version: await version(f.noDeadline) });
    await send(new Date(t0.getTime() + 40 * 3_600_000));
    expect(at("/dead")).toHaveLength(tries);
    expect(await p().webhookDelivery.count({ where: { webhookId: dead.id } })).toBe(1);

    // The receiver is fixed and the administrator resumes: the held delivery goes, same id.
    answers.set("/dead", [200]);
    expect(await resumeWebhook(p(), quantri, dead.id)).toEqual({ resent: 1 });
    await send();
    expect(at("/dead")).toHaveLength(tries + 1);
    expect(at("/dead").at(-1)!.headers["x-chidao-delivery"]).toBe(deliveryId);
    expect(await p().webhookDelivery.findUniqueOrThrow({ where: { deliveryId } })).toMatchObject({
      status: "delivered",
    });
    expect((await p().webhook.findUniqueOrThrow({ where: { id: dead.id } })).pausedAt).toBeNull();
  });

  it("a webhook deleted leaves nothing to send", async () => {
    const gone = await register("/gone", ["result.confirmed"]);
    await pingWebhook(p(), await admin(), gone.id);
    await deleteWebhook(p(), await admin(), gone.id);
    expect(await p().webhookDelivery.count({ where: { webhookId: gone.id } })).toBe(0);
    expect(await p().outboxMessage.count({ where: { kind: "webhook", sentAt: null, failedAt: null } })).toBe(0);
    await send();
    expect(at("/gone")).toEqual([]);
  });
});

describe("the administrator's pages", () => {
  const render = async (who: string, module: "list" | "detail", id?: number, page?: string) => {
    const mod =
      module === "list"
        ? await import("@/app/(app)/quan-tri/webhook/page")
        : await import("@/app/(app)/quan-tri/webhook/[id]/page");
    signInAs(await f.user(who));
    try {
      const element = await mod.default({
        params: Promise.resolve(id ? { id: String(id) } : {}),
        searchParams: Promise.resolve(page ? { page } : {}),
      });
      // The forms' client components ask for the router; rendering on the server needs none.
      const router = { push() {}, replace() {}, refresh() {}, back() {}, forward() {}, prefetch() {} };
      return renderToStaticMarkup(
        createElement(AppRouterContext.Provider, { value: router as never }, element as React.ReactElement),
      );
    } catch (error) {
      const digest = (error as { digest?: string }).digest;
      if (!digest) throw error;
      return digest;
    } finally {
      signInAs(null);
    }
  };

  it("list the province's webhooks, and each one's deliveries with status, attempts and answer", async () => {
    const list = await render("longan.quantri", "list");
    expect(list).toContain(`${base}/all`);
    expect(list).toContain(`${base}/dead`);
    expect(list).not.toContain(`${base}/langson`);
    expect(list).toContain("Thông báo được ban hành");

    const flaky = await p().webhook.findFirstOrThrow({ where: { url: `${base}/flaky` } });
    const detail = await render("longan.quantri", "detail", flaky.id);
    expect(detail).toContain("Gửi thử (ping)");
    expect(detail).toContain("Đã nhận");
    expect(detail).toContain("HTTP 200");
    expect(detail).toContain("Tạm dừng");
    const dead = await p().webhook.findFirstOrThrow({ where: { url: `${base}/dead` } });
    await p().webhook.update({ where: { id: dead.id }, data: { failingSince: new Date() } });
    expect(await render("longan.quantri", "detail", dead.id)).toContain("nếu còn lỗi sau 24 giờ");

    // The deliveries are paged, 20 a page, newest first: twenty test events waiting fill the first.
    for (let i = 0; i < 20; i++) await pingWebhook(p(), await admin(), all.id);
    const first = await render("longan.quantri", "detail", all.id);
    expect(first).toContain("Trang 1/2");
    expect(first).toContain("Đang chờ gửi");
    expect(first).not.toContain(">notice.published</code>");
    const second = await render("longan.quantri", "detail", all.id, "2");
    expect(second).toContain("Trang 2/2");
    expect(second).toContain(">notice.published</code>");

    // Nobody else: the secretariat, another province's administrator.
    expect(await render("longan.vanphong", "list")).not.toContain(`${base}/all`);
    expect(await render("langson.quantri", "detail", flaky.id)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});
