// Documents from the e-office exchange (edXML, QCVN 102:2016): the header fills the notice's data
// and outranks the attached text, the attachment is read like any upload, and packages that are
// malformed or hostile are refused with a Vietnamese message.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyExchangeHeader } from "@/lib/edxml/apply";
import { parseEdxml } from "@/lib/edxml/parse";
import { extractReading } from "@/lib/intake/extract-reading";
import { readNoticeFile } from "@/lib/intake/read-notice";
import { edxml } from "../../bench/corpus/make-fixtures";
import { unseenRegistry } from "../extract/unseen-registry";

const SAMPLE = readFileSync(join(__dirname, "../../fixtures/edxml/son-la-tb-88.edxml"), "utf8");
const REG = unseenRegistry("Sơn La", [["thành phố", "Sơn La"]]);
const utf8 = (s: string) => new TextEncoder().encode(s);
const docxBase64 = /<edXML:ContentTransferEncoded[^>]*>([^<]+)</.exec(SAMPLE)![1]!;

describe("an edXML package", () => {
  it("reads the header: organs, code, promulgation, type, signer, due date, places", () => {
    const { header, attachments } = parseEdxml(utf8(SAMPLE));
    expect(header).toMatchObject({
      from: { organId: "000.00.00.H57", organName: "Văn phòng UBND tỉnh Sơn La" },
      to: [{ organId: "000.01.57.H57" }, { organId: "000.02.57.H57" }],
      codeNumber: "88",
      codeNotation: "TB-UBND",
      place: "Sơn La",
      promulgationDate: "2021-10-12",
      typeName: "Thông báo",
      signer: { competence: "TL. CHỦ TỊCH", position: "CHÁNH VĂN PHÒNG", fullName: "Nguyễn Đức Toàn" },
      dueDate: "2021-10-20",
      toPlaces: ["Các sở, ban, ngành", "UBND các huyện, thành phố"],
      priority: 1,
    });
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.name).toBe("88-TB-UBND.docx");
  });

  it("reads the attached Word notice and lays the header over it", async () => {
    const reading = await readNoticeFile("goi.edxml", utf8(SAMPLE));
    expect(reading.source).toMatchObject({ kind: "edxml", attachment: { name: "88-TB-UBND.docx", kind: "docx" } });
    const { draft, warnings } = extractReading(reading, REG);
    expect(draft.notice).toMatchObject({
      number: "88/TB-UBND",
      issuedOn: "2021-10-12",
      kind: "TB",
      signer: "Nguyễn Đức Toàn",
      urgency: "khan",
      audience: ["Các sở, ban, ngành", "UBND các huyện, thành phố"],
      exchange: { fromOrganId: "000.00.00.H57", toOrganIds: ["000.01.57.H57", "000.02.57.H57"], dueOn: "2021-10-20" },
    });
    expect(draft.directives.map((d) => d.ref)).toEqual(["2", "3.1", "3.2", "3.3", "3.4", "4"]);
    expect(draft.directives.every((d) => d.urgent)).toBe(true);
    expect(warnings.filter((w) => /gói edXML/.test(w.message))).toEqual([]);
  });

  it("warns when the header and the text disagree, and keeps the header's value", async () => {
    const other = SAMPLE.replace("<edXML:CodeNumber>88<", "<edXML:CodeNumber>89<").replace(
      "2021/10/12</edXML:Prom",
      "2021/10/13</edXML:Prom",
    );
    const { draft, warnings } = extractReading(await readNoticeFile("goi.edxml", utf8(other)), REG);
    expect(draft.notice.number).toBe("89/TB-UBND");
    expect(draft.notice.issuedOn).toBe("2021-10-13");
    expect(warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        "Số văn bản trong gói edXML (89/TB-UBND) khác với văn bản đính kèm (88/TB-UBND): dùng theo gói edXML.",
        "Ngày ban hành trong gói edXML (13/10/2021) khác với văn bản đính kèm (12/10/2021): dùng theo gói edXML.",
      ]),
    );
  });

  it("takes the issuer from From/OrganName when the text names none, and warns when they differ", async () => {
    const reading = await readNoticeFile("goi.edxml", utf8(SAMPLE));
    const { draft } = extractReading(reading, REG);
    // The office sending on the body's behalf is no disagreement: the text's issuer stays.
    expect(draft.notice.issuer).toBe("UBND tỉnh Sơn La");
    const none = applyExchangeHeader({ ...draft, notice: { ...draft.notice, issuer: "" } }, reading.exchange!);
    expect(none.draft.notice.issuer).toBe("Văn phòng UBND tỉnh Sơn La");
    expect(none.warnings).toEqual([]);

    const other = SAMPLE.replace(
      "<edXML:OrganName>Văn phòng UBND tỉnh Sơn La<",
      "<edXML:OrganName>Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Sơn La<",
    );
    const differs = extractReading(await readNoticeFile("goi.edxml", utf8(other)), REG);
    expect(differs.draft.notice.issuer).toBe("Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Sơn La");
    expect(differs.warnings.map((w) => w.message)).toContain(
      "Cơ quan ban hành trong gói edXML (Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Sơn La) khác với văn bản đính kèm (UBND tỉnh Sơn La): dùng theo gói edXML.",
    );
  });

  it("accepts the chunk size an HTTP client left before the prolog", async () => {
    const reading = await readNoticeFile("goi.edxml", utf8(`1212\r\n${SAMPLE}`));
    expect(reading.exchange?.codeNumber).toBe("88");
  });
});

describe("packages that are refused", () => {
  it.each([
    [
      "a DOCTYPE with entities",
      SAMPLE.replace("<edXML ", '<!DOCTYPE edXML [<!ENTITY x "xx">]><edXML '),
      /DOCTYPE\/ENTITY/,
    ],
    ["malformed XML", SAMPLE.replace("</edXML:Subject>", ""), /XML sai cấu trúc ở dòng \d+/],
    ["another namespace", SAMPLE.replaceAll("http://www.mic.gov.vn/TBT/QCVN_102_2016", "urn:x"), /QCVN 102:2016/],
    [
      "no MessageHeader",
      edxml(docxBase64).replace(/<edXML:MessageHeader>[\s\S]*<\/edXML:MessageHeader>/, ""),
      /MessageHeader/,
    ],
    ["an attachment that is not base64", edxml("không phải base64!"), /base64/],
    ["an attachment over 10 MB", edxml("A".repeat(14 * 1024 * 1024)), /quá lớn/],
    ["eleven attachments", SAMPLE.replace(/<Attachment>[\s\S]*<\/Attachment>/, (a) => a.repeat(11)), /11 tệp đính kèm/],
    ["only a legacy .doc", edxml(docxBase64, "cu.doc"), /không có tệp văn bản đọc được \(chỉ có: cu\.doc\)/],
  ])("refuses %s with a message", async (_what, xml, message) => {
    const err = await readNoticeFile("goi.edxml", utf8(xml)).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).name).toBe("ValidationError");
  });
});
