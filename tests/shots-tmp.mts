import { launchBrowser } from "@/tests/helpers/chromium";
const base = "http://localhost:3200";
const b = await launchBrowser();
const [, , login, password, ...rest] = process.argv;
const shots = rest.map((x) => x.split("=") as [string, string]);
for (const [w, h] of [[1280, 900], [390, 844]]) {
  const ctx = await b.newContext({ baseURL: base, viewport: { width: w, height: h }, locale: "vi-VN" });
  const page = await ctx.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(login!);
  await page.getByLabel("Mật khẩu").fill(password!);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"));
  for (const [name, path] of shots) {
    await page.goto(path, { waitUntil: "load" });
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${name}-${w}.png`, fullPage: w > 400 });
  }
  await ctx.close();
}
await b.close();
