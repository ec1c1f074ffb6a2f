// npx tsx tests/bench/corpus/make-fixtures.ts — writes the small committed fixtures the OCR, PDF
// and edXML tests read (tests/fixtures/ocr, tests/fixtures/edxml), rendered from corpus notices
// as the bench renders them, kept small: one page each, JPEG inside.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS } from "../../fixtures/corpus/expectations";
import { docxFromModel } from "./docx";
import { modelOf } from "./model";
import { launch, scanFiles, textPdf } from "./render";

const FIX = join(__dirname, "../../fixtures");
const corpusText = (file: string) => readFileSync(join(FIX, "corpus", file), "utf8");

async function jpegPdf(browser: Awaited<ReturnType<typeof launch>>, png: Buffer): Promise<Buffer> {
  // Re-encode the scan as a grey JPEG of moderate quality, then wrap it in an A4 PDF page.
  const page = await browser.newPage({ viewport: { width: 1654, height: 2339 } });
  await page.setContent(
    `<body style="margin:0"><img style="width:1654px;filter:grayscale(1)" src="data:image/png;base64,${png.toString("base64")}"></body>`,
  );
  const jpeg = await page.screenshot({ type: "jpeg", quality: 60 });
  await page.setContent(
    `<html><head><style>@page{size:A4;margin:0}body{margin:0}</style></head><body><img src="data:image/jpeg;base64,${jpeg.toString("base64")}" style="width:210mm;height:297mm;display:block"></body></html>`,
  );
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await page.close();
  return pdf;
}

async function main() {
  mkdirSync(join(FIX, "ocr"), { recursive: true });
  mkdirSync(join(FIX, "edxml"), { recursive: true });
  const browser = await launch();
  try {
    // A one-page table notice with a stamp, scanned to an image-only PDF.
    const angiang = CORPUS.find((c) => c.file.startsWith("an-giang"))!;
    const [png] = await scanFiles(browser, "fixture-an-giang", corpusText(angiang.file), {
      as: "png",
      stamp: true,
      noise: true,
      skew: 0.5,
    });
    writeFileSync(join(FIX, "ocr/an-giang-tb-655-scan.pdf"), await jpegPdf(browser, readFileSync(png!)));
    // A one-page Công điện photographed with a phone.
    const tayninh = CORPUS.find((c) => c.file.startsWith("tay-ninh"))!;
    const [jpg] = await scanFiles(browser, "fixture-tay-ninh", corpusText(tayninh.file), { as: "jpg", photo: true });
    writeFileSync(join(FIX, "ocr/tay-ninh-cd-09-photo.jpg"), readFileSync(jpg!));
    // A text-layer PDF with a task table in its body.
    writeFileSync(
      join(FIX, "intake/khanh-hoa-tb-520.pdf"),
      readFileSync(await textPdf(browser, "fixture-khanh-hoa", corpusText("khanh-hoa-tb-520.txt"))),
    );
  } finally {
    await browser.close();
  }
  // An edXML package of the e-office exchange carrying a Word notice.
  const docx = docxFromModel(modelOf(corpusText("son-la-tb-88.txt")));
  writeFileSync(join(FIX, "edxml/son-la-tb-88.edxml"), edxml(Buffer.from(docx).toString("base64")));
}

/** The envelope as QCVN 102:2016 lays it out (and PVN-Organization/API-Gateway-iOffice's sample). */
export function edxml(base64: string, name = "88-TB-UBND.docx"): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From>
          <edXML:OrganId>000.00.00.H57</edXML:OrganId>
          <edXML:OrganizationInCharge>UBND tỉnh Sơn La</edXML:OrganizationInCharge>
          <edXML:OrganName>Văn phòng UBND tỉnh Sơn La</edXML:OrganName>
          <edXML:OrganAdd>Tổ 5, phường Chiềng Lề, thành phố Sơn La</edXML:OrganAdd>
        </edXML:From>
        <edXML:To>
          <edXML:OrganId>000.01.57.H57</edXML:OrganId>
          <edXML:OrganName>Sở Y tế tỉnh Sơn La</edXML:OrganName>
        </edXML:To>
        <edXML:To>
          <edXML:OrganId>000.02.57.H57</edXML:OrganId>
          <edXML:OrganName>Công an tỉnh Sơn La</edXML:OrganName>
        </edXML:To>
        <edXML:DocumentId>000.00.00.H57,2021/10/12,88/TB-UBND</edXML:DocumentId>
        <edXML:Code>
          <edXML:CodeNumber>88</edXML:CodeNumber>
          <edXML:CodeNotation>TB-UBND</edXML:CodeNotation>
        </edXML:Code>
        <edXML:PromulgationInfo>
          <edXML:Place>Sơn La</edXML:Place>
          <edXML:PromulgationDate>2021/10/12</edXML:PromulgationDate>
        </edXML:PromulgationInfo>
        <edXML:DocumentType>
          <edXML:Type>1</edXML:Type>
          <edXML:TypeDetail>0</edXML:TypeDetail>
          <edXML:TypeName>Thông báo</edXML:TypeName>
        </edXML:DocumentType>
        <edXML:Subject>Kết luận của đồng chí Hoàng Quốc Khánh, Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh ngày 11/10/2021</edXML:Subject>
        <edXML:Content>Thông báo kết luận cuộc họp Ban Chỉ đạo tỉnh</edXML:Content>
        <edXML:SignerInfo>
          <edXML:Competence>TL. CHỦ TỊCH</edXML:Competence>
          <edXML:Position>CHÁNH VĂN PHÒNG</edXML:Position>
          <edXML:FullName>Nguyễn Đức Toàn</edXML:FullName>
        </edXML:SignerInfo>
        <edXML:DueDate>2021/10/20</edXML:DueDate>
        <edXML:OtherInfo>
          <edXML:Priority>1</edXML:Priority>
          <edXML:SphereOfPromulgation>Liên thông văn bản tỉnh</edXML:SphereOfPromulgation>
          <edXML:PageAmount>2</edXML:PageAmount>
        </edXML:OtherInfo>
        <edXML:SteeringType>1</edXML:SteeringType>
        <edXML:ToPlaces>
          <edXML:Place>Các sở, ban, ngành</edXML:Place>
          <edXML:Place>UBND các huyện, thành phố</edXML:Place>
        </edXML:ToPlaces>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList>
        <edXML:TraceHeader>
          <edXML:OrganId>000.00.00.H57</edXML:OrganId>
          <edXML:Timestamp>2021/10/12 15:20:00</edXML:Timestamp>
        </edXML:TraceHeader>
      </edXML:TraceHeaderList>
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">
        <edXML:Reference>
          <edXML:ContentId>cid:1</edXML:ContentId>
          <edXML:ContentType>application/vnd.openxmlformats-officedocument.wordprocessingml.document</edXML:ContentType>
          <edXML:AttachmentName>${name}</edXML:AttachmentName>
        </edXML:Reference>
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded>
    <Attachment>
      <ContentId>cid:1</ContentId>
      <AttachmentName>${name}</AttachmentName>
      <ContentType>application/vnd.openxmlformats-officedocument.wordprocessingml.document</ContentType>
      <edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">${base64}</edXML:ContentTransferEncoded>
    </Attachment>
  </AttachmentEncoded>
</edXML>
`;
}

if (require.main === module) void main();
