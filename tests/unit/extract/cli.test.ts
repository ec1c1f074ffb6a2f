// The extractor's command line, spawned as a user runs it: files that cannot be read as a notice
// end with a Vietnamese message on stderr and exit code 2; an unknown province is set up empty.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

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
