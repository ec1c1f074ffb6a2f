import "server-only";
import type { Tx } from "@/lib/db/client";
import { accountIdOf, type SessionUser } from "@/lib/auth/user";
import type { Prisma } from "@/lib/generated/prisma/client";

// Every change writes its audit row inside the same transaction as the change itself.
// The table is append-only: a database trigger refuses UPDATE and DELETE.

export interface AuditEntry {
  provinceId: number | null;
  actorId: number | null;
  /** The API token the change came through (then actorId is null); see auditedAs. */
  apiTokenId?: number | null;
  action: string; // "notice.create", "assignment.submit", …
  entityType:
    | "Notice"
    | "Directive"
    | "Assignment"
    | "Agency"
    | "AgencyGroup"
    | "ExtensionRequest"
    | "ExplanationRequest"
    | "ProgressReport"
    | "Comment"
    | "User"
    | "Province"
    | "ApiToken"
    | "RankingPublication"
    | "Webhook"
    | "CalendarFeed";
  entityId: number;
  before?: unknown;
  after?: unknown;
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

function toRow(e: AuditEntry): Prisma.AuditLogCreateManyInput {
  return {
    provinceId: e.provinceId,
    actorId: e.actorId,
    apiTokenId: e.apiTokenId ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: toJson(e.before),
    after: toJson(e.after),
  };
}

/** Who an audit row names: the signed-in account, or the API token a write came with. */
export function auditedAs(actor: SessionUser | null): Pick<AuditEntry, "actorId" | "apiTokenId"> {
  return { actorId: accountIdOf(actor), apiTokenId: actor?.apiTokenId ?? null };
}

/** What the history screens select of an audit row's actor: the account, or the API token. */
export const AUDIT_ACTOR_SELECT = {
  actor: { select: { name: true } },
  apiToken: { select: { name: true } },
} as const satisfies Prisma.AuditLogSelect;

/** The name a history shows for who made a change: the account's, or "qua API: <token name>". */
export function auditActorName(r: {
  actor: { name: string } | null;
  apiToken: { name: string } | null;
}): string | null {
  if (r.actor) return r.actor.name;
  return r.apiToken ? `qua API: ${r.apiToken.name}` : null;
}

export async function audit(tx: Tx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length > 0) await tx.auditLog.createMany({ data: list.map(toRow) });
}
