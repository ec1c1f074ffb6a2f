import type { Metadata } from "next";
import { managedAgencyProvince } from "@/lib/agencies/admin";
import { listGroups } from "@/lib/agencies/groups";
import { page } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { agencyChoices } from "@/lib/users/agency-choices";
import { CreateGroupForm, GroupEditor } from "@/components/agencies/group-editor";
import { RegistryTabs } from "@/components/agencies/registry-tabs";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nhóm cơ quan" };

// The groups notices address, each with its members, edited in place.
export default page({ permission: "agency.manage" }, async ({ user }) => {
  const [groups, choices] = await Promise.all([
    listGroups(db(), user),
    agencyChoices(db(), managedAgencyProvince(user)),
  ]);
  return (
    <>
      <PageHeader
        title="Cơ quan, nhóm"
        subtitle={
          <>
            Tỉnh {user.provinceName} · {groups.length} nhóm. Văn bản giao việc cho một nhóm (“UBND các huyện, thành
            phố”) là giao cho từng thành viên.
          </>
        }
      />
      <RegistryTabs current="groups" />
      <div className="grid gap-6">
        {groups.map((g) => (
          <GroupEditor key={g.id} group={g} choices={choices} />
        ))}
        <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 font-semibold">Tạo nhóm mới</h2>
          <CreateGroupForm choices={choices} />
        </section>
      </div>
    </>
  );
});
