import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { previewImport } from "@/lib/imports/batches";
import { parseImportQuery } from "@/lib/imports/query";
import { ImportScreen } from "@/components/imports/import-screen";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nhập danh mục cơ quan" };

// Importing the province's agencies (with aliases and groups) from a list it already keeps.
export default page({ permission: "agency.manage", query: parseImportQuery }, async ({ user, query }) => {
  const current = query.batchId ? await orNotFound(previewImport(db(), user, "agencies", query.batchId)) : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/quan-tri/co-quan" className="text-brand-800 underline">
          ← Cơ quan, nhóm
        </Link>
      </p>
      <PageHeader
        title="Nhập danh mục cơ quan từ tệp"
        subtitle={<>Tỉnh {user.provinceName} · xem trước từng dòng, chỉ lưu khi bạn xác nhận</>}
        actions={
          <a href="/api/quan-tri/co-quan/xuat" className={buttonClass("secondary")}>
            Xuất danh mục hiện có
          </a>
        }
      />
      <ImportScreen
        kind="agencies"
        path="/quan-tri/co-quan/nhap"
        templateHref="/api/quan-tri/co-quan/mau"
        current={current}
        help={
          <>
            <p>
              Mỗi dòng một cơ quan: Tên đầy đủ, Tên viết tắt, Loại, Tên gọi khác và Nhóm (nhiều tên cách nhau bằng dấu
              chấm phẩy), E-mail, Đang hoạt động (Có/Không).
            </p>
            <p>
              Cơ quan đã có (cùng tên đầy đủ) được cập nhật; cơ quan không có trong tệp được giữ nguyên. Tệp xuất từ
              trang này nhập lại được ngay.
            </p>
          </>
        }
      />
    </>
  );
});
