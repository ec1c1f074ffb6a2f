import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, inject, it } from "vitest";
import { gotoReady, sharedBrowser, signedInPage } from "@/tests/e2e/browser";

// The committee's cycle as its secretariat lives it: preparing the next meeting's agenda and
// taking it away as a Word file; withdrawing a notice with a reason, after which its tasks leave
// the agency's board and the notice says why. Lai Châu's notice is withdrawn: no other browser
// test reads Lai Châu's figures.

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

describe("the committee's cycle", () => {
  it("the secretariat prepares the meeting's agenda and downloads it as a Word file", async () => {
    const page = await signedInPage(browser(), baseUrl, "langson.vanphong");
    try {
      await gotoReady(page, "/cuoc-hop");
      expect(await page.locator("h1").innerText()).toMatch(/^Chuẩn bị cuộc họp ngày \d\d\/\d\d\/\d{4}$/);
      const tasks = Number(await page.getByLabel("Số liệu của danh mục").locator("dd").first().innerText());
      expect(tasks).toBeGreaterThan(0);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("agenda-docx").click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      const body = strFromU8(files["word/document.xml"]!);
      expect(body).toContain("Lạng Sơn");
      expect(body).toMatch(/quá hạn|Quá hạn/);
    } finally {
      await page.context().close();
    }
  });

  it("the secretariat withdraws a notice with a reason; its tasks leave the agency's board", async () => {
    const page = await signedInPage(browser(), baseUrl, "laichau.vanphong");
    const staff = await signedInPage(browser(), baseUrl, "laichau.syt");
    try {
      await gotoReady(page, "/thong-bao");
      await page.locator("main li a").first().click();
      await page.waitForURL(/\/thong-bao\/\d+$/);
      await page.waitForSelector("html[data-ready]", { state: "attached" });
      const noticeUrl = new URL(page.url()).pathname;
      const noticeId = Number(noticeUrl.split("/").pop());

      // The agency's board holds tasks of this notice before.
      await gotoReady(staff, "/");
      const boardPath = new URL(staff.url()).pathname;
      await gotoReady(staff, `${boardPath}?notice=${noticeId}`);
      const before = await staff.locator("[data-testid='board-card']").count();
      expect(before).toBeGreaterThan(0);

      await page.getByTestId("withdraw-fold").locator("summary").click();
      const form = page.getByTestId("withdraw-notice");
      // A reason is required: the form says so beside the field and keeps the page as it was.
      await form.getByRole("button", { name: "Thu hồi" }).click();
      await form.getByRole("button", { name: "Đồng ý" }).click();
      await expect.poll(() => form.innerText()).toContain("Vui lòng nêu lý do thu hồi");
      await form.getByLabel("Lý do thu hồi").fill("Ban Chỉ đạo đã ban hành văn bản thay thế");
      await form.getByRole("button", { name: "Thu hồi" }).click();
      await form.getByRole("button", { name: "Đồng ý" }).click();
      await expect
        .poll(() => page.getByTestId("withdrawn-note").innerText(), { timeout: 15_000 })
        .toContain("Lý do: Ban Chỉ đạo đã ban hành văn bản thay thế");
      expect(await page.locator("main section").first().innerText()).toContain("Đã thu hồi");
      expect(await page.getByTestId("notice-history").innerText()).toContain(
        "Thu hồi thông báo: Ban Chỉ đạo đã ban hành văn bản thay thế",
      );

      // The agency no longer has them on its board, and still reads the notice and why.
      await gotoReady(staff, `${boardPath}?notice=${noticeId}`);
      expect(await staff.locator("[data-testid='board-card']").count()).toBe(0);
      await gotoReady(staff, noticeUrl);
      expect(await staff.getByTestId("withdrawn-note").innerText()).toContain("không tính quá hạn");
      // It is found among withdrawn notices.
      await gotoReady(staff, "/thong-bao?status=withdrawn");
      expect(await staff.locator("main li").count()).toBe(1);
    } finally {
      await page.context().close();
      await staff.context().close();
    }
  });
});
