import { z } from "zod";
import { ROLE_NAMES } from "@/lib/auth/user";
import { toPageNumber } from "@/lib/validation/fields";

// The account list's filters, in the address (?q=…&role=…&status=…&page=…): malformed values are
// left out, never an error, so a shared link still opens.

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const oneOf = <T extends readonly string[]>(values: T) =>
  z.preprocess(
    (v) => {
      const x = first(v);
      return typeof x === "string" && (values as readonly string[]).includes(x) ? x : undefined;
    },
    z.enum(values as unknown as [T[number], ...T[number][]]).optional(),
  );

export const ZAccountFilters = z.object({
  q: z.preprocess((v) => {
    const x = first(v);
    return typeof x === "string" && x.trim() ? x.trim().slice(0, 100) : undefined;
  }, z.string().optional()),
  role: oneOf(ROLE_NAMES),
  status: oneOf(["active", "inactive"] as const),
  page: z.preprocess(toPageNumber, z.number()),
});
export type AccountFilterQuery = z.output<typeof ZAccountFilters>;

export function parseAccountFilters(raw: Record<string, unknown>): AccountFilterQuery {
  return ZAccountFilters.parse(raw);
}
