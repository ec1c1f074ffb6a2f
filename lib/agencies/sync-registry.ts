import "server-only";
import { audit } from "@/lib/audit/log";
import type { Actor } from "@/lib/notices/create";
import { inTransaction, type Db, type Tx } from "@/lib/db/client";
import type { AgencyRegistry } from "@/lib/agencies/registry";

function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function provinceCode(name: string): string {
  return slug(name);
}

/**
 * Makes sure the province and every agency and group of the registry exist, adding what is
 * missing and changing nothing that is there: running it twice changes nothing.
 */
export async function syncRegistry(
  database: Db | Tx,
  actor: Actor,
  registry: AgencyRegistry & { province: string },
): Promise<{ provinceId: number; added: number }> {
  return inTransaction(
    database,
    async (tx) => {
      const province =
        (await tx.province.findUnique({ where: { name: registry.province }, select: { id: true } })) ??
        (await tx.province.create({
          data: { name: registry.province, code: provinceCode(registry.province) },
          select: { id: true },
        }));
      const provinceId = province.id;
      const actorId = actor?.id ?? null;
      let added = 0;

      const existing = new Map(
        (await tx.agency.findMany({ where: { provinceId }, select: { id: true, name: true } })).map((a) => [
          a.name,
          a.id,
        ]),
      );
      for (const a of registry.agencies) {
        if (existing.has(a.name)) continue;
        const created = await tx.agency.create({
          data: { provinceId, name: a.name, shortName: a.shortName, kind: a.kind, aliases: a.aliases },
          select: { id: true },
        });
        existing.set(a.name, created.id);
        added++;
        await audit(tx, {
          provinceId,
          actorId,
          action: "agency.create",
          entityType: "Agency",
          entityId: created.id,
          after: a,
        });
      }

      for (const g of registry.groups) {
        const group =
          (await tx.agencyGroup.findUnique({
            where: { provinceId_name: { provinceId, name: g.name } },
            select: { id: true },
          })) ??
          (await tx.agencyGroup.create({
            data: { provinceId, name: g.name, aliases: g.aliases },
            select: { id: true },
          }));
        const memberIds = g.members.map((m) => {
          const id = existing.get(m);
          if (id === undefined) throw new Error(`Group "${g.name}" names an agency missing from the registry: "${m}"`);
          return id;
        });
        const result = await tx.agencyGroupMember.createMany({
          data: memberIds.map((agencyId) => ({ groupId: group.id, agencyId })),
          skipDuplicates: true,
        });
        added += result.count;
      }
      return { provinceId, added };
    },
    { timeout: 60_000 },
  );
}
