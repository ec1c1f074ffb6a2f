import { describe, expect, inject, it } from "vitest";
import { signedInPage, sharedBrowser } from "@/tests/e2e/browser";

// The user guide, linked from every page's footer: the reader's own role comes first, and its
// steps lead to the pages they name.

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

describe("the user guide", () => {
  it("opens from the footer with the reader's own role first, its steps linking to their pages", async () => {
    const page = await signedInPage(browser(), baseUrl, "langson.syt");
    try {
      await page.getByRole("contentinfo").getByRole("link", { name: "Hướng dẫn sử dụng" }).click();
      await page.waitForURL(/\/huong-dan$/);
      const headings = await page.locator("main section h2").allTextContents();
      expect(headings[0]).toBe("Cán bộ cơ quan, đơn vị(vai trò của bạn)");
      expect(headings).toHaveLength(4);
      await page.locator("main section").first().getByRole("link", { name: "Xem bảng việc" }).click();
      await page.waitForURL(/\/co-quan(\/\d+)?$/);
    } finally {
      await page.context().close();
    }
  });
});
