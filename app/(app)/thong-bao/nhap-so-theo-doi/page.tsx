import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { previewRegister } from "@/lib/imports/register";
import { parseRegisterQuery } from "@/lib/imports/register-query";
import { RegisterScreen } from "@/components/imports/register-screen";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nhập sổ theo dõi" };

const PATH = "/thong-bao/nhap-so-theo-doi";

// Importing the register of directives the province kept in Excel before the app.
export default page({ permission: "notice.create", query: parseRegisterQuery }, async ({ user, query }) => {
  const current = query.batchId
    ? await orNotFound(previewRegister(db(), user, query.batchId, { mapping: query.mapping, choices: query.choices }))
    : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/thong-bao" className="text-brand-800 underline">
          ← Thông báo
        </Link>
      </p>
      <PageHeader
        title="Nhập sổ theo dõi chỉ đạo từ Excel"
        subtitle={<>Tỉnh {user.provinceName} · ghép cột, xem trước từng dòng, chỉ lưu khi bạn xác nhận</>}
      />
      <RegisterScreen path={PATH} current={current} />
    </>
  );
});
