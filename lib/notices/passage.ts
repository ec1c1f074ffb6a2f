import "server-only";
import type { Db } from "@/lib/db/client";

/**
 * The words of the notice behind a directive (its recorded character range of the source text),
 * cut in the database so that the whole notice is not loaded. Callers have already checked that
 * the user may read the directive.
 */
export async function directivePassage(db: Db, directiveId: number): Promise<string | null> {
  const rows = await db.$queryRaw<{ passage: string | null }[]>`
    SELECT CASE WHEN d."sourceStart" IS NULL OR d."sourceEnd" IS NULL OR d."sourceEnd" <= d."sourceStart" THEN NULL
                ELSE substr(n."sourceText", d."sourceStart" + 1, d."sourceEnd" - d."sourceStart") END AS passage
    FROM "Directive" d JOIN "Notice" n ON n.id = d."noticeId"
    WHERE d.id = ${directiveId}`;
  const passage = rows[0]?.passage?.trim();
  return passage ? passage : null;
}
