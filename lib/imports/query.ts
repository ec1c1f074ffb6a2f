import type { SearchParams } from "@/lib/auth/gate";
import { toId } from "@/lib/validation/fields";

/** The import pages' address: `?lan=` the id of the upload being previewed; anything else is none. */
export function parseImportQuery(raw: SearchParams): { batchId: number | undefined } {
  const v = raw.lan;
  return { batchId: toId(Array.isArray(v) ? v[0] : v) };
}
