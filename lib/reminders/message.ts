import { ASSIGNMENT_ROLE_LABELS } from "@/lib/notices/labels";
import { noticeLabel } from "@/lib/notices/notice-label";
import { daysBetween, formatDay, type DatePrecision } from "@/lib/time/calendar";

// What a reminder digest says, as pure functions of its items: the same words go in the e-mail
// and on the in-app list. Which tasks a day's digest reminds of follows the province's schedule:
// by default 7 and 3 days before the deadline, on the due day, then every 7 days while overdue.

/** A province's reminder days (Province.reminderDaysBefore, overdueReminderEveryDays). */
export interface ReminderSchedule {
  /** Days before the deadline on which to remind; 0 is the due day itself. */
  daysBefore: number[];
  /** While overdue, every so many days after the due day (0: never). */
  overdueEvery: number;
}

export const DEFAULT_SCHEDULE: ReminderSchedule = { daysBefore: [7, 3, 0], overdueEvery: 7 };

/** The furthest ahead any schedule may look, in days. */
export const MAX_DAYS_BEFORE = 60;

/**
 * "ongoing": an ongoing task (no due day) without a report in the province's current period
 * (lib/assignments/ongoing.ts), reminded on the schedule's days before the period's last day.
 */
export type DigestBucket = "overdue" | "due_today" | "due_soon" | "ongoing";

export const DIGEST_BUCKET_LABELS: Record<DigestBucket, string> = {
  overdue: "Quá hạn",
  due_today: "Đến hạn hôm nay",
  due_soon: "Sắp đến hạn",
  ongoing: "Chưa báo cáo kỳ này",
};

/** Stored in ReminderDigest.items (JSON). */
export interface DigestItem {
  assignmentId: number;
  /** The due day; for an ongoing task, the last day of the period whose report is asked. */
  dueOn: string;
  bucket: DigestBucket;
  /** Ongoing tasks: the period, as it reads ("tháng 07/2021"). */
  period?: string;
}

/** An item with what a reader needs to recognise it. */
export interface DigestLine extends DigestItem {
  role: "lead" | "support";
  directive: { ref: string; text: string; deadlinePhrase: string | null };
  notice: {
    kind: string;
    number: string | null;
    issuedOn: string | null;
    issuedPrecision: DatePrecision;
    meetingOn: string | null;
  };
}

/** The bucket a task falls in today if today is one of its reminder days by the schedule, else null. */
export function bucketOf(
  dueOn: string,
  today: string,
  schedule: ReminderSchedule = DEFAULT_SCHEDULE,
): DigestBucket | null {
  const days = daysBetween(today, dueOn);
  if (days < 0) return schedule.overdueEvery > 0 && -days % schedule.overdueEvery === 0 ? "overdue" : null;
  if (!schedule.daysBefore.includes(days)) return null;
  return days === 0 ? "due_today" : "due_soon";
}

/** Whether today is a reminder day of the ongoing tasks' period ending `periodEnd`: the schedule's days before it. */
export function ongoingReminderDay(
  periodEnd: string,
  today: string,
  schedule: ReminderSchedule = DEFAULT_SCHEDULE,
): boolean {
  const days = daysBetween(today, periodEnd);
  return days >= 0 && schedule.daysBefore.includes(days);
}

export function countBuckets(items: readonly { bucket: DigestBucket }[]): Record<DigestBucket, number> {
  const c: Record<DigestBucket, number> = { overdue: 0, due_today: 0, due_soon: 0, ongoing: 0 };
  for (const i of items) c[i.bucket]++;
  return c;
}

/**
 * What a line says of its deadline: "Hạn 10/07/2021 (“chậm nhất ngày 10/7/2021”) · Còn 2 ngày", or for
 * an ongoing task "Báo cáo tháng 07/2021 trước hết ngày 31/07/2021 (“thường xuyên”) · Còn 3 ngày".
 */
export function lineDueText(
  l: { bucket: DigestBucket; dueOn: string; period?: string; directive: { deadlinePhrase: string | null } },
  day: string,
): string {
  const phrase = l.directive.deadlinePhrase ? ` (“${l.directive.deadlinePhrase}”)` : "";
  if (l.bucket === "ongoing")
    return `Báo cáo ${l.period ?? "kỳ này"} trước hết ngày ${formatDay(l.dueOn)}${phrase} · ${dueWords(l.dueOn, day)}`;
  return `Hạn ${formatDay(l.dueOn)}${phrase} · ${dueWords(l.dueOn, day)}`;
}

/** "Quá hạn 12 ngày", "Đến hạn hôm nay", "Còn 2 ngày". */
export function dueWords(dueOn: string, today: string): string {
  const d = daysBetween(today, dueOn);
  if (d < 0) return `Quá hạn ${-d} ngày`;
  if (d === 0) return "Đến hạn hôm nay";
  return `Còn ${d} ngày`;
}

export function digestSubject(agencyName: string, day: string, items: readonly { bucket: DigestBucket }[]): string {
  const c = countBuckets(items);
  const parts = [
    c.overdue ? `${c.overdue} việc quá hạn` : null,
    c.due_today ? `${c.due_today} việc đến hạn hôm nay` : null,
    c.due_soon ? `${c.due_soon} việc sắp đến hạn` : null,
    c.ongoing ? `${c.ongoing} việc thường xuyên chưa báo cáo kỳ này` : null,
  ].filter(Boolean);
  return `[Nhắc việc ${formatDay(day)}] ${agencyName}: ${parts.join(", ")}`;
}

function shorten(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

const ORDER: DigestBucket[] = ["overdue", "due_today", "due_soon", "ongoing"];
const ROMAN = ["I", "II", "III", "IV"];

/** Sorts lines as they are read: overdue first (the longest first), then today, then soonest. */
export function sortLines<T extends DigestItem>(lines: T[]): T[] {
  return [...lines].sort(
    (a, b) =>
      ORDER.indexOf(a.bucket) - ORDER.indexOf(b.bucket) ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.assignmentId - b.assignmentId,
  );
}

/** The plain-text e-mail: salutation, one section per bucket, where to answer. */
export function digestText(input: {
  agencyName: string;
  provinceName: string;
  day: string;
  lines: DigestLine[];
  boardUrl: string;
}): string {
  const { agencyName, provinceName, day, boardUrl } = input;
  const lines = sortLines(input.lines);
  const out: string[] = [
    `Kính gửi: ${agencyName}`,
    "",
    `Hệ thống theo dõi thực hiện chỉ đạo của Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh ${provinceName} nhắc các nhiệm vụ của đơn vị, tính đến ngày ${formatDay(day)}:`,
  ];
  let section = 0;
  for (const bucket of ORDER) {
    const group = lines.filter((l) => l.bucket === bucket);
    if (group.length === 0) continue;
    out.push("", `${ROMAN[section++]}. ${DIGEST_BUCKET_LABELS[bucket].toUpperCase()}: ${group.length} nhiệm vụ`);
    group.forEach((l, i) => {
      out.push(
        `${i + 1}. ${shorten(l.directive.text)}`,
        `   ${ASSIGNMENT_ROLE_LABELS[l.role]} · mục ${l.directive.ref}, ${noticeLabel(l.notice)}`,
        `   ${lineDueText(l, day)}`,
      );
    });
  }
  out.push(
    "",
    `Đề nghị đơn vị cập nhật tiến độ, báo cáo kết quả hoặc đề nghị gia hạn tại: ${boardUrl}`,
    "",
    "Thư này được gửi tự động, mỗi ngày một lần; vui lòng không trả lời thư.",
  );
  return out.join("\n");
}
