import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { gotoReady, sharedBrowser, signedInPage } from "@/tests/e2e/browser";

// What waits for whom, in the browser: Long An's Công an tỉnh has reported three results; the
// secretariat sees the count in the menu, confirms two at once from its queue and returns the
// third with a reason; its staff find the confirmations in their inbox and the returned
// task marked on their board and in their queue.

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const browser = sharedBrowser();
let sql: pg.Client;
let ids: number[] = [];

describe.skipIf(!databaseUrl)("work queues (PostgreSQL only: the setup writes beside the app)", () => {
  beforeAll(async () => {
    sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    // Three of Công an tỉnh's open tasks, reported done (as the workflow test does through the UI).
    const { rows } = await sql.query<{ id: number }>(
      `SELECT a.id FROM "Assignment" a JOIN "Agency" g ON g.id = a."agencyId" JOIN "Province" p ON p.id = a."provinceId"
         JOIN "Notice" n ON n.id = a."noticeId"
       WHERE p.name = 'Long An' AND g.name = 'Công an tỉnh' AND a.state = 'not_started' AND n.status = 'published'
       ORDER BY a.id LIMIT 3`,
    );
    ids = rows.map((r) => r.id);
    await sql.query(
      `UPDATE "Assignment" SET state = 'submitted', "submittedAt" = '2021-09-18T10:00:00+07:00', "completedOn" = '2021-09-15',
         version = version + 1 WHERE id = ANY($1)`,
      [ids],
    );
  });
  afterAll(async () => {
    await sql?.end();
  });

  it("the secretariat confirms two results at once and returns one; the agency sees both", async () => {
    expect(ids).toHaveLength(3);
    const sec = await signedInPage(browser(), baseUrl, "longan.vanphong");
    expect(Number(await sec.getByTestId("nav-count-cho-xu-ly").innerText())).toBeGreaterThanOrEqual(3);

    await gotoReady(sec, "/cho-xu-ly");
    const queue = sec.getByTestId("queue-toConfirm");
    // The menu's figure is what needs the secretariat: results to confirm and extensions to decide.
    const figure = async (id: string) => Number(await sec.getByTestId(id).innerText());
    expect(await figure("nav-count-cho-xu-ly")).toBe(
      (await figure("queue-count-toConfirm")) + (await figure("queue-count-extensions")),
    );
    const boxes = queue.getByRole("checkbox");
    // Oldest first, each with how long it has waited.
    expect(await queue.getByTestId("queue-item").first().innerText()).toContain("chờ 2 ngày");
    const values = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const mine = values.filter((v) => ids.includes(Number(v.split(":")[0])));
    expect(mine).toHaveLength(3);
    await queue.locator(`input[value="${mine[0]}"]`).check();
    await queue.locator(`input[value="${mine[1]}"]`).check();
    await queue.getByLabel("Xác nhận hoàn thành").check();
    await queue.getByRole("button", { name: "Thực hiện với các kết quả đã chọn" }).click();
    await queue.getByRole("button", { name: "Đồng ý" }).click();
    await expect
      .poll(() => queue.getByTestId("bulk-form").getByTestId("action-message").innerText())
      .toBe("Đã xác nhận 2 kết quả.");
    await expect.poll(() => queue.locator(`input[value="${mine[0]}"]`).count()).toBe(0);
    expect(await queue.locator(`input[value="${mine[1]}"]`).count()).toBe(0);

    // One of the two is taken back from the queue: it waits for confirmation again, the other stays confirmed.
    const undos = queue.getByTestId("undo");
    expect(await undos.count()).toBe(2);
    const undone = undos.first();
    await undone.getByRole("button", { name: "Hoàn tác" }).click();
    await expect
      .poll(() => undone.getByTestId("action-message").innerText())
      .toBe("Đã hoàn tác: nhiệm vụ trở lại chờ xác nhận.");
    const states = async () =>
      (
        await sql.query<{ state: string }>(
          `SELECT "state"::text AS state FROM "Assignment" WHERE id = ANY($1) ORDER BY id`,
          [mine.slice(0, 2).map((v) => Number(v.split(":")[0]))],
        )
      ).rows
        .map((r) => r.state)
        .sort();
    expect(await states()).toEqual(["completed", "submitted"]);
    await gotoReady(sec, "/cho-xu-ly");
    const back = await queue
      .getByRole("checkbox")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value.split(":")[0]));
    expect(back.filter((v) => mine.slice(0, 2).some((m) => m.startsWith(`${v}:`)))).toHaveLength(1);
    // It is confirmed again, with the third still to return.
    const again = back.find((v) => mine.slice(0, 2).some((m) => m.startsWith(`${v}:`)))!;
    await queue.locator(`input[value^="${again}:"]`).check();
    await queue.getByLabel("Xác nhận hoàn thành").check();
    await queue.getByRole("button", { name: "Thực hiện với các kết quả đã chọn" }).click();
    await queue.getByRole("button", { name: "Đồng ý" }).click();
    await expect
      .poll(() => queue.getByTestId("bulk-form").getByTestId("action-message").innerText())
      .toBe("Đã xác nhận 1 kết quả.");
    expect(await states()).toEqual(["completed", "completed"]);

    // The third, returned with a reason; a return without one is refused and loses nothing.
    await queue.locator(`input[value^="${mine[2]!.split(":")[0]}:"]`).check();
    await queue.getByLabel("Trả lại, yêu cầu bổ sung").check();
    await queue.getByRole("button", { name: "Thực hiện với các kết quả đã chọn" }).click();
    await queue.getByRole("button", { name: "Đồng ý" }).click();
    await expect.poll(() => queue.innerText()).toContain("Vui lòng nêu lý do trả lại.");
    expect(await queue.locator(`input[value^="${mine[2]!.split(":")[0]}:"]`).isChecked()).toBe(true);
    await queue.getByLabel("Lý do trả lại").fill("Thiếu biên bản kiểm tra.");
    await queue.getByRole("button", { name: "Thực hiện với các kết quả đã chọn" }).click();
    await queue.getByRole("button", { name: "Đồng ý" }).click();
    // Said in the form, or (the last result decided, the form gone) in its place.
    await expect.poll(() => queue.innerText()).toContain("Đã trả lại 1 kết quả.");

    const staff = await signedInPage(browser(), baseUrl, "longan.congan");
    await gotoReady(staff, "/nhac-viec");
    const inbox = await staff.getByTestId("inbox").innerText();
    expect(inbox).toContain("Văn phòng đã xác nhận hoàn thành nhiệm vụ của Công an tỉnh");
    expect(inbox).toContain("Kết quả của Công an tỉnh bị trả lại");
    await gotoReady(staff, "/cho-xu-ly");
    const returned = await staff.getByTestId("queue-returned").innerText();
    expect(returned).toContain("Lý do trả lại: Thiếu biên bản kiểm tra.");
    await gotoReady(staff, `/nhiem-vu/${mine[2]!.split(":")[0]}`);
    expect(await staff.locator("main").innerText()).toContain("Văn phòng trả lại: Thiếu biên bản kiểm tra.");
  });
});
