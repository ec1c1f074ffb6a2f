import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, sliceOf, window } from "@/lib/api/cursor";
import { ValidationError } from "@/lib/errors";

// The API's paging over the app's page-at-a-time queries: whatever limits a caller asks page by
// page, following nextCursor reads every row once, in order.

/** A query answering pages of a fixed size, as searchNotices and listTasks do. */
const source = (rows: number[]) => async (page: number, pageSize: number) => ({
  rows: rows.slice((page - 1) * pageSize, page * pageSize),
  total: rows.length,
});

async function follow(rows: number[], limits: number[], whole: boolean): Promise<number[]> {
  const out: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const q = { cursor, limit: limits[i % limits.length] };
    const r = whole ? sliceOf(q, rows) : await window(q, source(rows));
    out.push(...r.data);
    if (!r.nextCursor) return out;
    cursor = r.nextCursor;
  }
  throw new Error("no last page");
}

describe("cursor paging", () => {
  it("reads every row once, in order, whatever the limits", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (n, limits, whole) => {
          const rows = Array.from({ length: n }, (_, i) => i + 1);
          expect(await follow(rows, limits, whole)).toEqual(rows);
        },
      ),
    );
  });

  it("an empty list and a cursor past the end answer no rows and no next cursor", async () => {
    expect(await window({}, source([]))).toEqual({ data: [], nextCursor: null });
    expect(await window({ cursor: encodeCursor(50) }, source([1, 2]))).toEqual({ data: [], nextCursor: null });
  });

  it("refuses a cursor it did not make, in Vietnamese", () => {
    expect(decodeCursor(undefined)).toBe(0);
    expect(decodeCursor(encodeCursor(7))).toBe(7);
    for (const bad of ["x", "eyJvIjotMX0", encodeCursor(1.5), Buffer.from("[]").toString("base64url")])
      expect(() => decodeCursor(bad), bad).toThrow(ValidationError);
    expect(() => decodeCursor("x")).toThrow(/không hợp lệ/);
  });
});
