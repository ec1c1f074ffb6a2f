import { ValidationError } from "@/lib/errors";
import { DEFAULT_LIMIT } from "@/lib/api/schemas";

// The API's paging: an opaque cursor (base64url of the next row's position in the list's fixed
// order) and a limit. The lists are read through the app's own page-at-a-time queries; the cursor
// says where the next page starts, whatever limit the caller asks next.

const MAX_OFFSET = 10_000_000;

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    const o = value?.o;
    if (typeof o === "number" && Number.isInteger(o) && o >= 0 && o <= MAX_OFFSET) return o;
  } catch {
    // fall through
  }
  throw new ValidationError("Tham số cursor không hợp lệ: dùng đúng giá trị nextCursor của trang trước.", {
    cursor: ["Tham số cursor không hợp lệ."],
  });
}

export interface Paged<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * `limit` rows from `offset`, read through a query that answers pages of a fixed size (page 1 =
 * the first rows) and the total: one page when the offset falls on a page boundary, else two.
 */
export async function window<T>(
  q: { cursor?: string; limit?: number },
  fetchPage: (page: number, pageSize: number) => Promise<{ rows: T[]; total: number }>,
): Promise<Paged<T>> {
  const offset = decodeCursor(q.cursor);
  const limit = q.limit ?? DEFAULT_LIMIT;
  const first = Math.floor(offset / limit) + 1;
  const a = await fetchPage(first, limit);
  const total = a.total;
  if (offset >= total) return { data: [], nextCursor: null };
  let rows = a.rows.slice(offset - (first - 1) * limit);
  if (rows.length < limit && first * limit < total) {
    const b = await fetchPage(first + 1, limit);
    rows = [...rows, ...b.rows].slice(0, limit);
  }
  const next = offset + rows.length;
  return { data: rows, nextCursor: rows.length > 0 && next < total ? encodeCursor(next) : null };
}

/** The same over a list read whole (a province's agencies, the overview's rows). */
export function sliceOf<T>(q: { cursor?: string; limit?: number }, all: T[]): Paged<T> {
  const offset = decodeCursor(q.cursor);
  const limit = q.limit ?? DEFAULT_LIMIT;
  const data = all.slice(offset, offset + limit);
  const next = offset + data.length;
  return { data, nextCursor: data.length > 0 && next < all.length ? encodeCursor(next) : null };
}
