// 001_86011e207e7bcac3.txt: Lai Châu, Thông báo kết luận of Chủ tịch UBND tỉnh Trần Tiến Dũng at
// the province-wide online meeting of 30/8/2021, as a careful secretariat records it.
//
// Reading notes (judgement calls):
// - "Số: /TB-UBND": number left blank → null. "Lai Châu, ngày tháng năm 2021": only the year →
//   issuedOn 2021-01-01, precision "year". Issuer UBND tỉnh Lai Châu (TL. CHỦ TỊCH, signed for
//   the Chánh Văn phòng).
// - The list is introduced by "đề nghị Ban Chỉ đạo các cấp, các ngành cần tập trung thực hiện tốt
//   một số nhiệm vụ sau"; items naming no agency get the body the item itself points at:
//   · 2 ("Đối với cấp xã…"): the communes are not tracked; the districts direct them → districts.
//   · 5 (hotlines "tại các địa phương và cơ quan y tế"): the districts and Sở Y tế.
// - 1: "các huyện, thành phố" carry it; the sentence on officials leaving the province is a rule
//   inside the same item and is not split out. "trong những ngày nghỉ lễ 2/9" and 10's "trong dịp
//   nghỉ lễ 2/9" are events: the official days off around 2/9/2021 (Thu 02/9–Sun 05/9).
// - 4: two spokesmen: Giám đốc Sở Y tế for the province, Chủ tịch UBND cấp huyện for the district
//   and commune levels → Sở Y tế and the districts group, all lead.
// - 6 is split: "6.1" the sở, ngành and the districts (social security; "kịp thời" → ongoing);
//   "6.2" "Đề nghị Mặt trận Tổ quốc và các tổ chức đoàn thể…" → the front group.
// - 9: "Giao Giám đốc các Trung tâm y tế huyện, thành phố…" names the district health centres,
//   which the Lai Châu registry tracks (group "Trung tâm Y tế các huyện, thành phố").
// - 11 "Các địa phương" and 12 "Ban Chỉ đạo cấp huyện, cấp xã" → the districts group.
// - No-date pace words of DOMAIN's table ("thường xuyên", "kịp thời", "khẩn trương") make the
//   deadline "ongoing" when they bear on the task or one of its actions: 3 ("kịp thời khen
//   thưởng"), 6.1, 12. 5's "kết nối liên tục 24/24h" describes the hotline, not the task's pace,
//   and is not in the table: no deadline.
// - "Chỉ thị 16" is cited without its number in full; the "Nghị quyết của Chính phủ" and
//   "Công điện của Thủ tướng" of the preamble name no document and are not citations.

import type { Deadline, NoticeDraft } from "../../../../lib/notices/draft";
import { assign } from "../registries";

const P = "Lai Châu";
const DISTRICTS = "UBND các huyện, thành phố";
const DEPARTMENTS = "Các sở, ban, ngành";
const MEDIA = "Các cơ quan báo chí, truyền thông";
const FRONT = "Mặt trận Tổ quốc và các đoàn thể";
const HEALTH_CENTRES = "Trung tâm Y tế các huyện, thành phố";

const D = (x: Pick<Deadline, "kind" | "phrase"> & Partial<Deadline>): Deadline => ({
  dueOn: null,
  dueAt: null,
  startOn: null,
  recurrence: null,
  target: null,
  ...x,
});

// Quốc khánh 2021: 02/9 and 03/9 off, then the weekend.
const NATIONAL_DAY_2021 = { startOn: "2021-09-02", dueOn: "2021-09-05" };

export const DRAFT_001: NoticeDraft = {
  notice: {
    kind: "TB",
    number: null,
    issuer: "UBND tỉnh Lai Châu",
    place: "Lai Châu",
    issuedOn: "2021-01-01",
    issuedPrecision: "year",
    title:
      "Kết luận của đồng chí Trần Tiến Dũng - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng ban Chỉ đạo phòng, chống dịch bệnh Covid-19 tỉnh",
    meetingOn: "2021-08-30",
    chair: "Trần Tiến Dũng",
    signer: "Nguyễn Thị Hồng Tuyền",
    signingFormula: "TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG",
    recipients: [
      "TT: Tỉnh uỷ (để b/c)",
      "UBND tỉnh: U (để b/c)",
      "Các sở, ban, ngành, đoàn thể tỉnh",
      "Thành viên BCD tỉnh",
      "UBND các huyện, thành phố",
      "VPUBND tỉnh: V, C, CB, HC",
      "Lưu: VT, VX1",
    ],
    citations: ["Chỉ thị 16"],
  },
  directives: [
    {
      ref: "1",
      text: "Để đảm bảo an toàn trong những ngày nghỉ lễ 2/9, các huyện, thành phố không tổ chức các hoạt động vui chơi, tập trung đông người; tuyên truyền, vận động người dân hạn chế đi chơi, về quê, sang tỉnh khác. Đối với cán bộ, công chức, viên chức, người lao động, lực lượng vũ trang chỉ đi ra ngoài tỉnh trong trường hợp thật sự cần thiết và phải báo cáo, được sự nhất trí của thủ trưởng cơ quan, đơn vị bằng văn bản.",
      urgent: false,
      deadline: D({ kind: "event", phrase: "trong những ngày nghỉ lễ 2/9", ...NATIONAL_DAY_2021 }),
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "2",
      text: "Đối với cấp xã cần quán triệt, nắm vững các chỉ đạo của Trung ương, của tỉnh, các quy trình trong phòng, chống dịch. Phát huy đúng tinh thần “mỗi xã, phường, thị trấn là một pháo đài, mỗi người dân là một chiến sỹ”; phát huy vai trò của Tổ Covid-19 cộng đồng với phương châm “đi từng ngõ, gõ từng nhà, rà từng đối tượng” và coi đây là giải pháp chủ chốt để kiểm soát nhanh, khoanh vùng, dập dịch. Tăng cường kiểm tra chéo, kiểm soát chặt chẽ di biến động dân cư, quản lý chặt chẽ công dân khi ra, vào địa bàn.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "3",
      text: "Các cơ quan truyền thông, báo chí tiếp tục đẩy mạnh công tác truyền thông trên các phương tiện truyền thông đại chúng bằng nhiều hình thức đa dạng, phù hợp, nâng cao nhận thức của nhân dân về: Thực hiện các biện pháp phòng, chống dịch; những chỉ đạo mới như cách ly F0, F1, lấy mẫu xét nghiệm khi phong tỏa khu dân cư...; việc xử lý những trường hợp vi phạm quy định về phòng, chống dịch; tuyên truyền gương người tốt việc tốt, tình thương yêu, kịp thời khen thưởng, động viên với phương châm “Lấy cái đẹp dẹp cái xấu”.",
      urgent: false,
      deadline: D({ kind: "ongoing", phrase: "kịp thời" }),
      assignments: assign(P, { lead: [MEDIA] }),
    },
    {
      ref: "4",
      text: "Tuân thủ quy định về phát ngôn báo chí, giao đồng chí Giám đốc Sở Y tế là người phát ngôn của Ban Chỉ đạo phòng, chống dịch bệnh Covid-19 cấp tỉnh; đối với cấp huyện, cấp xã giao đồng chí Chủ tịch UBND cấp huyện là người phát ngôn báo chí.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Y tế", DISTRICTS] }),
    },
    {
      ref: "5",
      text: "Kiểm tra, rà soát, củng cố lại toàn bộ đường dây nóng tại các địa phương và cơ quan y tế, đảm bảo thường trực, kết nối liên tục 24/24h để tiếp nhận và xử lý các thông tin phản ánh của người dân.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS, "Sở Y tế"] }),
    },
    {
      ref: "6.1",
      text: "Các sở, ngành, địa phương chăm lo, đảm bảo công tác an sinh xã hội cho công dân đang ở vùng giãn cách xã hội theo Chỉ thị 16. Khi công dân gặp khó khăn phải huy động, chia sẻ yêu thương, hỗ trợ, giúp đỡ kịp thời bằng nhiều hình thức đa dạng, linh hoạt như các huyện Than Uyên, Tân Uyên đang thực hiện; những mô hình hay, cách làm hiệu quả cần phải được nhân rộng, lan tỏa. Quan tâm hỗ trợ những người gặp khó khăn tại địa bàn sinh sống, các công dân từ tỉnh khác về thất nghiệp không có việc làm, để người dân yên tâm trong thời gian dịch bệnh phức tạp.",
      urgent: false,
      deadline: D({ kind: "ongoing", phrase: "kịp thời" }),
      assignments: assign(P, { lead: [DEPARTMENTS, DISTRICTS] }),
    },
    {
      ref: "6.2",
      text: "Đề nghị Mặt trận Tổ quốc và các tổ chức đoàn thể tiếp tục phát huy tinh thần tương thân, tương ái, đảm bảo nhu yếu phẩm thiết yếu, tạo sự yên tâm cho nhân dân.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [FRONT] }),
    },
    {
      ref: "7",
      text: "Sở Giáo dục và Đào tạo và UBND các huyện, thành phố tăng cường kiểm tra, đôn đốc công tác chuẩn bị cho năm học mới, tổ chức lễ khai giảng đảm bảo các điều kiện an toàn phòng dịch.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Giáo dục và Đào tạo", DISTRICTS] }),
    },
    {
      ref: "8",
      text: "Sở Y tế chuẩn bị, đảm bảo sẵn sàng các điều kiện về phòng, chống dịch theo các chỉ đạo của Trung ương, của tỉnh, đặc biệt liên quan đến bồn chứa oxy, trang thiết bị, máy thở, test xét nghiệm; các lực lượng phải chủ động từ cấp tỉnh đến cấp huyện; tăng cường tập huấn cho các lực lượng dự bị.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
    {
      ref: "9",
      text: "Phát huy hiệu quả của công tác xét nghiệm sàng lọc Covid-19 để phát hiện sớm, khoanh vùng nhanh, dập dịch triệt để. Giao Giám đốc các Trung tâm y tế huyện, thành phố chủ động tham mưu cho cấp huyện thực hiện xét nghiệm xoay vòng, chú trọng tại những nơi có nguy cơ cao, cơ sở sản xuất kinh doanh đông lao động, cơ sở cai nghiện, cơ sở bảo trợ xã hội, trại tạm giam, tạm giữ; đối với lái xe và người bốc xếp hàng hóa tuân thủ nguyên tắc 1 cung đường 2 điểm đến, điểm đến tại Lai Châu cần được kiểm tra, giám sát chặt chẽ, đảm bảo an toàn.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [HEALTH_CENTRES] }),
    },
    {
      ref: "10",
      text: "Công an tỉnh, Bộ Chỉ huy Bộ đội biên phòng tỉnh và các địa phương tăng cường đảm bảo an ninh trật tự, an ninh biên giới, nhất là di biến động dân cư trên địa bàn biên giới trong dịp nghỉ lễ 2/9 và trong tình hình dịch Covid-19.",
      urgent: false,
      deadline: D({ kind: "event", phrase: "trong dịp nghỉ lễ 2/9", ...NATIONAL_DAY_2021 }),
      assignments: assign(P, { lead: ["Công an tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", DISTRICTS] }),
    },
    {
      ref: "11",
      text: "Các địa phương tăng cường biện pháp quản lý, kiểm soát chặt chẽ, hạn chế người dân qua lại giữa các vùng giáp ranh; trên các tuyến đường bộ, đường thủy, nhất là từ huyện Quỳnh Nhai tỉnh Sơn La sang vùng thấp huyện Sìn Hồ, không để người từ vùng dịch vào địa bàn mà không được kiểm soát. Xử lý nghiêm tình trạng tiếp tay cho khai báo gian dối, tiếp tay cho người quen, người thân đi qua các chốt, trạm kiểm soát.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "12",
      text: "Phân công thành viên Ban Chỉ đạo cấp huyện phụ trách xã, phường, thị trấn, Ban Chỉ đạo cấp xã phụ trách tới các thôn, bản, tổ dân phố; thường xuyên kiểm tra, giám sát, hướng dẫn công tác phòng, chống dịch tại địa bàn. Ban Chỉ đạo cấp huyện, cấp xã phải chủ động chuẩn bị phương án đảm bảo lương thực, thực phẩm trong trường hợp phong tỏa.",
      urgent: false,
      deadline: D({ kind: "ongoing", phrase: "thường xuyên" }),
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
  ],
};
