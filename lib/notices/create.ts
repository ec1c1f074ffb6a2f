import { now } from "@/lib/time/today";
import "server-only";
import { audit, auditedAs } from "@/lib/audit/log";
import { notifyPublished } from "@/lib/notifications/workflow-events";
import { authorize } from "@/lib/auth/permissions";
import { accountIdOf, type SessionUser } from "@/lib/auth/user";
import { inTransaction, type Db, type Tx } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import type { AgencyKind } from "@/lib/generated/prisma/client";
import { ZNoticeDraft, type Deadline, type NoticeDraft } from "@/lib/notices/draft";
import { directiveSearchText, noticeSearchText } from "@/lib/notices/search-fold";
import { fromIsoDay, vietnamDay } from "@/lib/time/calendar";
import { parseWith } from "@/lib/validation/parse";

// Stores a checked notice: the notice, its directives and one assignment per agency (a group
// becomes one per member), all in one transaction with its audit rows. The intake screen and
// the demo seed both come through here.

export interface CreateNoticeOptions {
  status: "draft" | "published";
  /** Agencies proposed as new (isNew) are created when the secretariat accepted them. */
  createNewAgencies: boolean;
  /** The uploaded document it was entered from (an Attachment of the province). */
  sourceFileId?: number | null;
  /** The register upload it is imported from (RegistryImport, lib/imports/register.ts). */
  importId?: number | null;
  /** Tell the agencies of a published notice (default); an old register's import does not. */
  notify?: boolean;
}

/** null actor = the system itself (the demo seed). */
export type Actor = SessionUser | null;

/** The day an assignment is due under this deadline ("YYYY-MM-DD", Vietnam), or null. */
export function dueDayOf(deadline: Deadline | null): string | null {
  if (!deadline) return null;
  if (deadline.dueOn) return deadline.dueOn;
  // "trước 17 giờ ngày D": the day in Vietnam of that instant.
  if (deadline.dueAt) return vietnamDay(new Date(deadline.dueAt));
  return null;
}

/** The Directive columns that hold a deadline; the phrase is stored as written. */
export function deadlineColumns(deadline: Deadline | null) {
  const dueOn = dueDayOf(deadline);
  return {
    deadlineKind: deadline?.kind ?? ("none" as const),
    dueOn: dueOn ? fromIsoDay(dueOn) : null,
    dueAt: deadline?.dueAt ? new Date(deadline.dueAt) : null,
    deadlinePhrase: deadline?.phrase.trim() || null, // "Thường xuyên" chosen with no words of the notice
    startOn: deadline?.startOn ? fromIsoDay(deadline.startOn) : null,
    recurrence: deadline?.recurrence ?? null,
    milestoneTarget: deadline?.target ?? null,
  };
}

function shortNameOf(name: string): string {
  return name.length <= 40 ? name : `${name.slice(0, 37)}…`;
}

function guessKind(name: string): AgencyKind {
  const n = name.toLowerCase();
  if (/^ubnd (huyện|thị xã|thành phố|quận)/.test(n)) return "district";
  if (n.startsWith("sở ") || n.startsWith("ban ")) return "department";
  if (n.includes("công an")) return "police";
  if (n.includes("quân sự") || n.includes("biên phòng")) return "military";
  if (n.includes("mặt trận") || n.includes("đoàn") || n.includes("hội ")) return "front";
  if (n.startsWith("báo ") || n.startsWith("đài ")) return "media";
  return "other";
}

async function resolveAgencies(
  tx: Tx,
  actor: Actor,
  provinceId: number,
  draft: NoticeDraft,
  opts: CreateNoticeOptions,
) {
  const agencies = await tx.agency.findMany({ where: { provinceId }, select: { id: true, name: true, active: true } });
  const byName = new Map(agencies.filter((a) => a.active).map((a) => [a.name, a.id]));
  // A deactivated or merged agency is given no new task (its name stays taken in the registry).
  const inactive = new Set(agencies.filter((a) => !a.active).map((a) => a.name));
  const groups = await tx.agencyGroup.findMany({ where: { provinceId }, select: { id: true, name: true } });
  const groupByName = new Map(groups.map((g) => [g.name, g.id]));

  const wanted = new Set(draft.directives.flatMap((d) => d.assignments.map((a) => a.agency.trim())));
  for (const name of wanted) {
    if (byName.has(name)) continue;
    if (inactive.has(name))
      throw new ValidationError(`Cơ quan “${name}” đã ngừng hoạt động; vui lòng giao cho cơ quan đang hoạt động.`);
    if (!opts.createNewAgencies) throw new ValidationError(`Cơ quan “${name}” chưa có trong danh mục của tỉnh.`);
    const created = await tx.agency.create({
      data: { provinceId, name, shortName: shortNameOf(name), kind: guessKind(name) },
      select: { id: true, name: true, kind: true },
    });
    byName.set(name, created.id);
    await audit(tx, {
      provinceId,
      ...auditedAs(actor),
      action: "agency.create",
      entityType: "Agency",
      entityId: created.id,
      after: created,
    });
  }
  return {
    agencyId: (name: string) => byName.get(name.trim())!,
    groupId: (name: string | null) => (name ? (groupByName.get(name) ?? null) : null),
  };
}

export async function createNotice(
  database: Db | Tx,
  actor: Actor,
  provinceId: number,
  input: { draft: NoticeDraft; sourceText: string },
  opts: CreateNoticeOptions,
): Promise<number> {
  if (actor) authorize(actor, "notice.create", { provinceId });
  // Callers outside the gate (the demo seed) are held to the same schema.
  const draft = parseWith(ZNoticeDraft, input.draft);
  const sourceText = input.sourceText;

  return inTransaction(
    database,
    async (tx) => {
      const { agencyId, groupId } = await resolveAgencies(tx, actor, provinceId, draft, opts);
      const n = draft.notice;
      const notice = await tx.notice.create({
        data: {
          provinceId,
          kind: n.kind,
          number: n.number,
          issuer: n.issuer,
          place: n.place,
          issuedOn: n.issuedOn ? fromIsoDay(n.issuedOn) : null,
          issuedPrecision: n.issuedPrecision,
          title: n.title,
          meetingOn: n.meetingOn ? fromIsoDay(n.meetingOn) : null,
          chair: n.chair,
          signer: n.signer,
          signingFormula: n.signingFormula,
          recipients: n.recipients,
          citations: n.citations,
          urgency: n.urgency ?? null,
          audience: (n.audience ?? []).map((a) => a.trim()).filter(Boolean),
          sourceFileId: opts.sourceFileId ?? null,
          importId: opts.importId ?? null,
          sourceText,
          searchText: noticeSearchText({ number: n.number, title: n.title, issuer: n.issuer, sourceText }),
          status: opts.status,
          publishedAt: opts.status === "published" ? now() : null,
          createdById: accountIdOf(actor),
        },
        select: { id: true },
      });
      const actorId = accountIdOf(actor);
      const by = auditedAs(actor);
      await audit(tx, {
        provinceId,
        ...by,
        action: "notice.create",
        entityType: "Notice",
        entityId: notice.id,
        after: { ...n, status: opts.status, directives: draft.directives.length },
      });

      for (const [position, raw] of draft.directives.entries()) {
        // A notice marked "KHẨN" or "HỎA TỐC" is urgent in every one of its directives.
        const d = n.urgency ? { ...raw, urgent: true } : raw;
        const dueOn = dueDayOf(d.deadline);
        const columns = deadlineColumns(d.deadline);
        const directive = await tx.directive.create({
          data: {
            noticeId: notice.id,
            ref: d.ref,
            text: d.text,
            position,
            urgent: d.urgent,
            ...columns,
            // The board's search words, folded here (the trigger that would fold them is slower per directive).
            searchText: directiveSearchText({ ...d, deadlinePhrase: columns.deadlinePhrase }, n),
            sourceStart: d.sourceStart ?? null,
            sourceEnd: d.sourceEnd ?? null,
          },
          select: { id: true },
        });
        // One assignment per agency; an agency named both as lead and as support leads.
        const perAgency = new Map<number, { role: "lead" | "support"; viaGroupId: number | null }>();
        for (const a of d.assignments) {
          const id = agencyId(a.agency);
          const prev = perAgency.get(id);
          if (!prev || (prev.role === "support" && a.role === "lead"))
            perAgency.set(id, { role: a.role, viaGroupId: groupId(a.viaGroup) });
        }
        const created = await tx.assignment.createManyAndReturn({
          data: [...perAgency].map(([id, a]) => ({
            directiveId: directive.id,
            noticeId: notice.id,
            agencyId: id,
            provinceId,
            role: a.role,
            viaGroupId: a.viaGroupId,
            dueOn: dueOn ? fromIsoDay(dueOn) : null,
          })),
          select: { id: true, agencyId: true, role: true },
        });
        await audit(tx, [
          {
            provinceId,
            ...by,
            action: "directive.create",
            entityType: "Directive",
            entityId: directive.id,
            after: { noticeId: notice.id, ref: d.ref, text: d.text, deadline: d.deadline, urgent: d.urgent },
          },
          ...created.map((a) => ({
            provinceId,
            ...by,
            action: "assignment.create",
            entityType: "Assignment" as const,
            entityId: a.id,
            after: { directiveId: directive.id, agencyId: a.agencyId, role: a.role, dueOn },
          })),
        ]);
      }
      if (opts.status === "published" && opts.notify !== false) await notifyPublished(tx, notice.id, actorId);
      return notice.id;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
