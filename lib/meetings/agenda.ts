import "server-only";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { categoryPredicate, checkToday, dueInForceSql } from "@/lib/reports/scope";
import { readRows, toTaskRow } from "@/lib/reports/task-lists";
import { addDays, vietnamDay } from "@/lib/time/calendar";
import type { AgendaGrouping } from "@/lib/meetings/agenda-query";
import { countsOf, sectionsOf, shorten, type Agenda, type AgendaItem } from "@/lib/meetings/agenda-text";

// The agenda of open business for a meeting of the steering committee on `day`: every task of a
// published notice issued before that day that, judged at that day by the overview's own SQL
// (lib/reports/scope.ts), is overdue, falls due on the meeting day, or has an explanation request
// still unanswered then. Three queries whatever the number of rows: the tasks, their flags at the
// meeting day, and their last reports (the latest sent: the agenda is made for the next meeting).

/** The first instant after the meeting day, in Vietnam. */
function endOfDay(day: string): Date {
  return new Date(`${addDays(day, 1)}T00:00:00+07:00`);
}

/**
 * Which assignments `a` are on the agenda of the meeting on `day`: the province's, of published
 * notices dated (issued, or met, or entered) before the meeting, open business at that day.
 */
export function agendaAssignmentsWhere(provinceId: number, day: string): Prisma.Sql {
  const end = endOfDay(day);
  const noticeDay = Prisma.sql`COALESCE(nx."issuedOn", nx."meetingOn", (nx."createdAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`;
  const earlier = Prisma.sql`a."noticeId" IN (SELECT nx.id FROM "Notice" nx
    WHERE nx."provinceId" = ${provinceId} AND nx."status" = 'published' AND ${noticeDay} < ${day}::date)`;
  const dueOnDay = Prisma.sql`(${categoryPredicate("due_soon", day)} AND ${dueInForceSql(day)} = ${day}::date)`;
  const pending = explanationPendingSql(end);
  return Prisma.sql`a."provinceId" = ${provinceId} AND ${earlier}
    AND ((${categoryPredicate("overdue", day)}) OR ${dueOnDay} OR ${pending})`;
}

function explanationPendingSql(end: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ExplanationRequest" e WHERE e."assignmentId" = a.id
    AND e."createdAt" < ${end} AND (e."answeredAt" IS NULL OR e."answeredAt" >= ${end}))`;
}

export async function meetingAgenda(db: Db, user: SessionUser, day: string, by: AgendaGrouping): Promise<Agenda> {
  checkToday(day);
  const provinceId = user.provinceId;
  const empty: Agenda = {
    provinceName: user.provinceName ?? "",
    day,
    by,
    counts: { tasks: 0, directives: 0, agencies: 0, notices: 0, overdue: 0, dueOnDay: 0, explanationPending: 0 },
    sections: [],
  };
  if (provinceId === null) return empty;
  authorize(user, "meeting.prepare", { provinceId });
  const where = agendaAssignmentsWhere(provinceId, day);
  const end = endOfDay(day);
  const [rows, flags, reports] = await Promise.all([
    readRows(
      db,
      Prisma.sql`SELECT a.id FROM "Assignment" a WHERE ${where}`,
      Prisma.sql`n.id ASC, d."position" ASC, ag."name" ASC, a.id ASC`,
      day,
    ),
    db.$queryRaw<{ id: number; dueOnDay: boolean; pending: boolean }[]>`
      SELECT a.id, (${dueInForceSql(day)} = ${day}::date AND NOT (${categoryPredicate("overdue", day)})) AS "dueOnDay",
        ${explanationPendingSql(end)} AS "pending"
      FROM "Assignment" a WHERE ${where}`,
    db.$queryRaw<{ assignmentId: number; createdAt: Date; text: string }[]>`
      SELECT DISTINCT ON (pr."assignmentId") pr."assignmentId", pr."createdAt", pr."text"
      FROM "ProgressReport" pr
      WHERE pr."assignmentId" IN (SELECT a.id FROM "Assignment" a WHERE ${where})
      ORDER BY pr."assignmentId", pr."createdAt" DESC, pr.id DESC`,
  ]);
  const flagOf = new Map(flags.map((f) => [f.id, f]));
  const reportOf = new Map(reports.map((r) => [r.assignmentId, r]));
  const items: AgendaItem[] = rows.map((r) => {
    const t = toTaskRow(r, day);
    const f = flagOf.get(t.assignmentId);
    const rep = reportOf.get(t.assignmentId);
    return {
      ...t,
      dueOnDay: f?.dueOnDay ?? false,
      explanationPending: f?.pending ?? false,
      lastReport: rep ? { on: vietnamDay(rep.createdAt), text: shorten(rep.text) } : null,
    };
  });
  return { ...empty, counts: countsOf(items), sections: sectionsOf(items, by) };
}
