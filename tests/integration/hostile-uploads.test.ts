import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { validateUpload } from "@/lib/attachments/validate";
import { inspectArchive } from "@/lib/uploads/archive";
import { readNoticeIsolated } from "@/lib/uploads/isolated";
import { ValidationError } from "@/lib/errors";
import { makeDocx, makeDocxBomb, makeZip } from "@/tests/helpers/zip";

// Files made to take the server down are refused quickly, in Vietnamese, before or while they are
// read, and reading never happens on the server's own thread.

describe("hostile archives", () => {
  it("refuses a small .docx that would expand to 84 MB without inflating it", async () => {
    const bomb = makeDocxBomb(84);
    expect(bomb.byteLength).toBeLessThan(400 * 1024);
    const start = performance.now();
    await expect(inspectArchive("bien-ban.docx", bomb)).rejects.toThrow(/giãn ra gấp|khi giải nén lớn hơn/);
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it("refuses the same bomb as evidence, beside the file field", async () => {
    const error = await validateUpload("minh-chung.docx", makeDocxBomb(84)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.attachment?.[0]).toMatch(/^Tệp “minh-chung.docx”/);
  });

  it("refuses an archive of too many parts and a broken one, and accepts a real document", async () => {
    const many = makeZip(Object.fromEntries(Array.from({ length: 2_100 }, (_, i) => [`p/${i}.xml`, "<x/>"])));
    await expect(inspectArchive("nhieu.docx", many)).rejects.toThrow(/quá nhiều thành phần/);
    const broken = makeDocx(["Sở Y tế chủ trì."]).slice(0, 200);
    await expect(inspectArchive("hong.docx", broken)).rejects.toThrow(/bị hỏng/);
    await expect(inspectArchive("that.docx", makeDocx(["Giao Sở Y tế chủ trì."]))).resolves.toBeUndefined();
  });
});

describe("reading in a child process", () => {
  it("reads a real .docx there and gives back its text", async () => {
    const text = await readNoticeIsolated(
      "tb.docx",
      makeDocx(["THÔNG BÁO", "1. Giao Sở Y tế chủ trì, báo cáo trước ngày 15/9/2021."]),
    );
    expect(text).toContain("Giao Sở Y tế chủ trì");
  });

  it("brings its refusals back in Vietnamese", async () => {
    await expect(readNoticeIsolated("tb.docx", new TextEncoder().encode("không phải docx"))).rejects.toThrow(
      /Tệp \.docx không hợp lệ/,
    );
  });

  it("stops a reader that outgrows its memory or its time, with a Vietnamese message, while this thread stays free", async () => {
    // The bomb's sizes pass a lenient check here; the child's memory ceiling is what stops it.
    const bomb = makeDocxBomb(84);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    const start = performance.now();
    const error = await readNoticeIsolated("bom.docx", bomb, { memoryMb: 96, timeMs: 15_000 }).catch((e: unknown) => e);
    clearInterval(timer);
    const seconds = (performance.now() - start) / 1000;
    expect(error).toBeInstanceOf(ValidationError);
    // Refused by the reader itself, or stopped at its ceiling: either way in Vietnamese, within seconds.
    expect((error as Error).message).toMatch(/quá nhiều bộ nhớ|quá 15 giây|Không đọc được tệp Word/);
    expect(seconds).toBeLessThan(16);
    // The event loop kept turning all along (a tick every 50 ms).
    expect(ticks).toBeGreaterThan((seconds * 1000) / 50 / 2);
    const timeout = await readNoticeIsolated("cham.docx", bomb, { memoryMb: 2048, timeMs: 20 }).catch(
      (e: unknown) => e,
    );
    expect((timeout as Error).message).toMatch(/^Đọc tệp “cham.docx” quá 1 giây nên đã dừng/);
  }, 60_000);
});
