import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { previewImport } from "@/lib/imports/batches";
import { parseImportQuery } from "@/lib/imports/query";
import { ImportScreen } from "@/components/imports/import-screen";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nhập người dùng" };

// Importing the province's accounts from a list it already keeps; new accounts get a temporary
// password each, shown once after the confirmation.
export default page({ permission: "user.manage", query: parseImportQuery }, async ({ user, query }) => {
  const current = query.batchId ? await orNotFound(previewImport(db(), user, "users", query.batchId)) : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/quan-tri/nguoi-dung" className="text-brand-800 underline">
          ← Người dùng
        </Link>
      </p>
      <PageHeader
        title="Nhập người dùng từ tệp"
        subtitle={<>Tỉnh {user.provinceName} · xem trước từng dòng, chỉ lưu khi bạn xác nhận</>}
        actions={
          <a href="/api/quan-tri/nguoi-dung/xuat" className={buttonClass("secondary")}>
            Xuất danh sách hiện có
          </a>
        }
      />
      <ImportScreen
        kind="users"
        path="/quan-tri/nguoi-dung/nhap"
        templateHref="/api/quan-tri/nguoi-dung/mau"
        current={current}
        help={
          <>
            <p>
              Mỗi dòng một tài khoản: Tên đăng nhập, Họ tên, Vai trò (như trang Người dùng ghi), Cơ quan (tên viết tắt
              trong danh mục, cách nhau bằng dấu chấm phẩy), E-mail, Đang hoạt động (Có/Không).
            </p>
            <p>
              Tài khoản đã có (cùng tên đăng nhập) được cập nhật; tài khoản mới nhận mật khẩu tạm, hiện một lần sau khi
              xác nhận. Nhập danh mục cơ quan trước nếu danh sách dùng cơ quan mới.
            </p>
          </>
        }
      />
    </>
  );
});
