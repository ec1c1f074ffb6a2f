import { describe, expect, inject, it } from "vitest";
import { gotoReady, sharedBrowser, signedInPage } from "@/tests/e2e/browser";

// The quarter's results as the chairman reads them (from the menu, on a desk and on a phone), and
// as the secretariat publishes them: frozen, then readable without signing in at the public address,
// while an unpublished period's address stays a 404. Long An: the one province with tasks due in
// the quarter before the tests' today; publishing changes no other figure.

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

describe("the quarter's results", () => {
  it("the chairman opens the ranking from the menu and an agency's own page", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.chutich");
    try {
      await page.getByRole("navigation").getByRole("link", { name: "Xếp hạng" }).first().click();
      await page.waitForURL(/\/xep-hang/);
      await page.waitForSelector("html[data-ready]", { state: "attached" });
      expect(await page.locator("h1").innerText()).toMatch(/^Kết quả thực hiện nhiệm vụ – Quý [IV]+\/\d{4}$/);
      const rows = page.getByTestId("ranking-table").locator("tbody tr");
      expect(await rows.count()).toBeGreaterThan(1);
      expect(await rows.first().locator("td").first().innerText()).toBe("1");
      expect(await page.locator("main").innerText()).toContain("Điểm = 100 ×");
      await rows.first().getByRole("link").click();
      await page.waitForURL(/\/xep-hang\/co-quan\/\d+/);
      await page.waitForSelector("html[data-ready]", { state: "attached" });
      expect(await page.getByLabel("Số liệu của kỳ").innerText()).toMatch(/hạng/i);
      expect(await page.getByTestId("rank-history").locator("tbody tr").count()).toBe(4);
    } finally {
      await page.context().close();
    }
    const phone = await signedInPage(browser(), baseUrl, "longan.chutich", { width: 390, height: 844 });
    try {
      await gotoReady(phone, "/xep-hang");
      await phone.getByTestId("ranking-table").waitFor();
      // The wide table scrolls inside its box; the page itself does not overflow the phone.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await phone.context().close();
    }
  });

  it("the secretariat publishes the quarter publicly; anyone reads it, and nothing unpublished", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.vanphong");
    const visitor = await browser().newContext({ baseURL: baseUrl, locale: "vi-VN" });
    try {
      await gotoReady(page, "/xep-hang");
      const ranked = await page.getByTestId("ranking-table").locator("tbody tr").count();
      await page.getByTestId("ranking-publish-fold").locator("summary").click();
      const form = page.getByTestId("ranking-publish");
      await form.getByLabel("Cho phép xem công khai, không cần đăng nhập").check();
      await form.getByRole("button", { name: "Công bố" }).click();
      await form.getByRole("button", { name: "Đồng ý" }).click();
      const note = page.getByTestId("ranking-published");
      await expect.poll(() => note.innerText(), { timeout: 15_000 }).toContain("Đã công bố ngày");
      const publicPath = await page.getByTestId("public-link").innerText();
      expect(publicPath).toMatch(/^\/cong-khai\/[a-z-]+\/xep-hang\/\d{4}-Q[1-4]$/);

      const anon = await visitor.newPage();
      const res = await anon.goto(publicPath);
      expect(res?.status()).toBe(200);
      expect(await anon.locator("h1").innerText()).toContain("Long An");
      expect(await anon.getByTestId("ranking-table").locator("tbody tr").count()).toBe(ranked);
      // Agencies' own pages need signing in: the public table links nowhere.
      expect(await anon.getByTestId("ranking-table").getByRole("link").count()).toBe(0);
      const year = publicPath.slice(-7, -3);
      const unpublished = await anon.goto(publicPath.replace(/\d{4}-Q[1-4]$/, `${year}`));
      expect(unpublished?.status()).toBe(404);
    } finally {
      await page.context().close();
      await visitor.close();
    }
  });
});
