import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser } from "@/tests/e2e/browser";

// The chairman on a phone (390×844, an iPhone 12-14 in portrait): the overview, the overdue list
// and a list opened from the overview fit the screen's width (wide tables scroll inside their
// own box, never the page), their main figures are on screen, and they work from the keyboard.

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();
const PHONE = { width: 390, height: 844 };

const count = (text: string | null) => Number.parseInt((text ?? "").replace(/\D+/g, ""), 10);

/**
 * The page itself never scrolls sideways (measured with every folded section opened); a table
 * wider than the screen sits in a box of its own that scrolls horizontally and fits the screen.
 */
async function expectFitsWidth(page: Page, what: string) {
  await page.evaluate(() =>
    document.querySelectorAll("main details").forEach((d) => {
      (d as HTMLDetailsElement).open = true;
    }),
  );
  const m = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(m.innerWidth, what).toBe(PHONE.width);
  expect(m.scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(m.innerWidth + 1);
  const tables = await page.locator("main table").evaluateAll((ts) =>
    ts.map((t) => {
      const own = t.getBoundingClientRect();
      let el = t.parentElement;
      while (el && el !== document.body) {
        const ox = getComputedStyle(el).overflowX;
        if (ox === "auto" || ox === "scroll") {
          const box = el.getBoundingClientRect();
          return {
            inScroller: true,
            overflowX: ox,
            left: box.left,
            right: box.right,
            wider: t.scrollWidth > el.clientWidth,
          };
        }
        el = el.parentElement;
      }
      return { inScroller: false, overflowX: "", left: own.left, right: own.right, wider: false };
    }),
  );
  for (const [i, t] of tables.entries()) {
    // Either the table fits as it is, or its box scrolls (overflow-x: auto) and the box fits.
    if (t.inScroller) expect(t.overflowX, `${what}: table ${i + 1}`).toBe("auto");
    expect(t.left, `${what}: table ${i + 1} starts off the screen`).toBeGreaterThanOrEqual(0);
    expect(
      t.right,
      `${what}: table ${i + 1}${t.inScroller ? "'s box" : ", in no scrolling box,"} goes past the screen`,
    ).toBeLessThanOrEqual(PHONE.width + 1);
  }
  return tables;
}

/** Visible, and horizontally within the screen. */
async function expectOnScreen(page: Page, testId: string | Locator) {
  const el = typeof testId === "string" ? page.getByTestId(testId).first() : testId;
  const what = typeof testId === "string" ? testId : String(testId);
  await el.scrollIntoViewIfNeeded();
  expect(await el.isVisible(), what).toBe(true);
  const box = (await el.boundingBox())!;
  expect(box.x, what).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, what).toBeLessThanOrEqual(PHONE.width + 1);
}

interface Focused {
  tag: string;
  name: string | null;
  testId: string | null;
  href: string | null;
  text: string;
  label: string;
  left: number;
  right: number;
}

/** Presses Tab from the top of the page until `until` matches what has focus; returns every stop on the way. */
async function tabUntil(page: Page, until: (f: Focused) => boolean, max = 80): Promise<Focused[]> {
  // A click on the page's top corner (the header's background, nothing focusable) puts the
  // start of keyboard navigation at the top, as after a fresh load.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.mouse.click(2, 2);
  const stops: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate((): Focused | null => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        name: el.getAttribute("name"),
        testId: el.getAttribute("data-testid"),
        href: el.getAttribute("href"),
        text: (el.textContent ?? "").replace(/\s+/g, " ").trim(),
        label: (el.closest("label")?.textContent ?? "").replace(/\s+/g, " ").trim(),
        left: r.left,
        right: r.right,
      };
    });
    if (!f) continue;
    stops.push(f);
    if (until(f)) return stops;
  }
  throw new Error(
    `Tab never reached the element; focus went through:\n${stops.map((s) => `${s.tag} ${s.testId ?? s.name ?? s.href ?? ""} ${s.text.slice(0, 40)}`).join("\n")}`,
  );
}

const isExport = (format: string) => (f: Focused) => f.tag === "a" && f.testId === `export-${format}`;

/** The filter fields, then the three exports, are reached by Tab; whatever had focus stayed within the screen's width. */
async function expectFiltersAndExportsByTab(page: Page, what: string, withFilters: boolean) {
  const stops = await tabUntil(page, isExport("pdf"));
  for (const f of ["xlsx", "csv", "pdf"])
    expect(stops.some(isExport(f)), `${what}: Tab reaches the ${f} export`).toBe(true);
  if (withFilters) {
    // On a phone the content comes first: the filters are folded behind a button until it is pressed.
    expect(await page.locator('main input[name="from"]').isVisible(), `${what}: filters folded`).toBe(false);
    await tabUntil(page, (f) => f.testId === "filter-toggle");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('main input[name="from"]').isVisible()).toBe(true);
    const all = await tabUntil(page, (f) => f.tag === "button" && f.text === "Lọc");
    expect(
      all.some((f) => f.tag === "input" && f.name === "from" && f.label.startsWith("Văn bản ban hành từ ngày")),
      `${what}: Tab reaches "từ ngày"`,
    ).toBe(true);
    expect(
      all.some((f) => f.tag === "input" && f.name === "to"),
      `${what}: Tab reaches "đến ngày"`,
    ).toBe(true);
    expect(
      all.some((f) => f.tag === "select" && f.name === "notice" && f.label.startsWith("Thông báo")),
      `${what}: Tab reaches the notice filter`,
    ).toBe(true);
    stops.push(...all);
  }
  // The main content's stops (the navigation bar scrolls sideways on its own) are on screen.
  for (const f of stops.filter((s) => s.testId?.startsWith("export-") || s.name)) {
    expect(f.left, `${what}: ${f.testId ?? f.name}`).toBeGreaterThanOrEqual(0);
    expect(f.right, `${what}: ${f.testId ?? f.name}`).toBeLessThanOrEqual(PHONE.width + 1);
  }
}

describe("the overview on a phone", () => {
  it("fits a 390 px screen, shows its figures, and works from the keyboard: overview, a list from it, the overdue list", async () => {
    const page = await signedInPage(browser(), baseUrl, "langson.chutich", PHONE);
    expect(new URL(page.url()).pathname).toBe("/tong-quan");

    // The overview.
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Tổng quan tình hình thực hiện");
    const overviewTables = await expectFitsWidth(page, "/tong-quan");
    expect(overviewTables.length).toBeGreaterThanOrEqual(2);
    expect(
      overviewTables.some((t) => t.wider),
      "on a phone the tables are wider than the screen and scroll in their box",
    ).toBe(true);
    for (const id of [
      "stat-overdue",
      "stat-due_soon",
      "stat-assigned",
      "stat-completed_on_time",
      "bucket-all",
      "bucket-d1_7",
    ])
      await expectOnScreen(page, id);
    // The agency table's first column (the agency's name) is on screen; the figures scroll in its box.
    await expectOnScreen(page, page.getByTestId("agency-row").first().locator("th"));
    const overdue = count(await page.getByTestId("stat-overdue").textContent());
    expect(overdue).toBeGreaterThan(0);
    expect(count(await page.getByTestId("bucket-all").locator("span").last().textContent())).toBe(overdue);
    await expectFiltersAndExportsByTab(page, "/tong-quan", true);

    // Enter on the focused "Quá hạn" figure opens the list behind it.
    const stops = await tabUntil(
      page,
      (f) => f.tag === "a" && (f.href ?? "").startsWith("/tong-quan/danh-sach") && f.text.startsWith("Quá hạn"),
    );
    expect(stops.at(-1)!.text).toMatch(new RegExp(`^Quá hạn\\s*${overdue}$`));
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/tong-quan/danh-sach" && u.searchParams.get("category") === "overdue");

    // The list opened from the overview.
    await expect.poll(() => page.getByTestId("list-total").innerText()).toContain(`${overdue} lượt nhiệm vụ`);
    const listTables = await expectFitsWidth(page, "/tong-quan/danh-sach");
    expect(listTables).toHaveLength(1);
    for (const id of ["list-total", "bucket-all"]) await expectOnScreen(page, id);
    await expectFiltersAndExportsByTab(page, "/tong-quan/danh-sach", true);
    // Enter on a focused category link ("Nhiệm vụ được giao") switches the list.
    await tabUntil(page, (f) => f.tag === "a" && f.text === "Nhiệm vụ được giao");
    await page.keyboard.press("Enter");
    await page.waitForURL(
      (u) => u.pathname === "/tong-quan/danh-sach" && u.searchParams.get("category") === "assigned",
    );
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Nhiệm vụ được giao");
    await expectFitsWidth(page, "/tong-quan/danh-sach?category=assigned");

    // The overdue list, reached from the navigation with the keyboard.
    await tabUntil(page, (f) => f.tag === "a" && f.href === "/qua-han");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/qua-han");
    await expect.poll(() => page.getByTestId("overdue-total").innerText()).toContain(`${overdue} lượt việc`);
    const overdueTables = await expectFitsWidth(page, "/qua-han");
    expect(overdueTables).toHaveLength(1);
    expect(overdueTables[0]!.wider).toBe(true);
    for (const id of ["overdue-total", "bucket-all", "bucket-d1_7", "bucket-d8_30"]) await expectOnScreen(page, id);
    await expectFiltersAndExportsByTab(page, "/qua-han", false);
    // Enter on a focused bucket shows only that bucket.
    const d8to30 = count(await page.getByTestId("bucket-d8_30").locator("span").last().textContent());
    await tabUntil(page, (f) => f.testId === "bucket-d8_30");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/qua-han" && u.searchParams.get("bucket") === "d8_30");
    await expect.poll(() => page.getByTestId("overdue-total").innerText()).toContain(`${d8to30} lượt việc`);
    await expectFitsWidth(page, "/qua-han?bucket=d8_30");
  });
});
