import { Badge } from "@/components/ui/badge";
import type { DirectiveGroup } from "@/lib/reports/types";
import { formatDay } from "@/lib/time/calendar";

/** A task whose agency asked for more time and awaits the decision: "Đang xin gia hạn đến 20/07/2021". */
export function PendingExtensionBadge({ to }: { to: string | null }) {
  if (!to) return null;
  return (
    <span data-testid="pending-extension" data-to={to}>
      <Badge tone="warning">Đang xin gia hạn đến {formatDay(to)}</Badge>
    </span>
  );
}

/** A directive's agencies in the list that asked for more time ("Đang xin gia hạn: 2/16 cơ quan"). */
export function GroupPendingExtensions({ g }: { g: DirectiveGroup }) {
  if (g.pendingExtensions === 0) return null;
  if (g.tasks.length === 1) return <PendingExtensionBadge to={g.tasks[0]!.pendingExtensionTo} />;
  return (
    <span data-testid="group-pending-extensions" data-pending={g.pendingExtensions}>
      <Badge tone="warning">
        Đang xin gia hạn: {g.pendingExtensions}/{g.tasks.length} cơ quan
      </Badge>
    </span>
  );
}
