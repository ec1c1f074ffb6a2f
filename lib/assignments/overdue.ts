import "server-only";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { fromIsoDay, toIsoDay } from "@/lib/time/format";

export interface OverdueItem {
  id: number;
  dueOn: string;
  role: "lead" | "support";
  state: "not_started" | "in_progress" | "submitted";
  agency: { id: number; name: string; shortName: string };
  directive: { id: number; ref: string; text: string; deadlinePhrase: string | null };
  notice: { id: number; kind: string; number: string | null; issuedOn: string | null; issuedPrecision: "day" | "month" | "year" | "unknown"; meetingOn: string | null; title: string };
}

/** What is overdue in the user's province, the longest overdue first. */
export async function listOverdue(db: Db, user: SessionUser, today: string, limit = 500): Promise<OverdueItem[]> {
  if (user.provinceId === null) return [];
  authorize(user, "overview.read", { provinceId: user.provinceId });
  const rows = await db.assignment.findMany({
    where: { provinceId: user.provinceId, state: { not: "completed" }, dueOn: { lt: fromIsoDay(today) }, directive: { notice: { status: "published" } } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true, dueOn: true, role: true, state: true,
      agency: { select: { id: true, name: true, shortName: true } },
      directive: {
        select: {
          id: true, ref: true, text: true, deadlinePhrase: true,
          notice: { select: { id: true, kind: true, number: true, issuedOn: true, issuedPrecision: true, meetingOn: true, title: true } },
        },
      },
    },
  });
  const day = (d: Date | null) => (d ? toIsoDay(d) : null);
  return rows.map((r) => {
    const { notice, ...directive } = r.directive;
    return {
      id: r.id, dueOn: toIsoDay(r.dueOn!), role: r.role, state: r.state as OverdueItem["state"], agency: r.agency, directive,
      notice: { ...notice, issuedOn: day(notice.issuedOn), meetingOn: day(notice.meetingOn) },
    };
  });
}
