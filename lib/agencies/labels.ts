import type { AgencyKindName } from "@/lib/agencies/registry";

// What the screens call the kinds and states of an agency.

export const AGENCY_KIND_LABELS: Record<AgencyKindName, string> = {
  department: "Sở, ban, ngành",
  district: "UBND cấp huyện, xã",
  police: "Công an",
  military: "Quân sự, biên phòng",
  front: "Mặt trận, đoàn thể",
  media: "Báo, đài",
  other: "Khác",
};

export const AGENCY_STATUSES = ["active", "inactive", "ended"] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

export const AGENCY_STATUS_LABELS: Record<AgencyStatus, string> = {
  active: "Đang hoạt động",
  inactive: "Ngừng hoạt động",
  ended: "Đã sáp nhập, kế nhiệm",
};

/** Ended (merged into or succeeded by another) wins over the active flag. */
export function agencyStatus(a: { active: boolean; endedAt: Date | null }): AgencyStatus {
  if (a.endedAt) return "ended";
  return a.active ? "active" : "inactive";
}
