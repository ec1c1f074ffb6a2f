import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "@/tests/helpers/chromium";
import { afterAll, beforeAll } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";

export { launchBrowser } from "@/tests/helpers/chromium";

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
  await page.goto("/dang-nhap", { waitUntil: "networkidle" });
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
