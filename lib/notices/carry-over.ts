import "server-only";
import { audit } from "@/lib/audit/log";
import { canReadNotice } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, invalidField } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { agendaAssignmentsWhere } from "@/lib/meetings/agenda";
import { EDIT_TX, loadNoticeForChange, noticeSnapshot } from "@/lib/notices/edit-core";
import type { CarryDirectivesInput } from "@/lib/notices/edit-schemas";
import { StaleNoticeError } from "@/lib/notices/edit-types";
import { noticeLabel } from "@/lib/notices/notice-label";
import { toIsoDay, type DatePrecision } from "@/lib/time/calendar";

// Carrying open directives of earlier notices over into a later one (the conclusion notice of the
// meeting that reviewed them, or a notice that continues or replaces them). The directive itself
// moves: its tasks, reports, extensions and history are the same rows, now under the later
// notice, and the directive remembers the notice it came from (Directive.carriedFromNoticeId).
// The running totals per (agency, notice) follow through their trigger.

export interface MovedDirectives {
  noticeId: number;
  directiveIds: number[];
  fromNoticeIds: number[];
  agencyIds: number[];
  assignmentIds: number[];
}

/** A directive is open while one of its tasks is not completed. */
const OPEN = Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" ao WHERE ao."directiveId" = d.id AND ao."state" <> 'completed')`;

/**
 * Moves the directives into `target` (a published notice of the same province), after its last
 * directive, inside the caller's transaction. Directives that are not open, not of the province,
 * already in the target, or of a notice that is not published are refused by name.
 */
export async function moveDirectivesInTx(
  tx: Tx,
  actor: SessionUser,
  target: { id: number; provinceId: number },
  directiveIds: number[],
): Promise<MovedDirectives> {
  const rows = await tx.$queryRaw<
    { id: number; ref: string; noticeId: number; provinceId: number; status: string; open: boolean }[]
  >`SELECT d.id, d."ref", d."noticeId", n."provinceId", n."status"::text AS "status", ${OPEN} AS "open"
    FROM "Directive" d JOIN "Notice" n ON n.id = d."noticeId"
    WHERE d.id IN (${Prisma.join(directiveIds)}) ORDER BY n.id, d."position" FOR UPDATE OF d`;
  if (rows.length !== new Set(directiveIds).size || rows.some((r) => r.provinceId !== target.provinceId))
    throw invalidField("directiveIds", "Có nhiệm vụ được chọn không còn tồn tại hoặc không thuộc tỉnh này.");
  const own = rows.find((r) => r.noticeId === target.id);
  if (own) throw invalidField("directiveIds", `Nhiệm vụ ${own.ref} đã thuộc thông báo này.`);
  const closed = rows.find((r) => !r.open);
  if (closed) throw invalidField("directiveIds", `Nhiệm vụ ${closed.ref} đã hoàn thành, không cần chuyển tiếp.`);
  const unpublished = rows.find((r) => r.status !== "published");
  if (unpublished)
    throw invalidField("directiveIds", `Nhiệm vụ ${unpublished.ref} thuộc thông báo chưa ban hành hoặc đã thu hồi.`);

  const last = await tx.directive.aggregate({ where: { noticeId: target.id }, _max: { position: true } });
  let position = (last._max.position ?? -1) + 1;
  for (const r of rows) {
    await tx.directive.update({
      where: { id: r.id },
      data: { noticeId: target.id, position: position++, carriedFromNoticeId: r.noticeId, version: { increment: 1 } },
    });
    await tx.assignment.updateMany({ where: { directiveId: r.id }, data: { noticeId: target.id } });
    await audit(tx, {
      provinceId: target.provinceId,
      actorId: actor.id,
      action: "directive.carry",
      entityType: "Directive",
      entityId: r.id,
      before: { noticeId: r.noticeId, ref: r.ref },
      after: { noticeId: target.id, ref: r.ref, carriedFrom: r.noticeId },
    });
  }
  const fromNoticeIds = [...new Set(rows.map((r) => r.noticeId))];
  for (const from of fromNoticeIds) {
    const moved = rows.filter((r) => r.noticeId === from).map((r) => r.ref);
    for (const [entityId, other] of [
      [target.id, from],
      [from, target.id],
    ] as const) {
      await audit(tx, {
        provinceId: target.provinceId,
        actorId: actor.id,
        action: entityId === target.id ? "notice.carryIn" : "notice.carryOut",
        entityType: "Notice",
        entityId,
        after: { noticeId: entityId, otherNoticeId: other, refs: moved },
      });
    }
  }
  const tasks = await tx.assignment.findMany({
    where: { directiveId: { in: rows.map((r) => r.id) } },
    select: { id: true, agencyId: true },
  });
  await tx.notice.update({ where: { id: target.id }, data: { version: { increment: 1 } } });
  return {
    noticeId: target.id,
    directiveIds: rows.map((r) => r.id),
    fromNoticeIds,
    agencyIds: [...new Set(tasks.map((t) => t.agencyId))],
    assignmentIds: tasks.map((t) => t.id),
  };
}

/** "Chuyển tiếp": the chosen open directives of earlier notices into this published notice. */
export async function carryDirectives(
  db: Db,
  actor: SessionUser,
  input: CarryDirectivesInput,
): Promise<MovedDirectives> {
  const notice = await loadNoticeForChange(db, actor, input.noticeId);
  if (notice.status !== "published")
    throw new ConflictError("Chỉ chuyển tiếp nhiệm vụ vào thông báo đã ban hành; vui lòng ban hành trước.");
  if (notice.version !== input.version) throw new StaleNoticeError(await noticeSnapshot(db, notice.id));
  return db.$transaction(async (tx) => {
    const locked = await tx.notice.updateMany({
      where: { id: notice.id, version: input.version, status: "published" },
      data: { updatedAt: new Date() },
    });
    if (locked.count !== 1) throw new StaleNoticeError(await noticeSnapshot(tx, notice.id));
    const moved = await moveDirectivesInTx(tx, actor, notice, input.directiveIds);
    // The later notice continues each notice it took directives from (unless already linked).
    await tx.noticeLink.createMany({
      data: moved.fromNoticeIds.map((toNoticeId) => ({
        provinceId: notice.provinceId,
        fromNoticeId: notice.id,
        toNoticeId,
        kind: "continues" as const,
        createdById: actor.id,
      })),
      skipDuplicates: true,
    });
    return moved;
  }, EDIT_TX);
}

// ───────────── what may be carried over (the notice page's list) ─────────────

export interface CarryCandidate {
  directiveId: number;
  ref: string;
  text: string;
  noticeId: number;
  noticeLabel: string;
  agencies: string[];
  overdue: boolean;
  /** Of a notice this one is linked to (continues or replaces it). */
  linked: boolean;
}

const MAX_CANDIDATES = 300;

/**
 * Open directives that could be carried over into the notice: those on the agenda of its meeting
 * (overdue, due that day, or with an explanation unanswered: lib/meetings/agenda.ts) and the open
 * directives of the earlier notices it is linked to. Empty for those who may not edit it.
 */
export async function carryCandidates(
  db: Db,
  user: SessionUser,
  notice: { id: number; provinceId: number; status: string; meetingOn: string | null; issuedOn: string | null },
  today: string,
): Promise<CarryCandidate[]> {
  if (!canReadNotice(user, notice) || notice.status !== "published") return [];
  const day = notice.meetingOn ?? notice.issuedOn ?? today;
  const agenda = agendaAssignmentsWhere(notice.provinceId, day > today ? today : day);
  const rows = await db.$queryRaw<
    {
      directiveId: number;
      ref: string;
      text: string;
      noticeId: number;
      kind: string;
      number: string | null;
      issuedOn: Date | null;
      issuedPrecision: DatePrecision;
      meetingOn: Date | null;
      agencies: string[];
      overdue: boolean;
      linked: boolean;
    }[]
  >`
    WITH linked AS (SELECT l."toNoticeId" AS id FROM "NoticeLink" l WHERE l."fromNoticeId" = ${notice.id}),
    picked AS (
      SELECT DISTINCT a."directiveId" AS id FROM "Assignment" a WHERE ${agenda}
      UNION
      SELECT d.id FROM "Directive" d JOIN "Notice" nx ON nx.id = d."noticeId" AND nx."status" = 'published'
      WHERE d."noticeId" IN (SELECT id FROM linked) AND ${OPEN}
    )
    SELECT d.id AS "directiveId", d."ref", d."text", n.id AS "noticeId", n."kind"::text AS "kind", n."number",
      n."issuedOn", n."issuedPrecision", n."meetingOn",
      ARRAY(SELECT ag."shortName" FROM "Assignment" a2 JOIN "Agency" ag ON ag.id = a2."agencyId"
        WHERE a2."directiveId" = d.id AND a2."state" <> 'completed' ORDER BY a2."role", ag."name") AS "agencies",
      EXISTS (SELECT 1 FROM "Assignment" a3 WHERE a3."directiveId" = d.id AND a3."state" <> 'completed'
        AND a3."dueOn" < ${today}::date) AS "overdue",
      n.id IN (SELECT id FROM linked) AS "linked"
    FROM picked p JOIN "Directive" d ON d.id = p.id JOIN "Notice" n ON n.id = d."noticeId"
    WHERE n.id <> ${notice.id} AND n."provinceId" = ${notice.provinceId} AND n."status" = 'published' AND ${OPEN}
    ORDER BY "linked" DESC, n."issuedOn" DESC NULLS LAST, n.id DESC, d."position"
    LIMIT ${MAX_CANDIDATES}`;
  return rows.map((r) => ({
    directiveId: r.directiveId,
    ref: r.ref,
    text: r.text.length > 240 ? `${r.text.slice(0, 237)}…` : r.text,
    noticeId: r.noticeId,
    noticeLabel: noticeLabel({
      kind: r.kind,
      number: r.number,
      issuedOn: r.issuedOn ? toIsoDay(r.issuedOn) : null,
      issuedPrecision: r.issuedPrecision,
      meetingOn: r.meetingOn ? toIsoDay(r.meetingOn) : null,
    }),
    agencies: r.agencies,
    overdue: r.overdue,
    linked: r.linked,
  }));
}
