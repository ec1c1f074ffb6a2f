import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { noticeLabel } from "@/lib/notices/notice-label";
import { STATE_LABELS } from "@/lib/assignments/state";
import type { ExportSheet } from "@/lib/exports/table";
import {
  OVERDUE_BUCKET_LABELS,
  type AgencyRow,
  type DirectiveGroup,
  type NoticeProgressRow,
  type OverdueBucket,
  type TaskRow,
  type WeekPoint,
} from "@/lib/reports/types";
import { addDays, formatDay } from "@/lib/time/calendar";

// The columns of each list, shared by the screens' exports and the printed report.

export function bucketOfDays(days: number): OverdueBucket {
  if (days <= 7) return "d1_7";
  if (days <= 30) return "d8_30";
  if (days <= 90) return "d31_90";
  return "d90_plus";
}

/** "Đang thực hiện", or "Hoàn thành 12/09/2021". */
export function taskStatus(r: Pick<TaskRow, "state" | "completedOn">): string {
  return r.state === "completed" && r.completedOn
    ? `${STATE_LABELS.completed} ${formatDay(r.completedOn)}`
    : STATE_LABELS[r.state];
}

/**
 * A task's explanation request in words: "Đã yêu cầu giải trình 12/07/2021", "Đã giải trình
 * 14/07/2021", or "Quá hạn giải trình" (unanswered past its reply day, with that day); null when
 * none was asked.
 */
export function explanationLabel(e: TaskRow["explanation"]): string | null {
  if (!e) return null;
  if (e.status === "answered") return `Đã giải trình ${formatDay(e.answeredOn ?? e.requestedOn)}`;
  if (e.late) return `Quá hạn giải trình (hạn ${formatDay(e.replyDueOn)})`;
  return `Đã yêu cầu giải trình ${formatDay(e.requestedOn)}`;
}

/** A group's explanation requests in words: "Đã yêu cầu giải trình 3/16 cơ quan, đã giải trình 1, quá hạn giải trình 1". */
export function groupExplanations(g: Pick<DirectiveGroup, "explanations" | "tasks">): string | null {
  const { asked, answered, late } = g.explanations;
  if (asked === 0) return null;
  if (g.tasks.length === 1) return explanationLabel(g.tasks[0]!.explanation);
  const parts = [`Đã yêu cầu giải trình ${asked}/${g.tasks.length} cơ quan`, `đã giải trình ${answered}`];
  if (late > 0) parts.push(`quá hạn giải trình ${late}`);
  return parts.join(", ");
}

export function taskSheet(name: string, title: string, rows: TaskRow[], offset = 0): ExportSheet {
  return {
    name,
    title,
    columns: [
      { header: "STT", width: 6, kind: "number" },
      { header: "Số ngày quá hạn", width: 10, kind: "number" },
      { header: "Mức quá hạn", width: 14 },
      { header: "Cơ quan", width: 28 },
      { header: "Vai trò", width: 10 },
      { header: "Nhiệm vụ", width: 60 },
      { header: "Mục", width: 8 },
      { header: "Văn bản", width: 36 },
      { header: "Hạn", width: 12, kind: "date" },
      { header: "Thời hạn theo văn bản", width: 30 },
      { header: "Hạn gốc", width: 12, kind: "date" },
      { header: "Tình trạng", width: 22 },
      { header: "Giải trình", width: 26 },
    ],
    rows: rows.map((r, i) => [
      offset + i + 1,
      r.daysOverdue,
      r.daysOverdue ? OVERDUE_BUCKET_LABELS[bucketOfDays(r.daysOverdue)] : null,
      r.agency.name,
      ASSIGNMENT_ROLE_LABELS[r.role],
      r.directive.text,
      r.directive.ref,
      noticeLabel(r.notice),
      r.currentDueOn ? formatDay(r.currentDueOn) : null,
      r.directive.deadlinePhrase,
      r.originalDueOn && r.originalDueOn !== r.dueOn ? formatDay(r.originalDueOn) : null,
      taskStatus(r),
      explanationLabel(r.explanation),
    ]),
  };
}

export function agencySheet(rows: AgencyRow[]): ExportSheet {
  return {
    name: "Theo cơ quan",
    title: "Kết quả thực hiện theo cơ quan, đơn vị",
    columns: [
      { header: "STT", width: 6, kind: "number" },
      { header: "Cơ quan, đơn vị", width: 36 },
      { header: "Được giao", width: 10, kind: "number" },
      { header: "Hoàn thành đúng hạn", width: 12, kind: "number" },
      { header: "Hoàn thành quá hạn", width: 12, kind: "number" },
      { header: "Đang thực hiện trong hạn", width: 12, kind: "number" },
      { header: "Quá hạn", width: 10, kind: "number" },
      { header: "Không có thời hạn", width: 12, kind: "number" },
      { header: "Tỷ lệ đúng hạn", width: 10, kind: "percent" },
      { header: "Thường xuyên (chưa hoàn thành)", width: 12, kind: "number" },
      { header: "Thường xuyên đã báo cáo kỳ này", width: 12, kind: "number" },
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.agency.name,
      r.assigned,
      r.completedOnTime,
      r.completedLate,
      r.onTrack,
      r.overdue,
      r.noDeadline,
      r.onTimeRate,
      r.ongoing,
      r.ongoingReported,
    ]),
  };
}

export function noticeSheet(rows: NoticeProgressRow[]): ExportSheet {
  return {
    name: "Theo thông báo",
    title: "Tiến độ theo thông báo",
    columns: [
      { header: "STT", width: 6, kind: "number" },
      { header: "Văn bản", width: 40 },
      { header: "Trích yếu", width: 50 },
      { header: "Lượt giao", width: 10, kind: "number" },
      { header: "Hoàn thành", width: 10, kind: "number" },
      { header: "Quá hạn", width: 10, kind: "number" },
      { header: "Tỷ lệ hoàn thành", width: 10, kind: "percent" },
    ],
    rows: rows.map((r, i) => [
      i + 1,
      noticeLabel(r.notice),
      r.notice.title,
      r.assigned,
      r.completed,
      r.overdue,
      r.assigned > 0 ? r.completed / r.assigned : null,
    ]),
  };
}

export function weekLabel(weekStart: string): string {
  return `${formatDay(weekStart).slice(0, 5)}–${formatDay(addDays(weekStart, 6))}`;
}

export function weekSheet(points: WeekPoint[]): ExportSheet {
  return {
    name: "Theo tuần",
    title: "Hoàn thành và quá hạn mới theo tuần",
    columns: [
      { header: "Tuần", width: 20 },
      { header: "Hoàn thành", width: 12, kind: "number" },
      { header: "Quá hạn mới", width: 12, kind: "number" },
    ],
    rows: points.map((p) => [weekLabel(p.weekStart), p.completed, p.newlyOverdue]),
  };
}

/** The task columns that fit a portrait page. */
export function reportTaskSheet(rows: TaskRow[]): ExportSheet {
  const full = taskSheet("", "", rows);
  const keep = ["STT", "Cơ quan", "Nhiệm vụ", "Văn bản", "Hạn", "Số ngày quá hạn"];
  const idx = keep.map((h) => full.columns.findIndex((c) => c.header === h));
  return {
    ...full,
    columns: idx.map((i) => ({
      ...full.columns[i]!,
      width: full.columns[i]!.header === "Nhiệm vụ" ? 40 : full.columns[i]!.width,
    })),
    rows: full.rows.map((row) => idx.map((i) => row[i] ?? null)),
  };
}

// ───────────── grouped by directive ─────────────

/** "16 cơ quan", or the one agency's name. */
export function agencyCount(g: Pick<DirectiveGroup, "tasks">): string {
  return `${g.tasks.length} cơ quan`;
}

/**
 * The agencies of a group in words: "16 cơ quan: Sở Y tế, Công an tỉnh (phối hợp), …". When their
 * days overdue differ (an extension), each says its own.
 */
export function groupAgencies(g: DirectiveGroup): string {
  const mixed = g.maxDaysOverdue !== g.minDaysOverdue || g.firstDueOn !== g.lastDueOn;
  const names = g.tasks.map((t) => {
    const notes: string[] = [];
    if (t.role === "support") notes.push(ASSIGNMENT_ROLE_LABELS.support.toLowerCase());
    if (mixed)
      notes.push(t.daysOverdue ? `${t.daysOverdue} ngày` : t.currentDueOn ? `hạn ${formatDay(t.currentDueOn)}` : "");
    const extra = notes.filter(Boolean);
    return extra.length ? `${t.agency.name} (${extra.join(", ")})` : t.agency.name;
  });
  return g.tasks.length === 1 ? names[0]! : `${agencyCount(g)}: ${names.join(", ")}`;
}

/** Days overdue of a group: "12", or "5–12" when the agencies' differ. */
export function groupDays(g: Pick<DirectiveGroup, "maxDaysOverdue" | "minDaysOverdue">): string | number | null {
  if (g.maxDaysOverdue === null) return null;
  return g.minDaysOverdue !== null && g.minDaysOverdue !== g.maxDaysOverdue
    ? `${g.minDaysOverdue}–${g.maxDaysOverdue}`
    : g.maxDaysOverdue;
}

/** The due day(s) of a group: "15/06/2021", or "15/06/2021 – 30/06/2021". */
export function groupDue(g: Pick<DirectiveGroup, "firstDueOn" | "lastDueOn">): string | null {
  if (!g.firstDueOn) return null;
  return g.lastDueOn && g.lastDueOn !== g.firstDueOn
    ? `${formatDay(g.firstDueOn)} – ${formatDay(g.lastDueOn)}`
    : formatDay(g.firstDueOn);
}

/** A grouped list: each directive once, with the agencies that have it in the list. */
export function groupSheet(name: string, title: string, groups: DirectiveGroup[], offset = 0): ExportSheet {
  return {
    name,
    title,
    columns: [
      { header: "STT", width: 5, kind: "number" },
      { header: "Số ngày quá hạn", width: 8, kind: "number" },
      { header: "Nhiệm vụ", width: 60 },
      { header: "Cơ quan chưa hoàn thành", width: 40 },
      { header: "Văn bản", width: 26 },
      { header: "Hạn", width: 11, kind: "date" },
      { header: "Thời hạn theo văn bản", width: 24 },
      { header: "Giải trình", width: 26 },
    ],
    rows: groups.map((g, i) => [
      offset + i + 1,
      groupDays(g),
      g.directive.text,
      groupAgencies(g),
      `${noticeLabel(g.notice)}, mục ${g.directive.ref}`,
      groupDue(g),
      g.directive.deadlinePhrase,
      groupExplanations(g),
    ]),
  };
}

/** The grouped columns that fit a portrait page. */
export function reportGroupSheet(groups: DirectiveGroup[]): ExportSheet {
  const full = groupSheet("", "", groups);
  const keep = ["STT", "Nhiệm vụ", "Cơ quan chưa hoàn thành", "Văn bản", "Hạn", "Số ngày quá hạn"];
  const idx = keep.map((h) => full.columns.findIndex((c) => c.header === h));
  const widths: Record<string, number> = { "Nhiệm vụ": 44, "Cơ quan chưa hoàn thành": 30, "Văn bản": 18 };
  // No room for a column of its own on a portrait page: the explanations follow the agencies.
  const agencies = full.columns.findIndex((c) => c.header === "Cơ quan chưa hoàn thành");
  const explained = full.columns.findIndex((c) => c.header === "Giải trình");
  return {
    ...full,
    columns: idx.map((i) => ({
      ...full.columns[i]!,
      width: widths[full.columns[i]!.header] ?? full.columns[i]!.width,
    })),
    rows: full.rows.map((row) =>
      idx.map((i) =>
        i === agencies && row[explained] ? `${String(row[i] ?? "")}. ${String(row[explained])}` : (row[i] ?? null),
      ),
    ),
  };
}
