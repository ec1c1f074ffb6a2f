import { daysLeft, daysOverdue, dueInForce, judge, type TimelinessInput } from "@/lib/assignments/timeliness";
import { isRecurrence } from "@/lib/deadlines/period";
import { formatDay } from "@/lib/time/calendar";
import { Badge } from "@/components/ui/badge";

/**
 * The due day with what it means today: days left, due today, days overdue, done on time or late.
 * A recurring directive ("hằng tuần", `recurrence`) is judged per period: this period's report is
 * due, sent or late.
 */
export function DueBadge({
  assignment,
  today,
  phrase,
  recurrence,
}: {
  assignment: TimelinessInput;
  today: string;
  phrase?: string | null;
  recurrence?: string | null;
}) {
  const a = { ...assignment, recurrence: isRecurrence(recurrence) ? recurrence : (assignment.recurrence ?? null) };
  const t = judge(a, today);
  const due = dueInForce(a, today);
  if (!due) {
    return (
      <Badge tone="neutral" title={phrase ?? undefined}>
        {phrase ? "Thường xuyên" : "Không có thời hạn"}
      </Badge>
    );
  }
  // One string per badge: each piece of text apart is a node of its own, in the HTML and in the
  // page's React payload, and a notice's page shows hundreds of these.
  if (t === "completed_on_time") return <Badge tone="success">{`Xong đúng hạn ${formatDay(due)}`}</Badge>;
  if (t === "completed_late") return <Badge tone="warning">{`Xong quá hạn (hạn ${formatDay(due)})`}</Badge>;
  const periodic = a.recurrence && a.state !== "completed" && a.dueOn !== null && today > a.dueOn;
  if (periodic && a.periodReported) {
    return (
      <Badge tone="success" title={phrase ?? undefined}>
        {`Đã báo cáo kỳ này · hạn ${formatDay(due)}`}
      </Badge>
    );
  }
  const what = periodic ? "Báo cáo kỳ này " : "";
  if (t === "overdue") {
    return (
      <Badge tone="danger" title={phrase ?? undefined}>
        {`${what}${periodic ? "quá hạn" : "Quá hạn"} ${daysOverdue(due, today)} ngày · hạn ${formatDay(due)}`}
      </Badge>
    );
  }
  const left = daysLeft(due, today);
  if (left === 0)
    return <Badge tone="warning">{`${what}${periodic ? "đến hạn" : "Đến hạn"} hôm nay ${formatDay(due)}`}</Badge>;
  return (
    <Badge tone={left <= 3 ? "warning" : "info"} title={phrase ?? undefined}>
      {`${what}${periodic ? "hạn" : "Hạn"} ${formatDay(due)} · còn ${left} ngày`}
    </Badge>
  );
}
