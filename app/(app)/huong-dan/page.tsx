import type { Metadata } from "next";
import { page } from "@/lib/auth/gate";
import { RoleGuideSection, ROLE_GUIDES } from "@/components/help/role-guides";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Hướng dẫn sử dụng" };

// What each person does in the app; the reader's own role first. Reads nothing beyond the
// session (the bench measures it as the app's trivial page: the layout and nothing else).
export default page({ beforePasswordChange: true }, async ({ user }) => {
  const own = user.provinceId === null ? null : user.role;
  const guides = [...ROLE_GUIDES].sort((a, b) => Number(b.role === own) - Number(a.role === own));
  return (
    <>
      <PageHeader
        title="Hướng dẫn sử dụng"
        subtitle="Ban Chỉ đạo ra thông báo kết luận; Văn phòng nhập văn bản, các cơ quan thực hiện và báo cáo, lãnh đạo theo dõi việc quá hạn."
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {guides.map((g) => (
          <RoleGuideSection key={g.role} guide={g} own={g.role === own} />
        ))}
      </div>
      <p className="mt-6 text-sm text-slate-600">
        Thời hạn được tính theo giờ Việt Nam (GMT+7) và hiển thị dạng ngày/tháng/năm. Cần hỗ trợ, hãy liên hệ quản trị
        của tỉnh.
      </p>
    </>
  );
});
