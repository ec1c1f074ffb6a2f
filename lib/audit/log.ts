import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// Every change writes its audit row inside the same transaction as the change itself.
// The table is append-only: a database trigger refuses UPDATE and DELETE.

export interface AuditEntry {
  provinceId: number | null;
  actorId: number | null;
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
    | "Webhook";
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
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: toJson(e.before),
    after: toJson(e.after),
  };
}

export async function audit(tx: Tx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length > 0) await tx.auditLog.createMany({ data: list.map(toRow) });
}
