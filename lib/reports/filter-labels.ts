import "server-only";
import { noticeLabel } from "@/lib/notices/notice-label";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import type { OverviewFilters } from "@/lib/reports/types";
import { formatDay, toIsoDay } from "@/lib/time/calendar";

// How the overview's filters are named for a reader: the chosen agency and notice by name, the
// lines that say what a page or a file covers, and the notice filter's choices.

export interface ScopeNames {
  province: string;
  agency?: string;
  notice?: string;
}

/** The names of the chosen agency and notice, looked up within the user's province only. */
export async function scopeNames(
  db: Db,
  user: SessionUser,
  q: { agency?: number; notice?: number },
): Promise<ScopeNames> {
  const provinceId = user.provinceId ?? -1;
  const [agency, notice] = await Promise.all([
    q.agency ? db.agency.findFirst({ where: { id: q.agency, provinceId }, select: { name: true } }) : null,
    q.notice
      ? db.notice.findFirst({
          where: { id: q.notice, provinceId },
          select: { kind: true, number: true, issuedOn: true, issuedPrecision: true, meetingOn: true },
        })
      : null,
  ]);
  return {
    province: user.provinceName ?? "",
    agency: agency?.name,
    notice: notice
      ? noticeLabel({
          ...notice,
          issuedOn: notice.issuedOn ? toIsoDay(notice.issuedOn) : null,
          meetingOn: notice.meetingOn ? toIsoDay(notice.meetingOn) : null,
        })
      : undefined,
  };
}

export function scopeNotes(names: ScopeNames, today: string, f: OverviewFilters): string[] {
  const notes = [`Tỉnh ${names.province} · tính đến ngày ${formatDay(today)}`];
  if (f.from || f.to)
    notes.push(
      `Văn bản ban hành ${f.from ? `từ ngày ${formatDay(f.from)} ` : ""}${f.to ? `đến ngày ${formatDay(f.to)}` : ""}`.trim(),
    );
  if (names.notice) notes.push(`Văn bản: ${names.notice}`);
  if (names.agency) notes.push(`Cơ quan: ${names.agency}`);
  return notes;
}

/**
 * The notice filter's choices, the newest first: at most `limit` of them (a province can have a
 * thousand notices), plus the one `selected` if it is not among them; `total`: how many there are.
 */
export async function recentNoticeOptions(
  db: Db,
  user: SessionUser,
  options: { limit?: number; selected?: number } = {},
): Promise<{ options: { id: number; label: string }[]; total: number }> {
  if (user.provinceId === null) return { options: [], total: 0 };
  const where = { provinceId: user.provinceId, status: "published" as const };
  const select = {
    id: true,
    kind: true,
    number: true,
    issuedOn: true,
    issuedPrecision: true,
    meetingOn: true,
  } as const;
  const [rows, total, chosen] = await Promise.all([
    db.notice.findMany({
      where,
      orderBy: [
        { issuedOn: { sort: "desc", nulls: "last" } },
        { meetingOn: { sort: "desc", nulls: "last" } },
        { id: "desc" },
      ],
      select,
      ...(options.limit !== undefined ? { take: Math.max(0, Math.floor(options.limit)) } : {}),
    }),
    options.limit !== undefined ? db.notice.count({ where }) : Promise.resolve(-1),
    options.selected !== undefined && options.limit !== undefined
      ? db.notice.findFirst({ where: { ...where, id: options.selected }, select })
      : Promise.resolve(null),
  ]);
  if (chosen && !rows.some((r) => r.id === chosen.id)) rows.push(chosen);
  const label = (n: (typeof rows)[number]) =>
    noticeLabel({
      ...n,
      issuedOn: n.issuedOn ? toIsoDay(n.issuedOn) : null,
      meetingOn: n.meetingOn ? toIsoDay(n.meetingOn) : null,
    });
  return { options: rows.map((n) => ({ id: n.id, label: label(n) })), total: total < 0 ? rows.length : total };
}
