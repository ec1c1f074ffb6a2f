import { AGENCY_STATUS_LABELS, type AgencyStatus } from "@/lib/agencies/labels";
import { Badge } from "@/components/ui/badge";

const TONE = { active: "success", inactive: "neutral", ended: "warning" } as const;

export function AgencyStatusBadge({ status }: { status: AgencyStatus }) {
  return <Badge tone={TONE[status]}>{AGENCY_STATUS_LABELS[status]}</Badge>;
}
