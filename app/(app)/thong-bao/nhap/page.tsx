import type { Metadata } from "next";
import { page } from "@/lib/auth/gate";
import { IntakeWorkspace } from "@/components/intake/intake-workspace";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nhập thông báo" };

export default page({ permission: "notice.create" }, async () => {
  return (
    <>
      <PageHeader
        title="Nhập thông báo kết luận"
        subtitle="Dán hoặc tải lên văn bản; kiểm tra các nhiệm vụ hệ thống đề xuất; xác nhận để giao việc."
      />
      <IntakeWorkspace />
    </>
  );
});
