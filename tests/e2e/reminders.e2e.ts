import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser } from "@/tests/e2e/browser";

// The daily reminders, end to end: `npm run reminders` (the cron job) runs on the app's own
// database with the app's "today", then Lạng Sơn's Sở Y tế reads its digest under "Nhắc việc".
// What the digest must hold is read independently, by plain SQL on the same database: the
// agency's unfinished tasks of published notices due on or before today + 3 days.

const baseUrl = inject("baseUrl");
const today = inject("today");
const databaseUrl = inject("databaseUrl");
const browser = sharedBrowser();
const run = promisify(execFile);

const USER = "langson.syt";
const BUCKET_LABELS = {
  overdue: "Quá hạn",
  due_today: "Đến hạn hôm nay",
  due_soon: "Sắp đến hạn",
} as const;
type Bucket = keyof typeof BUCKET_LABELS;
interface Expected {
  id: number;
  dueOn: string;
  bucket: Bucket;
  text: string;
}

let sql: pg.Client;
let agencyIds: number[] = [];
let expected: Expected[] = [];

const ddmmyyyy = (iso: string) => iso.split("-").reverse().join("/");

/** `npm run reminders` as cron runs it, with the database and the "today" the app was started with; no SMTP: digests stay in the app. */
async function runReminders(): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, APP_TODAY: today };
  delete env.SMTP_URL;
  const { stdout } = await run("npm", ["run", "-s", "reminders"], { env, timeout: 120_000 });
  return stdout;
}

/** The number beside "Nhắc việc" in the main navigation, 0 when there is none. */
async function navCount(page: Page): Promise<number> {
  const text = await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: /Nhắc việc/ })
    .innerText();
  expect(text).toMatch(/^Nhắc việc\s*\d*$/);
  const m = /(\d+)\s*$/.exec(text);
  return m ? Number(m[1]) : 0;
}

async function digestsInDb(): Promise<number> {
  const r = await sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM "ReminderDigest" WHERE "agencyId" = ANY($1) AND "digestOn" = $2::date`,
    [agencyIds, today],
  );
  return Number(r.rows[0]!.n);
}

describe.skipIf(!databaseUrl)(
  "the daily reminders in the app (PostgreSQL only: the embedded database cannot be opened beside the app)",
  () => {
    beforeAll(async () => {
      sql = new pg.Client({ connectionString: databaseUrl });
      await sql.connect();
      // This journey reminds of everything up to 3 days ahead and every overdue day (a province's
      // own schedule; the default one, 7/3/0 days and weekly, is tested in the integration tests).
      await sql.query(
        `UPDATE "Province" SET "reminderDaysBefore" = '{3,2,1,0}', "overdueReminderEveryDays" = 1 WHERE name = 'Lạng Sơn'`,
      );
      // The number beside "Nhắc việc" also counts one's unread notifications (the seed's notices
      // told this user of their tasks): read them, so that the figure is the digests'.
      await sql.query(
        `UPDATE "Notification" SET "readAt" = now() WHERE "userId" = (SELECT id FROM "User" WHERE username = $1)`,
        [USER],
      );
      agencyIds = (
        await sql.query<{ agencyId: number }>(
          `SELECT ua."agencyId" FROM "UserAgency" ua JOIN "User" u ON u.id = ua."userId" WHERE u.username = $1`,
          [USER],
        )
      ).rows.map((r) => r.agencyId);
      // Ordered as a digest lists them: overdue, due today, due soon; then by due day and task.
      expected = (
        await sql.query<Expected>(
          `SELECT a.id, to_char(a."dueOn", 'YYYY-MM-DD') AS "dueOn", d.text,
              CASE WHEN a."dueOn" < $2::date THEN 'overdue' WHEN a."dueOn" = $2::date THEN 'due_today' ELSE 'due_soon' END AS bucket
         FROM "Assignment" a
         JOIN "Directive" d ON d.id = a."directiveId"
         JOIN "Notice" n ON n.id = d."noticeId"
         JOIN "Agency" ag ON ag.id = a."agencyId"
        WHERE a."agencyId" = ANY($1) AND ag.active AND a.state <> 'completed' AND n.status = 'published'
          AND a."dueOn" <= $2::date + 3
        ORDER BY CASE WHEN a."dueOn" < $2::date THEN 0 WHEN a."dueOn" = $2::date THEN 1 ELSE 2 END, a."dueOn", a.id`,
          [agencyIds, today],
        )
      ).rows;
    });

    afterAll(async () => {
      await sql?.end();
    });

    it("creates one digest for the agency, shows it with its tasks, opens a task, and is marked read", async () => {
      // The journey needs one agency with something to be reminded of on the demo data.
      expect(agencyIds).toHaveLength(1);
      expect(expected.length).toBeGreaterThan(0);
      expect(await digestsInDb()).toBe(0);

      // Before the run: no number beside "Nhắc việc", an empty list.
      const page = await signedInPage(browser(), baseUrl, USER);
      expect(await navCount(page)).toBe(0);
      await page.goto("/nhac-viec");
      await expect.poll(() => page.locator("main").innerText()).toContain("Chưa có bản tin nhắc việc");

      const out = await runReminders();
      expect(out).toContain(`Nhắc việc ngày ${ddmmyyyy(today)}`);
      expect(await digestsInDb()).toBe(1);

      // The navigation now counts one unread digest; the menu link opens the list.
      await page.goto("/co-quan");
      expect(await navCount(page)).toBe(1);
      await page
        .getByRole("navigation", { name: "Điều hướng chính" })
        .getByRole("link", { name: /Nhắc việc/ })
        .click();
      await page.waitForURL("**/nhac-viec");
      const digests = page.getByTestId("digest");
      await expect.poll(() => digests.count()).toBe(1);
      const digest = digests.first();
      expect(await digest.getByRole("heading").innerText()).toMatch(new RegExp(`^Mới\\s*Ngày ${ddmmyyyy(today)}$`));

      // Its counts per bucket, as the badges write them.
      const n = (b: Bucket) => expected.filter((e) => e.bucket === b).length;
      const badges = await digest.locator("p").nth(1).innerText();
      for (const [b, words] of [
        ["overdue", "quá hạn"],
        ["due_today", "đến hạn hôm nay"],
        ["due_soon", "sắp đến hạn"],
      ] as const) {
        if (n(b) > 0) expect(badges, b).toContain(`${n(b)} ${words}`);
        else expect(badges, b).not.toContain(words);
      }

      // Unread, so open: every task due, in order, each with its bucket and due day.
      expect(await digest.locator("summary").innerText()).toBe(`Xem ${expected.length} nhiệm vụ`);
      const lines = digest.locator("details li");
      expect(await lines.count()).toBe(expected.length);
      const shown = await lines.evaluateAll((lis) =>
        lis.map((li) => ({
          href: li.querySelector("a")!.getAttribute("href"),
          text: (li as HTMLElement).innerText,
        })),
      );
      expect(shown.map((s) => s.href)).toEqual(expected.map((e) => `/nhiem-vu/${e.id}`));
      shown.forEach((s, i) => {
        const e = expected[i]!;
        expect(s.text).toContain(`${BUCKET_LABELS[e.bucket]}`);
        expect(s.text).toContain(`hạn ${ddmmyyyy(e.dueOn)}`);
      });

      // A second run the same day sends nothing more: still one digest.
      const again = await runReminders();
      expect(again).toMatch(/ 0 bản tin mới/);
      expect(await digestsInDb()).toBe(1);
      await page.reload();
      await expect.poll(() => digests.count()).toBe(1);
      expect(await navCount(page)).toBe(1);

      // Open the first task from the digest: its own page.
      const first = expected[0]!;
      await lines.first().getByRole("link").click();
      await page.waitForURL(`**/nhiem-vu/${first.id}`);
      expect(new URL(page.url()).pathname).toBe(`/nhiem-vu/${first.id}`);
      expect((await page.getByTestId("directive-text").innerText()).replace(/\s+/g, " ").trim()).toBe(
        first.text.replace(/\s+/g, " ").trim(),
      );
      // Opening a task does not read the digest: the app marks digests read only with the button.
      await page.reload();
      expect(await navCount(page)).toBe(1);

      // "Đánh dấu tất cả đã đọc": the number disappears, the digest is no longer new.
      await page.goBack();
      await page.waitForURL("**/nhac-viec");
      await page.getByRole("button", { name: "Đánh dấu tất cả đã đọc" }).click();
      await expect.poll(() => page.getByRole("button", { name: "Đánh dấu tất cả đã đọc" }).count()).toBe(0);
      await expect.poll(() => navCount(page)).toBe(0);
      expect(await digest.getByRole("heading").innerText()).toBe(`Ngày ${ddmmyyyy(today)}`);
      await page.reload();
      expect(await navCount(page)).toBe(0);
      await expect.poll(() => digests.count()).toBe(1);
    });
  },
);
