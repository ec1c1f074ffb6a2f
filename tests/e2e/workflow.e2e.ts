import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser } from "@/tests/e2e/browser";

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

/** Opens, from the signed-in agency's board, the task whose directive contains `words` (searched without diacritics). */
async function openTask(page: Page, words: string): Promise<string> {
  const board = new URL(page.url()).pathname;
  await page.goto(`${board}?q=${encodeURIComponent(words)}`);
  await page.getByTestId("board-card").first().getByRole("link").click();
  await page.waitForURL(/\/nhiem-vu\/\d+$/);
  return new URL(page.url()).pathname;
}

async function submitSection(page: Page, section: string, button: string) {
  await page.getByTestId(section).getByRole("button", { name: button }).click();
}

/** Confirming, returning and deciding ask first: the question, then "Đồng ý". */
async function submitAndAgree(page: Page, section: string, button: string, question: string) {
  const form = page.getByTestId(section);
  await form.getByRole("button", { name: button }).click();
  await expect.poll(() => form.getByRole("group", { name: "Xác nhận thao tác" }).innerText()).toContain(question);
  await form.getByRole("button", { name: "Đồng ý" }).click();
}

describe("the task workflow in the browser", () => {
  let taskPath = "";

  it("agency staff start, report with evidence, submit; the secretariat returns it, then confirms it", async () => {
    const staff = await signedInPage(browser(), baseUrl, "longan.syt");
    taskPath = await openTask(staff, "danh gia muc do an toan tai cac benh vien");
    expect(await staff.getByTestId("directive-text").innerText()).toContain("mức độ an toàn tại các bệnh viện");

    await staff.getByRole("button", { name: "Bắt đầu thực hiện" }).click();
    await expect.poll(() => staff.locator("main").innerText()).toContain("Đang thực hiện");

    await staff.getByTestId("report-section").locator("summary").click();
    const report = staff.getByTestId("report-form");
    // An empty report is refused beside the field, and nothing is lost.
    await report.getByLabel("Số văn bản (nếu có)").fill("123/SYT-NVY");
    await submitSection(staff, "report-form", "Gửi báo cáo tiến độ");
    await expect.poll(() => report.getByTestId("action-message").textContent()).toMatch(/.+/);
    expect(await report.getByLabel("Số văn bản (nếu có)").inputValue()).toBe("123/SYT-NVY");
    await report.getByLabel("Nội dung báo cáo").fill("Đã rà soát 12/15 bệnh viện, trung tâm y tế.");
    await report.getByLabel("Ngày văn bản").fill("02/06/2021");
    await report.getByLabel("Tệp đính kèm").setInputFiles({
      name: "bao-cao.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await submitSection(staff, "report-form", "Gửi báo cáo tiến độ");
    await expect.poll(() => staff.getByTestId("reports").innerText()).toContain("Đã rà soát 12/15 bệnh viện");
    expect(await staff.getByTestId("reports").innerText()).toContain("bao-cao.pdf");

    await staff.getByTestId("submit-section").locator("summary").click();
    await staff.getByTestId("submit-form").getByLabel("Kết quả thực hiện").fill("Hoàn thành rà soát toàn bộ 15 cơ sở.");
    await staff.getByTestId("submit-form").getByLabel("Ngày hoàn thành").fill("05/06/2021");
    await submitSection(staff, "submit-form", "Gửi báo cáo hoàn thành");
    await expect.poll(() => staff.locator("main").innerText()).toContain("Chờ xác nhận");

    const sec = await signedInPage(browser(), baseUrl, "longan.vanphong");
    await sec.goto(taskPath);
    await sec.getByTestId("confirm-section").locator("summary").click();
    await sec.getByTestId("return-form").getByLabel("Lý do trả lại").fill("Bổ sung danh sách cơ sở đã rà soát.");
    await submitAndAgree(sec, "return-form", "Trả lại", "Trả lại kết quả cho cơ quan?");
    await expect
      .poll(() => sec.locator("main").innerText())
      .toContain("Văn phòng trả lại: Bổ sung danh sách cơ sở đã rà soát.");

    await staff.reload();
    await staff.getByTestId("submit-section").locator("summary").click();
    await staff.getByTestId("submit-form").getByLabel("Kết quả thực hiện").fill("Đã bổ sung danh sách 15 cơ sở.");
    await submitSection(staff, "submit-form", "Gửi báo cáo hoàn thành");
    await expect.poll(() => staff.locator("main").innerText()).toContain("Chờ xác nhận");

    await sec.reload();
    await submitAndAgree(sec, "confirm-form", "Xác nhận hoàn thành", "Xác nhận nhiệm vụ đã hoàn thành?");
    // An ongoing directive ("khẩn trương", no date): completed, judged as having no deadline.
    await expect.poll(() => sec.getByTestId("confirm-section").count()).toBe(0);
    expect(await sec.locator("main").innerText()).toMatch(/Hoàn thành[\s\S]*Đánh giá: Không có thời hạn/);
    expect(await sec.getByTestId("timeline").innerText()).toContain("Xác nhận hoàn thành");
    // For a few minutes the secretariat may take it back: the task waits again; then it is confirmed for good.
    expect(await sec.getByTestId("undo").innerText()).toContain("Đã xác nhận hoàn thành.");
    await sec.getByTestId("undo-form").getByRole("button", { name: "Hoàn tác" }).click();
    await expect.poll(() => sec.getByTestId("confirm-section").count()).toBe(1);
    await submitAndAgree(sec, "confirm-form", "Xác nhận hoàn thành", "Xác nhận nhiệm vụ đã hoàn thành?");
    await expect.poll(() => sec.getByTestId("confirm-section").count()).toBe(0);

    // The board shows it done.
    await staff.goto("/");
    await expect
      .poll(() => staff.getByTestId("column-completed").innerText())
      .toContain("mức độ an toàn tại các bệnh viện");
  });

  it("an extension is asked for and approved; the original deadline is kept beside the new one", async () => {
    const staff = await signedInPage(browser(), baseUrl, "longan.syt");
    const path = await openTask(staff, "xet nghiem ngau nhien 20%");
    await staff.getByTestId("extension-section").locator("summary").click();
    const form = staff.getByTestId("extension-form");
    await form.getByLabel("Đề nghị gia hạn đến ngày").fill("30/9/2021");
    await form.getByLabel("Lý do").fill("Nguồn kit xét nghiệm chưa về đủ.");
    await submitSection(staff, "extension-form", "Gửi đề nghị gia hạn");
    await expect.poll(() => staff.locator("main").innerText()).toContain("Đang xin gia hạn đến 30/09/2021");

    const chair = await signedInPage(browser(), baseUrl, "longan.chutich");
    await chair.goto(path);
    await chair.getByTestId("decide-form").getByLabel("Đồng ý gia hạn").check();
    await submitAndAgree(chair, "decide-form", "Ghi quyết định", "Ghi quyết định về đề nghị gia hạn?");
    await expect
      .poll(() => chair.locator("main").innerText())
      .toContain("Hạn đang áp dụng sau gia hạn: 30/09/2021 (hạn gốc 15/06/2021)");

    await staff.reload();
    expect(await staff.getByTestId("extensions").innerText()).toContain("Đã đồng ý");
    expect(await staff.locator("main").innerText()).toContain("còn 10 ngày");
  });

  it("refuses an agency user who types another agency's task address", async () => {
    expect(taskPath).toMatch(/^\/nhiem-vu\/\d+$/);
    const police = await signedInPage(browser(), baseUrl, "longan.congan");
    const res = await police.goto(taskPath);
    expect(res?.status()).toBe(404);
    expect(await police.locator("body").innerText()).not.toContain("mức độ an toàn tại các bệnh viện");
    const other = await signedInPage(browser(), baseUrl, "langson.syt");
    expect((await other.goto(taskPath))?.status()).toBe(404);
  });
});
