import fs from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser, gotoReady } from "@/tests/e2e/browser";

const baseUrl = inject("baseUrl");
const SEED_002 = fs.readFileSync(
  new URL("../../prisma/seed/sources/002_8df910bebcacd667.txt", import.meta.url),
  "utf8",
);
const browser = sharedBrowser();

describe("notice intake in the browser", () => {
  it("pastes seed 002, corrects one deadline, confirms, and Sở Y tế finds the directives on its board", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.vanphong");
    await page.getByRole("link", { name: "Nhập thông báo" }).click();
    await page.waitForURL("**/thong-bao/nhap");
    await page.getByLabel("Dán nội dung thông báo").fill(SEED_002);
    await page.getByRole("button", { name: "Phân tích văn bản" }).click();
    await page.getByRole("heading", { name: /Các nhiệm vụ đề xuất \(\d+\)/ }).waitFor({ timeout: 30_000 });

    // The proposal stands beside the source; choosing a directive highlights its passage.
    const mapping = page.getByTestId("directive-editor").filter({ hasText: "Lập bản đồ các ca Fo" });
    await mapping.getByLabel("Nội dung nhiệm vụ").click();
    await expect
      .poll(() => page.getByTestId("source-panel").locator('mark[data-kind="directive"]').first().textContent())
      .toContain("Lập bản đồ");

    // The notice gave no date for this one; the secretariat sets one.
    await mapping.getByLabel("Loại thời hạn").selectOption("exact");
    await mapping.getByLabel("Hạn hoàn thành").fill("25/6/2021");
    await mapping.getByLabel("Nguyên văn trong thông báo").fill("chậm nhất ngày 25/6/2021 (theo chỉ đạo bổ sung)");

    // The same notice is already stored: the app warns first and stores only once acknowledged.
    await page.getByRole("button", { name: "Xác nhận và ban hành" }).click();
    await expect.poll(() => page.getByTestId("intake-message").textContent()).toContain("đã được nhập");
    expect(new URL(page.url()).pathname).toBe("/thong-bao/nhap");
    await page.getByLabel("Tôi đã kiểm tra, vẫn lưu thông báo này").check();
    await page.getByRole("button", { name: "Xác nhận và ban hành" }).click();
    await page.waitForURL(/\/thong-bao\/\d+$/, { timeout: 30_000 });
    expect(await page.locator("main").innerText()).toContain(
      "Nguyên văn: “chậm nhất ngày 25/6/2021 (theo chỉ đạo bổ sung)”",
    );

    const staff = await signedInPage(browser(), baseUrl, "longan.syt");
    const card = staff
      .getByTestId("board-card")
      .filter({ hasText: "Lập bản đồ các ca Fo" })
      .filter({ hasText: "25/06/2021" });
    await expect.poll(() => card.count()).toBe(1);
  });

  it("keeps the pasted text and says why when the input cannot be read", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.vanphong");
    await gotoReady(page, "/thong-bao/nhap");
    await page.getByLabel("Dán nội dung thông báo").fill("Không phải thông báo");
    await page
      .getByLabel("hoặc tải lên tệp")
      .setInputFiles({ name: "anh.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>giả mạo</html>") });
    await page.getByRole("button", { name: "Phân tích văn bản" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("không phải PDF");
    expect(await page.getByLabel("Dán nội dung thông báo").inputValue()).toBe("Không phải thông báo");
  });

  it("does not let a chairman open the intake screen", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.chutich");
    const res = await page.goto("/thong-bao/nhap");
    expect(res?.status()).toBe(404);
  });
});
