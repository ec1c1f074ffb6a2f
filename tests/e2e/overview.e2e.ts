import ExcelJS from "exceljs";
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemo } from "@/prisma/seed/demo";
import { gotoReady, launchBrowser, signedInPage } from "@/tests/e2e/browser";
import { createTestDatabase } from "@/tests/helpers/test-database";

// The chairman's journey on Lạng Sơn, a province no other browser test changes: the expected
// counts are made independently, by plain counts on a fresh copy of the same seed data.

const baseUrl = inject("baseUrl");
const today = inject("today");
const PROVINCE = "Lạng Sơn";
let browser: Browser;
const expected = { total: 0, d1_7: 0, d8_30: 0, d31_90: 0, d90_plus: 0 };

function dayMinus(n: number): Date {
  return new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000);
}

beforeAll(async () => {
  const t = await createTestDatabase();
  try {
    await seedDemo(t.prisma, () => {});
    const where = (min: number, max: number | null) => ({
      province: { name: PROVINCE },
      state: { not: "completed" as const },
      directive: { notice: { status: "published" as const } },
      dueOn: { lte: dayMinus(min), ...(max === null ? {} : { gte: dayMinus(max) }) },
    });
    expected.total = await t.prisma.assignment.count({ where: where(1, null) });
    expected.d1_7 = await t.prisma.assignment.count({ where: where(1, 7) });
    expected.d8_30 = await t.prisma.assignment.count({ where: where(8, 30) });
    expected.d31_90 = await t.prisma.assignment.count({ where: where(31, 90) });
    expected.d90_plus = await t.prisma.assignment.count({ where: where(91, null) });
  } finally {
    await t.drop();
  }
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

const count = (text: string | null) => Number.parseInt((text ?? "").replace(/\D+/g, ""), 10);

describe("the chairman's overview", () => {
  it("shows what is overdue with the right counts, opens an item, and exports the same rows to XLSX", async () => {
    expect(expected.total).toBeGreaterThan(0);
    const page = await signedInPage(browser, baseUrl, "langson.chutich");
    expect(new URL(page.url()).pathname).toBe("/tong-quan");

    // The overview: total overdue and its buckets, every number a link.
    expect(count(await page.getByTestId("stat-overdue").textContent())).toBe(expected.total);
    for (const b of ["d1_7", "d8_30", "d31_90", "d90_plus"] as const) {
      expect(count(await page.getByTestId(`bucket-${b}`).locator("span").last().textContent()), b).toBe(expected[b]);
    }
    expect(await page.getByTestId("agency-row").count()).toBeGreaterThan(3);
    expect(await page.getByRole("img", { name: /Nhiệm vụ hoàn thành theo tuần/ }).count()).toBe(1);

    // The overdue list, ranked by days overdue.
    await page.getByRole("link", { name: "Việc quá hạn", exact: true }).click();
    await page.waitForURL("**/qua-han");
    expect(await page.getByTestId("overdue-total").textContent()).toContain(`${expected.total} lượt việc`);
    const rows = page.getByTestId("overdue-row");
    // 25 directives a page (in this province each overdue directive has one agency left).
    const shown = Math.min(expected.total, 25);
    await expect.poll(() => rows.count()).toBe(shown);
    const days = (await rows.locator("td:first-child").allInnerTexts()).map((d) => Number.parseInt(d, 10));
    expect(days.every((d) => d > 0)).toBe(true);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const pageRows = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText);
        return {
          days: Number.parseInt(cells[0] ?? "", 10),
          agency: (cells[1] ?? "").split("\n")[0]!.trim(),
          text: (tr.querySelector("td:nth-child(3) a") as HTMLElement).innerText.trim(),
        };
      }),
    );

    // One bucket's list is just that bucket.
    if (expected.d8_30 > 0) {
      await page.getByTestId("bucket-d8_30").click();
      await expect.poll(() => rows.count()).toBe(Math.min(expected.d8_30, 25));
      await page.getByTestId("bucket-all").click();
      await expect.poll(() => rows.count()).toBe(shown);
    }

    // Export the list: the file holds the same rows, in the same order.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
    expect(download.suggestedFilename()).toMatch(/^viec-qua-han-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.rowCount - 1).toBe(expected.total);
    const fileRows = Array.from({ length: shown }, (_, i) => {
      const r = ws.getRow(i + 2);
      return {
        days: Number(r.getCell(col("Số ngày quá hạn")).value),
        agency: String(r.getCell(col("Cơ quan")).value),
        text: String(r.getCell(col("Nhiệm vụ")).value)
          .replace(/\s+/g, " ")
          .trim(),
      };
    });
    // A row shows the directive's first words (up to "…"); the file has the whole text.
    expect(fileRows.map(({ days, agency }) => ({ days, agency }))).toEqual(
      pageRows.map(({ days, agency }) => ({ days, agency })),
    );
    fileRows.forEach((f, i) => {
      const shownText = pageRows[i]!.text.replace(/\s+/g, " ").trim();
      expect(f.text.startsWith(shownText.replace(/…$/, "")), `${i}: ${shownText}`).toBe(true);
    });

    // Open the first item.
    const first = pageRows[0]!;
    await rows.first().locator("td:nth-child(3) a").click();
    await page.waitForURL(/\/nhiem-vu\/\d+$/);
    const main = await page.locator("main").innerText();
    expect(main).toContain(first.agency);
    expect(main).toMatch(/Quá hạn \d+ ngày/);
  });

  it("fills in the report's number and signer, keeping what was typed when a value does not fit", async () => {
    const page = await signedInPage(browser, baseUrl, "langson.chutich");
    await page.goto("/bao-cao");
    await expect.poll(() => page.getByTestId("report-number").innerText()).toMatch(/^Số:\s+\/BC-BCĐ$/); // the blank to write in
    const form = page.getByRole("form", { name: "Số báo cáo và người ký" });
    await form.getByLabel("Số báo cáo").fill("BC-BCĐ");
    await form.getByLabel("Họ tên người ký").fill("Hồ Tiến Thiệu");
    await form.locator("select[name=chuc]").selectOption("truong-ban");
    await form.getByRole("button", { name: "Áp dụng" }).click();
    await page.waitForURL(/so=BC-BC/);
    // The number does not fit: explained, kept in its field, left blank on the report; the rest is applied.
    await expect.poll(() => form.getByRole("alert").innerText()).toContain("45/BC-BCĐ");
    expect(await form.getByLabel("Số báo cáo").inputValue()).toBe("BC-BCĐ");
    expect(await page.getByTestId("report-number").innerText()).toMatch(/^Số:\s+\/BC-BCĐ$/);
    expect(await page.getByTestId("report-signer").innerText()).toBe("Hồ Tiến Thiệu");
    expect(await page.getByTestId("report").innerText()).not.toContain("KT. TRƯỞNG BAN");

    await form.getByLabel("Số báo cáo").fill("45/BC-BCĐ");
    await form.getByLabel("Số báo cáo").press("Enter");
    await page.waitForURL(/so=45/);
    await expect.poll(() => page.getByTestId("report-number").innerText()).toBe("Số: 45/BC-BCĐ");
    expect(await form.getByRole("alert").count()).toBe(0);
    // The PDF link carries the same number and signer.
    const pdfHref = (await page.getByTestId("report-pdf").getAttribute("href")) ?? "";
    expect(new URL(pdfHref, baseUrl).searchParams.get("so")).toBe("45/BC-BCĐ");
    expect(new URL(pdfHref, baseUrl).searchParams.get("ky")).toBe("Hồ Tiến Thiệu");
    await page.close();
  });

  it("lists a directive once with the agencies that have not finished it, and its row opens them agency by agency", async () => {
    // Long An's notice 875: II.3.2 is overdue for many agencies (other browser tests may finish some).
    const page = await signedInPage(browser, baseUrl, "longan.chutich");
    await gotoReady(page, "/qua-han");
    // "23 lượt việc chưa hoàn thành đã quá hạn, thuộc 1 nhiệm vụ · …": the tasks, counted agency by agency.
    const total = Number.parseInt((await page.getByTestId("overdue-total").textContent())!, 10);
    const rows = page.getByTestId("overdue-row");
    const agencies = (
      await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-agencies"))))
    ).reduce((n, x) => n + x, 0);
    expect(total).toBeGreaterThan(0);
    expect(agencies).toBe(total);
    const group = rows.filter({ has: page.getByTestId("group-count") }).first();
    const n = count(await group.getByTestId("group-count").textContent());
    expect(n).toBeGreaterThan(1);
    const text = (await group.locator("td:nth-child(3) a").first().innerText()).trim();
    expect(
      await page
        .locator("main")
        .innerText()
        .then((t) => t.split(text.slice(0, 40)).length - 1),
    ).toBe(1);
    await group.getByTestId("group-detail").click();
    await page.waitForURL((u) => u.pathname === "/tong-quan/danh-sach" && u.searchParams.has("directive"));
    await expect.poll(() => page.getByTestId("task-row").count()).toBe(n);
    expect(await page.getByTestId("list-directive").innerText()).toContain(text.slice(0, 40));
    await page.getByTestId("task-row").first().locator("td:nth-child(3) a").click();
    await page.waitForURL(/\/nhiem-vu\/\d+$/);
    await page.close();
  });

  it("does not let agency staff open the overview or its exports", async () => {
    const staff = await signedInPage(browser, baseUrl, "langson.syt");
    expect((await staff.goto("/tong-quan"))?.status()).toBe(404);
    const res = await staff.request.get("/api/xuat/danh-sach?format=xlsx&category=overdue");
    expect(res.status()).toBe(403);
  });
});
