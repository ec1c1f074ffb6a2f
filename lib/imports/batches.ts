import "server-only";
import { authorize, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cleanFileName } from "@/lib/attachments/limits";
import type { AgencyPlan } from "@/lib/imports/agencies-plan";
import { applyAgencyPlan, planAgencyImport } from "@/lib/imports/agencies-store";
import { AGENCY_COLUMNS, USER_COLUMNS, type AgencyColumn, type UserColumn } from "@/lib/imports/columns";
import type { ImportKind, Preview, StoredTable } from "@/lib/imports/plan";
import type { AccountPlan } from "@/lib/imports/users-plan";
import { applyAccountPlan, passwordsFor, planUserImport, type NewPassword } from "@/lib/imports/users-store";
import { readRegistryFile } from "@/lib/registry-io/read";

// An import in two steps. Upload: the file is read (after the gate's permission check) and its
// rows kept in RegistryImport; nothing else is stored. Preview: the kept rows are planned against
// the registry as it is now. Confirm: the same rows planned again inside one transaction; the
// plan must be the one the administrator saw (same fingerprint), every row free of errors, and
// then everything is written, or nothing. The province is always the signed-in user's own, and
// only the user who uploaded a file may preview or confirm it.

/** What an upload kept in RegistryImport is: one of the two lists, or the register of directives (register.ts). */
export type BatchKind = ImportKind | "directives";

export const IMPORT_PERMISSION: Record<BatchKind, Action> = {
  agencies: "agency.manage",
  users: "user.manage",
  directives: "notice.create",
};
export const MAX_AGE_MS = 24 * 3_600_000;

export function ownProvince(actor: SessionUser, kind: BatchKind): number {
  if (actor.provinceId === null) throw new ForbiddenError();
  authorize(actor, IMPORT_PERMISSION[kind], { provinceId: actor.provinceId });
  return actor.provinceId;
}

export async function uploadImport(
  db: Db,
  actor: SessionUser,
  kind: ImportKind,
  file: { name: string; bytes: Uint8Array },
): Promise<{ batchId: number }> {
  const provinceId = ownProvince(actor, kind);
  const fileName = cleanFileName(file.name) || "tệp";
  const columns = kind === "agencies" ? AGENCY_COLUMNS : USER_COLUMNS;
  const read = await readRegistryFile<string>(fileName, file.bytes, columns);
  const table: StoredTable = { format: read.format, present: read.present, ignored: read.ignored, rows: read.rows };
  return storeBatch(db, actor, provinceId, kind, fileName, table);
}

/** Keeps a file's rows until its confirmation (an upload of the user's older than a day goes). */
export async function storeBatch(
  db: Db,
  actor: SessionUser,
  provinceId: number,
  kind: BatchKind,
  fileName: string,
  table: object,
): Promise<{ batchId: number }> {
  await db.registryImport.deleteMany({
    where: { createdById: actor.id, confirmedAt: null, createdAt: { lt: new Date(Date.now() - MAX_AGE_MS) } },
  });
  const row = await db.registryImport.create({
    data: { provinceId, createdById: actor.id, kind, fileName, table: table as unknown as Prisma.InputJsonValue },
    select: { id: true },
  });
  return { batchId: row.id };
}

export interface ImportBatch<K extends BatchKind = ImportKind, T = StoredTable> {
  id: number;
  kind: K;
  fileName: string;
  createdAt: Date;
  confirmedAt: Date | null;
  table: T;
}

/** The upload, when it is the actor's own, of the actor's province and of this kind; else not found. */
export async function loadBatch<K extends BatchKind, T = StoredTable>(
  db: Db | Tx,
  actor: SessionUser,
  kind: K,
  batchId: number,
): Promise<ImportBatch<K, T> & { provinceId: number }> {
  const provinceId = ownProvince(actor, kind);
  const row = await db.registryImport.findUnique({
    where: { id: batchId },
    select: {
      id: true,
      kind: true,
      fileName: true,
      createdAt: true,
      confirmedAt: true,
      table: true,
      provinceId: true,
      createdById: true,
    },
  });
  // Another user's upload, another province's, or the other kind answers as if it did not exist.
  if (!row || row.provinceId !== provinceId || row.createdById !== actor.id || row.kind !== kind)
    throw new NotFoundError("Tệp đã tải lên");
  return { ...row, kind, table: row.table as unknown as T };
}

/** Marks an upload confirmed inside the confirming transaction; a second confirmation is refused. */
export async function claimBatch(tx: Tx, batchId: number): Promise<void> {
  const { count } = await tx.registryImport.updateMany({
    where: { id: batchId, confirmedAt: null },
    data: { confirmedAt: new Date() },
  });
  if (count !== 1) throw new ConflictError("Tệp này đã được nhập rồi; không nhập lại lần nữa.");
}

export function expired(batch: { createdAt: Date }): boolean {
  return Date.now() - batch.createdAt.getTime() > MAX_AGE_MS;
}

function plan(db: Db | Tx, actor: SessionUser, batch: ImportBatch & { provinceId: number }) {
  return batch.kind === "agencies"
    ? planAgencyImport(db, batch.provinceId, batch.table as StoredTable<AgencyColumn>)
    : planUserImport(db, actor, batch.provinceId, batch.table as StoredTable<UserColumn>);
}

export interface BatchPreview {
  batch: Omit<ImportBatch, "table"> & { ignored: string[]; rows: number };
  preview: Preview;
  expired: boolean;
}

export async function previewImport(
  db: Db,
  actor: SessionUser,
  kind: ImportKind,
  batchId: number,
): Promise<BatchPreview> {
  const batch = await loadBatch(db, actor, kind, batchId);
  const { ops: _ops, ...preview } = await plan(db, actor, batch);
  const { table, provinceId: _p, ...meta } = batch;
  if (table.ignored.length > 0)
    preview.notes.unshift(`Các cột không dùng đến: ${table.ignored.map((h) => `“${h}”`).join(", ")}.`);
  return { batch: { ...meta, ignored: table.ignored, rows: table.rows.length }, preview, expired: expired(batch) };
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  groupsCreated: number;
  /** Accounts created, each with its temporary password: shown once, never stored in clear. */
  passwords: NewPassword[];
}

export async function confirmImport(
  db: Db,
  actor: SessionUser,
  kind: ImportKind,
  input: { batchId: number; fingerprint: string },
): Promise<ImportResult> {
  const batch = await loadBatch(db, actor, kind, input.batchId);
  if (batch.confirmedAt) throw new ConflictError("Tệp này đã được nhập rồi; không nhập lại lần nữa.");
  if (expired(batch)) throw new ConflictError("Bản xem trước đã quá một ngày; vui lòng tải tệp lên lại.");
  const outside = await plan(db, actor, batch);
  const checkPlan = (p: Preview) => {
    if (p.counts.error > 0)
      throw new ValidationError(`Còn ${p.counts.error} dòng có lỗi; chưa lưu gì. Hãy sửa tệp rồi tải lên lại.`);
    if (p.fingerprint !== input.fingerprint)
      throw new ConflictError(
        "Dữ liệu đã thay đổi từ lúc xem trước (có người vừa sửa danh mục hoặc tài khoản); chưa lưu gì. Tải lại trang để xem bản xem trước mới, rồi xác nhận.",
      );
  };
  checkPlan(outside);
  // Hashing is slow: done before the transaction, for the accounts the plan would create.
  const passwords = kind === "users" ? await passwordsFor(outside as AccountPlan) : new Map();
  return db.$transaction(
    async (tx) => {
      await claimBatch(tx, batch.id);
      const inside = await plan(tx, actor, batch);
      checkPlan(inside);
      const unchanged = inside.counts.unchanged;
      if (kind === "agencies") {
        const r = await applyAgencyPlan(tx, actor, batch.provinceId, inside as AgencyPlan);
        return { created: r.created, updated: r.updated, unchanged, groupsCreated: r.groupsCreated, passwords: [] };
      }
      const r = await applyAccountPlan(tx, actor, batch.provinceId, inside as AccountPlan, passwords);
      return { created: r.created.length, updated: r.updated, unchanged, groupsCreated: 0, passwords: r.created };
    },
    { timeout: 60_000, maxWait: 15_000 },
  );
}
