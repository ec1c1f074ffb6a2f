// The extractor's command line, spawned as a user runs it: files that cannot be read as a notice
// end with a Vietnamese message on stderr and exit code 2; an unknown province is set up empty.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ocrAvailable } from "@/lib/ocr/tools";

const ROOT = join(__dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const dir = mkdtempSync(join(tmpdir(), "extract-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(TSX, ["lib/extract/cli.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe("npm run extract", { timeout: 120_000 }, () => {
  it.each([
    ["a missing file", () => join(dir, "khong-co.txt"), /Không tìm thấy tệp/],
    ["an empty file", () => file("rong.txt", " \n\n\t\n"), /Tệp rỗng/],
    [
      "a binary file",
      () => file("anh.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
      /nhị phân/,
    ],
    ["a file over 2 MB", () => file("lon.txt", "Số: 1/TB-UBND\n".repeat(160_000)), /Tệp quá lớn/],
    ["a directory", () => dir, /Không phải là tệp/],
  ])("refuses %s with exit code 2 and a message on stderr", (_what, path, message) => {
    const r = run(path());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("refuses a missing file name and a --province with no name", () => {
    expect(run().code).toBe(2);
    const r = run(join(ROOT, "tests/fixtures/extract/unseen/ha-giang-tb-215.txt"), "--province");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Thiếu tên tỉnh/);
  });

  it("reads a notice of a province it does not know as that province, every agency proposed new", () => {
    const r = run(join(ROOT, "tests/fixtures/extract/unseen/ha-giang-tb-215.txt"), "--province", "Hà Giang");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      province: string;
      directives: { ref: string; assignments: { agency: string; isNew: boolean }[] }[];
      warnings: { message: string }[];
    };
    expect(out.province).toBe("Hà Giang");
    expect(out.directives.map((d) => d.ref)).toEqual(["1", "2", "3", "4", "5"]);
    const all = out.directives.flatMap((d) => d.assignments);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((a) => a.isNew)).toBe(true);
    expect(out.warnings.map((w) => w.message)).toContain(
      'Cơ quan "Sở Y tế" chưa có trong danh mục của tỉnh: sẽ đề xuất tạo mới',
    );
  });

  it("matches a seeded province named in any case or without its diacritics", () => {
    const r = run(join(ROOT, "tests/fixtures/extract/unseen/ha-giang-tb-215.txt"), "--province=lang son");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { province: string }).province).toBe("Lạng Sơn");
  });
});

const withOcr = await ocrAvailable(); // CI installs tesseract; without it this one test is skipped

describe("npm run extract on every format", { timeout: 120_000 }, () => {
  const json = (path: string, ...args: string[]) => {
    const r = run(path, ...args);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as {
      source: { kind: string; ocr?: { pages: number; meanConfidence: number }; attachment?: { kind: string } };
      notice: { number: string | null; urgency: string | null };
      directives: { ref: string }[];
    };
  };

  it("says a text file was read as text", () => {
    expect(json(join(ROOT, "tests/fixtures/extract/unseen/ha-giang-tb-215.txt")).source.kind).toBe("text");
  });

  it("reads a Word file, a PDF's text layer and an edXML package", () => {
    expect(json(join(ROOT, "tests/fixtures/intake/long-an-875.docx")).source.kind).toBe("docx");
    const pdf = json(join(ROOT, "tests/fixtures/intake/khanh-hoa-tb-520.pdf"));
    expect(pdf.source.kind).toBe("pdf-text");
    expect(pdf.directives.map((d) => d.ref)).toEqual(["2.1", "2.2", "2.3", "2.4", "3"]);
    const pkg = json(join(ROOT, "tests/fixtures/edxml/son-la-tb-88.edxml"));
    expect(pkg.source).toMatchObject({ kind: "edxml", attachment: { kind: "docx" } });
    expect(pkg.notice).toMatchObject({ number: "88/TB-UBND", urgency: "khan" });
  });

  it("refuses a broken edXML package with a message and exit code 2", () => {
    const r = run(file("hong.edxml", '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Gói edXML không hợp lệ: có khai báo DOCTYPE/);
  });

  it.skipIf(!withOcr)("recognises a scan and says how, with its confidence", () => {
    const out = json(join(ROOT, "tests/fixtures/ocr/tay-ninh-cd-09-photo.jpg"));
    expect(out.source.kind).toBe("ocr");
    expect(out.source.ocr!.pages).toBe(1);
    expect(out.source.ocr!.meanConfidence).toBeGreaterThan(85);
    expect(out.directives.map((d) => d.ref)).toEqual(["1", "2", "3", "4"]);
  });
});
