import type { AssignmentState } from "@/lib/assignments/state";
import { STATE_LABELS } from "@/lib/assignments/state";
import { searchKey } from "@/lib/agencies/match";
import { describeDeadline, parseDeadline } from "@/lib/deadlines";
import { fingerprintOf } from "@/lib/imports/plan";
import {
  FIELD_LABELS,
  REGISTER_COLUMNS,
  STATE_CHOICES_TEXT,
  deadlineCellText,
  kindOfNumber,
  readCellDate,
  readState,
  splitNumberAndDate,
  type RegisterField,
} from "@/lib/imports/register-columns";
import {
  RegisterAgencyFinder,
  type AgencyChoices,
  type CellReading,
  type RegisterRegistry,
} from "@/lib/imports/register-agencies";
import { lacksDueDay, UNDATED_DEADLINE_MESSAGE, type Deadline } from "@/lib/notices/draft";
import { formatDay, type IsoDate } from "@/lib/time/calendar";

// The register of directives read against the province as it is (pure: the registry and the
// notices already stored are passed in). Each row is one directive or one agency's assignment of
// it; rows of one notice (same number and date) make one notice, rows of one notice with the same
// content one directive with all their agencies. Every problem is written beside its row; a
// notice already stored (same number and date) is shown and skipped. The plan is what the
// confirmation stores, and its fingerprint what it checks the preview against.

/** The file as kept between the upload and the confirmation: the header row and the rows under it. */
export interface RegisterTable {
  format: "xlsx" | "csv";
  headerLine: number;
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/** Which field each column holds, by position in the header row ("" = not used). */
export type ColumnMapping = (RegisterField | "")[];

export interface StoredNotice {
  id: number;
  number: string;
  issuedOn: IsoDate | null;
}

export type RegisterRowStatus = "ok" | "error" | "duplicate";

export interface RegisterRowView {
  line: number;
  status: RegisterRowStatus;
  number: string;
  date: IsoDate | null;
  content: string;
  lead: string[];
  support: string[];
  deadline: string;
  state: string;
  completedOn: IsoDate | null;
  errors: string[];
  warnings: string[];
  /** The stored notice of the same number and date. */
  duplicateOf: number | null;
}

export interface UnknownAgencyView {
  key: string;
  text: string;
  lines: number[];
  proposal: { id: number; name: string } | null;
  /** The secretariat's choice so far: an agency's id, 0 = left out, null = none yet. */
  chosen: number | null;
}

export interface PlannedAssignment {
  agencyId: number;
  agency: string;
  role: "lead" | "support";
  viaGroup: string | null;
  state: AssignmentState;
  completedOn: IsoDate | null;
}

export interface PlannedDirective {
  text: string;
  lines: number[];
  deadline: Deadline | null;
  assignments: PlannedAssignment[];
}

export interface PlannedNotice {
  kind: ReturnType<typeof kindOfNumber>;
  number: string;
  issuedOn: IsoDate;
  title: string | null;
  lines: number[];
  directives: PlannedDirective[];
}

export interface RegisterPlan {
  /** What is wrong with the column mapping itself: no preview until it is fixed. */
  mappingErrors: string[];
  rows: RegisterRowView[];
  unknown: UnknownAgencyView[];
  notices: PlannedNotice[];
  counts: { ok: number; error: number; duplicate: number; notices: number; directives: number; assignments: number };
  fingerprint: string;
}

export interface PlanInput {
  table: RegisterTable;
  mapping: ColumnMapping;
  choices: AgencyChoices;
  registry: RegisterRegistry;
  stored: StoredNotice[];
}

/** A number as compared: without diacritics, case or spaces ("875/TB-VPUBND" = "875 / tb-vpubnd"). */
export const numberKey = (n: string) => searchKey(n).replace(/\s+/g, "") || n.trim();

export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  for (const c of REGISTER_COLUMNS) {
    const n = mapping.filter((m) => m === c.key).length;
    if (n > 1) problems.push(`Trường “${c.header}” được chọn cho ${n} cột; mỗi trường chỉ một cột.`);
    else if (n === 0 && c.required) problems.push(`Chưa chọn cột nào là “${c.header}”.`);
  }
  return problems;
}

interface Row {
  view: RegisterRowView;
  noticeKey: string;
  title: string | null;
  deadline: Deadline | null;
  deadlineText: string;
  lead: CellReading;
  support: CellReading;
  state: AssignmentState;
}

export function planRegister(input: PlanInput): RegisterPlan {
  const { table, mapping, registry } = input;
  const mappingErrors = mappingProblems(mapping);
  const empty = { ok: 0, error: 0, duplicate: 0, notices: 0, directives: 0, assignments: 0 };
  if (mappingErrors.length > 0)
    return { mappingErrors, rows: [], unknown: [], notices: [], counts: empty, fingerprint: "" };

  const finder = new RegisterAgencyFinder(registry, input.choices);
  const at = (field: RegisterField) => mapping.indexOf(field);
  const stored = new Map(input.stored.map((n) => [`${numberKey(n.number)}|${n.issuedOn}`, n.id]));
  const names = (r: CellReading) =>
    r.targets.flatMap((t) => t.viaGroup ?? t.agencyIds.map((id) => finder.agency(id)!.name));

  const rows: Row[] = [];
  const unknown = new Map<string, UnknownAgencyView>();
  for (const { line, cells } of table.rows) {
    const cell = (f: RegisterField) => (at(f) >= 0 ? (cells[at(f)] ?? "").trim() : "");
    const errors: string[] = [];
    const warnings: string[] = [];
    let number = cell("number");
    let dateText = cell("date");
    if (!dateText && number) {
      const split = splitNumberAndDate(number);
      if (split.date) [number, dateText] = [split.number, split.date];
    }
    const date = readCellDate(dateText);
    if (!number) errors.push("Thiếu số thông báo.");
    if (!dateText) errors.push("Thiếu ngày của thông báo.");
    else if (!date) errors.push(`Không đọc được ngày “${dateText}”; ghi theo dạng dd/mm/yyyy.`);
    const noticeKey = `${numberKey(number)}|${date}`;
    const duplicateOf = number && date ? (stored.get(noticeKey) ?? null) : null;
    const content = cell("content");
    const view: RegisterRowView = {
      line,
      status: "ok",
      number,
      date,
      content,
      lead: [],
      support: [],
      deadline: cell("deadline"),
      state: cell("state"),
      completedOn: null,
      errors,
      warnings,
      duplicateOf,
    };
    if (duplicateOf !== null) {
      view.status = "duplicate";
      warnings.push(
        `Thông báo số ${number} ngày ${formatDay(date!)} đã có trong hệ thống; các dòng của thông báo này được bỏ qua.`,
      );
      rows.push({
        view,
        noticeKey,
        title: null,
        deadline: null,
        deadlineText: "",
        lead: none(),
        support: none(),
        state: "not_started",
      });
      continue;
    }
    if (!content) errors.push("Thiếu nội dung nhiệm vụ.");

    const lead = finder.read(cell("lead"));
    const support = finder.read(cell("support"));
    for (const u of [...lead.lacking, ...support.lacking]) {
      const seen = unknown.get(u.key);
      if (seen) {
        if (!seen.lines.includes(line)) seen.lines.push(line);
      } else {
        const p = finder.propose(u.text);
        unknown.set(u.key, {
          key: u.key,
          text: u.text,
          lines: [line],
          proposal: p ? { id: p.id, name: p.name } : null,
          chosen: null,
        });
      }
    }
    for (const u of [...lead.unknown, ...support.unknown]) {
      const p = unknown.get(u.key)!.proposal;
      errors.push(
        `Cơ quan “${u.text}” chưa có trong danh mục${p ? ` (đề xuất: ${p.name})` : ""}; chọn cơ quan tương ứng hoặc bỏ qua ở bảng “Cơ quan chưa có trong danh mục”.`,
      );
    }
    for (const s of [...lead.skipped, ...support.skipped]) warnings.push(`Bỏ qua “${s}” theo lựa chọn của bạn.`);
    if (lead.targets.length === 0 && lead.unknown.length === 0)
      errors.push(lead.skipped.length > 0 ? "Không còn cơ quan chủ trì nào (đã bỏ qua)." : "Thiếu cơ quan chủ trì.");
    if ([...lead.targets, ...support.targets].some((t) => t.agencyIds.length === 0))
      errors.push("Nhóm cơ quan được giao chưa có thành viên nào đang hoạt động.");
    // Names waiting for a choice are shown as written, with a question mark.
    view.lead = [...names(lead), ...lead.unknown.map((u) => `${u.text} (?)`)];
    view.support = [...names(support), ...support.unknown.map((u) => `${u.text} (?)`)];

    let deadline: Deadline | null = null;
    const deadlineText = deadlineCellText(cell("deadline"));
    if (deadlineText) {
      const year = date ? Number(date.slice(0, 4)) : null;
      const found = parseDeadline(deadlineText, { issuedOn: date, year, referenceOn: date }, { cell: true });
      if (!found) errors.push(`Không đọc được thời hạn “${deadlineText}”.`);
      else {
        deadline = { ...found.deadline, phrase: deadlineText };
        errors.push(...found.problems.map((p) => `Thời hạn “${deadlineText}”: ${p}`));
        if (lacksDueDay(deadline)) errors.push(`Thời hạn “${deadlineText}”: ${UNDATED_DEADLINE_MESSAGE}`);
        view.deadline = describeDeadline(deadline);
      }
    }

    const stateText = cell("state");
    const completedText = cell("completedOn");
    const read = readState(stateText);
    const completedOn = readCellDate(completedText);
    if (read === null) errors.push(`Không hiểu tình trạng “${stateText}”; ghi ${STATE_CHOICES_TEXT}.`);
    if (completedText && !completedOn)
      errors.push(`Không đọc được ngày hoàn thành “${completedText}”; ghi theo dạng dd/mm/yyyy.`);
    const state: AssignmentState = read ?? (completedOn ? "completed" : "not_started");
    if (state === "completed") {
      view.completedOn = completedOn;
      if (!completedText) warnings.push("Không ghi ngày hoàn thành: được tính là hoàn thành đúng hạn.");
      if (completedOn && date && completedOn < date) errors.push("Ngày hoàn thành trước ngày của thông báo.");
    } else if (completedOn) warnings.push(`Ngày hoàn thành bị bỏ qua vì tình trạng là “${STATE_LABELS[state]}”.`);
    // A state it could not read stays as written beside its error.
    view.state = read === null ? stateText : STATE_LABELS[state];

    rows.push({ view, noticeKey, title: cell("title") || null, deadline, deadlineText, lead, support, state });
  }

  // Rows of one notice and one content are one directive: its deadline must read the same.
  const notices = new Map<string, PlannedNotice>();
  const directiveOf = new Map<string, { d: PlannedDirective; line: number; deadlineText: string }>();
  for (const r of rows) {
    const v = r.view;
    if (v.status === "duplicate") continue;
    const dKey = `${r.noticeKey}|${searchKey(v.content)}`;
    const first = directiveOf.get(dKey);
    if (first && searchKey(first.deadlineText) !== searchKey(r.deadlineText))
      v.errors.push(
        `Cùng nhiệm vụ với dòng ${first.line} nhưng thời hạn khác (“${first.deadlineText || "không ghi"}” và “${r.deadlineText || "không ghi"}”); sửa cho giống nhau.`,
      );
    if (v.errors.length > 0) {
      v.status = "error";
      continue;
    }
    let notice = notices.get(r.noticeKey);
    if (!notice) {
      notice = {
        kind: kindOfNumber(v.number),
        number: v.number,
        issuedOn: v.date!,
        title: null,
        lines: [],
        directives: [],
      };
      notices.set(r.noticeKey, notice);
    }
    notice.lines.push(v.line);
    notice.title ??= r.title;
    let d = first?.d;
    if (!d) {
      d = { text: v.content, lines: [], deadline: r.deadline, assignments: [] };
      directiveOf.set(dKey, { d, line: v.line, deadlineText: r.deadlineText });
      notice.directives.push(d);
    }
    d.lines.push(v.line);
    for (const [role, reading] of [
      ["lead", r.lead],
      ["support", r.support],
    ] as const)
      for (const t of reading.targets)
        for (const agencyId of t.agencyIds) {
          const existing = d.assignments.find((a) => a.agencyId === agencyId);
          const a: PlannedAssignment = {
            agencyId,
            agency: finder.agency(agencyId)!.name,
            role,
            viaGroup: t.viaGroup,
            state: r.state,
            completedOn: r.state === "completed" ? v.completedOn : null,
          };
          // An agency named as lead and as support leads.
          if (!existing) d.assignments.push(a);
          else if (existing.role === "support" && role === "lead") Object.assign(existing, a);
        }
  }

  const views = rows.map((r) => r.view);
  // A choice counts when it names an active agency, or 0 (left out).
  for (const u of unknown.values()) {
    const c = input.choices[u.key];
    u.chosen = c === 0 || (c !== undefined && finder.agency(c)) ? c : null;
  }
  const planned = [...notices.values()];
  const counts = {
    ok: views.filter((v) => v.status === "ok").length,
    error: views.filter((v) => v.status === "error").length,
    duplicate: views.filter((v) => v.status === "duplicate").length,
    notices: planned.length,
    directives: planned.reduce((n, p) => n + p.directives.length, 0),
    assignments: planned.reduce((n, p) => n + p.directives.reduce((m, d) => m + d.assignments.length, 0), 0),
  };
  return {
    mappingErrors,
    rows: views,
    unknown: [...unknown.values()],
    notices: planned,
    counts,
    fingerprint: fingerprintOf({ mapping, views, planned }),
  };
}

function none(): CellReading {
  return { targets: [], unknown: [], skipped: [], lacking: [] };
}

/** The text kept as the notice's full text: where it came from, and its directives as the register wrote them. */
export function importedNoticeText(n: PlannedNotice, fileName: string, rows: readonly RegisterRowView[]): string {
  const byLine = new Map(rows.map((r) => [r.line, r]));
  const lines = [
    `Nhập từ sổ theo dõi “${fileName}” (dòng ${n.lines.join(", ")}).`,
    `Số ${n.number} ngày ${formatDay(n.issuedOn)}`,
    ...(n.title ? [n.title] : []),
    "",
  ];
  n.directives.forEach((d, i) => {
    const r = byLine.get(d.lines[0]!);
    lines.push(`${i + 1}. ${d.text}`);
    const lead = d.assignments.filter((a) => a.role === "lead").map((a) => a.agency);
    const support = d.assignments.filter((a) => a.role === "support").map((a) => a.agency);
    lines.push(`   ${FIELD_LABELS.lead}: ${lead.join("; ")}`);
    if (support.length > 0) lines.push(`   ${FIELD_LABELS.support}: ${support.join("; ")}`);
    if (d.deadline?.phrase) lines.push(`   ${FIELD_LABELS.deadline}: ${d.deadline.phrase}`);
    if (r?.state) lines.push(`   ${FIELD_LABELS.state}: ${r.state}`);
  });
  return lines.join("\n");
}
