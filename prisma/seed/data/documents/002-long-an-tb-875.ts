// 002_8df910bebcacd667.txt: Long An, Thông báo số 875/TB-VPUBND of 30/5/2021, conclusions of
// Chủ tịch UBND tỉnh Nguyễn Văn Út at the online meeting of the same morning, as a careful
// secretariat records it.
//
// Reading notes (judgement calls):
// - The number is written "875 /TB-VPUBND" (a stamped-in number); recorded "875/TB-VPUBND".
//   Issuer: Văn phòng UBND tỉnh Long An (the notice's own symbol VPUBND, "Văn phòng UBND tỉnh
//   thông báo…"). Chair: Nguyễn Văn Út, who concludes (the Bí thư co-chaired the meeting).
// - Part I is assessment. Part II holds the directives: "II.n" for its items, "II.n.k" for the
//   k-th bullet or paragraph inside item n.
// - II.1 and II.8 each open with a task of their own ("thực hiện nghiêm túc, đầy đủ các văn bản
//   chỉ đạo…", "rà soát, thực hiện việc tiếp nhận, chia sẻ và xử lý thông tin… theo đúng Quy
//   chế") before "trong đó…:" and their bullets: the opening is a directive ("II.1", "II.8")
//   and so is each bullet. Items 2–5 open with an addressee only and are not directives.
// - II.2 "Đối với các địa phương có ca mắc… (huyện Cần Giuộc, Cần Đức và thành phố Tân An)": its
//   bullets and its closing paragraph ("Riêng đối với công tác truy vết, các địa phương…") are
//   those three's; "Cần Đức" is the OCR typo for Cần Đước. In II.2.3 "phối hợp với các ngành
//   chức năng của tỉnh (nhất là ngành Y tế, Công an, Giao thông vận tải và Thông tin và Truyền
//   thông)" makes those four support.
// - II.2.2: the eight bodies named carry the task (they "phối hợp, hỗ trợ các địa phương", but
//   the sentence is addressed to them): all lead, no district.
// - II.3: "A, B, C… phối hợp với Sở Y tế, Công an tỉnh và Liên đoàn Lao động tỉnh:" → the first
//   five (districts as a group) lead, the last three support, in both bullets. In II.3.2 the
//   districts also answer for the kits, and "đề nghị Sở Y tế và Trung tâm Kiểm soát bệnh tật
//   tỉnh để có phương án hỗ trợ" adds CDC as support. "phấn đấu đến ngày 15/6/2021 đạt 50% kế
//   hoạch đề ra" is a milestone.
// - II.4.2: "phối hợp với các sở, ngành liên quan, UBND các huyện…" names no department: only
//   the districts' assignments are recorded.
// - II.4.3 is written under item 4 (the districts) and is recorded so, although the health
//   centres are Sở Y tế's.
// - II.8.2: the first clause is what the committee's heads will do (not a task); the task is
//   "các ngành, địa phương phải chủ động phối hợp…" → departments and districts.
// - Urgent: "khẩn trương", "ngay", "gấp", and "thần tốc" (II.2.3); with no date their deadline is
//   "ongoing" with that word as the phrase (DOMAIN's table word preferred when several: II.5.2
//   "khẩn trương"). "kịp thời" bearing on the task → ongoing (II.8); in II.8.3 "nhanh, kịp thời,
//   chính xác" describes the committee's own work, not the rule given: no deadline.
// - Citations: the 874 notice is cited twice, once with the typo "874/TB-VUBND"; recorded once.

import type { Deadline, NoticeDraft } from "../../../../lib/notices/draft";
import { assign } from "../registries";

const P = "Long An";
const DISTRICTS = "UBND các huyện, thị xã, thành phố";
const DEPARTMENTS = "Các sở, ban, ngành";
const MEMBERS = "Thành viên Ban Chỉ đạo tỉnh";
const CASE_DISTRICTS = ["UBND huyện Cần Giuộc", "UBND huyện Cần Đước", "UBND thành phố Tân An"];

const D = (x: Pick<Deadline, "kind" | "phrase"> & Partial<Deadline>): Deadline => ({
  dueOn: null,
  dueAt: null,
  startOn: null,
  recurrence: null,
  target: null,
  ...x,
});

const II3 = {
  lead: [
    "Ban Quản lý Khu kinh tế",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Công Thương",
    "Sở Kế hoạch và Đầu tư",
    DISTRICTS,
  ],
  support: ["Sở Y tế", "Công an tỉnh", "Liên đoàn Lao động tỉnh"],
};

export const DRAFT_002: NoticeDraft = {
  notice: {
    kind: "TB",
    number: "875/TB-VPUBND",
    issuer: "Văn phòng UBND tỉnh Long An",
    place: "Long An",
    issuedOn: "2021-05-30",
    issuedPrecision: "day",
    title: "Kết luận của Chủ tịch UBND tỉnh tại Hội nghị trực tuyến công tác phòng, chống dịch Covid-19",
    meetingOn: "2021-05-30",
    chair: "Nguyễn Văn Út",
    signer: "Nguyễn Minh Sang",
    signingFormula: "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG",
    recipients: [
      "TT.TU, TT.HĐND tỉnh",
      "CT, các PCT. UBND tỉnh",
      "Các UV BTVTU phụ trách địa phương",
      "TV BCĐ PC dịch Covid tỉnh",
      "Các PCVP",
      "Các Huyện ủy, Thị ủy, Thành ủy",
      "UBND huyện, thị xã, thành phố",
      "Ban NCTCD; TT PVHCC",
      "Phòng VHXH+THKSTTHC",
      "Lưu: VT, Tan",
    ],
    citations: [
      "Thông báo số 874/TB-VPUBND ngày 30/5/2021",
      "Thông báo số 137/TB-VPCP ngày 30/5/2021",
      "Quyết định số 2194/QĐ-BCĐDDQG ngày 27/5/2020",
      "Quyết định số 4245/QĐ-UBND ngày 18/5/2021",
    ],
  },
  directives: [
    {
      ref: "II.1",
      text: "Yêu cầu Thủ trưởng các sở, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố thực hiện nghiêm túc, đầy đủ các văn bản chỉ đạo của Ban Bí thư, Thường trực Ban Bí thư, Thủ tướng Chính phủ, các bộ, ngành Trung ương, Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19, Bộ Y tế và các văn bản chỉ đạo Ban Thường vụ Tỉnh ủy, UBND tỉnh về công tác phòng, chống dịch Covid-19, nhất là chỉ đạo của Thủ tướng Chính phủ tại cuộc họp trực tuyến toàn quốc sáng 29/5/2021 (Thông báo số 137/TB-VPCP ngày 30/5/2021 của Văn phòng Chính phủ)",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DEPARTMENTS, DISTRICTS] }),
    },
    {
      ref: "II.1.1",
      text: "Quán triệt và nắm chắc 05 bài học kinh nghiệm, 04 mục tiêu, 06 quan điểm, tư tưởng chỉ đạo và 09 nhiệm vụ, giải pháp trọng tâm được nêu tại Thông báo số 137/TB-VPCP để chủ động, quyết đoán trong công tác lãnh đạo, chỉ đạo, triển khai thực hiện công tác phòng, chống dịch tại cơ quan, đơn vị và địa bàn quản lý.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DEPARTMENTS, DISTRICTS] }),
    },
    {
      ref: "II.1.2",
      text: "Rà soát, nắm lại từng nội dung, nhiệm vụ liên quan đến công tác phòng, chống dịch Covid-19 theo chỉ đạo của UBND tỉnh để chủ động, khẩn trương triển khai thực hiện đầy đủ, kịp thời, tránh bỏ sót hoặc làm không đến nơi đến chốn, dẫn đến khi phát sinh tình huống trên thực tế thì lúng túng, xử lý không kịp thời và hiệu quả không cao.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "khẩn trương" }),
      assignments: assign(P, { lead: [DEPARTMENTS, DISTRICTS] }),
    },
    {
      ref: "II.2.1",
      text: "Tập trung, huy động tối đa nguồn lực tại chỗ để tiếp tục triển khai truy vết, khoanh vùng, cách ly, xét nghiệm các trường hợp F1, F2 liên quan đến các F0 xuất hiện trên địa bàn theo chỉ đạo của UBND tỉnh tại Thông báo số 874/TB-VPUBND ngày 30/5/2021.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: CASE_DISTRICTS }),
    },
    {
      ref: "II.2.2",
      text: "Sở Y tế, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Sở Giao thông vận tải, Sở Công Thương, Sở Thông tin và Truyền thông, Ban Quản lý Khu kinh tế, Trung tâm kiểm soát bệnh tật tỉnh tích cực phối hợp, hỗ trợ các địa phương thực hiện tốt công tác truy vết, khoanh vùng, xét nghiệm, cách ly, điều trị và công tác phân phối, cung cấp lương thực, thực phẩm và các nhu yếu phẩm cần thiết khác cho người dân trong khu vực bị cách ly, đảm bảo an toàn, chặt chẽ và không để bất kỳ sai sót nào xảy ra.",
      urgent: false,
      deadline: null,
      assignments: assign(P, {
        lead: [
          "Sở Y tế",
          "Công an tỉnh",
          "Bộ Chỉ huy Quân sự tỉnh",
          "Sở Giao thông vận tải",
          "Sở Công Thương",
          "Sở Thông tin và Truyền thông",
          "Ban Quản lý Khu kinh tế",
          "Trung tâm Kiểm soát bệnh tật tỉnh",
        ],
      }),
    },
    {
      ref: "II.2.3",
      text: "Riêng đối với công tác truy vết, các địa phương phải huy động các Đội phản ứng nhanh, các Tổ Covid-19 cộng đồng và các lực lượng chức năng liên quan (kể cả các Mặt trận tổ quốc và các đoàn thể) và chủ động phối hợp với các ngành chức năng của tỉnh (nhất là ngành Y tế, Công an, Giao thông vận tải và Thông tin và Truyền thông) cùng vào cuộc để truy vết “thần tốc”, giúp cho việc xử lý các bước tiếp theo được kịp thời, hiệu quả và chính xác.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "thần tốc" }),
      assignments: assign(P, {
        lead: CASE_DISTRICTS,
        support: ["Sở Y tế", "Công an tỉnh", "Sở Giao thông vận tải", "Sở Thông tin và Truyền thông"],
      }),
    },
    {
      ref: "II.3.1",
      text: "Khẩn trương triển khai thực hiện đánh giá nguy cơ lây nhiễm dịch Covid-19 tại nơi làm việc và ký túc xá cho người lao động theo Quyết định số 2194/QĐ-BCĐDDQG ngày 27/5/2020 của Ban Chỉ đạo Quốc gia phòng, chống Covid-19.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "Khẩn trương" }),
      assignments: assign(P, II3),
    },
    {
      ref: "II.3.2",
      text: "Đẩy nhanh việc tổ chức xét nghiệm ngẫu nhiên cho 20% người lao động làm việc tại các khu, cụm công nghiệp, khu kinh tế cửa khẩu, các công ty, doanh nghiệp, cơ sở sản xuất kinh doanh và khu nhà trọ của người lao động có nguy cơ; phấn đấu đến ngày 15/6/2021 đạt 50% kế hoạch đề ra. Trong đó, UBND các huyện, thị xã, thành phố chịu trách nhiệm chỉ đạo việc đảm bảo kit test nhanh và triển khai xét nghiệm theo đăng ký của từng doanh nghiệp, đảm bảo an toàn, chất lượng và đúng giá niêm yết của Bộ Y tế. Trường hợp, địa phương không đảm bảo được nguồn kit test thì kịp thời báo cáo, đề nghị Sở Y tế và Trung tâm Kiểm soát bệnh tật tỉnh để có phương án hỗ trợ phù hợp.",
      urgent: false,
      deadline: D({
        kind: "milestone",
        dueOn: "2021-06-15",
        phrase: "phấn đấu đến ngày 15/6/2021 đạt 50% kế hoạch đề ra",
        target: "50% kế hoạch",
      }),
      assignments: assign(P, { lead: II3.lead, support: [...II3.support, "Trung tâm Kiểm soát bệnh tật tỉnh"] }),
    },
    {
      ref: "II.4.1",
      text: "Chỉ đạo kích hoạt ngay hoạt động của các Đội phản ứng nhanh trên địa bàn; đồng thời tiếp tục chỉ đạo UBND các xã, phường, thị trấn rà soát, thành lập ngay các Tổ COVID-19 cộng đồng để hỗ trợ, triển khai các giải pháp phòng, chống dịch trên địa bàn đạt hiệu quả, đặc biệt là công tác quản lý, giám sát người về từ vùng dịch, nhắc nhở khai báo y tế, truy vết, lấy mẫu...",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "ngay" }),
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "II.4.2",
      text: "Khẩn trương phối hợp với các sở, ngành liên quan, UBND các huyện, thị xã, thành phố triển khai thực hiện Quyết định số 4245/QĐ-UBND ngày 18/5/2021 của UBND tỉnh về việc phê duyệt Kế hoạch giám sát lấy mẫu xét nghiệm SAR-CoV-2 tại cộng đồng và cơ sở y tế trên đại bàn tỉnh Long An năm 2021.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "Khẩn trương" }),
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "II.4.3",
      text: "Hướng dẫn các Trung tâm Y tế huyện, thị xã, thành phố xây dựng định mức dịch vụ xét nghiệm sàng lọc SAR-CoV-2 theo hướng dẫn của Bộ Y tế để chủ động thực hiện xét nghiệm có thu phí cho các đối tượng có nhu cầu.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DISTRICTS] }),
    },
    {
      ref: "II.5.1",
      text: "Khẩn trương chỉ đạo rà soát, đánh giá mức độ an toàn tại các bệnh viện, trung tâm y tế, các cơ sở khám, chữa bệnh, các phòng khám tư nhân trên địa bàn tỉnh, kiên quyết xử lý các cơ sở vi phạm theo quy định, tuyệt đối không để xảy ra ca mắc Covid-19 tại các cơ sở này.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "Khẩn trương" }),
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
    {
      ref: "II.5.2",
      text: "Chỉ đạo kích hoạt ngay hoạt động của các Đội phản ứng nhanh thuộc ngành y tế; khẩn trương rà soát, hoàn chỉnh phương án huy động đội ngũ cán bộ, nhân viên y tế của toàn ngành phục vụ nhu cầu phòng, chống dịch trên địa bàn tỉnh; chủ động có phương án chi viện, hỗ trợ lực lượng cho các địa phương khi có ca dương tính trong cộng đồng, đảm bảo thực hiện gấp rút công tác truy vết, lấy mẫu, xét nghiệm.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "khẩn trương" }),
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
    {
      ref: "II.5.3",
      text: "Tiếp tục rà soát, có phương án mua sắm vật tư, hóa chất, trang thiết bị, thuốc... đáp ứng yêu cầu phòng, chống dịch, đặc biệt là năng lực xét nghiệm, năng lực điều trị, đảm bảo nguồn dự phòng về test xét nghiệm nhanh và test xét nghiệm PCR theo chỉ đạo trước đây của UBND tỉnh.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
    {
      ref: "II.5.4",
      text: "Lập bản đồ các ca Fo, F1, F2 trên địa bàn tỉnh để thấy rõ tính chất, diễn biến và mối quan hệ của các trường hợp dương tính xuất hiện trên địa bàn tỉnh.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
    {
      ref: "II.5.5",
      text: "Phối hợp với Sở Tài chính và các cơ quan, đơn vị có liên quan nghiên cứu, tham mưu UBND tỉnh có văn bản kiến nghị với Chính phủ, Bộ Y tế cho chủ trương xã hội hóa việc mua và tiêm vắc xin phòng Covid-19 để đáp ứng nhu cầu tiêm vắc xin của người dân và công nhân lao động trên địa bàn tỉnh.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Sở Y tế"], support: ["Sở Tài chính"] }),
    },
    {
      ref: "II.6",
      text: "Giao Công an tỉnh chủ trì, phối hợp với Sở Giao thông vận tải rà soát và chủ động kích hoạt các trạm kiểm soát vận tải hành khách trên các tuyến quốc lộ (đoạn đi qua địa bàn Long An) và các tuyến đường còn lại để kiểm soát chặt chẽ các phương tiện giao thông từ các địa phương vùng dịch di chuyển về Long An.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: ["Công an tỉnh"], support: ["Sở Giao thông vận tải"] }),
    },
    {
      ref: "II.7",
      text: "Sở Thông tin và Truyền thông, Sở Văn hóa, Thể thao và Du lịch, Báo Long An, Đài Phát thanh và Truyền hình Long An, UBND các huyện, thị xã, thành phố tiếp tục đẩy mạnh thực hiện tốt công tác truyền thông về phòng, chống dịch Covid-19 theo chỉ đạo của UBND tỉnh tại Thông báo số 874/TB-VUBND ngày 30/5/2021, góp phần nâng cao ý thức phòng, chống dịch và tự giác thực hiện nghiêm các quy định phòng, chống dịch của tỉnh, đặc biệt là yêu cầu 5k, khai báo y tế hàng ngày, không tập trung đông người, hạn chế ra khỏi nhà khi không thật sự cần thiết...",
      urgent: false,
      deadline: null,
      assignments: assign(P, {
        lead: [
          "Sở Thông tin và Truyền thông",
          "Sở Văn hóa, Thể thao và Du lịch",
          "Báo Long An",
          "Đài Phát thanh và Truyền hình Long An",
          DISTRICTS,
        ],
      }),
    },
    {
      ref: "II.8",
      text: "Yêu cầu các thành viên và các sở, ngành thành viên Ban Chỉ đạo tỉnh rà soát, thực hiện việc tiếp nhận, chia sẻ và xử lý thông tin liên quan đến công tác phòng, chống dịch theo đúng Quy chế, đảm bảo kịp thời, chính xác và hiệu quả",
      urgent: false,
      deadline: D({ kind: "ongoing", phrase: "kịp thời" }),
      assignments: assign(P, { lead: [MEMBERS] }),
    },
    {
      ref: "II.8.1",
      text: "Sở Y tế (Thường trực Ban Chỉ đạo tỉnh) làm cơ quan đầu mối tiếp nhận thông tin. Ngay sau khi tiếp nhận thông tin, Sở Y tế thông tin nhanh lên Group zalo của Ban Chỉ đạo, đồng thời thông tin đến các sở, ngành, địa phương liên quan trực tiếp biết, phối hợp xử lý.",
      urgent: true,
      deadline: D({ kind: "ongoing", phrase: "Ngay sau khi tiếp nhận thông tin" }),
      assignments: assign(P, { lead: ["Sở Y tế"] }),
    },
    {
      ref: "II.8.2",
      text: "Trưởng Ban chỉ đạo hoặc Phó Trưởng Ban chỉ đạo sẽ có ý kiến chỉ đạo cụ thể trên Group zalo đối với các vấn đề lớn, rộng, liên quan đến nhiều ngành, địa phương; các vấn đề còn lại các ngành, địa phương phải chủ động phối hợp, triển khai thực hiện các công việc liên quan theo chức năng, nhiệm vụ, quyền hạn được giao, không trông chờ ý kiến chỉ đạo của Ban chỉ đạo tỉnh.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [DEPARTMENTS, DISTRICTS] }),
    },
    {
      ref: "II.8.3",
      text: "Việc sử dụng thông tin được cập nhật trên Group zalo của Ban Chỉ đạo tỉnh mang tính chất trao đổi nội bộ, phục vụ cho công tác chỉ đạo, điều hành của Ban Chỉ đạo đảm bảo nhanh, kịp thời, chính xác; không được chia sẻ thông tin trên Group cho các cá nhân không liên quan theo chức năng, nhiệm vụ được giao.",
      urgent: false,
      deadline: null,
      assignments: assign(P, { lead: [MEMBERS] }),
    },
  ],
};
