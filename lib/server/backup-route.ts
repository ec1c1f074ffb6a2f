import "server-only";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { addressFromHeaders } from "@/lib/auth/client-address";
import { backupDatabase } from "@/lib/db/backup";
import { embeddedDatabase } from "@/lib/db/client";
import { pgSqlClient, wrapPGlite } from "@/lib/db/sql-client";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { tokenMatches } from "@/lib/server/running";

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

/** The running app's backup of its own database, streamed back to the script that asked. */
export async function backupFromRunningApp(request: Request): Promise<Response> {
  const config = env();
  const address = addressFromHeaders(request.headers);
  // Anyone else is told there is nothing here.
  if (!address || !LOOPBACK.has(address) || !tokenMatches(config.DATA_DIR, request.headers.get("x-backup-token")))
    throw new NotFoundError("Địa chỉ");
  const dir = mkdtempSync(path.join(os.tmpdir(), "chi-dao-backup-"));
  const file = path.join(dir, "backup.jsonl.gz");
  const pglite = config.DATABASE_URL ? undefined : embeddedDatabase();
  const client = pglite ? wrapPGlite(pglite) : await pgSqlClient(config.DATABASE_URL!);
  try {
    await backupDatabase(client, file);
  } finally {
    if (!pglite) await client.close();
  }
  const stream = createReadStream(file);
  stream.on("close", () => rmSync(dir, { recursive: true, force: true }));
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: { "content-type": "application/gzip", "cache-control": "no-store" },
  });
}
