import type { SearchParams } from "@/lib/auth/gate";
import { parsePeriodKey, type Period } from "@/lib/ranking/periods";

/** The ranking page's address: `ky` = a period key ("2021-Q3", "2021-H2", "2021"); malformed → left out. */
export function parseRankingQuery(raw: SearchParams): { ky?: Period } {
  const v = raw.ky;
  const ky = parsePeriodKey(Array.isArray(v) ? v[0] : v);
  return ky ? { ky } : {};
}
