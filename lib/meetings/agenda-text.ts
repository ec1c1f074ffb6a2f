import { shorten as shortenText } from "@/lib/text/shorten";
import { noticeLabel } from "@/lib/notices/notice-label";
import type { AgendaGrouping } from "@/lib/meetings/agenda-query";
import type { TaskRow } from "@/lib/reports/types";
import { formatDay } from "@/lib/time/calendar";

// The meeting agenda as the page, the printed page and the Word file show it: its shapes, its
// sections and the words of each cell. Pure: no database.

export interface AgendaReport {
  on: string;
  text: string;
}

export interface AgendaItem extends TaskRow {
  /** Due (by the due day in force) on the meeting day itself, not yet overdue. */
  dueOnDay: boolean;
  /** An explanation request asked by the meeting day and not answered by then. */
  explanationPending: boolean;
  /** The agency's latest report on this task. */
  lastReport: AgendaReport | null;
}

export interface AgendaSection {
  key: string;
  heading: string;
  items: AgendaItem[];
}

export interface AgendaCounts {
  /** Tasks (one agency's part of a directive). */
  tasks: number;
  directives: number;
  agencies: number;
  notices: number;
  overdue: number;
  dueOnDay: number;
  explanationPending: number;
}

export interface Agenda {
  provinceName: string;
  day: string;
  by: AgendaGrouping;
  counts: AgendaCounts;
  sections: AgendaSection[];
}

const REPORT_CHARS = 160;

/** A report's text shortened on a word boundary to about `max` characters. */
export function shorten(text: string, max = REPORT_CHARS): string {
  return shortenText(text, max);
}

export function countsOf(items: AgendaItem[]): AgendaCounts {
  return {
    tasks: items.length,
    directives: new Set(items.map((i) => i.directive.id)).size,
    agencies: new Set(items.map((i) => i.agency.id)).size,
    notices: new Set(items.map((i) => i.notice.id)).size,
    overdue: items.filter((i) => i.timeliness === "overdue").length,
    dueOnDay: items.filter((i) => i.dueOnDay).length,
    explanationPending: items.filter((i) => i.explanationPending).length,
  };
}

/** The most days overdue first, then the earliest due day, then by notice and directive. */
function byUrgency(a: AgendaItem, b: AgendaItem): number {
  return (
    (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1) ||
    (a.currentDueOn ?? "9999").localeCompare(b.currentDueOn ?? "9999") ||
    a.notice.id - b.notice.id ||
    a.directive.id - b.directive.id
  );
}

/** Items arrive by notice, directive and agency name: grouping keeps that order within a notice. */
export function sectionsOf(items: AgendaItem[], by: AgendaGrouping): AgendaSection[] {
  const sections = new Map<string, AgendaSection>();
  for (const item of items) {
    const key = by === "co-quan" ? `a${item.agency.id}` : `n${item.notice.id}`;
    let s = sections.get(key);
    if (!s) {
      const heading =
        by === "co-quan" ? item.agency.name : `${noticeLabel(item.notice)}: ${item.notice.title}`.replace(/\s+/g, " ");
      s = { key, heading, items: [] };
      sections.set(key, s);
    }
    s.items.push(item);
  }
  const list = [...sections.values()];
  if (by === "co-quan") {
    for (const s of list) s.items.sort(byUrgency);
    list.sort((a, b) => a.heading.localeCompare(b.heading, "vi"));
  }
  return list;
}

/** "Quá hạn 12 ngày", "Đến hạn ngày họp", then the state and any explanation awaited. */
export function agendaStatus(i: AgendaItem): string {
  const parts: string[] = [];
  if (i.timeliness === "overdue" && i.daysOverdue !== null) parts.push(`Quá hạn ${i.daysOverdue} ngày`);
  else if (i.dueOnDay) parts.push("Đến hạn ngày họp");
  parts.push(STATE_WORDS[i.state]);
  if (i.explanationPending && i.explanation) parts.push(`chưa giải trình (hạn ${formatDay(i.explanation.replyDueOn)})`);
  else if (i.explanationPending) parts.push("chưa giải trình");
  const s = parts.join("; ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const STATE_WORDS: Record<AgendaItem["state"], string> = {
  not_started: "chưa thực hiện",
  in_progress: "đang thực hiện",
  submitted: "chờ xác nhận hoàn thành",
  completed: "đã hoàn thành",
};

const ROLE_WORDS: Record<AgendaItem["role"], string> = { lead: "chủ trì", support: "phối hợp" };

/** The cells of a row: STT is the caller's. */
export function agendaCells(i: AgendaItem, by: AgendaGrouping) {
  const task = `${i.directive.ref ? `${i.directive.ref}. ` : ""}${i.directive.text}`.replace(/\s+/g, " ");
  const due = i.currentDueOn ? formatDay(i.currentDueOn) : "Không có thời hạn";
  const extended =
    i.originalDueOn && i.dueOn && i.originalDueOn !== i.dueOn ? `gia hạn từ ${formatDay(i.originalDueOn)}` : null;
  return {
    task,
    /** Where it came from, when the sections are agencies. */
    source: by === "co-quan" ? noticeLabel(i.notice) : null,
    agency: `${i.agency.name} (${ROLE_WORDS[i.role]})`,
    due,
    dueNote: [extended, i.directive.deadlinePhrase ? `“${i.directive.deadlinePhrase}”` : null]
      .filter(Boolean)
      .join("; "),
    status: agendaStatus(i),
    report: i.lastReport ? `${formatDay(i.lastReport.on)}: ${i.lastReport.text}` : "Chưa báo cáo",
  };
}

export function agendaTitle(day: string): string {
  return `DANH MỤC NỘI DUNG, NHIỆM VỤ CẦN XEM XÉT TẠI CUỘC HỌP NGÀY ${formatDay(day)}`;
}

export function agendaSubtitle(day: string): string {
  return `(Các nhiệm vụ theo thông báo kết luận, chỉ đạo trước ngày ${formatDay(day)} đã quá hạn, đến hạn vào ngày họp hoặc chưa giải trình)`;
}

export function countsSentence(c: AgendaCounts): string {
  return (
    `Tổng số ${c.tasks} lượt nhiệm vụ của ${c.agencies} cơ quan, đơn vị, thuộc ${c.directives} nhiệm vụ của ${c.notices} thông báo; ` +
    `trong đó quá hạn ${c.overdue}, đến hạn vào ngày họp ${c.dueOnDay}, chưa giải trình ${c.explanationPending}.`
  );
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function roman(n: number): string {
  let out = "";
  for (const [v, r] of ROMAN)
    while (n >= v) {
      out += r;
      n -= v;
    }
  return out;
}
