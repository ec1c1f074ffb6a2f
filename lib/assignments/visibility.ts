import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";

// Whose reports a user may read. Pure: the callers load the assignments of one directive.

export interface VisibleAssignment {
  provinceId: number;
  agencyId: number;
  role: "lead" | "support";
}

/**
 * The reports of `a` are readable by whoever may read `a` itself, and by the staff of a LEAD
 * agency of the same directive when `a` supports it (DOMAIN: the lead coordinates the supporters).
 * A supporting agency never sees another agency's reports.
 */
export function canReadReports(
  actor: SessionUser,
  a: VisibleAssignment,
  sameDirective: readonly VisibleAssignment[],
): boolean {
  if (can(actor, "assignment.read", a)) return true;
  if (a.role !== "support") return false;
  return sameDirective.some(
    (lead) =>
      lead.role === "lead" &&
      can(actor, "assignment.readShared", { provinceId: lead.provinceId, agencyId: lead.agencyId }),
  );
}
