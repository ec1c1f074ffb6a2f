import "server-only";
import type { AgencyRegistry } from "@/lib/agencies/registry";
import type { Db } from "@/lib/db/client";

/**
 * The province's registry as the extractor and the review screen see it (three queries): its
 * active agencies and its groups' active members. Read afresh at every call, never cached, so an
 * edit on /quan-tri/co-quan counts from the next reading on.
 */
export async function registryForProvince(db: Db, provinceId: number): Promise<AgencyRegistry> {
  const [province, agencies, groups] = await Promise.all([
    db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { name: true } }),
    db.agency.findMany({
      where: { provinceId, active: true },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { name: true, shortName: true, kind: true, aliases: true },
    }),
    db.agencyGroup.findMany({
      where: { provinceId },
      orderBy: { name: "asc" },
      select: {
        name: true,
        aliases: true,
        // A deactivated or merged agency is nobody's member for the extractor.
        members: {
          where: { agency: { active: true } },
          select: { agency: { select: { name: true } } },
          orderBy: { agency: { name: "asc" } },
        },
      },
    }),
  ]);
  return {
    province: province.name,
    agencies,
    groups: groups.map((g) => ({ name: g.name, aliases: g.aliases, members: g.members.map((m) => m.agency.name) })),
  };
}
