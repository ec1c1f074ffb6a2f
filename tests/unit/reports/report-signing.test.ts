import { describe, expect, it } from "vitest";
import { parseReportSigning, reportNumberLine, signatureBlock, signingQuery } from "@/lib/reports/report-signing";

describe("the report's number and signer", () => {
  it("prints the blanks to fill in by hand when nothing is given", () => {
    const { signing, errors } = parseReportSigning({});
    expect(errors).toEqual({});
    expect(reportNumberLine(signing)).toBe("Số:        /BC-BCĐ");
    expect(signatureBlock(signing)).toEqual({
      formula: ["TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
      note: "(Ký, ghi rõ họ tên, đóng dấu)",
      name: null,
    });
  });

  it("prints the number, the chairman's own capacity and the name", () => {
    const { signing, errors } = parseReportSigning({ so: " 45/BC-BCĐ ", ky: "Hồ  Tiến Thiệu", chuc: "truong-ban" });
    expect(errors).toEqual({});
    expect(reportNumberLine(signing)).toBe("Số: 45/BC-BCĐ");
    expect(signatureBlock(signing)).toMatchObject({
      formula: ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"],
      name: "Hồ Tiến Thiệu",
    });
  });

  it("explains in Vietnamese what does not fit, keeps what was typed and prints only what fits", () => {
    const { signing, errors, typed } = parseReportSigning({
      so: "BC-BCĐ",
      ky: "<script>alert(1)</script>",
      chuc: "chu-tich",
      from: "2021-09-01",
    });
    expect(errors.so).toMatch(/45\/BC-BCĐ/);
    expect(errors.ky).toMatch(/chữ cái/);
    expect(errors.chuc).toMatch(/Trưởng ban/);
    expect(typed).toEqual({ so: "BC-BCĐ", ky: "<script>alert(1)</script>", chuc: "chu-tich" });
    expect(signing).toEqual({ title: "pho-truong-ban" });
    expect(signingQuery({ so: "", ky: "Nguyễn Văn A", chuc: "" })).toEqual({
      so: undefined,
      ky: "Nguyễn Văn A",
      chuc: undefined,
    });
  });

  it("refuses a number or a name too long to print", () => {
    expect(parseReportSigning({ so: `1/${"A".repeat(40)}` }).errors.so).toMatch(/30 ký tự/);
    expect(parseReportSigning({ ky: "A".repeat(61) }).errors.ky).toMatch(/60 ký tự/);
  });
});
