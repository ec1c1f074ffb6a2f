// The notice extractor: raw OCR text of a notice → a NoticeDraft for the review screen, the
// warnings a reviewer must see, and the spans of the words each proposal came from.
import type { AgencyRegistry } from "@/lib/agencies/registry";
import type { NoticeDraft } from "@/lib/notices/draft";
import { foldVi } from "@/lib/deadlines/fold";
import { matcherFor } from "./agencies";
import { readAudience, readUrgency } from "./audience";
import { walk, type BuiltDirective, type Context } from "./directives";
import {
  findLayout,
  readCitations,
  readFooter,
  readIssueDate,
  readIssuer,
  readMeeting,
  readNumber,
  readTitle,
  kindOf,
  titleCaseWords,
} from "./metadata";
import { lineOf, normalize } from "./normalize";
import { buildTree } from "./structure";
import { emitTable } from "./tables/emit";
import { collectWarnings, type Warning } from "./warnings";

export type { Warning } from "./warnings";

export interface AssignmentSpan {
  agency: string;
  role: "lead" | "support";
  start: number; // offsets in the original text
  end: number;
}

export interface DirectiveSpans {
  ref: string;
  start: number;
  end: number;
  assignments: AssignmentSpan[];
  deadline: { start: number; end: number } | null;
}

export interface ExtractionSpans {
  directives: DirectiveSpans[]; // same order as draft.directives
  number: { start: number; end: number } | null;
  issueDate: { start: number; end: number } | null;
  illegible: { start: number; end: number; line: number }[];
}

export interface ExtractionResult {
  draft: NoticeDraft;
  warnings: Warning[];
  spans: ExtractionSpans;
}

export interface ExtractOptions {
  /** Today in Asia/Ho_Chi_Minh ("YYYY-MM-DD"); reserved for checks against the present. */
  today?: string;
}

/** The province a text names in its place line, header or body ("tỉnh Lạng Sơn"), if any. */
export function provinceNamedIn(text: string): string | null {
  const head = text.slice(0, 3000);
  const place = /^\s*([\p{Lu}][\p{L} ]{1,30}),\s*ngày/mu.exec(head);
  if (place) return place[1]!.trim();
  const body = /(?:TỈNH ỦY|TỈNH UỶ|UBND TỈNH|ỦY BAN NHÂN DÂN TỈNH)\s+([\p{Lu} ]{3,30})$/mu.exec(head);
  if (body) return titleCaseWords(body[1]!.trim());
  const inText = /\btỉnh\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})/u.exec(text);
  return inText ? inText[1]! : null;
}

/**
 * Which of the registries a notice belongs to: the province it names, else the one whose
 * districts and bodies it mentions most (003 names Quảng Ninh's districts under a stamp OCR'd
 * as "Quảng Bình"). Null when none fits.
 */
export function guessRegistry(text: string, registries: AgencyRegistry[]): AgencyRegistry | null {
  const named = provinceNamedIn(text);
  if (named) {
    const hit = registries.find((r) => r.province && foldVi(r.province) === foldVi(named));
    if (hit) return hit;
  }
  let best: AgencyRegistry | null = null;
  let bestScore = 0;
  for (const r of registries) {
    const score = matcherFor(r)
      .find(text)
      .filter(
        (m) => m.target.type === "agency" && !m.target.isNew && /^UBND (huyện|thị xã|thành phố)/.test(m.target.name),
      ).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return bestScore >= 2 ? best : null;
}

const POINTS_TO_APPENDIX = /\b(?:theo|tai|o|trong|kem theo)\s+(?:cac\s+)?(?:phu luc|bang phan cong)\b/;

export function extractNotice(text: string, registry: AgencyRegistry, options: ExtractOptions = {}): ExtractionResult {
  void options; // reserved: no check against the present day yet
  const norm = normalize(text);
  const blocks = norm.blocks;
  const layout = findLayout(blocks);
  const province = registry.province ?? provinceNamedIn(text);
  const num = readNumber(blocks, layout);
  const issue = readIssueDate(blocks, layout);
  const year = issue.issuedOn ? Number(issue.issuedOn.slice(0, 4)) : null;
  const { meetingOn, chair } = readMeeting(blocks, layout, year);
  const footer = readFooter(blocks, layout);
  const title = readTitle(blocks, layout);
  const matcher = matcherFor(registry);
  const urgency = readUrgency(blocks, layout);

  const built: BuiltDirective[] = [];
  const dctx = {
    issuedOn: issue.precision === "day" ? issue.issuedOn : null,
    year: year ?? (meetingOn ? Number(meetingOn.slice(0, 4)) : null),
    referenceOn: issue.precision === "day" ? issue.issuedOn : meetingOn,
  };
  const rootCtx = rootContext(blocks.slice(0, layout.bodyStart), matcher);
  const env = { matcher, dctx, out: built };
  walk(env, buildTree(blocks.slice(layout.bodyStart, layout.bodyEnd)), "", rootCtx, false);
  // Tables after the body: the appendix ("PHỤ LỤC PHÂN CÔNG NHIỆM VỤ") after the signature.
  const appendix = blocks.slice(layout.bodyEnd).filter((b) => b.table);
  if (appendix.length) {
    // "… thực hiện nhiệm vụ theo Phụ lục kèm theo.": the appendix's rows are those tasks.
    const pointers = built.filter((b) => !b.directive.deadline && POINTS_TO_APPENDIX.test(foldVi(b.directive.text)));
    built.splice(0, built.length, ...built.filter((b) => !pointers.includes(b)));
  }
  for (const [k, b] of appendix.entries()) emitTable(env, b.table!, appendix.length > 1 ? `PL${k + 1}` : "PL", rootCtx);

  const draft: NoticeDraft = {
    notice: {
      kind: kindOf(blocks, layout, num.code),
      number: num.number,
      issuer: readIssuer(blocks, layout, num.code, province),
      place: issue.place,
      issuedOn: issue.issuedOn,
      issuedPrecision: issue.precision,
      title: title ?? "(Chưa có trích yếu)",
      meetingOn,
      chair,
      signer: footer.signer,
      signingFormula: footer.signingFormula,
      recipients: footer.recipients,
      citations: readCitations(blocks, layout, num.number),
      audience: readAudience(blocks, layout),
      urgency,
    },
    directives: built.map((b) => (urgency ? { ...b.directive, urgent: true } : b.directive)),
  };
  const warnings = collectWarnings({
    norm,
    num,
    issue,
    title,
    footer,
    built,
    registry,
    lineOf: (o) => lineOf(norm.lineStarts, o),
  });
  const spans: ExtractionSpans = {
    directives: built.map((b) => ({
      ref: b.directive.ref,
      start: b.directive.sourceStart ?? 0,
      end: b.directive.sourceEnd ?? 0,
      assignments: b.found.map((f) => ({ agency: f.agency, role: f.role, start: f.start, end: f.end })),
      deadline: b.deadlineSpan,
    })),
    number:
      num.at !== null
        ? { start: num.at, end: text.indexOf("\n", num.at) < 0 ? text.length : text.indexOf("\n", num.at) }
        : null,
    issueDate:
      issue.at !== null
        ? { start: issue.at, end: text.indexOf("\n", issue.at) < 0 ? text.length : text.indexOf("\n", issue.at) }
        : null,
    illegible: norm.illegible,
  };
  return { draft, warnings, spans };
}

/** "Kính gửi: …" of a letter, or the intro's "yêu cầu X …:" — addressees of every directive. */
function rootContext(blocks: ReturnType<typeof normalize>["blocks"], matcher: ReturnType<typeof matcherFor>): Context {
  const ctx: Context = { leads: [], supports: [], weak: true };
  for (const b of blocks) {
    const t = b.text.replace(/\n/g, " ");
    const f = foldVi(t);
    const isAddress = /^kinh gui\s*:/.test(f);
    const isLeadIn = /:\s*$/.test(t) && /(?<![\p{L}])(yeu cau|de nghi|giao)(?![\p{L}])/u.test(f);
    if (!isAddress && !isLeadIn) continue;
    const from = isAddress
      ? f.indexOf(":") + 1
      : Math.max(0, f.search(/(?<![\p{L}])(yeu cau|de nghi|giao)(?![\p{L}])/u));
    for (const m of matcher.find(t.slice(from))) {
      const tg = m.target;
      const start = b.offs[from + m.start] ?? b.start;
      const end = (b.offs[from + m.end - 1] ?? b.start) + 1;
      if (tg.type === "agency")
        ctx.leads.push({ agency: tg.name, role: "lead", viaGroup: null, isNew: tg.isNew, start, end });
      else if (tg.type === "group") {
        if (tg.isNew || !tg.members.length)
          ctx.leads.push({ agency: tg.name, role: "lead", viaGroup: null, isNew: true, start, end });
        else
          for (const a of tg.members)
            ctx.leads.push({ agency: a, role: "lead", viaGroup: tg.name, isNew: false, start, end });
      }
    }
  }
  return ctx;
}
