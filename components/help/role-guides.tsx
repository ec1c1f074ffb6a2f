import Link from "next/link";
import type { RoleName } from "@/lib/auth/user";

// The user guide's sections, one per role: what that person does in the app, step by step, with
// links to the pages named. Plain text, no data: the page reads nothing beyond the session.

export interface RoleGuide {
  role: RoleName;
  title: string;
  steps: { title: string; href?: string; text: React.ReactNode }[];
}

export const ROLE_GUIDES: RoleGuide[] = [
  {
    role: "secretariat",
    title: "Văn phòng (thường trực Ban Chỉ đạo)",
    steps: [
      {
        title: "Nhập thông báo kết luận",
        href: "/thong-bao/nhap",
        text: (
          <>
            Dán nội dung hoặc tải lên tệp (Word, PDF, ảnh chụp văn bản giấy). Ứng dụng tách từng nhiệm vụ, cơ quan chủ
            trì, cơ quan phối hợp và thời hạn; hãy kiểm tra từng dòng, sửa chỗ chưa đúng rồi bấm xác nhận. Văn bản chỉ
            được giao cho các cơ quan sau khi xác nhận.
          </>
        ),
      },
      {
        title: "Sửa, thu hồi, liên kết văn bản",
        href: "/thong-bao",
        text: (
          <>
            Trên trang của một thông báo: «Sửa» một nhiệm vụ, thêm cơ quan, đổi thời hạn; mỗi thay đổi được ghi lại. Một
            văn bản thay thế văn bản cũ thì liên kết hai văn bản; nhiệm vụ còn dở có thể chuyển tiếp sang văn bản mới.
          </>
        ),
      },
      {
        title: "Xác nhận hoặc trả lại kết quả",
        href: "/cho-xu-ly",
        text: (
          <>
            «Việc chờ xử lý» liệt kê các báo cáo hoàn thành và đề nghị gia hạn đang chờ. Xác nhận khi kết quả đạt yêu
            cầu; trả lại kèm lý do khi chưa đạt, cơ quan sẽ thấy lý do trên bảng việc của mình.
          </>
        ),
      },
      {
        title: "Chuẩn bị cuộc họp",
        href: "/cuoc-hop",
        text: <>Danh sách việc quá hạn, sắp đến hạn và kết quả từ cuộc họp trước, in thành tài liệu cho cuộc họp.</>,
      },
    ],
  },
  {
    role: "agency_staff",
    title: "Cán bộ cơ quan, đơn vị",
    steps: [
      {
        title: "Xem bảng việc",
        href: "/co-quan",
        text: (
          <>
            Bảng việc chia theo trạng thái: chưa bắt đầu, đang thực hiện, chờ xác nhận, đã hoàn thành. Việc quá hạn và
            sắp đến hạn được đánh dấu đỏ, vàng; có thể tìm theo nội dung, số văn bản hoặc tên cơ quan.
          </>
        ),
      },
      {
        title: "Báo cáo tiến độ, báo cáo hoàn thành",
        text: (
          <>
            Mở một nhiệm vụ để ghi tiến độ, đính kèm tệp kết quả và báo cáo hoàn thành. Văn phòng xác nhận hoặc trả lại;
            khi bị trả lại, lý do hiện ngay trên nhiệm vụ.
          </>
        ),
      },
      {
        title: "Đề nghị gia hạn",
        text: (
          <>
            Khi không kịp thời hạn, gửi đề nghị gia hạn kèm lý do và ngày đề xuất từ trang nhiệm vụ. Thời hạn chỉ đổi
            khi đề nghị được chấp thuận.
          </>
        ),
      },
      {
        title: "Nhắc việc",
        href: "/nhac-viec",
        text: <>Ứng dụng nhắc trước hạn, đúng hạn và định kỳ khi quá hạn, theo lịch tỉnh đã đặt.</>,
      },
    ],
  },
  {
    role: "chairman",
    title: "Lãnh đạo Ban Chỉ đạo",
    steps: [
      {
        title: "Tổng quan",
        href: "/tong-quan",
        text: (
          <>
            Số nhiệm vụ đúng hạn, quá hạn, chờ xác nhận của cả tỉnh; thu hẹp theo kỳ, theo văn bản hoặc theo nhóm cơ
            quan; bảng cơ quan xếp theo số việc quá hạn.
          </>
        ),
      },
      {
        title: "Việc quá hạn",
        href: "/qua-han",
        text: <>Từng việc quá hạn: của cơ quan nào, quá hạn từ ngày nào, bao nhiêu ngày; xuất ra Excel hoặc PDF.</>,
      },
      {
        title: "Xếp hạng theo quý",
        href: "/xep-hang",
        text: <>Tỷ lệ hoàn thành đúng hạn của từng cơ quan trong quý, để đánh giá và công bố.</>,
      },
    ],
  },
  {
    role: "admin",
    title: "Quản trị của tỉnh",
    steps: [
      {
        title: "Cơ quan và nhóm",
        href: "/quan-tri/co-quan",
        text: (
          <>
            Danh mục cơ quan, đơn vị (tên đầy đủ, tên viết tắt, tên gọi khác mà văn bản hay dùng) và các nhóm như «UBND
            các huyện», để ứng dụng nhận ra cơ quan trong văn bản.
          </>
        ),
      },
      {
        title: "Người dùng",
        href: "/quan-tri/nguoi-dung",
        text: <>Tạo tài khoản, gán vai trò và cơ quan, đặt lại mật khẩu, khóa tài khoản; có thể nhập từ tệp Excel.</>,
      },
      {
        title: "Cài đặt tỉnh",
        href: "/quan-tri/cai-dat",
        text: <>Lịch nhắc việc, ngày nghỉ, kết nối API và webhook với hệ thống khác của tỉnh.</>,
      },
    ],
  },
];

export function RoleGuideSection({ guide, own }: { guide: RoleGuide; own: boolean }) {
  return (
    <section
      aria-labelledby={`vai-tro-${guide.role}`}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={`vai-tro-${guide.role}`} className="text-lg font-semibold text-slate-900">
        {guide.title}
        {own ? <span className="ml-2 text-sm font-normal text-brand-800">(vai trò của bạn)</span> : null}
      </h2>
      <ol className="mt-3 grid gap-3">
        {guide.steps.map((s) => (
          <li key={s.title}>
            <h3 className="font-medium text-slate-900">
              {s.href ? (
                <Link href={s.href} className="text-brand-800 hover:underline">
                  {s.title}
                </Link>
              ) : (
                s.title
              )}
            </h3>
            <p className="mt-0.5 text-sm text-slate-700">{s.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
