import { ForbiddenError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/user";

// The one permission table (Dub's rbac pattern): role → action → the reach of that action.
// Anything not in the table is denied. The target's province and agency always come from the
// stored record being read or changed, never from the request.

export type Action =
  | "notice.read" // published notices of the province
  | "notice.readDraft"
  | "notice.create"
  | "notice.edit"
  | "board.read" // an agency's board
  | "assignment.read"
  | "assignment.readShared" // a lead agency reads its supporting agencies' reports on the same directive
  | "assignment.work" // start, report, submit, ask for an extension
  | "assignment.comment"
  | "assignment.confirm" // confirm or return a reported result
  | "extension.decide"
  | "explanation.request" // ask an overdue agency to explain (the agency answers with "assignment.work")
  | "overview.read"
  | "ranking.read" // quarterly results and ranking (/xep-hang): agency staff only their own agency's
  | "ranking.publish" // freeze a period's results and make them public (the secretariat)
  | "meeting.prepare" // the agenda of open business for the committee's next meeting
  | "digest.read" // an agency's reminder digests
  | "digest.markRead" // only the agency's own staff mark its digests read
  | "audit.read"
  | "agency.manage" // the province's agencies and groups
  | "user.manage" // the province's accounts
  | "province.manage" // provinces themselves: the system administrator (no province) only
  | "province.configure" // a province's own settings (reminder days, reporting period): its administrator
  | "webhook.manage" // a province's webhooks (/quan-tri/webhook): its administrator
  | "calendarFeed.manage"; // an agency's calendar feed (lib/feeds): its own staff, the secretariat, the administrator

/** "province": anything in the user's province. "ownAgency": only the user's own agencies. */
type Reach = "province" | "ownAgency";

const TABLE: Record<SessionUser["role"], Partial<Record<Action, Reach>>> = {
  admin: {
    "notice.read": "province",
    "notice.readDraft": "province",
    "board.read": "province",
    "assignment.read": "province",
    "assignment.readShared": "province",
    "overview.read": "province",
    "digest.read": "province",
    "audit.read": "province",
    "agency.manage": "province",
    "user.manage": "province",
    "province.manage": "province",
    "province.configure": "province",
    "webhook.manage": "province",
    "calendarFeed.manage": "province",
  },
  secretariat: {
    "notice.read": "province",
    "notice.readDraft": "province",
    "notice.create": "province",
    "notice.edit": "province",
    "board.read": "province",
    "assignment.read": "province",
    "assignment.readShared": "province",
    "assignment.comment": "province",
    "assignment.confirm": "province",
    "extension.decide": "province",
    "explanation.request": "province",
    "overview.read": "province",
    "ranking.read": "province",
    "ranking.publish": "province",
    "meeting.prepare": "province",
    "digest.read": "province",
    "audit.read": "province",
    "agency.manage": "province",
    "calendarFeed.manage": "province",
  },
  chairman: {
    "notice.read": "province",
    "notice.readDraft": "province",
    "board.read": "province",
    "assignment.read": "province",
    "assignment.readShared": "province",
    "assignment.comment": "province",
    "extension.decide": "province",
    "explanation.request": "province",
    "overview.read": "province",
    "ranking.read": "province",
    "meeting.prepare": "province",
    "digest.read": "province",
    "audit.read": "province",
  },
  agency_staff: {
    "notice.read": "province",
    "board.read": "ownAgency",
    "assignment.read": "ownAgency",
    // Target agency = the lead assignment's agency: only the lead's own staff see supporters' reports.
    "assignment.readShared": "ownAgency",
    "assignment.work": "ownAgency",
    "assignment.comment": "ownAgency",
    "digest.read": "ownAgency",
    "digest.markRead": "ownAgency",
    "ranking.read": "ownAgency",
    "calendarFeed.manage": "ownAgency",
  },
};

export interface Target {
  provinceId: number;
  /** The agency the record belongs to; required for actions whose reach is "ownAgency". */
  agencyId?: number | null;
}

export function can(user: SessionUser, action: Action, target: Target): boolean {
  const reach = TABLE[user.role]?.[action];
  if (!reach) return false;
  // A system administrator (no province) reaches every province; everyone else only their own.
  const inProvince = user.role === "admin" && user.provinceId === null ? true : user.provinceId === target.provinceId;
  if (!inProvince) return false;
  if (reach === "province") return true;
  return target.agencyId != null && user.agencyIds.includes(target.agencyId);
}

export function authorize(user: SessionUser, action: Action, target: Target): void {
  if (!can(user, action, target)) throw new ForbiddenError();
}

/**
 * Whether the user may read a notice (and so its directives, tasks and files): published and
 * withdrawn notices with "notice.read", drafts only with "notice.readDraft". The one place this rule is written.
 */
export function canReadNotice(user: SessionUser, notice: { provinceId: number; status: string }): boolean {
  const target = { provinceId: notice.provinceId };
  return notice.status === "draft" ? can(user, "notice.readDraft", target) : can(user, "notice.read", target);
}

/**
 * What an action reaches for this user, to filter lists in a query: the whole province, the
 * listed agencies of it (reach "ownAgency"), or nothing. A system administrator (no province)
 * reaches every province.
 */
export type Scope = { provinceId: number | null; agencyIds: "all" | number[] } | null;

export function scopeOf(user: SessionUser, action: Action): Scope {
  const reach = TABLE[user.role]?.[action];
  if (!reach) return null;
  if (user.provinceId === null && user.role !== "admin") return null;
  if (reach === "province") return { provinceId: user.provinceId, agencyIds: "all" };
  return { provinceId: user.provinceId, agencyIds: [...user.agencyIds] };
}

/** Whether the role may do the action somewhere in its province (menus, buttons). */
export function roleMay(user: SessionUser, action: Action): boolean {
  return TABLE[user.role]?.[action] !== undefined;
}

/** The system administrator: an administrator of no province, who sets provinces up. */
export function isSystemAdmin(user: SessionUser): boolean {
  return user.role === "admin" && user.provinceId === null;
}
