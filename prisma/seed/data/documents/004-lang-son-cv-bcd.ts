// 004_a956b0c17b9e6422.txt: Lạng Sơn, Công văn of the provincial steering committee "V/v tăng
// cường chỉ đạo công tác phòng, chống dịch COVID-19", January 2022, as a careful secretariat
// records it.
//
// Reading notes (judgement calls):
// - "Số: -CV/BCĐ": number blank → null. "Lạng Sơn, ngày tháng 01 năm 2022": month known →
//   issuedOn 2022-01-01, precision "month". A letter, not meeting conclusions: no meeting, no
//   chair. Signed KT. TRƯỞNG BAN, PHÓ TRƯỞNG BAN THƯỜNG TRỰC by Hồ Tiến Thiệu (Chủ tịch UBND tỉnh).
//   Recipients are the "Nơi nhận" lines as written ("Như trên" = the Kính gửi addressee).
// - Item 1 is addressed to "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy; lãnh đạo các sở, ban,
//   ngành là thành viên Ban Chỉ đạo…": the standing-committee members are persons the app does
//   not track; the bodies are the group "Thành viên Ban Chỉ đạo tỉnh". Item 2 "Trưởng Ban Chỉ
//   đạo … các huyện, thành phố" → the districts group. Each "-" bullet is a directive ("1.1"…).
// - "trong tháng 01/2022" → last day of January 2022. "trong dịp Tết Nguyên đán" (2.3, 2.4) is an
//   event: the official Tết Nhâm Dần days off, Sat 29/01–Sun 06/02/2022.
// - 1.2: "kịp thời ngăn chặn nguồn lây nhiễm" → ongoing (DOMAIN's table), no date.
//   Urgent: "thần tốc"/"khẩn trương" (1.3, 2.2).
// - The closing "Ban Chỉ đạo … đề nghị các thành viên … quan tâm chỉ đạo, triển khai thực hiện" is
//   the closing formula, not a directive.

import type { Deadline, NoticeDraft } from "../../../../lib/notices/draft";
import { assign } from "../registries";

const P = "Lạng Sơn";
const DISTRICTS = "UBND các huyện, thành phố";
const MEMBERS = "Thành viên Ban Chỉ đạo tỉnh";

const D = (x: Pick<Deadline, "kind" | "phrase"> & Partial<Deadline>): Deadline => ({
  dueOn: null,
  dueAt: null,
  startOn: null,
  recurrence: null,
  target: null,
  ...x,
});

const JANUARY_2022 = D({ kind: "month", dueOn: "2022-01-31", phrase: "trong tháng 01/2022" });
// Tết Nhâm Dần: 31/01–04/02/2022 off, with the weekends either side.
const TET_2022 = D({ kind: "event", phrase: "trong dịp Tết Nguyên đán", startOn: "2022-01-29", dueOn: "2022-02-06" });

export const DRAFT_004: NoticeDraft = {
  notice: {
    kind: "CV",
    number: null,
    issuer: "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Lạng Sơn",
    place: "Lạng Sơn",
    issuedOn: "2022-01-01",
    issuedPrecision: "month",
    title: "V/v tăng cường chỉ đạo công tác phòng, chống dịch COVID-19",
    meetingOn: null,
    chair: null,
    signer: "Hồ Tiến Thiệu",
    signingFormula: "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC",
    recipients: [
      "Như trên",
      "Bí thư, Phó Bí thư Tỉnh ủy",
      "Thường trực HĐND tỉnh",
      "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
      "UBND các huyện, thành phố",
      "C, PCVP UBND tỉnh, các phòng CV, ĐV trực thuộc",
      "Lưu: VT, KG-VX (NTB)",
    ],
    citations: ["Quyết định số 01-QĐ/BCĐ ngày 26/10/2021"],
  },
  directives: [
    {
      ref: "1.1",
      text: "Phát huy tinh thần trách nhiệm được giao, tăng cường kiểm tra, giám sát, chỉ đạo thực hiện nghiêm các biện pháp phòng, chống dịch tại địa bàn được phân công phụ trách theo Thông báo phân công nhiệm vụ tại Quyết định số 01-QĐ/BCĐ ngày 26/10/2021 của Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh về việc ban hành Quy chế làm việc và phân công nhiệm vụ các thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Lạng Sơn.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [MEMBERS] }),
    },
    {
      ref: "1.2",
      text: "Chỉ đạo toàn diện công tác kiểm soát dịch COVID-19 trên địa bàn phụ trách, sớm phát hiện người mắc COVID-19, nguồn lây nhiễm và kịp thời ngăn chặn nguồn lây nhiễm; đề cao trách nhiệm của người đứng đầu, sẵn sàng ứng phó mọi tình huống, tuyệt đối không lơ là, chủ quan, mất cảnh giác. Xử lý nghiêm các trường hợp không thực hiện đúng quy định về phòng chống dịch. Kiến nghị, đề xuất Trưởng Ban Chỉ đạo phòng, chống dịch tỉnh xem xét, giải quyết kịp thời các vấn đề liên quan nhằm bảo đảm công tác phòng, chống dịch COVID-19 trên địa bàn tỉnh đạt hiệu quả cao và giảm số ca mắc COVID-19.",
      urgent: false,
      deadline: D({ kind: "ongoing", phrase: "kịp thời" }),
      assignments: assign(P, { lead: [MEMBERS] }),
    },
    {
      ref: "1.3",
      text: "Chỉ đạo thực hiện thần tốc chiến dịch tiêm vắc xin, bảo đảm an toàn, khoa học, hiệu quả; tập trung rà soát các đối tượng từ 12 tuổi trở lên chưa được tiêm, không để bỏ sót đối tượng chưa được tiêm và đối tượng tiêm chưa đủ liều vắc xin; sau khi rà soát, khẩn trương tiêm cho các đối tượng để bảo đảm hoàn thành tiêm đủ liều cơ bản cho 100% người từ 12 tuổi trở lên và liều nhắc lại cho người từ 18 tuổi trở lên trong tháng 01/2022.",
      urgent: true,
      deadline: { ...JANUARY_2022 },
      assignments: assign(P, { lead: [MEMBERS] }),
    },
    {
      ref: "2.1",
      text: "Tiếp tục tập trung chỉ đạo thực hiện quyết liệt, nghiêm túc các biện pháp phòng, chống dịch COVID-19 theo quy định; tuyệt đối không lơ là, chủ quan, mất cảnh giác; tăng cường việc kiểm tra, giám sát điều trị, cách ly tại nhà theo hướng dẫn của Bộ Y tế bảo đảm chặt chẽ, kiểm soát tốt dịch trong trạng thái bình thường mới.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "2.2",
      text: "Quyết liệt chỉ đạo thực hiện chiến dịch tiêm vắc xin, bảo đảm an toàn, hiệu quả; tập trung rà soát và khẩn trương tiêm cho các đối tượng để bảo đảm hoàn thành tiêm đủ liều cơ bản cho 100% người từ 12 tuổi trở lên và liều nhắc lại cho người từ 18 tuổi trở lên trong tháng 01/2022.",
      urgent: true,
      deadline: { ...JANUARY_2022 },
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "2.3",
      text: "Chỉ đạo thực hiện các hoạt động trong dịp Tết Nguyên đán, kiểm soát các hoạt động lễ hội đầu năm bảo đảm an toàn với dịch COVID-19, dừng các hoạt động tập trung đông người không cần thiết.",
      urgent: false,
      deadline: { ...TET_2022 },
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "2.4",
      text: "Chỉ đạo chuẩn bị tốt phương án tổ chức Tết Nguyên đán cho các đối tượng tại các khu điều trị F0 và cách ly F1; tổ chức thăm hỏi, động viên, hỗ trợ các lực lượng phòng, chống dịch COVID-19 trong dịp Tết Nguyên đán trên địa bàn.",
      urgent: false,
      deadline: { ...TET_2022 },
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
  ],
};
