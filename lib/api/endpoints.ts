import {
  pageOf,
  ZCreateNoticeBody,
  ZReportBody,
  ZReportOut,
  ZResultsOut,
  ZResultsQuery,
  ZAgencyFigures,
  ZAgencyOut,
  ZNoticeListItemOut,
  ZNoticeListQuery,
  ZNoticeOut,
  ZPaged,
  ZNoQuery,
  ZTaskOut,
} from "@/lib/api/schemas";

// The API's endpoints, described once: the routes (app/api/v1) are made from these with apiRoute
// (lib/api/gate.ts), and the OpenAPI document and the reference page are generated from them.

/** What the reference page and the README show a write with (a test checks it is accepted). */
export const NOTICE_EXAMPLE = {
  sourceText: "THÔNG BÁO Kết luận của Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo ngày 30/9/2021 …",
  acknowledgeDuplicates: false,
  publish: true,
  draft: {
    notice: {
      kind: "TB",
      number: "912/TB-VPUBND",
      issuer: "Văn phòng UBND tỉnh",
      place: "Long An",
      issuedOn: "2021-09-30",
      issuedPrecision: "day",
      title: "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19",
      meetingOn: "2021-09-30",
      chair: null,
      signer: null,
      signingFormula: null,
      recipients: [],
      citations: [],
    },
    directives: [
      {
        ref: "1",
        text: "Tổ chức xét nghiệm tầm soát cho người lao động tại các khu công nghiệp.",
        urgent: false,
        deadline: {
          kind: "exact",
          dueOn: "2021-10-15",
          dueAt: null,
          phrase: "chậm nhất ngày 15/10/2021",
          startOn: null,
          recurrence: null,
          target: null,
        },
        assignments: [
          { agencyId: 12, role: "lead", viaGroup: null },
          { agencyId: 15, role: "support", viaGroup: null },
        ],
      },
    ],
  },
};

export const REPORT_EXAMPLE = {
  version: 3,
  text: "Đã xét nghiệm 12.500 người lao động tại 8 khu công nghiệp.",
  evidenceNumber: "245/BC-SYT",
  evidenceDate: "2021-10-10",
};

const PAGING =
  "Trả về tối đa `limit` bản ghi và `nextCursor`; gửi lại `cursor=<nextCursor>` để lấy trang sau cho đến khi `nextCursor` là null.";

export const ENDPOINTS = {
  notices: {
    name: "notices.list",
    method: "GET",
    path: "/api/v1/notices",
    summary: "Danh sách thông báo",
    description: `Các thông báo của tỉnh mà mã truy cập được đọc, mới nhất trước (như trang Thông báo): mỗi thông báo với thông tin chung và số liệu tóm tắt (số chỉ đạo, số nhiệm vụ, đã hoàn thành, quá hạn). Các chỉ đạo và cơ quan được giao chỉ có khi gửi \`include=directives\`, hoặc đọc từng thông báo qua GET /api/v1/notices/{id}. Bản nháp chỉ có với mã truy cập của cả tỉnh. ${PAGING}`,
    scope: "read",
    query: ZNoticeListQuery,
    response: pageOf(ZNoticeListItemOut),
  },
  notice: {
    name: "notices.get",
    method: "GET",
    path: "/api/v1/notices/{id}",
    summary: "Một thông báo",
    description: "Thông báo với các chỉ đạo, cơ quan chủ trì, phối hợp, thời hạn và tiến độ từng cơ quan.",
    scope: "read",
    ids: ["id"],
    query: ZNoQuery,
    response: ZNoticeOut,
  },
  agencies: {
    name: "agencies.list",
    method: "GET",
    path: "/api/v1/agencies",
    summary: "Danh sách cơ quan",
    description: `Các cơ quan mà mã truy cập được đọc bảng việc: cả tỉnh, hoặc các cơ quan mà mã được giới hạn. ${PAGING}`,
    scope: "read",
    query: ZPaged,
    response: pageOf(ZAgencyOut),
  },
  agencyTasks: {
    name: "agencies.tasks",
    method: "GET",
    path: "/api/v1/agencies/{id}/tasks",
    summary: "Nhiệm vụ của một cơ quan",
    description: `Mọi nhiệm vụ của cơ quan trong các thông báo đã ban hành, theo thời hạn (sớm nhất trước). Cơ quan ngoài phạm vi của mã truy cập trả về 404. ${PAGING}`,
    scope: "read",
    ids: ["id"],
    query: ZPaged,
    response: pageOf(ZTaskOut),
  },
  overdue: {
    name: "overdue.list",
    method: "GET",
    path: "/api/v1/overdue",
    summary: "Nhiệm vụ quá hạn",
    description: `Các nhiệm vụ quá hạn của tỉnh tính đến hôm nay, quá hạn lâu nhất trước (như trang Việc quá hạn). Chỉ mã truy cập của cả tỉnh. ${PAGING}`,
    scope: "read",
    query: ZPaged,
    response: pageOf(ZTaskOut),
  },
  overview: {
    name: "overview.agencies",
    method: "GET",
    path: "/api/v1/overview",
    summary: "Số liệu tổng quan theo cơ quan",
    description: `Bảng số liệu theo cơ quan của trang Tổng quan: được giao, hoàn thành đúng hạn, trễ hạn, đang thực hiện trong hạn, quá hạn, không có thời hạn, tỉ lệ đúng hạn, nhiệm vụ thường xuyên đã báo cáo kỳ này. Chỉ mã truy cập của cả tỉnh. ${PAGING}`,
    scope: "read",
    query: ZPaged,
    response: pageOf(ZAgencyFigures),
  },
  results: {
    name: "results.get",
    method: "GET",
    path: "/api/v1/results",
    summary: "Kết quả thực hiện và xếp hạng theo kỳ",
    description:
      "Kết quả của từng cơ quan trong một quý, 6 tháng hoặc năm (như trang Xếp hạng): được giao, hoàn thành đúng hạn, trễ hạn, đang thực hiện, quá hạn, tỉ lệ đúng hạn, điểm và thứ hạng (so với kỳ trước cùng độ dài). Nhiệm vụ tính vào kỳ khi thời hạn của nó nằm trong kỳ, đánh giá tại hôm nay; kỳ đã được Văn phòng công bố trả về số liệu đã chốt (published: true); nhiệm vụ không có thời hạn không được xếp hạng. Mặc định là quý gần nhất đã kết thúc, hoặc quý đang diễn ra khi quý trước không có nhiệm vụ nào đến hạn. Mã giới hạn theo cơ quan chỉ nhận dòng của các cơ quan ấy.",
    scope: "read",
    query: ZResultsQuery,
    response: ZResultsOut,
  },
  createNotice: {
    name: "notices.create",
    method: "POST",
    path: "/api/v1/notices",
    summary: "Tạo thông báo từ dữ liệu có cấu trúc",
    description:
      "Lưu một thông báo với các chỉ đạo, cơ quan chủ trì, phối hợp và thời hạn, qua đúng các bước kiểm tra của màn hình rà soát khi Văn phòng bấm xác nhận: mỗi chỉ đạo phải giao cho ít nhất một cơ quan, thời hạn tính theo ngày phải có ngày, cơ quan (theo mã) phải thuộc danh mục của tỉnh và đang hoạt động; thông báo đã có (cùng số và ngày, cùng nội dung, hoặc cùng ngày với gần như cùng các chỉ đạo) bị từ chối với 409 duplicate, trừ khi acknowledgeDuplicates là true. publish: true thì ban hành ngay, false thì lưu bản nháp. Chỉ mã đọc và ghi của cả tỉnh (ghi như Văn phòng); được ghi vào lịch sử là qua API với tên mã. Trả về 201 với thông báo như GET /api/v1/notices/{id}.",
    scope: "read_write",
    query: ZNoQuery,
    body: ZCreateNoticeBody,
    pastedText: ["sourceText"],
    status: 201,
    example: NOTICE_EXAMPLE,
    conflict:
      "duplicate: thông báo này có vẻ đã được nhập (error.duplicates liệt kê các thông báo trùng); gửi lại với acknowledgeDuplicates: true để vẫn lưu.",
    response: ZNoticeOut,
  },
  reportTask: {
    name: "tasks.report",
    method: "POST",
    path: "/api/v1/tasks/{id}/reports",
    summary: "Báo cáo tiến độ một nhiệm vụ",
    description:
      "Báo cáo tiến độ của cơ quan được giao, như cán bộ cơ quan báo cáo trên trang nhiệm vụ: nhiệm vụ chưa bắt đầu thì được bắt đầu; với chỉ đạo định kỳ hoặc thường xuyên, báo cáo được tính cho kỳ hiện tại. Gửi kèm version của nhiệm vụ đã đọc: nếu nhiệm vụ đã thay đổi từ đó, trả về 409 stale với trạng thái hiện tại trong error.current và không ghi gì. Mã đọc và ghi của cả tỉnh báo cáo cho bất kỳ cơ quan nào của tỉnh; mã giới hạn theo cơ quan chỉ cho các cơ quan ấy (nhiệm vụ của cơ quan khác trả về 404).",
    scope: "read_write",
    ids: ["id"],
    query: ZNoQuery,
    body: ZReportBody,
    example: REPORT_EXAMPLE,
    conflict:
      "stale: nhiệm vụ đã thay đổi sau phiên bản đã gửi (error.current là trạng thái hiện tại); conflict: trạng thái hiện tại không cho báo cáo tiến độ (đang chờ xác nhận, đã hoàn thành, thông báo đã thu hồi).",
    response: ZReportOut,
  },
} as const;

export type EndpointKey = keyof typeof ENDPOINTS;
