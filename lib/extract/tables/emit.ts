// A task table → one directive per row (DOMAIN.md, "Tables of tasks"): the chủ trì column leads,
// the phối hợp column supports, the deadline cell is a phrase read as in prose; group rows
// ("I. NHIỆM VỤ CHUNG", "II. UBND CÁC HUYỆN") head the rows under them and hand down the agencies
// they name. Refs: the parent's ref, the group's numeral, the row's STT ("PL.I.2" in an appendix).
import { parseDeadline } from "@/lib/deadlines/parse";
import { foldVi } from "@/lib/deadlines/fold";
import { isUrgent } from "../classify";
import { dedupe, toFound, type BuiltDirective, type Context, type Found, type WalkEnv } from "../directives";
import { findRoles } from "../roles";
import { EMPTY_CELL, type CellText } from "./cells";
import type { ParsedTable, TableRow } from "./find";
import { sttLabel, type ColumnRole } from "./header";

const ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

function cellOf(table: ParsedTable, row: TableRow, role: ColumnRole): CellText {
  const at = table.roles.indexOf(role);
  return at >= 0 ? (row.cells[at] ?? EMPTY_CELL) : EMPTY_CELL;
}

/** Agencies a cell names. A lead cell may itself say "X chủ trì, phối hợp Y". */
function agenciesIn(env: WalkEnv, cell: CellText, role: Found["role"], ctx: Context): Found[] {
  if (!cell.text) return [];
  const map = (i: number) => cell.offs[i] ?? cell.offs[cell.offs.length - 1] ?? 0;
  const mentions = env.matcher.find(cell.text);
  if (role === "lead" && /\bphoi hop\b/.test(foldVi(cell.text))) {
    const r = findRoles(cell.text, mentions);
    return [
      ...r.leads.flatMap((m) => toFound(m, "lead", cell.text, map, mentions, ctx)),
      ...r.supports.flatMap((m) => toFound(m, "support", cell.text, map, mentions, ctx)),
    ];
  }
  return mentions.flatMap((m) => toFound(m, role, cell.text, map, mentions, ctx));
}

/** What the text of a cell assigns when read as prose: "Sở Y tế chủ trì, phối hợp với …". */
function proseAgencies(env: WalkEnv, cell: CellText, ctx: Context): Found[] {
  const map = (i: number) => cell.offs[i] ?? 0;
  const mentions = env.matcher.find(cell.text);
  const r = findRoles(cell.text, mentions);
  return [
    ...r.leads.flatMap((m) => toFound(m, "lead", cell.text, map, mentions, ctx)),
    ...r.supports.flatMap((m) => toFound(m, "support", cell.text, map, mentions, ctx)),
  ];
}

function groupTitle(row: TableRow): { label: string | null; title: CellText } {
  const t = row.cells[0] ?? EMPTY_CELL;
  const m = /^\s*([IVX]{1,5}|[A-Z])\s*[.)/-]?\s+(?=\S)/u.exec(t.text);
  if (!m) return { label: null, title: t };
  return { label: m[1]!, title: { text: t.text.slice(m[0].length), offs: t.offs.slice(m[0].length) } };
}

/** A numbered row with no agency and no deadline whose next rows number under it ("1" → "1.1"). */
function isHeadingRow(table: ParsedTable, rows: TableRow[], i: number, stt: string | null): boolean {
  if (!stt) return false;
  const row = rows[i]!;
  if (["lead", "support", "deadline"].some((r) => cellOf(table, row, r as ColumnRole).text)) return false;
  const next = rows.slice(i + 1).find((r) => r.kind === "task");
  const nextStt = next ? sttLabel(cellOf(table, next, "stt").text) : null;
  return nextStt !== null && nextStt.startsWith(`${stt}.`);
}

export function emitTable(env: WalkEnv, table: ParsedTable, parentRef: string, inherited: Context): void {
  let group: string | null = null;
  let groupCtx = inherited;
  let groups = 0;
  let seq = 0;
  // A table at the top level whose numbers the prose already used: its rows are "Bảng.1", "Bảng.2".
  const used = new Set(env.out.map((b) => b.directive.ref));
  const clash =
    !parentRef && table.rows.some((r) => r.kind === "task" && used.has(sttLabel(cellOf(table, r, "stt").text) ?? ""));
  const prefix: string[] = parentRef ? [parentRef] : clash ? ["Bảng"] : [];
  let heading: { stt: string; ctx: Context } | null = null;
  table.rows.forEach((row, i) => {
    if (row.kind === "group") {
      const { label, title } = groupTitle(row);
      group = label ?? ROMANS[groups] ?? String(groups + 1);
      groups++;
      seq = 0;
      heading = null;
      const named = agenciesIn(env, title, "lead", inherited);
      groupCtx = named.length ? { leads: named, supports: [] } : inherited;
      return;
    }
    let stt = sttLabel(cellOf(table, row, "stt").text);
    let content = cellOf(table, row, "content");
    // A scan that put the row's number into the content cell: "4 Bố trí khu cách ly …".
    const lead = stt ? null : /^(\d{1,3})[.)]?\s+(?=\p{Lu})/u.exec(content.text);
    if (lead) {
      stt = lead[1]!;
      content = { text: content.text.slice(lead[0].length), offs: content.offs.slice(lead[0].length) };
    }
    if (!content.text) return;
    if (isHeadingRow(table, table.rows, i, stt)) {
      const named = proseAgencies(env, content, groupCtx);
      heading = { stt: stt!, ctx: named.length ? { leads: named, supports: [] } : groupCtx };
      return;
    }
    if (heading && !(stt ?? "").startsWith(`${heading.stt}.`)) heading = null;
    const ctx: Context = heading?.ctx ?? groupCtx;
    if (stt && /^\d+$/.test(stt)) seq = Number(stt);
    const part = stt ?? String(++seq);
    const ref = [...prefix, ...(group ? [group] : []), part].join(".");

    let found = [
      ...agenciesIn(env, cellOf(table, row, "lead"), "lead", ctx),
      ...agenciesIn(env, cellOf(table, row, "support"), "support", ctx),
    ];
    if (!found.some((f) => f.role === "lead")) {
      const own = proseAgencies(env, content, ctx);
      const supports = found;
      found = own.some((f) => f.role === "lead") ? [...own, ...supports] : [...ctx.leads, ...ctx.supports, ...supports];
    }
    found = dedupe(found);

    const dcell = cellOf(table, row, "deadline");
    const fromCell = dcell.text ? parseDeadline(dcell.text, env.dctx, { cell: true }) : null;
    const fromText = fromCell ? null : parseDeadline(content.text, env.dctx);
    const dl = fromCell ?? fromText;
    const dlCell = fromCell ? dcell : content;
    const product = cellOf(table, row, "product").text;
    const text = product ? `${content.text} (Sản phẩm: ${product})` : content.text;
    env.out.push({
      directive: {
        ref,
        text,
        urgent: isUrgent(content.text) || isUrgent(dcell.text),
        deadline: dl?.deadline ?? null,
        assignments: found.map(({ agency, role, viaGroup, isNew }) => ({ agency, role, viaGroup, isNew })),
        sourceStart: row.start,
        sourceEnd: row.end,
      },
      found,
      deadlineSpan: dl
        ? { start: dlCell.offs[dl.start] ?? row.start, end: (dlCell.offs[dl.end - 1] ?? row.start) + 1 }
        : null,
      problems: (dl?.problems ?? []).map((message) => ({ message: `Mục ${ref}: ${message}`, at: row.start })),
    } satisfies BuiltDirective);
  });
}
