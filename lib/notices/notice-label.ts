import { NOTICE_KIND_LABELS } from "@/lib/notices/labels";
import { formatDay, formatDayWithPrecision, type DatePrecision } from "@/lib/time/calendar";

export function noticeKindName(kind: string): string {
  return NOTICE_KIND_LABELS[kind] ?? kind;
}

/** "Thông báo số 875/TB-VPUBND ngày 30/05/2021", or a description that says what is missing. */
export function noticeLabel(n: {
  kind: string;
  number: string | null;
  issuedOn: string | null;
  issuedPrecision: DatePrecision;
  meetingOn?: string | null;
}): string {
  const number = n.number ? `số ${n.number}` : "chưa ghi số";
  const date =
    n.issuedPrecision === "day" && n.issuedOn
      ? `ngày ${formatDay(n.issuedOn)}`
      : n.issuedPrecision === "unknown" && n.meetingOn
        ? `cuộc họp ngày ${formatDay(n.meetingOn)}`
        : formatDayWithPrecision(n.issuedOn, n.issuedPrecision);
  return `${noticeKindName(n.kind)} ${number}, ${date}`;
}
