import { formatDay, formatDayWithPrecision } from "@/lib/time/format";

const KIND_NAMES: Record<string, string> = { TB: "Thông báo", CV: "Công văn", CT: "Chỉ thị", QD: "Quyết định", KH: "Kế hoạch", CD: "Công điện" };

export function noticeKindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}

/** "Thông báo số 875/TB-VPUBND ngày 30/05/2021", or a description that says what is missing. */
export function noticeLabel(n: { kind: string; number: string | null; issuedOn: string | null; issuedPrecision: "day" | "month" | "year" | "unknown"; meetingOn?: string | null }): string {
  const number = n.number ? `số ${n.number}` : "chưa ghi số";
  const date =
    n.issuedPrecision === "day" && n.issuedOn
      ? `ngày ${formatDay(n.issuedOn)}`
      : n.issuedPrecision === "unknown" && n.meetingOn
        ? `cuộc họp ngày ${formatDay(n.meetingOn)}`
        : formatDayWithPrecision(n.issuedOn, n.issuedPrecision);
  return `${noticeKindName(n.kind)} ${number}, ${date}`;
}
