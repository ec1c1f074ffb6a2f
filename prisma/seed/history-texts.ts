// What the demo's agencies and leaders write in its history (prisma/seed/history.ts): the kind
// of sentences their real reports carry.

export const REPORT_TEXTS = [
  "Đã ban hành văn bản triển khai đến các phòng, đơn vị trực thuộc; đang tổ chức thực hiện theo kế hoạch.",
  "Đã xây dựng kế hoạch thực hiện, phân công lãnh đạo phụ trách và cán bộ theo dõi; định kỳ tổng hợp báo cáo.",
  "Đã phối hợp với UBND các huyện, thành phố kiểm tra tại cơ sở; kết quả kiểm tra được tổng hợp trong báo cáo kèm theo.",
  "Đã tổ chức tuyên truyền trên các phương tiện thông tin đại chúng và hệ thống loa truyền thanh cơ sở.",
  "Trong kỳ đã kiểm tra 46 cơ sở, nhắc nhở 5 trường hợp chưa thực hiện đúng quy định phòng, chống dịch.",
  "Đã rà soát, cập nhật danh sách đối tượng; thực hiện giám sát, xét nghiệm theo hướng dẫn của ngành Y tế.",
  "Đã bố trí kinh phí, vật tư, trang thiết bị phục vụ công tác phòng, chống dịch theo đề nghị của các đơn vị.",
  "Tiếp tục duy trì chốt kiểm soát, phân công lực lượng trực 24/24 giờ; không phát sinh trường hợp vi phạm.",
  "Đã hoàn thành nội dung được giao; báo cáo kết quả và tài liệu kèm theo gửi Văn phòng UBND tỉnh.",
  "Đã tổng hợp số liệu tiêm chủng, xét nghiệm trên địa bàn và gửi Sở Y tế theo đúng biểu mẫu.",
];

export const RETURN_REASONS = [
  "Báo cáo chưa có số liệu cụ thể theo từng địa bàn; đề nghị bổ sung.",
  "Chưa kèm văn bản triển khai làm căn cứ; đề nghị bổ sung số, ngày văn bản.",
  "Nội dung báo cáo chưa đúng trọng tâm chỉ đạo; đề nghị báo cáo lại kết quả thực hiện.",
];

export const EXTENSION_REASONS = [
  "Khối lượng công việc lớn, cần thêm thời gian tổng hợp số liệu từ các huyện, thành phố.",
  "Đang chờ ý kiến thẩm định của các sở, ngành liên quan.",
  "Thời gian trùng kỳ nghỉ Tết Nguyên đán, đề nghị gia hạn để hoàn thiện hồ sơ.",
  "Cần thêm thời gian để kiểm tra thực tế tại cơ sở trước khi báo cáo.",
];

export const EXPLANATION_ANSWERS = [
  "Do phải tập trung lực lượng cho công tác truy vết, khoanh vùng ổ dịch mới phát sinh nên chưa hoàn thành đúng hạn; dự kiến hoàn thành trong tuần tới.",
  "Đơn vị chậm nhận được số liệu từ các xã, phường; đã chấn chỉnh và cam kết hoàn thành trong 05 ngày làm việc.",
  "Nhiệm vụ liên quan đến nhiều cơ quan, đang chờ ý kiến phối hợp; đơn vị đã có văn bản đôn đốc.",
];
