import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser, gotoReady } from "@/tests/e2e/browser";

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

describe("each role signs in and lands in its place", () => {
  it("refuses a wrong password with a message that does not say which part was wrong, keeping the login typed", async () => {
    const page = await (await browser().newContext({ baseURL: baseUrl })).newPage();
    await gotoReady(page, "/dang-nhap");
    await page.getByLabel("Tên đăng nhập").fill("longan.syt");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect
      .poll(() => page.getByTestId("sign-in-error").textContent())
      .toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(await page.getByLabel("Tên đăng nhập").inputValue()).toBe("longan.syt");
    expect(new URL(page.url()).pathname).toBe("/dang-nhap");
  });

  it("secretariat: the notice list, then a notice with its directives, agencies and deadlines", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.vanphong");
    expect(new URL(page.url()).pathname).toBe("/thong-bao");
    // The intake journey may have entered 875 a second time in this run (files share one app): the seeded one is the last.
    await page
      .getByRole("link", { name: /875\/TB-VPUBND/ })
      .last()
      .click();
    await page.waitForURL(/\/thong-bao\/\d+$/);
    const body = await page.locator("main").innerText();
    expect(body).toContain("Kết luận của Chủ tịch UBND tỉnh");
    expect(body).toContain("Công an tỉnh");
    expect(body).toContain("15/06/2021"); // the milestone "phấn đấu đến ngày 15/6/2021 đạt 50% kế hoạch"
    expect(body).toMatch(/Quá hạn \d+ ngày/); // judged at the fixed "today"
  });

  it("chairman: lands on the overview, then the overdue list, the longest first", async () => {
    const page = await signedInPage(browser(), baseUrl, "langson.chutich");
    expect(new URL(page.url()).pathname).toBe("/tong-quan");
    await page.getByRole("link", { name: "Việc quá hạn", exact: true }).click();
    await page.waitForURL("**/qua-han");
    await expect.poll(() => page.getByTestId("overdue-row").count()).toBeGreaterThan(0);
    const days = await page.getByTestId("overdue-row").locator("td:first-child").allInnerTexts();
    const numbers = days.map((d) => Number.parseInt(d, 10));
    expect(numbers.every((n) => n > 0)).toBe(true);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it("agency staff: lands on its own board and cannot open another agency's", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.syt");
    expect(new URL(page.url()).pathname).toMatch(/^\/co-quan\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Sở Y tế");
    expect(await page.getByTestId("board-card").count()).toBeGreaterThan(3);

    const own = Number(new URL(page.url()).pathname.split("/").pop());
    for (const other of [own + 1, own - 1]) {
      const res = await page.goto(`/co-quan/${other}`);
      expect(res?.status()).toBe(404);
      expect(await page.locator("body").innerText()).toContain("Không tìm thấy trang");
      expect(await page.locator("body").innerText()).not.toContain("Công an tỉnh");
    }
  });

  it("agency staff of two agencies switches between their boards, on a phone", async () => {
    const page = await signedInPage(browser(), baseUrl, "langson.huyen", { width: 390, height: 844 });
    const switcher = page.getByRole("navigation", { name: "Chọn cơ quan" });
    const links = switcher.getByRole("link");
    expect(await links.count()).toBe(2);
    const first = await page.getByRole("heading", { level: 1 }).textContent();
    await switcher.locator("a:not([aria-current])").click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).not.toBe(first);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });

  it("administrator: signs in and reads the province's notices but cannot enter one", async () => {
    const page = await signedInPage(browser(), baseUrl, "laichau.quantri");
    expect(new URL(page.url()).pathname).toBe("/thong-bao");
    expect(await page.locator("main").innerText()).toContain("Trần Tiến Dũng");
  });
});
