import { startApp } from "@/tests/helpers/app-server";
import { launchBrowser } from "@/tests/helpers/chromium";
import pg from "pg";
const app = await startApp({ today: "2021-09-20" });
const sql = new pg.Client({ connectionString: app.databaseUrl! });
await sql.connect();
const { rows } = await sql.query(`SELECT a.id FROM "Assignment" a JOIN "Agency" g ON g.id=a."agencyId" JOIN "Province" p ON p.id=a."provinceId" WHERE p.name='Long An' AND g.name='Công an tỉnh' AND a.state='not_started' ORDER BY a.id LIMIT 4`);
const ids = rows.map((r) => r.id);
await sql.query(`UPDATE "Assignment" SET state='submitted', "submittedAt"='2021-09-16T10:00:00+07:00', "completedOn"='2021-09-15', version=version+1 WHERE id = ANY($1)`, [ids.slice(0, 3)]);
const b = await launchBrowser();
async function shoot(user: string, path: string, name: string, width: number) {
  const ctx = await b.newContext({ baseURL: app.baseUrl, viewport: { width, height: 900 }, locale: "vi-VN" });
  const page = await ctx.newPage();
  await page.goto("/dang-nhap", { waitUntil: "load" });
  await page.getByLabel("Tên đăng nhập").fill(user);
  await page.getByLabel("Mật khẩu").fill("demo@123");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => u.pathname !== "/dang-nhap" && u.pathname !== "/");
  await page.goto(path, { waitUntil: "load" });
  await page.waitForSelector("html[data-ready]", { state: "attached" });
  await page.screenshot({ path: `/tmp/shot-${name}-${width}.png`, fullPage: true });
  await ctx.close();
}
await shoot("longan.vanphong", "/cho-xu-ly", "queue-sec", 1280);
await shoot("longan.vanphong", "/cho-xu-ly", "queue-sec", 390);
await shoot("longan.chutich", `/nhiem-vu/${ids[3]}`, "task-chair", 1280);
await shoot("longan.congan", "/cho-xu-ly", "queue-staff", 390);
await shoot("longan.congan", "/nhac-viec", "inbox-staff", 390);
await b.close(); await sql.end(); await app.stop();
