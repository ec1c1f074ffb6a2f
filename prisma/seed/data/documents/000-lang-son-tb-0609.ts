// 000_ec265b00dddae054.txt: Lạng Sơn, Thông báo kết luận of Chủ tịch UBND tỉnh Hồ Tiến Thiệu at
// the provincial steering committee meeting of 06/9/2021, as a careful secretariat records it.
//
// Reading notes (judgement calls):
// - The copy has no header: no number, no place, no date line. issuedOn is null with precision
//   "unknown" (the schema keeps a date only for day/month/year precision); the meeting date
//   06/9/2021 is recorded as meetingOn, not guessed as the issue date. The issuer is UBND tỉnh
//   Lạng Sơn (closing formula "UBND tỉnh thông báo…", signed TL. CHỦ TỊCH); place null.
// - Refs: sections "2."…"6.", items "(1)"…"(7)" of section 4 as "4.(n)", letters of section 6 as
//   "6.a". Inside a numbered item, the directive paragraphs / bullets get a 1-based index in
//   the order they appear ("2.1", "3.1.2"); assessment paragraphs are not counted.
// - Section 1 ("Đánh giá chung") and the first paragraph of section 2 are assessment.
// - 2.1 and 2.3: "Sở Y tế hoàn thiện dự thảo, trình UBND tỉnh trước ngày 15/9/2021" is its own
//   paragraph and its own step (submit to UBND tỉnh), so it is its own directive, due 14/9
//   ("trước ngày D" = the day before D); 2.1 (revise the draft, propose purchases) states no date.
// - 2.1's "khám, chữa bệnh thường xuyên" is routine care, not the pace of the task: no deadline.
// - 2.2: "UBND các huyện, thành phố, các sở, ngành liên quan chủ động xây dựng Phương án … của
//   lĩnh vực, địa bàn quản lý": every district builds one for its area and every department
//   for its field, so both groups are expanded.
// - 3.1.x: section 3 is about huyện Văn Lãng; its "+" items and the closing sentence "Sau đó,
//   tiếp tục đánh giá nguy cơ…" (no bullet, fourth element of bullet 3.1) are UBND huyện Văn
//   Lãng's. The lead-in "Tiếp tục thực hiện nghiêm túc các biện pháp…, cụ thể:" only introduces
//   them and is not a directive of its own. Na Sầm "đến hết ngày 15/9/2021" = end of a measure.
// - Section 4 is addressed to "các thành viên Ban Chỉ đạo … tỉnh": its items without a named
//   agency ((1) first paragraph, (7)) go to that group. Item (1) has two paragraphs with
//   different addressees: "4.(1).1" (members) and "4.(1).2" (UBND các huyện, thành phố).
// - 4.(5): "Ban Chỉ đạo phòng, chống dịch cấp huyện" = the districts group; "các lực lượng chức
//   năng" names nobody and is not an assignee.
// - 4.(6): "tiêm đồng loạt được ngay" describes readiness, not the urgency of the plan: not urgent.
// - 5: "để ngày 10/9/2021 chuyển quà" = hand over on 10/9: exact. "các cơ quan liên quan" unnamed.
// - 6.b (the chairman will consider the request after 15/9) is not a directive.
// - 6.c: "UBND các huyện, nhất là huyện Hữu Lũng và huyện Chi Lăng" is read as the districts
//   group (all checkpoints of the province, TP Lạng Sơn included), not the ten huyện only.
// - 6.d: "giao Sở Y tế sớm có hướng dẫn": "sớm" read like "khẩn trương" (urgent, no date);
//   "để các huyện, thành phố thực hiện" is the purpose, not an assignment.

import type { Deadline, NoticeDraft } from "../../../../lib/notices/draft";
import { assign } from "../registries";

const P = "Lạng Sơn";
const DISTRICTS = "UBND các huyện, thành phố";
const DEPARTMENTS = "Các sở, ban, ngành";
const MEMBERS = "Thành viên Ban Chỉ đạo tỉnh";

const D = (x: Pick<Deadline, "kind" | "phrase"> & Partial<Deadline>): Deadline => ({
  dueOn: null,
  dueAt: null,
  startOn: null,
  recurrence: null,
  target: null,
  ...x,
});

export const DRAFT_000: NoticeDraft = {
  notice: {
    kind: "TB",
    number: null,
    issuer: "UBND tỉnh Lạng Sơn",
    place: null,
    issuedOn: null,
    issuedPrecision: "unknown",
    title:
      "Kết luận của đồng chí Hồ Tiến Thiệu, Chủ tịch UBND tỉnh - Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 trên địa bàn tỉnh Lạng Sơn",
    meetingOn: "2021-09-06",
    chair: "Hồ Tiến Thiệu",
    signer: "Phạm Hùng Trường",
    signingFormula: "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG",
    recipients: [
      "Bí thư, Phó Bí thư Tỉnh ủy",
      "Lãnh đạo HĐND tỉnh",
      "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
      "Các CQ TV theo QĐ số 1023/QĐ-UBND",
      "C, PCVP UBND tỉnh, các CV, TT TH-CB",
      "Lưu: VT, KG-VX (NTB)",
    ],
    citations: ["Chỉ thị số 16/CT-TTg", "Chỉ thị số 15/CT-TTg", "Nghị quyết số 21/NQ-CP ngày 26/02/2021"],
  },
  directives: [
    {
      ref: "2.1",
      text: "Yêu cầu Sở Y tế chủ trì, phối hợp với các cơ quan liên quan rà soát, hoàn thiện lại dự thảo Phương án phòng, chống dịch đầy đủ các lĩnh vực (tuyên truyền, hậu cần, bảo đảm an sinh, an ninh trật tự...) để đáp ứng được cấp độ dịch giả định khi xảy ra trong thực tế trên địa bàn tỉnh; đồng thời cần rà soát, đề xuất cụ thể việc mua sắm những trang thiết bị, vật tư y tế để dự phòng cho cấp độ dịch giả định theo hướng mua sắm những thứ không có hạn sử dụng hoặc hạn sử dụng dài, không có sẵn trên thị trường, đa mục đích sử dụng để vừa dự phòng cho phòng, chống dịch COVID-19 vừa có thể sử dụng lâu dài cho khám, chữa bệnh thường xuyên; cần mua sắm với số lượng phù hợp để bảo đảm chủ động nhưng tránh lãng phí.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
    {
      ref: "2.2",
      text: "Căn cứ phương án của UBND tỉnh, UBND các huyện, thành phố, các sở, ngành liên quan chủ động xây dựng Phương án phòng, chống dịch phù hợp với tình hình cụ thể của lĩnh vực, địa bàn quản lý theo phương châm “4 tại chỗ”.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS, DEPARTMENTS] }),
    },
    {
      ref: "2.3",
      text: "Sở Y tế hoàn thiện dự thảo, trình UBND tỉnh trước ngày 15/9/2021.",
      urgent: false,
      deadline: D({ kind: "before", dueOn: "2021-09-14", phrase: "trước ngày 15/9/2021" }),
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
    {
      ref: "3.1.1",
      text: "Đối với thị trấn Na Sầm: tiếp tục thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ đến hết ngày 15/9/2021.",
      urgent: false,
      deadline: D({ kind: "until_end", dueOn: "2021-09-15", phrase: "đến hết ngày 15/9/2021" }),
      assignments: assign(P, { lead: ["UBND huyện Văn Lãng"] }),
    },
    {
      ref: "3.1.2",
      text: "Đối với xã Tân Thanh: thực hiện giãn cách xã hội theo Chỉ thị số 15/CT-TTg của Thủ tướng Chính phủ. Giao cho Chủ tịch UBND huyện Văn Lãng xem xét, có thể áp dụng thực hiện giãn cách xã hội theo Chỉ thị 15+ khi thấy thật sự cần thiết.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["UBND huyện Văn Lãng"] }),
    },
    {
      ref: "3.1.3",
      text: "Đối với 15 xã còn lại: giao Chủ tịch UBND huyện Văn Lãng xem xét, quyết định điều chỉnh cấp độ giãn cách xã hội phù hợp với tình hình thực tế.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["UBND huyện Văn Lãng"] }),
    },
    {
      ref: "3.1.4",
      text: "Sau đó, tiếp tục đánh giá nguy cơ dịch bệnh để điều chỉnh cấp độ giãn cách xã hội cho phù hợp.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["UBND huyện Văn Lãng"] }),
    },
    {
      ref: "3.2",
      text: "UBND huyện Văn Lãng chủ động phối hợp với Sở Giáo dục và Đào tạo tổ chức khai giảng năm học 2021 - 2022 cho học sinh các trường trên địa bàn huyện; xem xét tổ chức dạy học trực tuyến hoặc học trực tiếp theo điều kiện thực tế của từng địa bàn, bảo đảm công bằng trong tiếp cận phương thức dạy và học mới.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["UBND huyện Văn Lãng"], support: ["Sở Giáo dục và Đào tạo"] }),
    },
    {
      ref: "4.(1).1",
      text: "Quán triệt, thực hiện nghiêm túc, đầy đủ các chỉ đạo của Bộ Chính trị, Ban Bí thư, Chính phủ, Thủ tướng Chính phủ, Ban Chỉ đạo Quốc gia, Tỉnh ủy và UBND tỉnh, văn bản hướng dẫn của ngành y tế và các cơ quan chuyên môn về các biện pháp phòng, chống dịch COVID-19 theo quan điểm chống dịch như chống giặc, lấy xã, phường, thị trấn là pháo đài, người dân là chiến sĩ, người dân vừa là trung tâm phục vụ, vừa là chủ thể thực hiện. Tuyệt đối không được chủ quan, lơ là, không để bị động, bất ngờ trong ứng phó với diễn biến mới của dịch bệnh.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [MEMBERS] }),
    },
    {
      ref: "4.(1).2",
      text: "UBND các huyện, thành phố đánh giá tình hình thực tế trên địa bàn để quyết định các biện pháp phòng, chống dịch COVID-19 cho phù hợp, hiệu quả, bảo đảm vừa thực hiện phòng, chống dịch vừa phát triển kinh tế - xã hội.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "4.(2)",
      text: "UBND các huyện, thành phố căn cứ tình hình thực tế, khẩn trương chỉ đạo, đề xuất kiện toàn Ban Chỉ đạo phòng, chống dịch COVID-19 của cấp huyện, cấp xã do đồng chí Bí thư cấp ủy làm Trưởng Ban Chỉ đạo.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "khẩn trương" }),
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "4.(3)",
      text: "Yêu cầu UBND các huyện: Hữu Lũng, Chi Lăng, Cao Lộc, Văn Lãng và thành phố Lạng Sơn chỉ đạo các lực lượng chức năng quản lý chặt chẽ lái xe và người đi cùng phương tiện vận chuyển hàng hóa xuất nhập khẩu vào địa bàn tỉnh, đặc biệt tại Chốt kiểm dịch y tế liên ngành trên địa bàn các huyện và Chốt kiểm dịch y tế tại các cửa khẩu, bến bãi, thực hiện nghiêm túc, chặt chẽ theo các quy định, bố trí các lực lượng trực 24/24 giờ để yêu cầu thực hiện khai báo y tế, ký cam kết, kiểm tra Giấy xác nhận kết quả xét nghiệm... tránh bỏ sót các đối tượng không được kiểm tra. Tăng cường kiểm tra các tuyến đường trên địa bàn quản lý không được để lái xe đường dài đỗ xe ăn nghỉ, rửa xe, tiếp xúc với người dân dọc các tuyến đường.",
      urgent: false,
      deadline: null,
      assignments: assign(P, {
        lead: [
          "UBND huyện Hữu Lũng",
          "UBND huyện Chi Lăng",
          "UBND huyện Cao Lộc",
          "UBND huyện Văn Lãng",
          "UBND thành phố Lạng Sơn",
        ],
      }),
    },
    {
      ref: "4.(4)",
      text: "UBND các huyện, thành phố tăng cường quản lý người về từ vùng dịch, phát huy tối đa vai trò của Tổ COVID cộng đồng trong việc thực hiện phương châm “Đi từng ngõ, gõ từng nhà, rà từng đối tượng” để tập trung truy vết, điều tra, đưa đi cách ly; tuyên truyền, vận động, nhắc nhở người dân thực hiện khai báo y tế và thực hiện các biện pháp phòng, chống dịch theo quy định.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "4.(5)",
      text: "Sở Giáo dục và Đào tạo, Ban Chỉ đạo phòng, chống dịch cấp huyện có trách nhiệm chỉ đạo thực hiện tốt công tác phòng, chống dịch trong trường học; các lực lượng chức năng tăng cường kiểm tra, giám sát chặt chẽ công tác phòng, chống dịch tại trường học.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Giáo dục và Đào tạo", DISTRICTS] }),
    },
    {
      ref: "4.(6)",
      text: "Giao Sở Y tế chủ trì, phối hợp UBND các huyện, thành phố xây dựng kế hoạch tiêm chủng vắc xin phòng COVID-19, khi tiếp nhận được nguồn lớn vắc xin cấp cho tỉnh là có thể tiêm đồng loạt được ngay; lưu ý tiêm vắc xin phòng COVID-19 phải công bằng, công khai, minh bạch, đúng đối tượng theo thứ tự ưu tiên tại Nghị quyết số 21/NQ-CP ngày 26/02/2021 của Chính phủ.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Y tế"], support: [DISTRICTS] }),
    },
    {
      ref: "4.(7)",
      text: "Tiếp tục đẩy mạnh công tác tuyên truyền thực hiện tốt các biện pháp phòng, chống dịch, không được lơ là, chủ quan; quan tâm chỉ đạo đẩy mạnh các hoạt động sản xuất kinh doanh, phát triển kinh tế, bảo đảm an sinh xã hội; vận động các tổ chức, doanh nghiệp, nhà hảo tâm... phát huy tinh thần tương thân tương ái, ủng hộ vật chất, tinh thần cho công tác phòng, chống dịch của tỉnh. Cần quản lý tốt kinh phí và hiện vật ủng hộ, hỗ trợ phòng chống dịch bảo đảm công khai, minh bạch, sử dụng tiết kiệm và hiệu quả.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [MEMBERS] }),
    },
    {
      ref: "5",
      text: "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì, phối hợp với các cơ quan liên quan đề xuất xin ý kiến Thường trực Tỉnh ủy về việc hỗ trợ thành phố Hà Nội trong thời gian thực hiện giãn cách xã hội bằng lương thực, thực phẩm với tổng giá trị khoảng 500 triệu đồng, cố gắng chuẩn bị đủ quà để ngày 10/9/2021 chuyển quà cho thành phố Hà Nội.",
      urgent: false,
      deadline: D({ kind: "exact", dueOn: "2021-09-10", phrase: "để ngày 10/9/2021 chuyển quà cho thành phố Hà Nội" }),
      assignments: assign(P, { lead: ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"] }),
    },
    {
      ref: "6.a",
      text: "Về việc ngày 08/9/2021 có gần 500 công dân hoàn thành cách ly đề nghị UBND tỉnh có văn bản gửi các tỉnh, thành phố để có kế hoạch đón công dân về: nhất trí, giao Sở Y tế (cơ quan thường trực Ban Chỉ đạo tỉnh) có văn bản gửi UBND các tỉnh, thành phố để có phương án đón công dân của các tỉnh, thành phố đã hoàn thành cách ly tại tỉnh Lạng Sơn.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
    {
      ref: "6.c",
      text: "Đề nghị những lái xe và người đi theo phương tiện vận tải hàng hóa khi vào địa bàn tỉnh cần phải test nhanh sàng lọc SARS-CoV-2: yêu cầu UBND các huyện, nhất là huyện Hữu Lũng và huyện Chi Lăng chỉ đạo lực lượng chức năng tại các Chốt kiểm dịch y tế thực hiện nghiêm túc, chặt chẽ theo các quy định của tỉnh.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "6.d",
      text: "Đề nghị đối với trường hợp mắc bệnh hiểm nghèo, phụ nữ sinh con từ vùng dịch về tỉnh Lạng Sơn được cách ly tại nhà: đồng ý cho cách ly tại nhà những trường hợp này, giao Sở Y tế sớm có hướng dẫn cụ thể để các huyện, thành phố thực hiện.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "sớm" }),
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
  ],
};
