import { Badge } from "@/components/ui/badge";
import { explanationLabel } from "@/lib/reports/sheets";
import type { DirectiveGroup, TaskRow } from "@/lib/reports/types";
import { formatDay } from "@/lib/time/calendar";

/**
 * A task's explanation request: asked (with the day), answered (with the day), or, unanswered past
 * its reply day, "Quá hạn giải trình" in red with a marker (the words carry it without colour).
 */
export function ExplanationBadge({ e }: { e: TaskRow["explanation"] }) {
  if (!e) return null;
  const label = explanationLabel(e)!;
  if (e.late)
    return (
      <span data-testid="explanation-state" data-state="late">
        <Badge tone="danger" title={`Yêu cầu ngày ${formatDay(e.requestedOn)}, hạn trả lời ${formatDay(e.replyDueOn)}`}>
          <span aria-hidden="true" className="inline-block size-2 rounded-full bg-red-600" />
          {label}
        </Badge>
      </span>
    );
  return (
    <span data-testid="explanation-state" data-state={e.status}>
      <Badge tone={e.status === "answered" ? "success" : "warning"} title={`Hạn trả lời ${formatDay(e.replyDueOn)}`}>
        {label}
      </Badge>
    </span>
  );
}

/** A directive's agencies asked to explain, and how many answered ("Giải trình: 3/16 cơ quan được yêu cầu, 1 đã trả lời"). */
export function GroupExplanations({ g }: { g: DirectiveGroup }) {
  const { asked, answered, late } = g.explanations;
  if (asked === 0) return null;
  if (g.tasks.length === 1) return <ExplanationBadge e={g.tasks[0]!.explanation} />;
  return (
    <div
      className="text-xs text-slate-700"
      data-testid="group-explanations"
      data-asked={asked}
      data-answered={answered}
      data-late={late}
    >
      <div>
        Đã yêu cầu giải trình: {asked}/{g.tasks.length} cơ quan
      </div>
      <div>Đã giải trình: {answered}</div>
      {late > 0 ? (
        <Badge tone="danger">
          <span aria-hidden="true" className="inline-block size-2 rounded-full bg-red-600" />
          Quá hạn giải trình: {late}
        </Badge>
      ) : null}
    </div>
  );
}
