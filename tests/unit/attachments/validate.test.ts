import { crc32 } from "node:zlib";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cleanFileName, MAX_UPLOAD_BYTES } from "@/lib/attachments/limits";
import { validateUpload } from "@/lib/attachments/validate";
import { ValidationError } from "@/lib/errors";

// Real (minimal) files of every accepted kind, built here byte by byte, and disguised ones.

const text = (s: string) => new TextEncoder().encode(s);

/** A ZIP archive with stored (uncompressed) entries, the container of DOCX/XLSX/PPTX/ODT/ODS. */
function zip(entries: [name: string, content: string][]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const n = Buffer.from(name);
    const data = Buffer.from(content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

function ooxml(part: string, contentType: string): Uint8Array {
  return zip([
    [
      "[Content_Types].xml",
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="${contentType}"/></Types>`,
    ],
    ["_rels/.rels", "<Relationships/>"],
    [part, "<x/>"],
  ]);
}

const FILES: Record<string, Uint8Array> = {
  pdf: text("%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"),
  png: new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
    0, 0, 0,
  ]),
  jpg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  gif: text("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"),
  webp: new Uint8Array([
    ...text("RIFF"),
    26,
    0,
    0,
    0,
    ...text("WEBPVP8 "),
    14,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ]),
  docx: ooxml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
  xlsx: ooxml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
  pptx: ooxml(
    "ppt/presentation.xml",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
  ),
  odt: zip([
    ["mimetype", "application/vnd.oasis.opendocument.text"],
    ["content.xml", "<x/>"],
  ]),
  ods: zip([
    ["mimetype", "application/vnd.oasis.opendocument.spreadsheet"],
    ["content.xml", "<x/>"],
  ]),
  // An OLE compound file header: Word 97 and Excel 97 files both start this way.
  doc: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
};
FILES.xls = FILES.doc!;

const EXPECTED_MIME: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
};

async function message(fileName: string, bytes: Uint8Array): Promise<string> {
  const e = await validateUpload(fileName, bytes).then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ValidationError);
  expect((e as ValidationError).fieldErrors.attachment).toEqual([(e as ValidationError).message]);
  return (e as ValidationError).message;
}

describe("validateUpload accepts real files of every allowed kind", () => {
  for (const [ext, bytes] of Object.entries(FILES)) {
    it(`.${ext}`, async () => {
      const ok = await validateUpload(`Báo cáo số 12.${ext.toUpperCase()}`, bytes);
      expect(ok).toMatchObject({
        fileName: `Báo cáo số 12.${ext.toUpperCase()}`,
        mimeType: EXPECTED_MIME[ext],
        size: bytes.byteLength,
      });
      expect(ok.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    });
  }

  it("accepts .jpeg as well as .jpg", async () => {
    await expect(validateUpload("anh.jpeg", FILES.jpg!)).resolves.toMatchObject({ mimeType: "image/jpeg" });
  });
});

describe("validateUpload refuses", () => {
  it("a file whose content is another allowed kind (a Word file named .pdf)", async () => {
    expect(await message("ke-hoach.pdf", FILES.docx!)).toBe(
      "Nội dung tệp “ke-hoach.pdf” không phải PDF (nội dung thực là tệp .docx). Tệp có thể đã bị đổi tên; vui lòng gửi đúng tệp gốc.",
    );
  });

  it("a plain ZIP named .docx, and a spreadsheet named .odt", async () => {
    expect(await message("van-ban.docx", zip([["a.txt", "xin chào"]]))).toMatch(
      /không phải Word \(\.docx\) \(nội dung thực là tệp \.zip\)/,
    );
    expect(await message("van-ban.odt", FILES.ods!)).toMatch(/không phải OpenDocument \(\.odt\)/);
  });

  it("a script or text named as an image, with no detectable type", async () => {
    expect(await message("anh.jpg", text("#!/bin/sh\nrm -rf /\n"))).toBe(
      "Nội dung tệp “anh.jpg” không phải ảnh JPEG. Tệp có thể đã bị đổi tên; vui lòng gửi đúng tệp gốc.",
    );
    expect(await message("so-lieu.xlsx", text("a,b,c\n1,2,3\n"))).toMatch(/không phải Excel \(\.xlsx\)/);
  });

  it("kinds it does not take, and names without an extension", async () => {
    expect(await message("trang.html", text("<html></html>"))).toMatch(
      /^Không nhận tệp \.html\. Chỉ nhận tệp PDF, ảnh \(PNG, JPEG, GIF, WebP\), Word, Excel/,
    );
    expect(await message("baocao", FILES.pdf!)).toMatch(/^Tệp “baocao” không có đuôi/);
    expect(await message(".pdf", FILES.pdf!)).toMatch(/không có đuôi/);
  });

  it("an empty file, a nameless one, and one over 10 MB", async () => {
    expect(await message("rong.pdf", new Uint8Array())).toBe("Tệp “rong.pdf” rỗng.");
    expect(await message("  ", FILES.pdf!)).toBe("Tệp đính kèm chưa có tên.");
    expect(await message("lon.pdf", new Uint8Array(MAX_UPLOAD_BYTES + 1))).toBe(
      "Tệp “lon.pdf” vượt quá giới hạn 10 MB (dung lượng 10.485.761 byte).",
    );
    expect(await message("rat-lon.pdf", new Uint8Array(15 * 1024 * 1024))).toBe(
      "Tệp “rat-lon.pdf” vượt quá giới hạn 10 MB (dung lượng 15 MB).",
    );
  });
});

describe("cleanFileName", () => {
  it("keeps only the name a browser may send with a path, without control characters", () => {
    expect(cleanFileName("C:\\Users\\vp\\Báo cáo.pdf")).toBe("Báo cáo.pdf");
    expect(cleanFileName("../../etc/passwd.pdf")).toBe("passwd.pdf");
    expect(cleanFileName("a\u0000b\nc.pdf")).toBe("abc.pdf");
  });

  it("shortens a very long name but keeps its extension", () => {
    const cleaned = cleanFileName(`${"x".repeat(300)}.docx`);
    expect(cleaned).toHaveLength(200);
    expect(cleaned.endsWith(".docx")).toBe(true);
  });
});
