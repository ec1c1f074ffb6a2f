import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { IntakeWorkspace } from "@/components/intake/intake-workspace";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nhập thông báo" };

export default async function NewNoticePage() {
  const user = await requirePageUser();
  if (user.provinceId === null || !can(user, "notice.create", { provinceId: user.provinceId })) notFound();
  return (
    <>
      <PageHeader
        title="Nhập thông báo kết luận"
        subtitle="Dán hoặc tải lên văn bản; kiểm tra các nhiệm vụ hệ thống đề xuất; xác nhận để giao việc."
      />
      <IntakeWorkspace />
    </>
  );
}
