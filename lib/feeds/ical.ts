import ical, { ICalAlarmType } from "ical-generator";
import { STATE_LABELS } from "@/lib/assignments/state";
import { TIMELINESS_LABELS } from "@/lib/assignments/timeliness";
import { shorten } from "@/lib/meetings/agenda-text";
import { ASSIGNMENT_ROLE_LABELS, RECURRENCE_LABELS } from "@/lib/notices/labels";
import { noticeLabel } from "@/lib/notices/notice-label";
import type { TaskRow } from "@/lib/reports/types";
import { addDays, formatDay, fromIsoDay } from "@/lib/time/calendar";

// A calendar feed as iCalendar text (RFC 5545, written by ical-generator): one all-day event per
// open task on the day it is due today (an approved extension's day; a recurring directive's
// current period's report day), named so that it reads on a phone's agenda. No database here.

export const FEED_TIMEZONE = "Asia/Ho_Chi_Minh";
const SUMMARY_CHARS = 90;

export interface FeedCalendar {
  /** X-WR-CALNAME: "Nhiệm vụ – Sở Y tế". */
  name: string;
  description: string;
  /** The app's address (appBaseUrl): links to each task and the events' UIDs' host. */
  baseUrl: string;
  /** DTSTAMP of every event: when the feed was made. */
  stamp: Date;
  tasks: TaskRow[];
}

/** "assignment-12@chidao.example.vn": the same event from fetch to fetch, whatever its day becomes. */
export function eventUid(assignmentId: number, baseUrl: string): string {
  return `assignment-${assignmentId}@${new URL(baseUrl).host}`;
}

export function taskUrl(assignmentId: number, baseUrl: string): string {
  return new URL(`/nhiem-vu/${assignmentId}`, baseUrl).toString();
}

/** "[Sở Y tế] Hạn: Tổ chức xét nghiệm diện rộng…" */
export function eventSummary(t: TaskRow): string {
  return `[${t.agency.name}] Hạn: ${shorten(t.directive.text, SUMMARY_CHARS)}`;
}

function dueLine(t: TaskRow): string {
  const due = formatDay(t.currentDueOn);
  if (t.directive.recurrence) {
    return `Hạn báo cáo kỳ này: ${due} (định kỳ ${RECURRENCE_LABELS[t.directive.recurrence] ?? t.directive.recurrence})`;
  }
  const extended = t.originalDueOn && t.dueOn && t.originalDueOn !== t.dueOn;
  return `Hạn: ${due}${extended ? ` (đã gia hạn, hạn ban đầu ${formatDay(t.originalDueOn)})` : ""}`;
}

export function eventDescription(t: TaskRow, baseUrl: string): string {
  const state = `${STATE_LABELS[t.state]}${t.timeliness === "overdue" ? ` · ${TIMELINESS_LABELS.overdue}${t.daysOverdue ? ` ${t.daysOverdue} ngày` : ""}` : ""}`;
  return [
    `${noticeLabel(t.notice)}: ${t.notice.title}`,
    `Mục ${t.directive.ref}: ${t.directive.text}`,
    `Cơ quan: ${t.agency.name} (${ASSIGNMENT_ROLE_LABELS[t.role].toLowerCase()})`,
    `Trạng thái: ${state}`,
    dueLine(t),
    ...(t.directive.deadlinePhrase ? [`Thông báo ghi: “${t.directive.deadlinePhrase}”`] : []),
    `Xem nhiệm vụ: ${taskUrl(t.assignmentId, baseUrl)}`,
  ].join("\n");
}

export function feedIcs(feed: FeedCalendar): string {
  // No calendar "timezone" option: ical-generator would then write all-day dates in the server's
  // own zone. Days are written as they are (midnight UTC = that calendar day); the zone is named.
  const calendar = ical({
    name: feed.name,
    description: feed.description,
    prodId: { company: "Ban Chi dao phong chong dich", product: "Theo doi chi dao", language: "VI" },
    ttl: 60 * 60,
  });
  calendar.x([{ key: "X-WR-TIMEZONE", value: FEED_TIMEZONE }]);
  for (const t of feed.tasks) {
    if (!t.currentDueOn) continue;
    calendar.createEvent({
      id: eventUid(t.assignmentId, feed.baseUrl),
      allDay: true,
      start: fromIsoDay(t.currentDueOn),
      end: fromIsoDay(addDays(t.currentDueOn, 1)),
      stamp: feed.stamp,
      summary: eventSummary(t),
      description: eventDescription(t, feed.baseUrl),
      url: taskUrl(t.assignmentId, feed.baseUrl),
      // 09:00 the day before (15 hours before the due day begins).
      alarms: [{ type: ICalAlarmType.display, trigger: 15 * 3600, description: eventSummary(t) }],
    });
  }
  return calendar.toString();
}
