import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser } from "@/tests/e2e/browser";

// The notices list's search: typed without diacritics, kept in the address; on a phone (390 px)
// the search box and the results come first and the filters fold behind a button.

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();
const PHONE = { width: 390, height: 844 };

describe("the notices list's search", () => {
  it("finds notices without diacritics and keeps the search in the address", async () => {
    const page = await signedInPage(browser(), baseUrl, "langson.vanphong");
    try {
      await page.goto("/thong-bao");
      await page.getByTestId("notice-search-q").fill("xet nghiem");
      await page.getByRole("button", { name: "Tìm", exact: true }).click();
      await page.waitForURL(/[?&]q=xet\+nghiem/);
      await expect.poll(() => page.getByTestId("notice-count").textContent()).toContain("khớp tìm kiếm");
      const titles = await page.locator("main li h2").allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      // A shared link opens the same search.
      const again = await signedInPage(browser(), baseUrl, "langson.chutich");
      await again.goto(page.url().replace(baseUrl, ""));
      expect(await again.locator("main li h2").allTextContents()).toEqual(titles);
      await again.context().close();
    } finally {
      await page.context().close();
    }
  });

  it("on a phone: results first, the filters behind a button, a kind chosen there lands in the address", async () => {
    const page = await signedInPage(browser(), baseUrl, "langson.vanphong", PHONE);
    try {
      await page.goto("/thong-bao");
      const kind = page.locator('select[name="kind"]');
      expect(await kind.isVisible()).toBe(false);
      const first = (await page.locator("main li").first().boundingBox())!;
      expect(first.y).toBeLessThan(PHONE.height);
      expect(first.x + first.width).toBeLessThanOrEqual(PHONE.width + 1);
      await page.getByTestId("filter-toggle").click();
      expect(await kind.isVisible()).toBe(true);
      await kind.selectOption("CV");
      await page.getByRole("button", { name: "Lọc", exact: true }).click();
      await page.waitForURL(/[?&]kind=CV/);
      const labels = await page.locator("main li a > div:first-child").allTextContents();
      expect(labels.length).toBeGreaterThan(0);
      for (const l of labels) expect(l).toContain("Công văn");
    } finally {
      await page.context().close();
    }
  });
});
