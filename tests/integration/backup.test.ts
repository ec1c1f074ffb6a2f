import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportProgress } from "@/lib/assignments/workflow";
import { loadSessionUser } from "@/lib/auth/credentials";
import { backupDatabase, readBackupHeader, restoreDatabase } from "@/lib/db/backup";
import { PDF_BYTES } from "@/tests/helpers/workflow-fixture";
import { seedDemo } from "@/prisma/seed/demo";
import { tableChecksums } from "@/tests/helpers/table-checksums";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// Back up, change, restore: every table is as it was at the backup, rows, ids, files, audit log
// and running totals alike; the ids then go on where they stopped; a backup from a newer version
// is refused and says so. On PostgreSQL and on the embedded database alike (each test run).

let t: TestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), "backup-test-"));
const file = path.join(dir, "sao-luu.jsonl.gz");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  const syt = await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.syt" } });
  const actor = (await loadSessionUser(t.prisma, syt.id))!;
  const task = await t.prisma.assignment.findFirstOrThrow({
    where: { agency: { users: { some: { userId: syt.id } } } },
    select: { id: true, version: true },
  });
  await reportProgress(t.prisma, actor, {
    assignmentId: task.id,
    version: task.version,
    text: "Đã triển khai; kèm văn bản.",
    evidenceNumber: "12/SYT",
    evidenceDate: undefined,
    attachment: new File([PDF_BYTES], "bao-cao.pdf"),
  });
}, 180_000);

afterAll(async () => {
  await t?.drop();
});

describe("backup and restore", () => {
  it("restores every table exactly as it was backed up", async () => {
    const before = await tableChecksums(t.sql, ["_prisma_migrations"]);
    const header = await backupDatabase(t.sql, file);
    expect(header.tables.find((x) => x.name === "Attachment")?.rows).toBe(1);
    expect(header.migrations.length).toBeGreaterThan(5);

    // Changes after the backup: a new comment, a removed notice (and its tasks), a renamed agency.
    const a = await t.prisma.assignment.findFirstOrThrow({ select: { id: true } });
    await t.prisma.comment.create({ data: { assignmentId: a.id, body: "Sau sao lưu" } });
    await t.prisma.notice.delete({ where: { id: (await t.prisma.notice.findFirstOrThrow()).id } });
    await t.prisma.agency.updateMany({ where: { name: "Sở Y tế" }, data: { shortName: "Đổi" } });
    expect(await tableChecksums(t.sql, ["_prisma_migrations"])).not.toEqual(before);

    const restored = await restoreDatabase(t.sql, file);
    expect(restored.Assignment).toBeGreaterThan(100);
    expect(await tableChecksums(t.sql, ["_prisma_migrations"])).toEqual(before);

    // The file's bytes came back too, and new rows get new ids after the restored ones.
    const stored = await t.sql.query<{ ok: boolean }>(`SELECT data = $1 AS ok FROM "Attachment"`, [
      Buffer.from(PDF_BYTES),
    ]);
    expect(stored).toEqual([{ ok: true }]);
    const [{ max }] = (await t.sql.query<{ max: number }>(`SELECT max(id) AS max FROM "Comment"`)) as [
      { max: number | null },
    ];
    const [created] = await t.sql.query<{ id: number }>(
      `INSERT INTO "Comment" ("assignmentId", body) VALUES ($1, 'mới') RETURNING id`,
      [a.id],
    );
    expect(created!.id).toBeGreaterThan(max ?? 0);
  });

  it("refuses a backup made by a newer version, changing nothing", async () => {
    const header = await readBackupHeader(file);
    const lines = zlib.gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    lines[0] = JSON.stringify({ ...header, migrations: [...header.migrations, "20991231000000_future"] });
    const newer = path.join(dir, "moi-hon.jsonl.gz");
    writeFileSync(newer, zlib.gzipSync(lines.join("\n")));
    const before = await tableChecksums(t.sql);
    await expect(restoreDatabase(t.sql, newer)).rejects.toThrow(/phiên bản mới hơn.*20991231000000_future/);
    expect(await tableChecksums(t.sql)).toEqual(before);
  });

  it("refuses a file that is not a backup", async () => {
    const junk = path.join(dir, "khong-phai.gz");
    writeFileSync(junk, zlib.gzipSync('{"hello":1}\n'));
    await expect(restoreDatabase(t.sql, junk)).rejects.toThrow("Tệp không phải tệp sao lưu của ứng dụng này.");
    writeFileSync(junk, "plain text");
    await expect(restoreDatabase(t.sql, junk)).rejects.toThrow(/không phải tệp sao lưu|bị hỏng/);
  });
});
