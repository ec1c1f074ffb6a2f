import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "@/tests/helpers/chromium";
import { afterAll, beforeAll } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";

export { launchBrowser } from "@/tests/helpers/chromium";

/**
 * Opens a page and waits until React has hydrated it (the layout's ReadyMark), which is when a
 * person could use it. Network silence ("networkidle") never comes on some pages: Next's
 * prefetches of the menu's links are aborted and retried as the page settles.
 */
export async function gotoReady(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("html[data-ready]", { state: "attached" });
}

/** Reloads a page and waits until it is hydrated again. */
export async function reloadReady(page: Page): Promise<void> {
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector("html[data-ready]", { state: "attached" });
}

/** A fresh browser context signed in through the sign-in form, as a person would. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  await gotoReady(page, "/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // The form goes to "/", which sends each role on to its own place.
  await page.waitForURL((url) => url.pathname !== "/dang-nhap" && url.pathname !== "/", { timeout: 30_000 });
  return page;
}

/** One Chromium for the test file: launched before its tests, closed after. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("The browser is not launched yet");
    return browser;
  };
}
