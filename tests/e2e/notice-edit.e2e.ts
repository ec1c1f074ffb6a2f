import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser, gotoReady, reloadReady } from "@/tests/e2e/browser";

// The secretariat edits directive II.6 of Long An's notice 875 (other journeys rely on other
// directives): it adds Sở Y tế as support and gives the directive a deadline; Sở Y tế's staff
// see the new due date on their board; a second secretariat page opened before the change is
// told the directive changed as soon as it opens the editor (which the page loads on demand: its
// HTML carries each text once, for the card, not again for the editor), its save from the older
// version is refused, it sees the stored values, and redoes on them.

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

/** The seed's notice 875 (the oldest one of that number: another journey enters a copy of it). */
async function openNotice875(page: Page): Promise<string> {
  await gotoReady(page, "/thong-bao");
  const hrefs = await page
    .getByRole("link", { name: /875\/TB-VPUBND/ })
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.sort((a, b) => Number(a.split("/").pop()) - Number(b.split("/").pop()))[0]!;
  await gotoReady(page, href);
  return href;
}

describe("editing a published notice", () => {
  it("changes II.6's deadline; Sở Y tế sees the new due date; a stale page gets the conflict", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.vanphong");
    const href = await openNotice875(page);
    // A second secretariat page, loaded before the change.
    const stale = await signedInPage(browser(), baseUrl, "longan.vanphong", { width: 390, height: 844 });
    await gotoReady(stale, href);

    const card = page.getByRole("article", { name: "Nhiệm vụ II.6" });
    expect(await card.getByTestId("directive-progress").innerText()).toBe("0/2 hoàn thành");
    // The editor is not in the page's HTML: II.6's text is there as often as on the chairman's page.
    const copies = async (p: Page) =>
      (await (await p.request.get(href)).text()).split("kích hoạt các trạm kiểm soát").length - 1;
    const chairman = await signedInPage(browser(), baseUrl, "longan.chutich");
    expect(await copies(page)).toBeGreaterThanOrEqual(1);
    expect(await copies(page)).toBe(await copies(chairman));
    await chairman.context().close();
    expect(await card.getByTestId("directive-edit").count()).toBe(0);
    await card.getByRole("button", { name: "Sửa" }).click();
    const editor = card.getByTestId("directive-edit");

    // Add Sở Y tế as support (saved at once).
    await editor.getByLabel("Thêm cơ quan hoặc nhóm").fill("Sở Y tế");
    await editor.getByLabel("Vai trò của cơ quan thêm").selectOption("support");
    await editor.getByRole("button", { name: "Thêm", exact: true }).click();
    await expect.poll(() => editor.getByTestId("directive-edit-message").innerText()).toBe("Đã giao thêm 1 cơ quan.");
    await expect.poll(() => editor.getByLabel("Vai trò của Sở Y tế").inputValue()).toBe("support");

    // A deadline without the words it came with is refused beside the field; what was typed stays.
    await editor.getByLabel("Loại thời hạn").selectOption("exact");
    await editor.getByLabel("Hạn hoàn thành").fill("30/09/2021");
    await editor.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect
      .poll(() => editor.getByTestId("directive-edit-message").innerText())
      .toBe("Vui lòng sửa các ô được đánh dấu.");
    expect(await editor.innerText()).toContain("Cần giữ nguyên văn thời hạn");
    expect(await editor.getByLabel("Hạn hoàn thành").inputValue()).toBe("30/09/2021");

    await editor.getByLabel("Nguyên văn trong thông báo").fill("chậm nhất ngày 30/9/2021 (Văn phòng điều chỉnh)");
    await editor.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect
      .poll(() => card.getByTestId("directive-edit-message").innerText())
      .toBe("Đã lưu thay đổi của nhiệm vụ.");
    await expect
      .poll(() => card.innerText())
      .toContain("Nguyên văn: “chậm nhất ngày 30/9/2021 (Văn phòng điều chỉnh)”");
    await expect.poll(() => card.innerText()).toContain("Hạn 30/09/2021 · còn 10 ngày");
    expect(await card.innerText()).toContain("Đã điều chỉnh");
    expect(await card.getByTestId("directive-progress").innerText()).toBe("0/3 hoàn thành");
    const changes = page.getByTestId("change-list");
    await expect.poll(() => changes.innerText()).toContain("Thời hạn: không có thời hạn → 30/09/2021");
    expect(await changes.innerText()).toContain("Thêm: Sở Y tế (Phối hợp)");

    // Sở Y tế's board shows the task with its new due date.
    const staff = await signedInPage(browser(), baseUrl, "longan.syt");
    const task = staff.getByTestId("board-card").filter({ hasText: "kích hoạt các trạm kiểm soát" });
    await expect.poll(() => task.count()).toBe(1);
    expect(await task.innerText()).toContain("30/09/2021");

    // The stale page (on a phone) tries to change the text: told, shown the stored deadline, nothing overwritten.
    const staleCard = stale.getByRole("article", { name: "Nhiệm vụ II.6" });
    await staleCard.getByRole("button", { name: "Sửa" }).click();
    await expect.poll(() => staleCard.getByTestId("directive-conflict").count()).toBe(1);
    expect(await staleCard.getByTestId("directive-edit-message").innerText()).toBe(
      "Chỉ đạo vừa được người khác sửa. Vui lòng xem bản mới trước khi sửa tiếp.",
    );
    await staleCard.getByLabel("Nội dung nhiệm vụ").fill("Bản sửa trên trang cũ");
    await staleCard.getByRole("button", { name: "Lưu thay đổi" }).click();
    const conflict = staleCard.getByTestId("directive-conflict");
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await staleCard.getByTestId("directive-edit-message").innerText()).toBe(
      "Chỉ đạo vừa được người khác sửa. Vui lòng xem bản mới trước khi sửa tiếp.",
    );
    expect(await conflict.getByTestId("conflict-deadline").innerText()).toContain("30/09/2021");
    expect(await conflict.innerText()).toContain("Sở Y tế (Phối hợp)");
    expect(await staleCard.getByLabel("Nội dung nhiệm vụ").inputValue()).toBe("Bản sửa trên trang cũ");
    await conflict.getByRole("button", { name: "Sửa lại trên bản mới" }).click();
    expect(await staleCard.getByLabel("Hạn hoàn thành").inputValue()).toBe("30/09/2021");
    expect(await stale.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await reloadReady(page);
    expect(await page.getByRole("article", { name: "Nhiệm vụ II.6" }).innerText()).not.toContain(
      "Bản sửa trên trang cũ",
    );
  });

  it("shows no edit controls to the chairman", async () => {
    const page = await signedInPage(browser(), baseUrl, "longan.chutich");
    await openNotice875(page);
    const card = page.getByRole("article", { name: "Nhiệm vụ II.6" });
    expect(await card.getByTestId("directive-progress").count()).toBe(1);
    expect(await card.getByRole("button", { name: "Sửa" }).count()).toBe(0);
  });

  it("offers the province's recent notices to link to only when the secretariat asks for them", async () => {
    const page = await signedInPage(browser(), baseUrl, "langson.vanphong");
    await gotoReady(page, "/thong-bao");
    const hrefs = await page
      .locator('main a[href^="/thong-bao/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    await gotoReady(
      page,
      hrefs.find((h) => /^\/thong-bao\/\d+$/.test(h))!,
    );
    const fold = page.getByTestId("link-fold");
    await fold.locator("summary").click();
    // The form works by number meanwhile; the list of titles is not in the page.
    expect(await fold.getByLabel("Số thông báo trước").count()).toBe(1);
    expect(await fold.getByLabel("Thông báo trước", { exact: true }).count()).toBe(0);
    await fold.getByTestId("link-choices-open").click();
    await page.waitForURL((u) => u.searchParams.get("lien-ket") === "1");
    const select = page.getByTestId("link-fold").getByLabel("Thông báo trước", { exact: true });
    await select.waitFor();
    expect(await select.locator("option").count()).toBeGreaterThan(1);
    await page.close();
  });
});
