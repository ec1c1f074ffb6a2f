import type { Metadata } from "next";
import Link from "next/link";
import { managedAgencyProvince } from "@/lib/agencies/admin";
import { page } from "@/lib/auth/gate";
import { CreateAgencyForm } from "@/components/agencies/agency-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Thêm cơ quan" };

export default page({ permission: "agency.manage" }, async ({ user }) => {
  managedAgencyProvince(user);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/quan-tri/co-quan" className="text-brand-800 underline">
          ← Cơ quan, nhóm
        </Link>
      </p>
      <PageHeader
        title="Thêm cơ quan"
        subtitle="Cơ quan mới có thể được giao nhiệm vụ và được nhận ra trong văn bản ngay từ văn bản tiếp theo."
      />
      <section className="max-w-3xl rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <CreateAgencyForm />
      </section>
    </>
  );
});
