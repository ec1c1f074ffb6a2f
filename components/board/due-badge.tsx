import { daysLeft, daysOverdue, judge, type TimelinessInput } from "@/lib/assignments/timeliness";
import { formatDay } from "@/lib/time/calendar";
import { Badge } from "@/components/ui/badge";

/** The due day with what it means today: days left, due today, days overdue, done on time or late. */
export function DueBadge({
  assignment,
  today,
  phrase,
}: {
  assignment: TimelinessInput;
  today: string;
  phrase?: string | null;
}) {
  const t = judge(assignment, today);
  const due = assignment.dueOn;
  if (!due) {
    return (
      <Badge tone="neutral" title={phrase ?? undefined}>
        {phrase ? "Thường xuyên" : "Không có thời hạn"}
      </Badge>
    );
  }
  if (t === "completed_on_time") return <Badge tone="success">Xong đúng hạn {formatDay(due)}</Badge>;
  if (t === "completed_late") return <Badge tone="warning">Xong quá hạn (hạn {formatDay(due)})</Badge>;
  if (t === "overdue") {
    return (
      <Badge tone="danger" title={phrase ?? undefined}>
        Quá hạn {daysOverdue(due, today)} ngày · hạn {formatDay(due)}
      </Badge>
    );
  }
  const left = daysLeft(due, today);
  if (left === 0) return <Badge tone="warning">Đến hạn hôm nay {formatDay(due)}</Badge>;
  return (
    <Badge tone={left <= 3 ? "warning" : "info"} title={phrase ?? undefined}>
      Hạn {formatDay(due)} · còn {left} ngày
    </Badge>
  );
}
