import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES, readUploadedNotice } from "@/lib/intake/read-upload";

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(new URL(`../../fixtures/intake/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("reading an uploaded notice", () => {
  it("reads a Word document's text with its diacritics", async () => {
    const text = await readUploadedNotice("TB-875.docx", fixture("long-an-875.docx"));
    expect(text).toContain("Số: 875 /TB-VPUBND");
    expect(text).toContain("Giao Công an tỉnh chủ trì, phối hợp với Sở Giao thông vận tải");
  });

  it("reads the text layer of a PDF", async () => {
    const text = await readUploadedNotice("tb 875.PDF", fixture("long-an-875.pdf"));
    expect(text).toContain("Long An, ngày 30 tháng 5 năm 2021");
    expect(text).toMatch(/phấn\s+đấu\s+đến\s+ngày\s+15\/6\/2021/);
  });

  it("reads UTF-8 text and markdown, dropping a byte-order mark and Windows line ends", async () => {
    expect(await readUploadedNotice("a.md", utf8("\uFEFF# THÔNG BÁO\r\n1. Sở Y tế"))).toBe("# THÔNG BÁO\n1. Sở Y tế");
  });

  it("refuses a binary file named .txt", async () => {
    await expect(readUploadedNotice("a.txt", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]))).rejects.toThrow(
      /nhị phân/,
    );
  });

  it("refuses text that is not UTF-8", async () => {
    await expect(readUploadedNotice("a.txt", new Uint8Array([0x53, 0xe1, 0x20, 0x79]))).rejects.toThrow(/UTF-8/);
  });

  it("refuses a PDF or Word name on other bytes", async () => {
    await expect(readUploadedNotice("a.pdf", utf8("<html>not a pdf</html>"))).rejects.toThrow(/không phải PDF/);
    await expect(readUploadedNotice("a.docx", fixture("long-an-875.pdf"))).rejects.toThrow(/không phải tài liệu Word/);
  });

  it("refuses empty, oversized and unsupported files", async () => {
    await expect(readUploadedNotice("a.txt", new Uint8Array())).rejects.toThrow(/trống/);
    await expect(readUploadedNotice("a.txt", utf8("   \n "))).rejects.toThrow(/trống/);
    await expect(readUploadedNotice("a.txt", new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61))).rejects.toThrow(/10 MB/);
    await expect(readUploadedNotice("a.doc", utf8("x"))).rejects.toThrow(/Chưa hỗ trợ định dạng/);
  });
});

describe("scans and packages in the upload", () => {
  it("refuses an image name on other bytes, and broken images, before any OCR", async () => {
    await expect(readUploadedNotice("a.png", fixture("long-an-875.pdf"))).rejects.toThrow(/không phải ảnh PNG/);
    await expect(readUploadedNotice("a.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1]))).rejects.toThrow(
      /dữ liệu nhị phân không phải ảnh JPEG/,
    );
  });
  it("lists the formats it reads when refusing another", async () => {
    await expect(readUploadedNotice("a.xlsx", utf8("x"))).rejects.toThrow(/\.docx, \.pdf, ảnh quét .*edXML/);
  });
});
