import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser } from "@/tests/e2e/browser";

// Two agencies of the registry merge in the browser: the secretariat adds them, a notice gives the
// first one a task, the first merges into the second, and the task is then on the successor's
// board with the move in its history; the old agency's board says where its work went.

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

const A = "Trung tâm Kiểm dịch y tế quốc tế tỉnh";
const B = "Trung tâm Kiểm soát bệnh tật và Kiểm dịch tỉnh";

const NOTICE = `UBND TỈNH LONG AN

Số: 931/TB-UBND

Long An, ngày 16 tháng 9 năm 2021

THÔNG BÁO

Kết luận của Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh

Ngày 16/9/2021, Chủ tịch UBND tỉnh chủ trì cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh. Chủ tịch UBND tỉnh kết luận như sau:

1. Trung tâm Kiểm dịch y tế quốc tế tỉnh tổ chức kiểm dịch phương tiện qua cảng Long An, chậm nhất đến ngày 30/9/2021 báo cáo UBND tỉnh.

UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.
`;

async function addAgency(page: Page, name: string, shortName: string) {
  await page.goto("/quan-tri/co-quan/moi");
  const form = page.getByTestId("create-agency");
  await form.getByLabel("Tên đầy đủ").fill(name);
  await form.getByLabel("Tên viết tắt").fill(shortName);
  await form.getByLabel("Loại").selectOption({ label: "Khác" });
  await form.getByRole("button", { name: "Thêm cơ quan" }).click();
  await page.waitForURL(/\/quan-tri\/co-quan\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

describe("merging an agency into its successor in the browser", () => {
  it("moves the open task to the successor, visible on its board with its history", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.vanphong");
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Cơ quan, nhóm" })
      .click();
    await page.waitForURL("**/quan-tri/co-quan");
    const a = await addAgency(page, A, "TTKDYTQT");
    const b = await addAgency(page, B, "TTKSBT-KD");

    // A notice gives A a task.
    await page.goto("/thong-bao/nhap", { waitUntil: "networkidle" });
    await page.getByLabel("Dán nội dung thông báo").fill(NOTICE);
    await page.getByRole("button", { name: "Phân tích văn bản" }).click();
    await page.getByRole("heading", { name: /Các nhiệm vụ đề xuất \(1\)/ }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Xác nhận và ban hành" }).click();
    await page.waitForURL(/\/thong-bao\/\d+$/, { timeout: 30_000 });
    await page.goto(`/co-quan/${a}`);
    await expect.poll(() => page.getByTestId("board-card").count()).toBe(1);

    // The list finds A without diacritics; its page merges it into B.
    await page.goto("/quan-tri/co-quan?q=kiem dich y te quoc te");
    await page.getByTestId("agency-table").getByRole("link", { name: A }).click();
    await page.waitForURL(`**/quan-tri/co-quan/${a}`);
    const merge = page.getByTestId("merge-agency");
    await merge.getByLabel("Cơ quan tiếp nhận (kế nhiệm)").selectOption({ label: B });
    await merge.getByRole("button", { name: "Sáp nhập, chuyển công việc" }).click();
    await expect.poll(() => page.getByTestId("succession").textContent()).toContain(B);
    expect(await page.getByTestId("history").innerText()).toContain(
      `Sáp nhập, chuyển công việc sang cơ quan kế nhiệm: ${B} (1 nhiệm vụ)`,
    );

    // A's board says where its work went, with a link to B's board.
    await page.goto(`/co-quan/${a}`);
    expect(await page.getByTestId("board-succession").innerText()).toContain(`đã chuyển sang ${B}`);
    expect(await page.getByTestId("board-card").count()).toBe(0);
    await page.getByTestId("board-succession").getByRole("link", { name: B }).click();
    await page.waitForURL(`**/co-quan/${b}`);

    // B's board carries the task; its history tells the move.
    const card = page.getByTestId("board-card").filter({ hasText: "kiểm dịch phương tiện qua cảng Long An" });
    await expect.poll(() => card.count()).toBe(1);
    await card.getByRole("link").first().click();
    await page.waitForURL(/\/nhiem-vu\/\d+$/);
    expect(await page.getByTestId("timeline").innerText()).toContain(`Chuyển sang cơ quan kế nhiệm: từ ${A} sang ${B}`);
  });

  it("answers the registry pages with the 404 page for an agency's staff and the chairman", async () => {
    for (const login of ["longan.syt", "longan.chutich"]) {
      const page = await signedInPage(browser(), baseUrl, login);
      expect((await page.goto("/quan-tri/co-quan"))?.status()).toBe(404);
      expect((await page.goto("/quan-tri/co-quan/nhom"))?.status()).toBe(404);
    }
  });
});
