import fs from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser, gotoReady } from "@/tests/e2e/browser";

const baseUrl = inject("baseUrl");
const SEED_002 = fs.readFileSync(
  new URL("../../prisma/seed/sources/002_8df910bebcacd667.txt", import.meta.url),
  "utf8",
);
const browser = sharedBrowser();
const CONG_DIEN = [
  "HỎA TỐC",
  "ỦY BAN NHÂN DÂN",
  "TỈNH LONG AN",
  "Số: 16/CĐ-UBND",
  "Long An, ngày 21 tháng 7 năm 2021",
  "CÔNG ĐIỆN",
  "Về việc tăng cường phòng, chống dịch COVID-19 tại các khu công nghiệp",
  "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:",
  "- Giám đốc Sở Y tế;",
  "- Chủ tịch UBND các huyện, thị xã, thành phố.",
  "Trước tình hình dịch bệnh diễn biến phức tạp, Chủ tịch UBND tỉnh yêu cầu:",
  "1. Giám đốc Sở Y tế tổ chức xét nghiệm toàn bộ công nhân các khu công nghiệp, hoàn thành trước ngày 28/7/2021.",
  "2. Giao Công an tỉnh kiểm soát chặt chẽ người ra vào các khu công nghiệp.",
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT.",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "Nguyễn Văn Út",
].join("\n");

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

  it("a Công điện: urgency, audience and signing formula kept; a cleared date refused until 'Thường xuyên'; the picker finds 'lao dong'", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.vanphong");
    await gotoReady(page, "/thong-bao/nhap");
    await page.getByLabel("Dán nội dung thông báo").fill(CONG_DIEN);
    await page.getByRole("button", { name: "Phân tích văn bản" }).click();
    await page.getByRole("heading", { name: /Các nhiệm vụ đề xuất \(\d+\)/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByLabel("Độ khẩn").inputValue()).toBe("hoa_toc");
    expect(await page.getByLabel(/^Kính gửi/).inputValue()).toBe(
      "Giám đốc Sở Y tế\nChủ tịch UBND các huyện, thị xã, thành phố",
    );
    expect(await page.getByLabel(/^Thể thức ký/).inputValue()).toBe("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");

    // The deadline read from "trước ngày 28/7/2021", its date cleared: refused until a choice is made.
    const testing = page.getByTestId("directive-editor").filter({ hasText: "xét nghiệm toàn bộ công nhân" });
    await testing.getByLabel("Hạn hoàn thành").fill("");
    await expect.poll(() => testing.innerText()).toContain("chưa có ngày");
    await page.getByRole("button", { name: "Xác nhận và ban hành" }).click();
    await expect.poll(() => page.getByTestId("intake-message").textContent()).toContain("chưa hợp lệ");
    await testing.getByTestId("deadline-undated").getByRole("button", { name: "Thường xuyên" }).click();
    expect(await testing.getByLabel("Loại thời hạn").inputValue()).toBe("ongoing");

    // The agency picker finds without diacritics.
    const control = page.getByTestId("directive-editor").filter({ hasText: "kiểm soát chặt chẽ" });
    await control.getByLabel("Thêm cơ quan hoặc nhóm").fill("lao dong");
    await control.getByRole("option", { name: /Sở Lao động - Thương binh và Xã hội/ }).click();
    expect(await control.getByLabel("Thêm cơ quan hoặc nhóm").inputValue()).toBe("Sở Lao động - Thương binh và Xã hội");
    await control.getByLabel("Vai trò của cơ quan thêm").selectOption("support");
    await control.getByRole("button", { name: "Thêm", exact: true }).click();
    await expect
      .poll(() => control.getByLabel("Vai trò của Sở Lao động - Thương binh và Xã hội").inputValue())
      .toBe("support");

    await page.getByRole("button", { name: "Xác nhận và ban hành" }).click();
    await page.waitForURL(/\/thong-bao\/\d+$/, { timeout: 30_000 });
    expect(await page.getByTestId("notice-urgency").innerText()).toBe("HỎA TỐC");
    expect(await page.getByTestId("notice-audience").innerText()).toBe(
      "Kính gửi: Giám đốc Sở Y tế; Chủ tịch UBND các huyện, thị xã, thành phố",
    );
    expect(await page.getByTestId("signing-formula").innerText()).toBe("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
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
