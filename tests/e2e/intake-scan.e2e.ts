import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { gotoReady, sharedBrowser, signedInPage } from "@/tests/e2e/browser";

// The secretariat uploads a phone photo of a Công điện: the page shows the recognition's
// progress, then the review screen with the recognised text, its doubtful words underlined, and
// the page image with their boxes; choosing a word shows it on the image. A scanned PDF can be
// cancelled while it is recognised, and the form is back with the file still chosen.

const FIX = join(__dirname, "../fixtures/ocr");
const baseUrl = inject("baseUrl");

describe("intake of a scan", () => {
  const browser = sharedBrowser();

  it("recognises a photo and shows its page beside the text", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.vanphong");
    await gotoReady(page, "/thong-bao/nhap");
    await page.getByLabel("hoặc tải lên tệp").setInputFiles({
      name: "cong-dien-09.jpg",
      mimeType: "image/jpeg",
      buffer: readFileSync(join(FIX, "tay-ninh-cd-09-photo.jpg")),
    });
    await expect.poll(() => page.getByTestId("chosen-file").textContent()).toContain("cong-dien-09.jpg");
    await page.getByRole("button", { name: "Phân tích văn bản" }).click();
    await page.getByTestId("ocr-progress").waitFor();
    await expect
      .poll(() => page.getByRole("heading", { name: /Đang nhận dạng chữ/ }).textContent())
      .toContain("cong-dien-09.jpg");

    await page.getByRole("heading", { name: "Văn bản nhận dạng từ bản quét" }).waitFor({ timeout: 120_000 });
    const summary = await page.getByTestId("ocr-summary").textContent();
    expect(summary).toMatch(/1 trang · độ tin cậy trung bình \d+% · \d+ từ cần kiểm tra/);
    expect(await page.getByTestId("source-panel").textContent()).toContain("09/CĐ-UBND");
    const doubt = page.getByTestId("doubt-word").first();
    await doubt.click();
    const image = page.getByRole("img", { name: "Ảnh trang 1 của bản quét" });
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 500))
      .toBe(true);
    expect(await page.getByTestId("doubt-box").count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="doubt-box"].border-red-600').count()).toBe(1);
    // The extraction read the photo: the notice's number is filled in.
    expect(await page.getByLabel("Số, ký hiệu (để trống nếu chưa có)").inputValue()).toBe("09/CĐ-UBND");
    await page.context().close();
  });

  it("cancels a scanned PDF while it is recognised", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.vanphong");
    await gotoReady(page, "/thong-bao/nhap");
    await page.getByLabel("hoặc tải lên tệp").setInputFiles({
      name: "ban-quet.pdf",
      mimeType: "application/pdf",
      buffer: readFileSync(join(FIX, "an-giang-tb-655-scan.pdf")),
    });
    await page.getByRole("button", { name: "Phân tích văn bản" }).click();
    await page.getByTestId("ocr-progress").waitFor();
    await page.getByRole("button", { name: "Hủy nhận dạng" }).click();
    await page.getByText("Đã hủy nhận dạng chữ. Bạn có thể chọn tệp khác.").waitFor();
    expect(await page.getByRole("button", { name: "Phân tích văn bản" }).isVisible()).toBe(true);
    await page.context().close();
  });
});
