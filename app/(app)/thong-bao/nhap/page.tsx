import type { Metadata } from "next";
import Link from "next/link";
import { page } from "@/lib/auth/gate";
import { IntakeWorkspace } from "@/components/intake/intake-workspace";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Nhập thông báo" };

export default page({ permission: "notice.create" }, async () => {
  return (
    <>
      <PageHeader
        title="Nhập thông báo kết luận"
        subtitle="Dán hoặc tải lên văn bản; kiểm tra các nhiệm vụ hệ thống đề xuất; xác nhận để giao việc."
        actions={
          <Link href="/thong-bao/nhap-so-theo-doi" className={buttonClass("secondary")}>
            Nhập sổ theo dõi cũ (Excel)
          </Link>
        }
      />
      <IntakeWorkspace />
    </>
  );
});
