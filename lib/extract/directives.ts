// From the tree of the body to directives: refs as a reader cites them ("2.1", "4.(1).2", "6.a",
// "II.3.2"), the addressees handed down by headings and lead-ins, roles, deadlines and spans.
import type { DraftDirective } from "@/lib/notices/draft";
import { parseDeadline, type DeadlineContext } from "@/lib/deadlines/parse";
import type { AgencyMatcher, Mention } from "./agencies";
import {
  isAgreement,
  isAssessment,
  isAssessmentHeading,
  isAssessmentLeadIn,
  isHeadingText,
  isOwnArticle,
  isOwnDecision,
  isPurposeHeading,
  isUrgent,
  opensWithTask,
} from "./classify";
import { findRoles } from "./roles";
import { ownText, type Node } from "./structure";
import { emitTable } from "./tables/emit";
import { foldVi } from "@/lib/deadlines/fold";

export interface Found {
  agency: string;
  role: "lead" | "support";
  viaGroup: string | null;
  isNew: boolean;
  start: number; // original offsets of the words that named it
  end: number;
}

/** Addressees handed down. Weak ones (a letter's "Kính gửi", the intro's lead-in) give way to
 *  any agency the directive names itself; a heading's are kept beside the directive's own. */
export interface Context {
  leads: Found[];
  supports: Found[];
  weak?: boolean;
}

export interface BuiltDirective {
  directive: DraftDirective;
  found: Found[];
  deadlineSpan: { start: number; end: number } | null;
  problems: { message: string; at: number }[];
}

export interface WalkEnv {
  matcher: AgencyMatcher;
  dctx: DeadlineContext;
  out: BuiltDirective[];
}

export function toFound(
  m: Mention,
  role: Found["role"],
  text: string,
  map: (i: number) => number,
  all: Mention[],
  ctx?: Context,
): Found[] {
  const start = map(m.start);
  const end = map(m.end - 1) + 1;
  const t = m.target;
  if (t.type === "superior") return [];
  if (t.type === "agency") return [{ agency: t.name, role, viaGroup: null, isNew: t.isNew, start, end }];
  // "Đối với … (huyện Cần Giuộc, Cần Đước và thành phố Tân An)" then "các địa phương phải …": those three.
  if (ctx && /^cac dia phuong$/.test(foldVi(text.slice(m.start, m.end)))) {
    const named = ctx.leads.filter((f) => f.viaGroup === null && t.members.includes(f.agency));
    if (named.length) return named.map((f) => ({ ...f, role, start, end }));
  }
  // "UBND các huyện: Hữu Lũng, Chi Lăng …", "Chủ tịch UBND các huyện Đức Thọ, Can Lộc": the places
  // listed right after the group narrow it.
  // Without a colon it takes two places: "UBND các huyện, thành phố Cà Mau" names the group.
  const place = (x: Mention | undefined) =>
    x?.target.type === "agency" &&
    (t.members.includes(x.target.name) ||
      (x.target.isNew && /^UBND (huyện|quận|thị xã|thành phố) /u.test(x.target.name)));
  const at = all.findIndex((x) => x.start >= m.end);
  const next = all[at];
  const colon = next !== undefined && /^\s*:\s*$/.test(text.slice(m.end, next.start));
  const adjacent = next !== undefined && /^\s*$/.test(text.slice(m.end, next.start));
  const second = all[at + 1];
  if (
    place(next) &&
    (colon ||
      (adjacent &&
        place(second) &&
        /^\s*(?:,|và)\s*(?:(?:huyện|quận|thị xã|thành phố)\s+)?$/u.test(text.slice(next!.end, second!.start))))
  )
    return [];
  if (t.isNew || !t.members.length) return [{ agency: t.name, role, viaGroup: null, isNew: true, start, end }];
  return t.members.map((a) => ({ agency: a, role, viaGroup: t.name, isNew: false, start, end }));
}

export function dedupe(list: Found[]): Found[] {
  const seen = new Set<string>();
  const out: Found[] = [];
  for (const f of [...list.filter((x) => x.role === "lead"), ...list.filter((x) => x.role === "support")]) {
    if (seen.has(f.agency)) continue;
    seen.add(f.agency);
    out.push(f);
  }
  return out;
}

/** Assignments a passage makes on its own, and whether it names its performer first. */
function analyse(env: WalkEnv, node: Node, text: string, ctx?: Context) {
  const map = (i: number) => node.block.offs[node.bodyStart + i] ?? node.block.start;
  const mentions = env.matcher.find(text);
  const roles = findRoles(text, mentions);
  const leads = roles.leads.flatMap((m) => toFound(m, "lead", text, map, mentions, ctx));
  const supports = roles.supports.flatMap((m) => toFound(m, "support", text, map, mentions, ctx));
  return { mentions, roles, leads, supports, map };
}

/** A heading's addressees; failing those, the registered agencies it is about ("… tại huyện Văn Lãng"). */
function headingContext(env: WalkEnv, node: Node, text: string, inherited: Context): Context {
  const a = analyse(env, node, text, inherited);
  const topical = /^(doi voi|ve )/.test(foldVi(text));
  if (a.leads.length && !topical) return { leads: a.leads, supports: a.supports };
  const about = a.mentions
    .filter((m) => m.target.type === "agency" && !m.target.isNew)
    .flatMap((m) => toFound(m, "lead", text, a.map, a.mentions));
  return about.length ? { leads: about, supports: [] } : inherited;
}

function emit(env: WalkEnv, node: Node, ref: string, text: string, ctx: Context): Context {
  const a = analyse(env, node, text, ctx);
  const replaces = a.roles.ownSubject || (ctx.weak && a.leads.length > 0);
  const leads = replaces ? a.leads : [...ctx.leads, ...a.leads];
  const supports = replaces ? a.supports : [...ctx.supports, ...a.supports];
  const found = dedupe([...leads, ...supports]);
  const dl = parseDeadline(text, env.dctx);
  const problems = (dl?.problems ?? []).map((message) => ({
    message: `Mục ${ref}: ${message}`,
    at: a.map(dl?.start ?? 0),
  }));
  env.out.push({
    directive: {
      ref,
      text,
      urgent: isUrgent(text),
      deadline: dl?.deadline ?? null,
      assignments: found.map(({ agency, role, viaGroup, isNew }) => ({ agency, role, viaGroup, isNew })),
      sourceStart: node.block.start,
      sourceEnd: node.block.end,
    },
    found,
    deadlineSpan: dl ? { start: a.map(dl.start), end: a.map(dl.end - 1) + 1 } : null,
    problems,
  });
  return found.length
    ? { leads: found.filter((f) => f.role === "lead"), supports: found.filter((f) => f.role === "support") }
    : ctx;
}

function join(parent: string, part: string): string {
  return parent ? `${parent}.${part}` : part;
}

export function walk(
  env: WalkEnv,
  nodes: Node[],
  parentRef: string,
  inherited: Context,
  inAssessment: boolean,
  firstIndex = 0,
): void {
  let counter = firstIndex;
  let ctx = inherited;
  let inSection = inAssessment; // a lead-in ("Về tình hình dịch bệnh:") sets it for the items after it
  nodes.forEach((node, i) => {
    if (node.block.table) {
      emitTable(env, node.block.table, parentRef, ctx);
      return;
    }
    const text = ownText(node);
    if (!text) return;
    const hasChildren = node.children.length > 0;
    const leadIn = node.type === "para" && /:\s*$/.test(text) && i < nodes.length - 1;
    if (hasChildren && node.type !== "para" && isPurposeHeading(text)) return;
    // "3. Các sở, ngành thực hiện theo bảng sau." over a table: a heading whatever its punctuation.
    const headsTable = node.children.some((c) => c.block.table);
    if ((hasChildren && (isHeadingText(text) || headsTable)) || leadIn) {
      const part = node.label ?? String(++counter);
      const headCtx = headingContext(env, node, text, ctx);
      if (leadIn && !hasChildren) {
        counter--; // a lead-in introduces its siblings; it is not one of them
        ctx = headCtx;
        inSection = inAssessment || isAssessmentLeadIn(text);
        return;
      }
      const ref = join(parentRef, part);
      if (hasChildren && opensWithTask(text) && !headsTable) {
        const ownCtx = emit(env, node, ref, text, ctx);
        walk(env, node.children, ref, ownCtx, inSection);
        return;
      }
      const before = env.out.length;
      walk(env, node.children, ref, headCtx, inSection || isAssessmentHeading(text) || isAssessmentLeadIn(text));
      // "5. Về hỗ trợ …" with one paragraph under it: that paragraph is item 5 itself.
      const only = env.out.length === before + 1 ? env.out[before] : undefined;
      if (only && only.directive.ref === `${ref}.1`) only.directive.ref = ref;
      return;
    }
    if (isAgreement(text) || (node.type === "article" && !hasChildren && isOwnArticle(text))) return;
    if (isAssessment(text, inSection)) {
      if (hasChildren) walk(env, node.children, join(parentRef, node.label ?? "?"), ctx, true);
      return;
    }
    if (
      isOwnDecision(
        text,
        env.matcher.find(text).some((m) => m.target.type !== "superior"),
      )
    )
      return;
    const ref = join(parentRef, node.label ?? String(++counter));
    const childDirectives = node.children.length > 0;
    const ownCtx = emit(env, node, childDirectives ? `${ref}.1` : ref, text, ctx);
    if (childDirectives) walk(env, node.children, ref, ownCtx, inSection, 1);
  });
}
