import "server-only";
import { registryForProvince } from "@/lib/agencies/queries";
import type { AgencyRegistry } from "@/lib/agencies/registry";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { EdxmlHeader } from "@/lib/edxml/parse";
import { extractNotice, type ExtractionResult } from "@/lib/extract";
import { extractReading } from "@/lib/intake/extract-reading";
import { findDuplicates, type DuplicateNotice } from "@/lib/intake/duplicates";
import { cleanNoticeText } from "@/lib/intake/read-upload";
import { createNotice } from "@/lib/notices/create";
import { ZReviewedDraft } from "@/lib/notices/draft";
import type { ConfirmNoticeInput } from "@/lib/intake/schemas";
import { sourceFileFor } from "@/lib/intake/source-file";
import { today } from "@/lib/time/today";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

// Intake: the app proposes a notice from its text; nothing is stored until the secretariat has
// checked the proposal and confirms it.

export interface Proposal extends ExtractionResult {
  sourceText: string;
  /** The uploaded document, kept for the notice (null for pasted text). */
  sourceFileId: number | null;
  registry: AgencyRegistry;
  duplicates: DuplicateNotice[];
}

function provinceOf(actor: SessionUser): number {
  if (actor.provinceId === null)
    throw new ForbiddenError("Tài khoản không thuộc tỉnh nào nên không nhập được thông báo.");
  authorize(actor, "notice.create", { provinceId: actor.provinceId });
  return actor.provinceId;
}

/** What reading an uploaded file found beside its text: an edXML package's header, warnings. */
export interface ReadingExtras {
  exchange: EdxmlHeader | null;
  warnings: string[];
}

/**
 * The proposal from the notice's text; for an uploaded file, the e-office header laid over what
 * the text says (it outranks it; a disagreement is a warning) and the reading's own warnings.
 */
export async function proposeNotice(
  db: Db,
  actor: SessionUser,
  rawText: string,
  extras?: ReadingExtras,
  sourceFileId: number | null = null,
): Promise<Proposal> {
  const provinceId = provinceOf(actor);
  const sourceText = cleanNoticeText(rawText);
  const registry = await registryForProvince(db, provinceId);
  const options = { today: today() };
  const result = extras
    ? extractReading(
        {
          text: sourceText,
          source: { kind: "text", fileName: null },
          pages: [],
          exchange: extras.exchange,
          warnings: extras.warnings,
        },
        registry,
        options,
      )
    : extractNotice(sourceText, registry, options);
  const duplicates = await findDuplicates(db, provinceId, result.draft.notice, sourceText, result.draft.directives);
  return { ...result, sourceText, registry, duplicates, sourceFileId };
}

export { ZConfirmNotice, type ConfirmNoticeInput } from "@/lib/intake/schemas";

export class DuplicateNoticeError extends ConflictError {
  override readonly code = "duplicate";
  override details() {
    return { duplicates: this.duplicates };
  }
  constructor(readonly duplicates: DuplicateNotice[]) {
    super(
      "Thông báo này có vẻ đã được nhập (cùng số và ngày, cùng nội dung, hoặc cùng ngày với gần như cùng các nhiệm vụ). Kiểm tra lại trước khi lưu.",
    );
  }
}

export async function confirmNotice(db: Db, actor: SessionUser, input: ConfirmNoticeInput): Promise<number> {
  const provinceId = provinceOf(actor);
  const { draft, acceptedNewAgencies, acknowledgeDuplicates, publish } = input;
  const sourceText = cleanNoticeText(input.sourceText);
  if (draft.directives.length === 0) throw new ValidationError("Thông báo chưa có nhiệm vụ nào để theo dõi.");
  // The gate parsed the input with ZConfirmNotice; callers outside it are held to the same rule.
  const undated = ZReviewedDraft.safeParse(draft);
  if (!undated.success) {
    const issues = undated.error.issues.map((i) => ({ ...i, path: ["draft", ...i.path] }));
    const first = undated.error.issues[0]!;
    const d = first.path[0] === "directives" ? draft.directives[Number(first.path[1])] : undefined;
    throw new ValidationError(
      d ? `Nhiệm vụ ${d.ref || "(chưa đánh số)"}: ${first.message}` : first.message,
      fieldErrorsOf(issues),
    );
  }
  const noAgency = draft.directives.find((d) => d.assignments.length === 0);
  if (noAgency) throw new ValidationError(`Nhiệm vụ ${noAgency.ref || "(chưa đánh số)"} chưa giao cho cơ quan nào.`);

  const accepted = new Set(acceptedNewAgencies);
  const registry = await registryForProvince(db, provinceId);
  const known = new Set(registry.agencies.map((a) => a.name));
  for (const d of draft.directives) {
    for (const a of d.assignments) {
      if (!known.has(a.agency) && !accepted.has(a.agency)) {
        throw new ValidationError(
          `Cơ quan “${a.agency}” chưa có trong danh mục; hãy chấp nhận thêm mới hoặc chọn cơ quan có sẵn.`,
        );
      }
    }
  }
  if (!acknowledgeDuplicates) {
    const duplicates = await findDuplicates(db, provinceId, draft.notice, sourceText, draft.directives);
    if (duplicates.length > 0) throw new DuplicateNoticeError(duplicates);
  }
  return createNotice(
    db,
    actor,
    provinceId,
    { draft, sourceText },
    {
      status: publish ? "published" : "draft",
      createNewAgencies: true,
      sourceFileId: await sourceFileFor(db, actor, input.sourceFileId),
    },
  );
}
