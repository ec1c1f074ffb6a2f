import ExcelJS from "exceljs";
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser } from "@/tests/e2e/browser";

// The whole onboarding of a province the demo does not have: the system administrator sets it
// up; its administrator signs in with the temporary password, changes it, imports agencies and
// users from XLSX files (one user row is refused, then fixed in a corrected file), confirms; the
// secretariat the import created pastes a notice of the province and confirms it; an imported
// agency-staff user signs in with the temporary password, changes it, and finds the task.

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();
const NOTICE = fs.readFileSync(new URL("../fixtures/onboarding/binh-dinh-tb-412.txt", import.meta.url), "utf8");

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Signs in with a temporary password, which the app makes the user change before anything else. */
async function signInFirstTime(login: string, temporary: string, next: string): Promise<Page> {
  const context = await (browser() as Browser).newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  await page.goto("/dang-nhap", { waitUntil: "networkidle" });
  await page.getByLabel("Tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill(temporary);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL("**/tai-khoan/doi-mat-khau", { timeout: 30_000 });
  await page.getByLabel("Mật khẩu hiện tại").fill(temporary);
  await page.getByLabel(/^Mật khẩu mới/).fill(next);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(next);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/tai-khoan") && url.pathname !== "/", { timeout: 30_000 });
  return page;
}

async function upload(page: Page, label: RegExp, name: string, buffer: Buffer): Promise<void> {
  const before = page.url();
  await page.getByLabel(label).setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
  await page.getByRole("button", { name: /Tải lên và xem trước/ }).click();
  await page.waitForURL((url) => url.searchParams.has("lan") && url.href !== before, { timeout: 30_000 });
  await page.getByTestId("import-preview").waitFor();
}

const row = (page: Page, text: string) => page.getByTestId("import-row").filter({ hasText: text });

describe("a province sets itself up from its own lists", () => {
  it("from the system administrator to an imported agency's board", async () => {
    // 1. The system administrator creates Bình Định with its first administrator.
    const system = await signedInPage(browser(), baseUrl, "quantri");
    await system.goto("/quan-tri/tinh", { waitUntil: "networkidle" });
    await system.getByLabel("Tên tỉnh").fill("Bình Định");
    await system
      .getByLabel("Các đơn vị hành chính trực thuộc (mỗi dòng một đơn vị)")
      .fill("TP Quy Nhơn\nthị xã An Nhơn\nhuyện Tuy Phước");
    await system.getByLabel("Tên đăng nhập quản trị của tỉnh").fill("binhdinh.quantri");
    await system.getByLabel("Họ tên người quản trị").fill("Đặng Quốc Trị");
    await system.getByRole("button", { name: "Tạo tỉnh" }).click();
    const adminTemporary = (await system
      .getByTestId("temporary-password-value")
      .textContent({ timeout: 30_000 }))!.trim();
    expect(adminTemporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    // 2. Its administrator signs in, must change the password, then imports the agencies.
    const admin = await signInFirstTime("binhdinh.quantri", adminTemporary, "Đầm Thị Nại lúc bình minh 1975");
    await admin.goto("/quan-tri/co-quan/nhap", { waitUntil: "load" });
    await upload(
      admin,
      /Tệp danh sách/,
      "co-quan-binh-dinh.xlsx",
      await xlsx([
        ["Tên đầy đủ", "Tên viết tắt", "Loại", "Tên gọi khác", "Nhóm", "E-mail", "Đang hoạt động"],
        [
          "Trung tâm Y tế thành phố Quy Nhơn",
          "TTYT Quy Nhơn",
          "Khác",
          "TTYT TP Quy Nhơn",
          "Thành viên Ban Chỉ đạo tỉnh",
          "ttyt@quynhon.example.vn",
          "Có",
        ],
        ["Bệnh viện Đa khoa tỉnh Bình Định", "BVĐK Bình Định", "Khác", "", "", "", "Có"],
      ]),
    );
    expect(await row(admin, "Trung tâm Y tế thành phố Quy Nhơn").getAttribute("data-status")).toBe("new");
    await admin.getByRole("button", { name: "Xác nhận nhập 2 dòng" }).click();
    await expect.poll(() => admin.getByTestId("import-result").textContent()).toContain("Đã nhập: 2 cơ quan mới");

    // 3. The users: one row names an agency the registry lacks and is refused beside its line.
    await admin.goto("/quan-tri/nguoi-dung/nhap", { waitUntil: "load" });
    const header = ["Tên đăng nhập", "Họ tên", "Vai trò", "Cơ quan", "E-mail", "Đang hoạt động"];
    const secretariatRow = ["binhdinh.vanphong", "Lê Thị Vân", "Văn phòng (thường trực Ban Chỉ đạo)", "", "", "Có"];
    await upload(
      admin,
      /Tệp danh sách/,
      "nguoi-dung.xlsx",
      await xlsx([
        header,
        secretariatRow,
        ["binhdinh.ttyt", "Phan Văn Yên", "Cán bộ cơ quan, đơn vị", "TTYT Quy Nhơn X", "", "Có"],
      ]),
    );
    const refused = row(admin, "binhdinh.ttyt");
    expect(await refused.getAttribute("data-status")).toBe("error");
    expect(await refused.getByTestId("import-row-errors").textContent()).toContain(
      "Không có cơ quan “TTYT Quy Nhơn X” trong danh mục của tỉnh",
    );
    expect(await admin.getByTestId("import-blocked").textContent()).toContain("Còn 1 dòng có lỗi");
    expect(await admin.getByRole("button", { name: /Xác nhận nhập/ }).count()).toBe(0);

    // The corrected file (the short name typed without diacritics is still found).
    await upload(
      admin,
      /Tệp đã sửa/,
      "nguoi-dung-da-sua.xlsx",
      await xlsx([
        header,
        secretariatRow,
        ["binhdinh.ttyt", "Phan Văn Yên", "Cán bộ cơ quan, đơn vị", "TTYT Quy Nhon", "", "Có"],
      ]),
    );
    expect(await row(admin, "binhdinh.ttyt").getAttribute("data-status")).toBe("new");
    await admin.getByRole("button", { name: "Xác nhận nhập 2 dòng" }).click();
    await admin.getByTestId("new-passwords").waitFor({ timeout: 30_000 });
    const passwords = new Map<string, string>();
    for (const r of await admin.getByTestId("new-password-row").all()) {
      const cells = await r.locator("td").allTextContents();
      passwords.set(cells[0]!.trim(), cells[2]!.trim());
    }
    expect([...passwords.keys()].sort()).toEqual(["binhdinh.ttyt", "binhdinh.vanphong"]);
    const download = admin.waitForEvent("download");
    await admin.getByRole("button", { name: "Tải danh sách mật khẩu tạm (.csv)" }).click();
    const file = fs.readFileSync((await (await download).path())!, "utf8");
    expect(file).toContain(`binhdinh.ttyt,Phan Văn Yên,${passwords.get("binhdinh.ttyt")}`);

    // 4. The secretariat pastes a notice of the province and confirms it.
    const secretariat = await signInFirstTime(
      "binhdinh.vanphong",
      passwords.get("binhdinh.vanphong")!,
      "Tháp Đôi Quy Nhơn dưới trăng rằm",
    );
    await secretariat.goto("/thong-bao/nhap", { waitUntil: "load" });
    await secretariat.getByLabel("Dán nội dung thông báo").fill(NOTICE);
    await secretariat.getByRole("button", { name: "Phân tích văn bản" }).click();
    await secretariat.getByRole("heading", { name: "Các nhiệm vụ đề xuất (2)" }).waitFor({ timeout: 30_000 });
    await secretariat.getByRole("button", { name: "Xác nhận và ban hành" }).click();
    await secretariat.waitForURL(/\/thong-bao\/\d+$/, { timeout: 30_000 });
    expect(await secretariat.locator("main").innerText()).toContain("Trung tâm Y tế thành phố Quy Nhơn");

    // 5. The imported agency staff signs in with the temporary password, changes it, sees the task.
    const staff = await signInFirstTime(
      "binhdinh.ttyt",
      passwords.get("binhdinh.ttyt")!,
      "Ghềnh Ráng Tiên Sa mùa gió chướng",
    );
    const card = staff.getByTestId("board-card").filter({ hasText: "xét nghiệm sàng lọc diện rộng" });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain("29/09/2021");
  });
});
