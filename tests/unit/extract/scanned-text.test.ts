// What OCR does to a notice's text, and the extractor reading through it: numerals that lost their
// dot or a stroke ("IL", "III TỔ CHỨC", "2_"), a Roman section read twice, the closing request
// that lost its "./.", the Nơi nhận list read row by row beside the signature.
import { describe, expect, it } from "vitest";
import { extractNotice } from "@/lib/extract";

const EMPTY = { province: null, agencies: [], groups: [] };
const notice = (
  body: string,
  foot = "Nơi nhận:\t\tKT. CHỦ TỊCH\n- Như trên;\tPHÓ CHỦ TỊCH\n- Lưu: VT.\n\nLê Văn An\n",
) =>
  `UBND TỈNH BẮC KẠN\n\nSố: 7/KH-UBND\n\nBắc Kạn, ngày 06 tháng 9 năm 2021\n\nKẾ HOẠCH\n\nPhòng, chống dịch\n\n${body}\n\n${foot}`;
const refs = (text: string) => extractNotice(text, EMPTY).draft.directives.map((d) => d.ref);

describe("numbering read through OCR", () => {
  it("takes 'IL' and a Roman numeral without its dot for the sections they are", () => {
    const text = notice(
      "I. MỤC ĐÍCH\n\nBảo đảm an toàn.\n\nIL NHIỆM VỤ\n\n1. Sở Y tế xét nghiệm trước ngày 20/9/2021.\n\n2_ Công an tỉnh kiểm soát các chốt.\n\nIII TỔ CHỨC THỰC HIỆN\n\nGiao Sở Y tế tổng hợp, báo cáo trong tháng 9/2021.",
    );
    expect(refs(text)).toEqual(["II.1", "II.2", "III"]);
  });

  it("numbers a second 'II.' as the III it was", () => {
    const text = notice(
      "I. MỤC ĐÍCH\n\nBảo đảm an toàn.\n\nII. NHIỆM VỤ\n\nSở Y tế xét nghiệm.\n\nII. TỔ CHỨC THỰC HIỆN\n\nGiao Sở Tài chính bố trí kinh phí.",
    );
    expect(refs(text)).toEqual(["II", "III"]);
  });

  it("leaves out a closing request that lost its './.', and finds the signer beside the list", () => {
    const text = notice(
      "1. Sở Y tế xét nghiệm trước ngày 20/9/2021.\n\n2. Công an tỉnh kiểm soát các chốt.\n\nChủ tịch UBND tỉnh yêu cầu các sở, ngành nghiêm túc thực hiện Kế hoạch này.",
    );
    const { draft } = extractNotice(text, EMPTY);
    expect(draft.directives.map((d) => d.ref)).toEqual(["1", "2"]);
    expect(draft.notice).toMatchObject({ signer: "Lê Văn An", signingFormula: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" });
    expect(draft.notice.recipients).toEqual(["Như trên", "Lưu: VT"]);
  });
});
