import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { audit } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { cleanFileName } from "@/lib/attachments/limits";
import { claimBatch, expired, loadBatch, ownProvince, storeBatch } from "@/lib/imports/batches";
import { guessMapping, headerRowIndex } from "@/lib/imports/register-columns";
import type { AgencyChoices, RegisterRegistry } from "@/lib/imports/register-agencies";
import {
  importedNoticeText,
  planRegister,
  type ColumnMapping,
  type RegisterPlan,
  type RegisterTable,
  type StoredNotice,
} from "@/lib/imports/register-plan";
import { createNotice } from "@/lib/notices/create";
import type { NoticeDraft } from "@/lib/notices/draft";
import { readSheetRows } from "@/lib/registry-io/read";
import { refuseFile } from "@/lib/registry-io/limits";
import { fromIsoDay, toIsoDay } from "@/lib/time/calendar";
import { now } from "@/lib/time/today";

// Importing the register of directives a province kept in Excel (sổ theo dõi), in three steps
// over one upload kept in RegistryImport (kind "directives"): the upload reads the sheet and
// keeps its header row and rows; the page maps its columns and previews the plan against the
// registry and the stored notices; the confirmation plans again inside one transaction, checks
// it is the plan the secretariat saw, and stores every notice of it, or nothing. Only the
// secretariat of the province (notice.create), and only the user who uploaded the file.

const KIND = "directives" as const;

export async function uploadRegister(
  db: Db,
  actor: SessionUser,
  file: { name: string; bytes: Uint8Array },
): Promise<{ batchId: number }> {
  const provinceId = ownProvince(actor, KIND);
  const fileName = cleanFileName(file.name) || "tệp";
  const { format, rows } = await readSheetRows(fileName, file.bytes);
  const at = headerRowIndex(rows);
  const data = rows.slice(at + 1);
  if (data.length === 0) refuseFile("file", `Tệp “${fileName}” chỉ có dòng tiêu đề, chưa có dòng nào của sổ.`);
  const table: RegisterTable = { format, headerLine: rows[at]!.line, headers: rows[at]!.cells, rows: data };
  return storeBatch(db, actor, provinceId, KIND, fileName, table);
}

async function registerState(
  db: Db | Tx,
  provinceId: number,
): Promise<{ registry: RegisterRegistry; stored: StoredNotice[] }> {
  const [province, agencies, groups, notices] = await Promise.all([
    db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { name: true } }),
    db.agency.findMany({
      where: { provinceId },
      orderBy: { id: "asc" },
      select: { id: true, name: true, shortName: true, aliases: true, active: true },
    }),
    db.agencyGroup.findMany({
      where: { provinceId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        aliases: true,
        members: { where: { agency: { active: true } }, select: { agencyId: true }, orderBy: { agencyId: "asc" } },
      },
    }),
    db.notice.findMany({
      where: { provinceId, number: { not: null } },
      select: { id: true, number: true, issuedOn: true },
    }),
  ]);
  return {
    registry: {
      provinceName: province.name,
      agencies,
      groups: groups.map(({ members, ...g }) => ({ ...g, memberIds: members.map((m) => m.agencyId) })),
    },
    stored: notices.map((n) => ({ id: n.id, number: n.number!, issuedOn: n.issuedOn ? toIsoDay(n.issuedOn) : null })),
  };
}

export interface RegisterRequest {
  /** The field of each column of the header row; null = as guessed from the headers. */
  mapping: ColumnMapping | null;
  choices: AgencyChoices;
}

export interface RegisterPreview {
  batch: { id: number; fileName: string; createdAt: Date; confirmedAt: Date | null; headerLine: number; rows: number };
  headers: string[];
  /** The mapping in force (what the page's selects show). */
  mapping: ColumnMapping;
  plan: RegisterPlan;
  expired: boolean;
  /** The province's active agencies, for mapping a name the registry lacks. */
  agencies: { id: number; name: string }[];
}

function mappingFor(table: RegisterTable, mapping: ColumnMapping | null): ColumnMapping {
  if (!mapping) return guessMapping(table.headers);
  return table.headers.map((_, i) => mapping[i] ?? "");
}

async function planOf(db: Db | Tx, provinceId: number, table: RegisterTable, request: RegisterRequest) {
  const { registry, stored } = await registerState(db, provinceId);
  const mapping = mappingFor(table, request.mapping);
  const plan = planRegister({ table, mapping, choices: request.choices, registry, stored });
  return { plan, mapping, registry };
}

export async function previewRegister(
  db: Db,
  actor: SessionUser,
  batchId: number,
  request: RegisterRequest,
): Promise<RegisterPreview> {
  const batch = await loadBatch<typeof KIND, RegisterTable>(db, actor, KIND, batchId);
  const { plan, mapping, registry } = await planOf(db, batch.provinceId, batch.table, request);
  return {
    batch: {
      id: batch.id,
      fileName: batch.fileName,
      createdAt: batch.createdAt,
      confirmedAt: batch.confirmedAt,
      headerLine: batch.table.headerLine,
      rows: batch.table.rows.length,
    },
    headers: batch.table.headers,
    mapping,
    plan,
    expired: expired(batch),
    agencies: registry.agencies
      .filter((a) => a.active)
      .map((a) => ({ id: a.id, name: a.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
  };
}

export interface RegisterResult {
  notices: number;
  directives: number;
  assignments: number;
  duplicates: number;
}

function draftOf(n: RegisterPlan["notices"][number], provinceName: string): NoticeDraft {
  return {
    notice: {
      kind: n.kind,
      number: n.number,
      issuer: `UBND tỉnh ${provinceName}`,
      place: null,
      issuedOn: n.issuedOn,
      issuedPrecision: "day",
      title: n.title ?? `Số ${n.number} (nhập từ sổ theo dõi)`,
      meetingOn: null,
      chair: null,
      signer: null,
      signingFormula: null,
      recipients: [],
      citations: [],
      audience: [],
      urgency: null,
    },
    directives: n.directives.map((d, i) => ({
      ref: String(i + 1),
      text: d.text,
      urgent: false,
      deadline: d.deadline,
      assignments: d.assignments.map((a) => ({ agency: a.agency, role: a.role, viaGroup: a.viaGroup, isNew: false })),
    })),
  };
}

/** Each directive's assignments set to the state the register gives them (one update per state and day). */
async function applyStates(tx: Tx, actor: SessionUser, noticeId: number, n: RegisterPlan["notices"][number]) {
  const at = now();
  for (const [position, d] of n.directives.entries()) {
    const groups = new Map<string, { state: string; completedOn: string | null; ids: number[] }>();
    for (const a of d.assignments) {
      if (a.state === "not_started") continue;
      const key = `${a.state}|${a.completedOn}`;
      const g = groups.get(key) ?? { state: a.state, completedOn: a.completedOn, ids: [] };
      g.ids.push(a.agencyId);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const completed = g.state === "completed";
      await tx.assignment.updateMany({
        where: { noticeId, directive: { position }, agencyId: { in: g.ids } },
        data: completed
          ? {
              state: "completed",
              startedAt: at,
              submittedAt: at,
              completedOn: g.completedOn ? fromIsoDay(g.completedOn) : null,
              confirmedAt: at,
              confirmedById: actor.id,
            }
          : { state: "in_progress", startedAt: at },
      });
    }
  }
}

export async function confirmRegister(
  db: Db,
  actor: SessionUser,
  input: { batchId: number; fingerprint: string; publish: boolean } & RegisterRequest,
): Promise<RegisterResult> {
  const batch = await loadBatch<typeof KIND, RegisterTable>(db, actor, KIND, input.batchId);
  if (batch.confirmedAt) throw new ConflictError("Tệp này đã được nhập rồi; không nhập lại lần nữa.");
  if (expired(batch)) throw new ConflictError("Bản xem trước đã quá một ngày; vui lòng tải tệp lên lại.");
  const check = (p: RegisterPlan) => {
    if (p.mappingErrors.length > 0) throw new ValidationError(p.mappingErrors.join(" "));
    if (p.counts.error > 0)
      throw new ValidationError(
        `Còn ${p.counts.error} dòng có lỗi (ghi bên cạnh từng dòng); chưa lưu gì. Sửa tệp hoặc chọn cơ quan tương ứng rồi xác nhận lại.`,
      );
    if (p.fingerprint !== input.fingerprint)
      throw new ConflictError(
        "Dữ liệu đã thay đổi từ lúc xem trước (danh mục cơ quan hoặc thông báo vừa được sửa); chưa lưu gì. Tải lại trang để xem bản xem trước mới, rồi xác nhận.",
      );
    if (p.notices.length === 0) throw new ValidationError("Không có thông báo nào để nhập (mọi dòng đều trùng).");
  };
  check((await planOf(db, batch.provinceId, batch.table, input)).plan);
  return db.$transaction(
    async (tx) => {
      await claimBatch(tx, batch.id);
      const { plan, registry } = await planOf(tx, batch.provinceId, batch.table, input);
      check(plan);
      for (const n of plan.notices) {
        const noticeId = await createNotice(
          tx,
          actor,
          batch.provinceId,
          { draft: draftOf(n, registry.provinceName), sourceText: importedNoticeText(n, batch.fileName, plan.rows) },
          {
            status: input.publish ? "published" : "draft",
            createNewAgencies: false,
            importId: batch.id,
            notify: false,
          },
        );
        await applyStates(tx, actor, noticeId, n);
        await audit(tx, {
          provinceId: batch.provinceId,
          actorId: actor.id,
          action: "notice.import",
          entityType: "Notice",
          entityId: noticeId,
          after: {
            importId: batch.id,
            fileName: batch.fileName,
            lines: n.lines,
            directives: n.directives.length,
            assignments: n.directives.reduce((m, d) => m + d.assignments.length, 0),
          },
        });
      }
      return {
        notices: plan.counts.notices,
        directives: plan.counts.directives,
        assignments: plan.counts.assignments,
        duplicates: plan.counts.duplicate,
      };
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}
