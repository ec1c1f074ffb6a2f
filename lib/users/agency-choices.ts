import "server-only";
import type { Db } from "@/lib/db/client";

/** The active agencies of a province an account may be attached to, for the account form. */
export function agencyChoices(db: Db, provinceId: number): Promise<{ id: number; name: string }[]> {
  return db.agency.findMany({
    where: { provinceId, active: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}
