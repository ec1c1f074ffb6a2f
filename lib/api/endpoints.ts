import {
  pageOf,
  ZAgencyFigures,
  ZAgencyOut,
  ZNoticeListQuery,
  ZNoticeOut,
  ZPaged,
  ZNoQuery,
  ZTaskOut,
} from "@/lib/api/schemas";

// The API's endpoints, described once: the routes (app/api/v1) are made from these with apiRoute
// (lib/api/gate.ts), and the OpenAPI document and the reference page are generated from them.

const PAGING =
  "Trả về tối đa `limit` bản ghi và `nextCursor`; gửi lại `cursor=<nextCursor>` để lấy trang sau cho đến khi `nextCursor` là null.";

export const ENDPOINTS = {
  notices: {
    name: "notices.list",
    method: "GET",
    path: "/api/v1/notices",
    summary: "Danh sách thông báo kèm chỉ đạo và phân công",
    description: `Các thông báo của tỉnh mà mã truy cập được đọc, mới nhất trước (như trang Thông báo), mỗi thông báo kèm các chỉ đạo và cơ quan được giao. Bản nháp chỉ có với mã truy cập của cả tỉnh. ${PAGING}`,
    scope: "read",
    query: ZNoticeListQuery,
    response: pageOf(ZNoticeOut),
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
} as const;

export type EndpointKey = keyof typeof ENDPOINTS;
