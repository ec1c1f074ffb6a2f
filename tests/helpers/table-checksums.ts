import type { SqlQueryable } from "@/lib/db/sql-client";

/** Every table's content as one checksum each (rows in a stable order), to compare a whole database. */
export async function tableChecksums(
  sql: SqlQueryable,
  leaveOut: readonly string[] = [],
): Promise<Record<string, string>> {
  const tables = (
    await sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).filter((r) => !leaveOut.includes(r.table_name));
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await sql.query<{ sum: string; n: string }>(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum, count(*)::text AS n FROM "${table_name}" x`,
    );
    out[table_name] = `${row!.n}:${row!.sum}`;
  }
  return out;
}
