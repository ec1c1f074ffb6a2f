import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { AGENCY_COLUMNS, USER_COLUMNS } from "@/lib/imports/columns";
import { detectDelimiter } from "@/lib/registry-io/csv";
import { headerKey } from "@/lib/registry-io/columns";
import { readYesNo, splitList } from "@/lib/registry-io/lists";
import { readRegistryFile } from "@/lib/registry-io/read";
import { csvOf, xlsxOf } from "@/tests/helpers/sheets";
import { makeZip } from "@/tests/helpers/zip";

// The reader of the lists a province already keeps: XLSX and CSV to rows keyed by column, the
// headers matched without diacritics or case, and every bad file refused in Vietnamese.

const refusal = async (p: Promise<unknown>): Promise<string> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ValidationError);
  expect((e as ValidationError).fieldErrors.file).toEqual([(e as ValidationError).message]);
  return (e as ValidationError).message;
};

describe("reading an XLSX list", () => {
  it("keys each row by column, skips empty rows, keeps the spreadsheet's line numbers", async () => {
    const bytes = await xlsxOf([
      ["Tên đăng nhập", "Họ tên", "Vai trò", "Cơ quan", "E-mail", "Đang hoạt động", "Ghi chú"],
      ["longan.cdc", "Trần Văn Bình", "Cán bộ cơ quan, đơn vị", "CDC; SYT", "binh@cdc.vn", "Có", "mới"],
      [null, null, null],
      ["longan.ktv", "  Lê   Thị Hoa ", "Văn phòng", "", "", "Không", ""],
    ]);
    const t = await readRegistryFile("nguoi-dung.xlsx", bytes, USER_COLUMNS);
    expect(t.format).toBe("xlsx");
    expect(t.present).toEqual(["username", "name", "role", "agencies", "email", "active"]);
    expect(t.ignored).toEqual(["Ghi chú"]);
    expect(t.rows).toEqual([
      {
        line: 2,
        values: {
          username: "longan.cdc",
          name: "Trần Văn Bình",
          role: "Cán bộ cơ quan, đơn vị",
          agencies: "CDC; SYT",
          email: "binh@cdc.vn",
          active: "Có",
        },
      },
      {
        line: 4,
        values: {
          username: "longan.ktv",
          name: "Lê Thị Hoa",
          role: "Văn phòng",
          agencies: "",
          email: "",
          active: "Không",
        },
      },
    ]);
  });

  it("reads a hyperlinked e-mail as its text, numbers plainly, and finds the header under a title row", async () => {
    const bytes = await xlsxOf([
      ["DANH SÁCH CƠ QUAN, ĐƠN VỊ TỈNH LONG AN"],
      [],
      ["STT", "TÊN ĐẦY ĐỦ", "tên viết tắt", "Loai", "Email"],
      [1, "Sở Y tế", "SYT", "Sở, ban, ngành", { text: "syt@longan.gov.vn", hyperlink: "mailto:syt@longan.gov.vn" }],
      [2, "Trung tâm 115", 115, "Khác", null],
    ]);
    const t = await readRegistryFile("co-quan.xlsx", bytes, AGENCY_COLUMNS);
    expect(t.present).toEqual(["name", "shortName", "kind", "email"]);
    expect(t.ignored).toEqual(["STT"]);
    expect(t.rows.map((r) => [r.line, r.values])).toEqual([
      [4, { name: "Sở Y tế", shortName: "SYT", kind: "Sở, ban, ngành", email: "syt@longan.gov.vn" }],
      [5, { name: "Trung tâm 115", shortName: "115", kind: "Khác", email: "" }],
    ]);
  });

  it("refuses a file that is not a spreadsheet, a zip bomb, and a list without its required columns", async () => {
    expect(
      await refusal(readRegistryFile("a.xlsx", new TextEncoder().encode("<html></html>"), USER_COLUMNS)),
    ).toContain("không phải bảng tính Excel");
    const bomb = makeZip({ "xl/worksheets/sheet1.xml": "0".repeat(60 * 1024 * 1024) });
    expect(await refusal(readRegistryFile("bom.xlsx", bomb, USER_COLUMNS))).toMatch(/nén bất thường|lớn hơn/);
    const noRole = await xlsxOf([
      ["Tên đăng nhập", "Họ tên"],
      ["a.b.c", "Ai Đó"],
    ]);
    expect(await refusal(readRegistryFile("thieu.xlsx", noRole, USER_COLUMNS))).toContain("thiếu cột “Vai trò”");
    const headerOnly = await xlsxOf([["Tên đăng nhập", "Họ tên", "Vai trò"]]);
    expect(await refusal(readRegistryFile("trong.xlsx", headerOnly, USER_COLUMNS))).toContain("chưa có dòng dữ liệu");
  });
});

describe("reading a CSV list", () => {
  const rows = [
    ["Tên đầy đủ", "Tên viết tắt", "Loại", "Tên gọi khác"],
    ["Sở Y tế", "SYT", "Sở, ban, ngành", "Sở YT; Giám đốc Sở Y tế"],
    ["UBND huyện Đức Hòa", "UBND Đức Hòa", "UBND cấp huyện, cấp xã", ""],
  ];
  const expected = [
    {
      line: 2,
      values: { name: "Sở Y tế", shortName: "SYT", kind: "Sở, ban, ngành", aliases: "Sở YT; Giám đốc Sở Y tế" },
    },
    {
      line: 3,
      values: { name: "UBND huyện Đức Hòa", shortName: "UBND Đức Hòa", kind: "UBND cấp huyện, cấp xã", aliases: "" },
    },
  ];

  it("reads UTF-8 with a byte-order mark and commas (Excel's “CSV UTF-8”)", async () => {
    const t = await readRegistryFile("co-quan.csv", csvOf(rows, { bom: true }), AGENCY_COLUMNS);
    expect(t.format).toBe("csv");
    expect(t.rows).toEqual(expected);
  });

  it("reads semicolons as the separator, without a byte-order mark", async () => {
    const t = await readRegistryFile("co-quan.csv", csvOf(rows, { sep: ";" }), AGENCY_COLUMNS);
    expect(t.rows).toEqual(expected);
  });

  it("matches headers without diacritics, case or punctuation", async () => {
    const variants = [
      ["ten day du", "TEN VIET TAT", "loại", "Tên gọi khác:"],
      ["Ten_day_du", "Tên  viết  tắt", "LOAI", "ten goi khac"],
    ];
    for (const header of variants) {
      const t = await readRegistryFile("x.csv", csvOf([header, rows[1]!]), AGENCY_COLUMNS);
      expect(t.present).toEqual(["name", "shortName", "kind", "aliases"]);
      expect(t.rows[0]!.values.name).toBe("Sở Y tế");
    }
    expect(headerKey("E-mail")).toBe(headerKey("email"));
  });

  it("refuses another encoding, a broken quote, a repeated column and other file types", async () => {
    const latin1 = new Uint8Array([...Buffer.from("Tên đầy đủ,Tên viết tắt\n", "latin1")]);
    expect(await refusal(readRegistryFile("a.csv", latin1, AGENCY_COLUMNS))).toContain("UTF-8");
    const broken = new TextEncoder().encode('Tên đầy đủ,Tên viết tắt\n"Sở Y tế,SYT\n');
    expect(await refusal(readRegistryFile("b.csv", broken, AGENCY_COLUMNS))).toContain("sai định dạng CSV");
    const twice = csvOf([
      ["Tên đầy đủ", "Tên viết tắt", "Tên"],
      ["Sở Y tế", "SYT", "x"],
    ]);
    expect(await refusal(readRegistryFile("c.csv", twice, AGENCY_COLUMNS))).toContain("cột lặp lại");
    expect(await refusal(readRegistryFile("d.docx", new Uint8Array([1, 2]), AGENCY_COLUMNS))).toContain("Chỉ nhận tệp");
    expect(await refusal(readRegistryFile("e.csv", new Uint8Array(), AGENCY_COLUMNS))).toContain("trống");
  });

  it("picks the separator of the header line, ignoring those inside quotes", () => {
    expect(detectDelimiter('"Tên; đầy đủ",b,c\n1;2;3;4;5')).toBe(",");
    expect(detectDelimiter("a;b;c\n")).toBe(";");
  });
});

describe("list cells", () => {
  it("splits names on semicolons and reads yes or no in Vietnamese", () => {
    expect(splitList(" Sở Y tế ;; Công an  tỉnh;")).toEqual(["Sở Y tế", "Công an tỉnh"]);
    expect([readYesNo("Có"), readYesNo("KHÔNG"), readYesNo(""), readYesNo("có lẽ")]).toEqual([
      true,
      false,
      undefined,
      null,
    ]);
  });
});
