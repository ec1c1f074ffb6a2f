import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { gotoReady, sharedBrowser, signedInPage } from "@/tests/e2e/browser";

// An overdue task of Quảng Ninh's Sở Y tế: the chairman asks the agency to explain; the agency sees
// it in its queue and on the task, and answers; the chairman finds the answer in his queue. Then
// the agency asks for an extension and the chairman grants it to another date than asked, saying why,
// takes the decision back (Hoàn tác), decides again from his queue and takes that back too.

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const browser = sharedBrowser();
let sql: pg.Client;
let taskId = 0;

describe.skipIf(!databaseUrl)("explanation requests and an extension to another date (PostgreSQL only)", () => {
  beforeAll(async () => {
    sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    // One of its open tasks, made due on 10/09/2021 (ten days before the demo's today).
    const { rows } = await sql.query<{ id: number }>(
      `SELECT a.id FROM "Assignment" a JOIN "Agency" g ON g.id = a."agencyId" JOIN "Province" p ON p.id = a."provinceId"
         JOIN "Notice" n ON n.id = a."noticeId"
       WHERE p.name = 'Quảng Ninh' AND g.name = 'Sở Y tế' AND a.state = 'not_started' AND n.status = 'published'
       ORDER BY a.id LIMIT 1`,
    );
    taskId = rows[0]!.id;
    await sql.query(`UPDATE "Assignment" SET "dueOn" = '2021-09-10', version = version + 1 WHERE id = $1`, [taskId]);
  });
  afterAll(async () => {
    await sql?.end();
  });

  it("the chairman asks, the agency answers, the chairman reads it; then grants an extension to another date", async () => {
    const chair = await signedInPage(browser(), baseUrl, "quangninh.chutich");
    await gotoReady(chair, `/nhiem-vu/${taskId}`);
    await chair.getByTestId("explanation-request-section").locator("summary").click();
    const ask = chair.getByTestId("explanation-request-form");
    await ask.getByLabel("Thời gian trả lời (ngày làm việc)").fill("3");
    await ask.getByRole("button", { name: "Gửi yêu cầu giải trình" }).click();
    // The form goes with the request it made; its message stays at the top of the panel.
    await expect
      .poll(() => chair.getByTestId("workflow-message").innerText())
      .toBe("Đã gửi yêu cầu giải trình cho cơ quan.");
    // Monday 20/09 + 3 working days = Thursday 23/09.
    await expect.poll(() => chair.locator("main").innerText()).toContain("Cần giải trình trước 23/09/2021");

    const staff = await signedInPage(browser(), baseUrl, "quangninh.syt");
    expect(Number(await staff.getByTestId("nav-count-cho-xu-ly").innerText())).toBeGreaterThanOrEqual(1);
    await gotoReady(staff, "/cho-xu-ly");
    const toAnswer = staff.getByTestId("queue-explanationsToAnswer");
    expect(await toAnswer.innerText()).toContain("trả lời trước 23/09/2021");
    await toAnswer.getByRole("link").first().click();
    await staff.waitForURL(`**/nhiem-vu/${taskId}`);
    await staff.waitForSelector("html[data-ready]", { state: "attached" });
    const answer = staff.getByTestId("explanation-answer-form");
    await answer.getByLabel("Nội dung giải trình").fill("Chờ kết quả xét nghiệm của Trung tâm Kiểm soát bệnh tật.");
    await answer.getByRole("button", { name: "Gửi giải trình" }).click();
    await expect.poll(() => staff.getByTestId("explanations").innerText()).toContain("Đã giải trình");

    await gotoReady(chair, "/cho-xu-ly");
    expect(await chair.getByTestId("queue-explanationsAnswered").innerText()).toContain(
      "Giải trình: Chờ kết quả xét nghiệm của Trung tâm Kiểm soát bệnh tật.",
    );

    // The chairman's overdue lists say it: the directive's row counts the agencies asked and
    // answered, the per-agency detail gives the day.
    const { rows: ids } = await sql.query<{ directiveId: number; noticeId: number }>(
      `SELECT "directiveId", "noticeId" FROM "Assignment" WHERE id = $1`,
      [taskId],
    );
    const { directiveId, noticeId } = ids[0]!;
    await gotoReady(chair, `/tong-quan/danh-sach?category=overdue&notice=${noticeId}`);
    const row = chair.locator(`[data-testid="group-row"][data-directive="${directiveId}"]`);
    expect(await row.innerText()).toMatch(/Đã giải trình/);
    await gotoReady(chair, `/tong-quan/danh-sach?category=overdue&directive=${directiveId}`);
    expect(await chair.locator(`[data-assignment="${taskId}"]`).innerText()).toContain("Đã giải trình 20/09/2021");

    // The agency asks for 30/09; the chairman grants 25/09, with a reason (required for another date).
    await gotoReady(staff, `/nhiem-vu/${taskId}`);
    await staff.getByTestId("extension-section").locator("summary").click();
    const extend = staff.getByTestId("extension-form");
    await extend.getByLabel("Đề nghị gia hạn đến ngày").fill("30/9/2021");
    await extend.getByLabel("Lý do").fill("Chờ kết quả xét nghiệm.");
    await extend.getByRole("button", { name: "Gửi đề nghị gia hạn" }).click();
    await expect.poll(() => staff.locator("main").innerText()).toContain("Đang xin gia hạn đến 30/09/2021");

    await gotoReady(chair, `/nhiem-vu/${taskId}`);
    const decide = chair.getByTestId("decide-form");
    await decide.getByLabel("Đồng ý gia hạn").check();
    await decide.getByLabel("Gia hạn đến ngày khác (nếu không theo đề nghị)").fill("25/9/2021");
    await decide.getByRole("button", { name: "Ghi quyết định" }).click();
    await decide.getByRole("button", { name: "Đồng ý" }).click();
    // Without a reason, refused beside the field; the dates typed stay.
    await expect.poll(() => decide.innerText()).toContain("Vui lòng nêu lý do khi gia hạn đến ngày khác ngày đề nghị.");
    await decide.getByLabel("Ghi chú, lý do").fill("Đủ thời gian nếu có kết quả trước 25/9.");
    await decide.getByRole("button", { name: "Ghi quyết định" }).click();
    await decide.getByRole("button", { name: "Đồng ý" }).click();
    await expect
      .poll(() => chair.getByTestId("extensions").innerText())
      .toContain("Được gia hạn đến 25/09/2021 (khác ngày đề nghị).");
    expect(await chair.locator("main").innerText()).toContain("Hạn 25/09/2021");

    // For five minutes the chairman may take the decision back: the request waits again, the due
    // day is 10/09/2021 again.
    expect(await chair.getByTestId("undo").innerText()).toContain("Đã đồng ý gia hạn đến 25/09/2021");
    await chair.getByTestId("undo-form").getByRole("button", { name: "Hoàn tác" }).click();
    await expect.poll(() => chair.getByTestId("decide-section").count()).toBe(1);
    expect(await chair.locator("main").innerText()).toContain("Quá hạn 10 ngày · hạn 10/09/2021");
    expect(await chair.getByTestId("timeline").innerText()).toContain("Hoàn tác quyết định gia hạn");

    // Decided again from the queue, to the date asked, and taken back there too.
    await gotoReady(chair, "/cho-xu-ly");
    const item = chair
      .getByTestId("queue-extensions")
      .getByTestId("queue-item")
      .filter({ hasText: "Xin gia hạn đến 30/09/2021" });
    await item.getByText("Quyết định gia hạn đến 30/09/2021").click();
    const inQueue = item.getByTestId("queue-decide-form");
    await inQueue.getByLabel("Đồng ý gia hạn").check();
    await inQueue.getByRole("button", { name: "Ghi quyết định" }).click();
    await inQueue.getByRole("button", { name: "Đồng ý" }).click();
    const undo = chair.getByTestId("queue-extensions").getByTestId("undo");
    await expect.poll(() => undo.innerText()).toContain("Sở Y tế");
    expect(await undo.innerText()).toContain("Đã đồng ý gia hạn đến 30/09/2021");
    await undo.getByRole("button", { name: "Hoàn tác" }).click();
    await expect
      .poll(() => undo.getByTestId("action-message").innerText())
      .toBe("Đã hoàn tác: đề nghị gia hạn trở lại chờ quyết định, thời hạn là 10/09/2021.");
    const due = await sql.query<{ dueOn: string; status: string }>(
      `SELECT a."dueOn"::text AS "dueOn", e.status::text AS status FROM "Assignment" a
         JOIN "ExtensionRequest" e ON e."assignmentId" = a.id WHERE a.id = $1 ORDER BY e.id DESC LIMIT 1`,
      [taskId],
    );
    expect(due.rows[0]).toEqual({ dueOn: "2021-09-10", status: "pending" });
  });
});
