import type { Db, Tx } from "@/lib/db/client";

// Who is told: the staff of an agency, the province's secretariat, its chairman. Active accounts
// only. Each with what the e-mail side needs (address and the kinds they do not want by e-mail).
// No "server-only": the app's own server loads it in-process with the outbox worker (lib/outbox).

export interface Recipient {
  id: number;
  email: string | null;
  emailOptOut: string[];
}

const SELECT = { id: true, email: true, emailOptOut: true } as const;

export function staffOf(db: Db | Tx, agencyIds: number[]): Promise<(Recipient & { agencyIds: number[] })[]> {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db.user
    .findMany({
      where: { active: true, role: "agency_staff", agencies: { some: { agencyId: { in: agencyIds } } } },
      select: { ...SELECT, agencies: { select: { agencyId: true } } },
    })
    .then((rows) => rows.map(({ agencies, ...r }) => ({ ...r, agencyIds: agencies.map((a) => a.agencyId) })));
}

export function leadersOf(
  db: Db | Tx,
  provinceId: number,
  roles: ("secretariat" | "chairman")[],
): Promise<Recipient[]> {
  return db.user.findMany({ where: { active: true, provinceId, role: { in: roles } }, select: SELECT });
}

/** The province's own administrators (those told that a webhook was paused). */
export function adminsOf(db: Db | Tx, provinceId: number): Promise<Recipient[]> {
  return db.user.findMany({ where: { active: true, provinceId, role: "admin" }, select: SELECT });
}

/** These users, if still active (those told of a step that was then undone). */
export function usersById(db: Db | Tx, ids: number[]): Promise<Recipient[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.user.findMany({ where: { active: true, id: { in: ids } }, select: SELECT });
}
