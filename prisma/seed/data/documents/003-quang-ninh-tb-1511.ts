// 003_01c405e6d66fb90f.txt: Quảng Ninh, Thông báo ý kiến chỉ đạo of Thường trực Tỉnh ủy and the
// provincial steering committee at the online conference of 15/11/2021, as a careful
// secretariat records it from a partly illegible scan.
//
// Reading notes (judgement calls):
// - The stamp reads "TỈNH ỦY QUẢNG BÌNH" but every place named (Móng Cái, Hải Hà, Đầm Hà, Tiên
//   Yên, Ba Chẽ, Bình Liêu, Bệnh viện số 1 Móng Cái) is in Quảng Ninh: OCR noise. Issuer Tỉnh ủy
//   Quảng Ninh. No number, place, date, signer or distribution list is legible: all null/empty;
//   issuedOn null with precision "unknown"; the conference date is meetingOn. No person chairs
//   by name ("Thường trực Tỉnh ủy" is a collective body): chair null.
// - The opening paragraph (situation, six weaknesses) and the lead-in are assessment. The six
//   "[Faint, illegible text]" blocks after item 3 are excluded: nothing can be recorded from them.
// - Refs: items "1"–"3"; the paragraphs inside items 2 and 3 are "2.1"–"2.3", "3.1"–"3.3".
// - 1: "Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã
//   hội": party committees are not tracked by this app; "chính quyền" → the districts group,
//   "Mặt trận…" → the front group.
// - 2.1 "Bí thư cấp ủy, Chủ tịch UBND cấp huyện, cấp xã" and 2.2 (same item, no new addressee) →
//   the districts group.
// - 2.3: "Ban cán sự đảng UBND tỉnh chỉ đạo UBND tỉnh chỉ đạo Sở Y tế phối hợp chặt chẽ với các
//   địa phương…" → Sở Y tế leads, the districts support; "chậm nhất đến ngày 30/11/2021" is exact.
// - 3.1 "Các địa phương đã xuất hiện ổ dịch": the notice does not list them (the outbreak of the
//   week touched six, but "các ổ dịch lớn tại một số địa phương" are unnamed), so the districts
//   group: each answers whether it applies. 3.2 names four: Đầm Hà, Hải Hà, Móng Cái, Tiên Yên.
// - 3.3 "Từ ngày 16/11/2021, thống nhất … khôi phục hoạt động sản xuất … trên địa bàn thành phố
//   Móng Cái, Hải Hà": the duty falls on the enterprises; the tracked bodies are the two local
//   governments that oversee them. "Từ ngày" is a start, not a deadline.
// - Urgent: "nhanh chóng", "thần tốc" (3.1) and "khẩn trương" (2.3, 3.2). 2.1 "kịp thời báo
//   cáo…" → ongoing. 1: "Chỉ thị số 18-CT/TU ngày 18/10/2021" is a citation, not a start date.

import type { Deadline, NoticeDraft } from "../../../../lib/notices/draft";
import { assign } from "../registries";

const P = "Quảng Ninh";
const DISTRICTS = "UBND các huyện, thị xã, thành phố";
const FRONT = "Mặt trận Tổ quốc và các đoàn thể";

const D = (x: Pick<Deadline, "kind" | "phrase"> & Partial<Deadline>): Deadline => ({
  dueOn: null,
  dueAt: null,
  startOn: null,
  recurrence: null,
  target: null,
  ...x,
});

export const DRAFT_003: NoticeDraft = {
  notice: {
    kind: "TB",
    number: null,
    issuer: "Tỉnh ủy Quảng Ninh",
    place: null,
    issuedOn: null,
    issuedPrecision: "unknown",
    title:
      "Ý kiến chỉ đạo của Thường trực Tỉnh ủy, Ban Chỉ đạo cấp tỉnh về phòng, chống dịch COVID-19 tại hội nghị ngày 15/11/2021",
    meetingOn: "2021-11-15",
    chair: null,
    signer: null,
    signingFormula: null,
    recipients: [],
    citations: ["Nghị quyết số 128/NQ-CP ngày 11/10/2021", "Chỉ thị số 18-CT/TU ngày 18/10/2021"],
  },
  directives: [
    {
      ref: "1",
      text: "Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tiếp tục tuyên truyền, quán triệt sâu rộng Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ, Chỉ thị số 18-CT/TU ngày 18/10/2021 của Ban Thường vụ Tỉnh ủy và các chỉ đạo có liên quan của Trung ương, của Tỉnh về công tác phòng, chống dịch COVID-19.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS, FRONT] }),
    },
    {
      ref: "2.1",
      text: "Bí thư cấp ủy, Chủ tịch UBND cấp huyện, cấp xã tập trung chỉ đạo nâng cao năng lực ứng phó “4 tại chỗ”, chịu hoàn toàn trách nhiệm trước Tỉnh trong việc củng cố, nâng cao năng lực dự phòng, truy vết, xét nghiệm, thu dung, cách ly, điều trị bảo đảm tuân thủ triệt để phương châm “4 tại chỗ”, kịp thời báo cáo cấp có thẩm quyền những vướng mắc, khó khăn vượt thẩm quyền giải quyết trong xử lý thực hiện, trong đó phải chuẩn bị đầy đủ số lượng test nhanh tương đương với dân số trên địa bàn và thực hiện hướng dẫn người dân tự biết làm test nhanh tại nhà nhằm bảo đảm ứng phó kịp thời, hiệu quả với các tình huống nảy sinh.",
      urgent: false,
      deadline: D({ kind: "ongoing", phrase: "kịp thời" }),
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "2.2",
      text: "Triển khai có hiệu quả mô hình điều trị F0 thể nhẹ, không triệu chứng tại cơ sở, cách ly F1 tại nhà, nhà trọ có kiểm soát và phải thực hiện giám sát chặt chẽ việc thực hiện đúng quy trình cách ly theo quy định, gắn với huy động sự vào cuộc, tham gia giám sát của Nhân dân, đảm bảo mục tiêu không để các ca bệnh trở nặng dẫn tới tử vong.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "2.3",
      text: "Ban cán sự đảng UBND tỉnh chỉ đạo UBND tỉnh chỉ đạo Sở Y tế phối hợp chặt chẽ với các địa phương chủ động tham mưu phương án điều tiết năng lực y tế đáp ứng yêu cầu tại chỗ, chậm nhất đến ngày 30/11/2021 tất cả các trạm y tế đều có bác sĩ; khẩn trương tiếp nhận, phân bổ thuốc điều trị COVID-19 cho các địa phương để chủ động trong công tác thu dung, điều trị các ca mắc COVID-19 ngay tại cơ sở, bảo đảm đúng các quy trình, quy định và an toàn tuyệt đối.",
      urgent: true,
      deadline: D({ kind: "exact", dueOn: "2021-11-30", phrase: "chậm nhất đến ngày 30/11/2021" }),
      assignments: assign(P, { lead: ["Sở Y tế"], support: [DISTRICTS] }),
    },
    {
      ref: "3.1",
      text: "Các địa phương đã xuất hiện ổ dịch phải nhanh chóng triển khai đồng bộ, quyết liệt, có hiệu quả các biện pháp phòng, chống dịch COVID-19; “thần tốc” truy vết, xét nghiệm, test nhanh, kịp thời phát hiện, bóc tách triệt để các trường hợp F0 ra khỏi cộng đồng, chặn đứng đà lây lan, khoanh vùng gọn nhất, khóa chặt các ổ dịch, tuyệt đối không để ổ dịch trở thành đợt dịch; hạn chế tối đa số ca mắc mới, số ca trở nặng và không để tử vong.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "nhanh chóng" }),
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "3.2",
      text: "Các địa phương: Đầm Hà, Hải Hà, Móng Cái, Tiên Yên khẩn trương tập trung phân tích, xác định cụ thể nguyên nhân mầm bệnh xâm nhập vào địa bàn, đánh giá sát, đúng tình hình nhằm khoanh vùng gọn nhất, “thần tốc” xét nghiệm, nhanh chóng cô lập ca bệnh, chặn đứng nguồn lây, khóa chặt ổ dịch trong thời gian ngắn nhất; không để dịch âm thầm lây lan rộng tại các khu vực trường học, khu đông dân cư, nhà máy, xí nghiệp, khu vực miền núi cao. Thực hiện triệt để việc theo dõi, điều trị các ca F0 thể nhẹ, không triệu chứng, cách ly F1 tại nhà, tuyên y tế cơ sở; trong đó, lưu ý các trường hợp F0 là trẻ em dưới 18 tuổi, người có bệnh nền chưa tiêm vắc xin, đặc biệt là trẻ em dưới 5 tuổi và người già có bệnh nền; trường hợp trở nặng thì phải chuyển điều trị tại Bệnh viện số 1, thành phố Móng Cái.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "khẩn trương" }),
      assignments: assign(P, {
        lead: ["UBND huyện Đầm Hà", "UBND huyện Hải Hà", "UBND thành phố Móng Cái", "UBND huyện Tiên Yên"],
      }),
    },
    {
      ref: "3.3",
      text: "Từ ngày 16/11/2021, thống nhất với đề xuất của các đơn vị sản xuất kinh doanh, nhà máy, xí nghiệp trên địa bàn thành phố Móng Cái, Hải Hà về việc khôi phục hoạt động sản xuất, kinh doanh trên địa bàn. Yêu cầu các đơn vị, doanh nghiệp phải chịu trách nhiệm kiểm soát chặt chẽ, hằng ngày phải thực hiện xét nghiệm, test nhanh đối với toàn bộ người lao động trước mỗi ca sản xuất, bảo đảm “an toàn để sản xuất, sản xuất phải an toàn”.",
      urgent: false,
      deadline: D({ kind: "start", startOn: "2021-11-16", phrase: "Từ ngày 16/11/2021" }),
      assignments: assign(P, { lead: ["UBND thành phố Móng Cái", "UBND huyện Hải Hà"] }),
    },
  ],
};
