// Who carries a directive and who helps (DOMAIN.md, "Who does what"). Works clause by clause on
// the agency mentions of a passage: the agencies that open a clause (after an adverbial lead such
// as "Căn cứ …," and after "Giao / Yêu cầu / Đề nghị") perform it; "chủ trì" marks the lead;
// "phối hợp (với) Y" makes Y support. Superiors (UBND tỉnh, Tỉnh ủy…) are never assignees.
import { foldVi } from "@/lib/deadlines/fold";
import type { Mention } from "./agencies";

export interface RoleFinding {
  leads: Mention[];
  supports: Mention[];
  /** The first clause names its own performer: it replaces what a heading handed down. */
  ownSubject: boolean;
}

const CLAUSE_END = /[;:!?\n]|\.(?=\s|$)/g;
const ADVERBIAL =
  /^\s*(?:can cu|de(?!\s+nghi)\s|trong do|rieng|doi voi|sau do|ngoai ra|dong thoi|truong hop|tren co so|khi |tu ngay|theo do|thua lenh|nham|truoc tinh hinh|ve viec|ve )/;
const LEADING =
  /^\s*(?:(?:yeu cau|giao cho|giao|de nghi|phan cong|dong chi|cac dong chi|trong do|rieng|dong thoi|ngoai ra|sau do|tiep tuc)\s*,?\s*)*/;
// What may stand between the names of one list: separators, articles, qualifiers, parentheses.
const FILLER =
  /^(?:[\s,;&]|\([^)]*\)|\b(?:va|hoac|cung|cac|tinh|lien quan|co lien quan|dong chi|cap huyen|cap xa|cap tinh|nhat la|dac biet la|la|thanh vien|truc thuoc|cap uy|to chuc dang|bi thu|chu tich|giam doc|thu truong|lanh dao|ban chi dao|nganh)\b)*$/;
const ASSIGN = /(?<![\p{L}])(giao cho|giao|yeu cau|de nghi|phan cong)\s+/gu;
const NOT_ASSIGN_BEFORE = /(?:duoc|da|bao cao,?|kien nghi,?|theo|nhiem vu)\s*$/;
const SUPPORT = /(?<![\p{L}])(?:phoi hop(?:\s+chat che)?(?:\s+voi)?|cung voi)\s+/gu;

/** Mentions that follow `from` as one list (only filler between), skipping superiors. */
function listFrom(folded: string, mentions: Mention[], from: number, limit: number): Mention[] {
  const out: Mention[] = [];
  let pos = from;
  for (const m of mentions) {
    if (m.start < pos) continue;
    if (m.start >= limit) break;
    if (!FILLER.test(folded.slice(pos, m.start))) break;
    out.push(m);
    pos = m.end;
  }
  return out;
}

function clauses(folded: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(folded); m; m = CLAUSE_END.exec(folded)) {
    if (m.index > start) out.push([start, m.index]);
    start = m.index + 1;
  }
  if (start < folded.length) out.push([start, folded.length]);
  return out;
}

export function findRoles(text: string, mentions: Mention[]): RoleFinding {
  const folded = foldVi(text);
  const leads: Mention[] = [];
  const supports: Mention[] = [];
  let ownSubject = false;
  let firstClause = true;
  for (const [cs, ce] of clauses(folded)) {
    const inClause = mentions.filter((m) => m.start >= cs && m.end <= ce);
    if (!inClause.length) {
      if (folded.slice(cs, ce).trim()) firstClause = false;
      continue;
    }
    let subjectStart = cs;
    if (ADVERBIAL.test(folded.slice(cs, ce))) {
      const comma = folded.indexOf(",", cs);
      // "Đối với cấp xã cần quán triệt, …": the topic, with no comma after it, is who must act.
      if (/^\s*doi voi\s[^,]{0,80}?\s(?:can|phai|co trach nhiem|chiu trach nhiem)\s/.test(folded.slice(cs, ce)))
        subjectStart = cs + folded.slice(cs).indexOf("doi voi") + 7;
      else if (comma > 0 && comma < ce) subjectStart = comma + 1;
    }
    const lead = LEADING.exec(folded.slice(subjectStart, ce));
    subjectStart += lead ? lead[0].length : 0;
    const subject = listFrom(folded, inClause, subjectStart, ce);
    const clauseLeads: Mention[] = subject.filter((m) => m.target.type !== "superior");
    // "Ban cán sự đảng UBND tỉnh chỉ đạo UBND tỉnh chỉ đạo Sở Y tế …": a superior passing the order on.
    if (subject.length && !clauseLeads.length) {
      const after = folded.slice(subject[subject.length - 1]!.end, ce);
      const relay = /^\s*chi dao\s+/.exec(after);
      if (relay) {
        const chain = listFrom(folded, inClause, subject[subject.length - 1]!.end + relay[0].length, ce);
        const lastChain = chain[chain.length - 1];
        if (chain.length && lastChain?.target.type === "superior") {
          const again = /^\s*chi dao\s+/.exec(folded.slice(lastChain.end, ce));
          if (again)
            clauseLeads.push(
              ...listFrom(folded, inClause, lastChain.end + again[0].length, ce).filter(
                (m) => m.target.type !== "superior",
              ),
            );
        } else clauseLeads.push(...chain.filter((m) => m.target.type !== "superior"));
      }
    }
    ASSIGN.lastIndex = cs;
    for (let m = ASSIGN.exec(folded); m && m.index < ce; m = ASSIGN.exec(folded)) {
      if (m.index < subjectStart && m.index >= cs && m.index + m[0].length <= subjectStart) continue;
      if (NOT_ASSIGN_BEFORE.test(folded.slice(Math.max(cs, m.index - 14), m.index))) continue;
      for (const x of listFrom(folded, inClause, m.index + m[0].length, ce)) {
        if (x.target.type !== "superior" && !clauseLeads.includes(x)) clauseLeads.push(x);
      }
    }
    SUPPORT.lastIndex = cs;
    for (let m = SUPPORT.exec(folded); m && m.index < ce; m = SUPPORT.exec(folded)) {
      for (const x of listFrom(folded, inClause, m.index + m[0].length, ce)) {
        if (x.target.type !== "superior" && !clauseLeads.includes(x)) supports.push(x);
      }
    }
    if (firstClause && clauseLeads.length) ownSubject = true;
    firstClause = false;
    leads.push(...clauseLeads);
  }
  return { leads, supports, ownSubject };
}
