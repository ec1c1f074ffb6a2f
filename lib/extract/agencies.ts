// Finding agencies in a passage: the province's registry first (names, short names, aliases,
// groups), then what any province calls its bodies (catalogue.ts) as proposed new agencies, then
// name patterns ("Sở …", "UBND huyện …"). Matching is on folded word tokens, so case, diacritics,
// commas and hyphens do not matter; one OCR slip in a word of a multi-word name is tolerated.
import type { AgencyRegistry, RegistryGroup } from "@/lib/agencies/registry";
import { foldVi } from "@/lib/deadlines/fold";
import { GENERIC_AGENCIES, GENERIC_GROUPS, HEAD_TITLES, SUPERIORS, type GroupRole } from "./catalogue";

export type Target =
  | { type: "agency"; name: string; isNew: boolean }
  | { type: "group"; name: string; members: string[]; isNew: boolean }
  | { type: "superior"; name: string };

export interface Mention {
  start: number; // offsets in the text given to find()
  end: number;
  target: Target;
}

interface Token {
  w: string;
  start: number;
  end: number;
}
interface Key {
  words: string[];
  target: Target;
  priority: number;
}

const TOKEN_RE = /[a-z0-9]+|[&():;.]/g;

function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(folded); m; m = TOKEN_RE.exec(folded))
    out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const words = (s: string): string[] => tokenize(foldVi(s)).map((t) => t.w);

/** Levenshtein distance ≤ 1, without building a matrix. */
function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1 || Math.min(la, lb) < 3) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// Words that carry no identity: a slip in them must not let one name pass for another.
const NO_FUZZ = new Set(["huyen", "tinh", "xa", "thanh", "pho", "thi", "cac", "ubnd", "so", "ban", "cap", "quan"]);

const keyLength = (k: Key) => k.words.reduce((n, w) => n + w.length, 0);

const ROLE_KINDS: Record<GroupRole, string[]> = {
  districts: ["district"],
  departments: ["department", "police", "military"],
  members: [],
  media: ["media"],
  front: ["front"],
};

/** Head words of names that the catalogue may not know: "Sở Tư pháp", "Bệnh viện Đa khoa tỉnh". */
const NAME_HEAD =
  /^(?:Sở|Ban Quản lý|Ban(?! (?:Chỉ đạo|Thường vụ|Bí thư|cán sự|Thường trực))|Trung tâm|Bệnh viện|Chi cục|Cục|Báo|Đài|Hội|Viện|Kho bạc Nhà nước|Ngân hàng|Bảo hiểm xã hội|Cảng vụ|Thanh tra|Liên minh|Liên đoàn|Tổng công ty|Công ty|Trường|Đoàn(?! (?:công tác|kiểm tra|thanh tra|giám sát))|Bưu điện|Điện lực|Học viện|Viettel|VNPT|Mobifone|EVN)(?=[\s,;:.)]|$)/u;
// Words that end an organisation's name: the verb or the linking word of the clause that follows.
// Names hold lower-case words too ("Hội Chữ thập đỏ tỉnh", "Trung tâm Y tế huyện"), so the name
// runs on until one of these, a punctuation mark, or its level ("tỉnh", "huyện Mường Tè").
const NAME_STOP_WORDS = new Set(
  (
    "để theo tại trong về là có cần phải được đã đang sẽ nhằm như cho từ đến khi nếu cùng với hoặc mà " +
    "thì những các mọi sau trước trên dưới giữa ngay tức sớm lập tiêm lấy trình gửi chịu không chưa vào ra tham gia"
  ).split(" "),
);
const NAME_STOP_PAIRS = new Set(
  (
    "tổ chức,thực hiện,chủ trì,phối hợp,tăng cường,tiếp tục,khẩn trương,chủ động,triển khai,rà soát," +
    "xây dựng,hướng dẫn,kiểm tra,báo cáo,tham mưu,đề xuất,đảm bảo,bảo đảm,chỉ đạo,vận động,tuyên truyền,hỗ trợ,cung cấp,bố trí," +
    "tiếp nhận,quản lý,giám sát,theo dõi,xem xét,nghiên cứu,hoàn thành,thông báo,phân công,điều động,huy động,đẩy mạnh,sắp xếp," +
    "kích hoạt,thành lập,xét nghiệm,cấp phát,phân bổ,mua sắm,chuẩn bị,ban hành,nắm bắt,tổng hợp,kịp thời,thường xuyên,phát động," +
    "khắc phục,duy trì,nâng cao,phát huy,quyết liệt,nghiêm túc,đôn đốc,kiểm soát,tập trung,sẵn sàng,ưu tiên,cập nhật"
  ).split(","),
);

// Words that make a head word a common noun: "Trường hợp", "Hội nghị", "Báo cáo", "Đoàn viên".
const COMMON_NOUNS = new Set(
  (
    "trường hợp,trường học,hội nghị,hội thảo,hội viên,hội chẩn,hội họp,hội đủ,báo cáo,báo chí,đoàn viên,đoàn kết," +
    "đoàn thể,ban hành,ban ngành,ban đêm,ban ngày,ban đầu,viện dẫn,sở tại,sở dĩ,cục bộ,đài thọ,trường lớp"
  ).split(","),
);

/** A place after a level word inside a name: "tỉnh Nghệ An", "huyện Mường Tè", "quận Hải Châu". */
const LEVEL_PLACE = /^\s+(?:tỉnh|huyện|quận|thị xã|thành phố|thị trấn|xã|phường)(?:\s+\p{Lu}[\p{L}]*)+/u;

const PLACE_RE =
  /^(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(huyện|thị xã|thành phố|quận|TP\.?|TX\.?)\s+((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){0,2})/u;

function cleanPlaceType(t: string): string {
  return t.startsWith("TP") ? "thành phố" : t.startsWith("TX") ? "thị xã" : t;
}

export class AgencyMatcher {
  private byFirst = new Map<string, Key[]>();
  private heads: string[][];

  constructor(readonly registry: AgencyRegistry) {
    this.heads = HEAD_TITLES.map(words).sort((a, b) => b.length - a.length);
    const add = (s: string, target: Target, priority: number) => {
      const w = words(s);
      const first = w[0];
      if (!first) return;
      const list = this.byFirst.get(first) ?? [];
      if (list.some((k) => k.words.join(" ") === w.join(" ") && k.priority <= priority)) return;
      list.push({ words: w, target, priority });
      this.byFirst.set(first, list);
    };
    for (const a of registry.agencies) {
      const t: Target = { type: "agency", name: a.name, isNew: false };
      for (const s of [a.name, a.shortName, ...a.aliases]) add(s, t, 0);
    }
    for (const g of registry.groups) {
      const t: Target = { type: "group", name: g.name, members: g.members, isNew: g.members.length === 0 };
      for (const s of [g.name, ...g.aliases]) add(s, t, 0);
    }
    for (const s of SUPERIORS) add(s, { type: "superior", name: s }, 0);
    // The registry's own names and aliases were added above and win. Any other wording keeps the
    // notice's name as the group's label (issue 13: "UBND các huyện, thành phố" does not become
    // "…, thị xã, …"), its members proposed from the province's group playing that role.
    // The same levels in another order or abbreviated ("UBND các huyện, thành, thị" for "…, thành
    // phố, thị xã") are the registry's group too.
    const ownNames = new Map<string, string>();
    for (const g of registry.groups)
      for (const s of [g.name, ...g.aliases]) {
        ownNames.set(words(s).join(" "), g.name);
        const levels = levelsOf(s);
        if (levels && !ownNames.has(levels)) ownNames.set(levels, g.name);
      }
    for (const g of GENERIC_GROUPS) {
      const t = this.groupForRole(g);
      for (const s of [g.name, ...g.aliases]) {
        const written = writtenGroupName(s, g);
        const levels = written && levelsOf(written);
        const name = written
          ? (ownNames.get(words(written).join(" ")) ?? (levels && ownNames.get(levels)) ?? written)
          : t.name;
        add(s, { type: "group", name, members: t.members, isNew: t.isNew }, 1);
      }
    }
    for (const a of GENERIC_AGENCIES) {
      const own = registry.agencies.find((x) => foldVi(x.name) === foldVi(a.name));
      const t: Target = own
        ? { type: "agency", name: own.name, isNew: false }
        : { type: "agency", name: a.name, isNew: true };
      for (const s of [a.name, ...a.aliases]) add(s, t, 1);
    }
    for (const list of this.byFirst.values())
      list.sort((x, y) => y.words.length - x.words.length || x.priority - y.priority);
  }

  /** The province's group playing a role, found by its aliases or built from agency kinds. */
  private groupForRole(g: RegistryGroup & { role: GroupRole }): Extract<Target, { type: "group" }> {
    const keys = new Set([g.name, ...g.aliases].map((s) => words(s).join(" ")));
    const own = this.registry.groups.find((x) => [x.name, ...x.aliases].some((s) => keys.has(words(s).join(" "))));
    if (own) return { type: "group", name: own.name, members: own.members, isNew: own.members.length === 0 };
    const kinds = ROLE_KINDS[g.role];
    const members = this.registry.agencies.filter((a) => kinds.includes(a.kind)).map((a) => a.name);
    return { type: "group", name: g.name, members, isNew: members.length === 0 };
  }

  private matchAt(tokens: Token[], i: number): { key: Key; len: number } | null {
    const first = tokens[i]?.w;
    if (!first) return null;
    let fuzzy: { key: Key; len: number } | null = null;
    for (const key of this.byFirst.get(first) ?? []) {
      const n = key.words.length;
      if (i + n > tokens.length) continue;
      let slips = 0;
      for (let k = 1; k < n && slips <= 1; k++) {
        const a = tokens[i + k]!.w;
        const b = key.words[k]!;
        if (a === b) continue;
        // Short names ("Báo, Đài") are too close to ordinary words ("Bảo đảm") to forgive a slip.
        if (n >= 2 && keyLength(key) >= 7 && Math.max(a.length, b.length) >= 4 && !NO_FUZZ.has(b) && nearlyEqual(a, b))
          slips++;
        else slips = 2;
      }
      if (slips === 0) return { key, len: n };
      if (slips === 1 && !fuzzy) fuzzy = { key, len: n };
    }
    return fuzzy;
  }

  /** Agency mentions in a passage, left to right, longest first, not overlapping. */
  find(text: string): Mention[] {
    const folded = foldVi(text);
    const tokens = tokenize(folded);
    const out: Mention[] = [];
    const listed = new Map<number, Mention>();
    for (let i = 0; i < tokens.length;) {
      let m = this.matchAt(tokens, i);
      let from = i;
      if (!m) {
        for (const h of this.heads) {
          if (h.every((w, k) => tokens[i + k]?.w === w)) {
            const inner = this.matchAt(tokens, i + h.length);
            if (inner) {
              m = { key: inner.key, len: inner.len + h.length };
              break;
            }
          }
        }
      }
      if (m) {
        const last = tokens[from + m.len - 1]!;
        out.push({ start: tokens[from]!.start, end: last.end, target: m.key.target });
        i = from + m.len;
        if (m.key.target.type === "group")
          this.listAfterGroup(text, folded.slice(tokens[from]!.start, last.end), last.end, listed);
        continue;
      }
      const t = tokens[i]!;
      const item = listed.get(t.start);
      if (item) {
        out.push(item);
        while (i < tokens.length && tokens[i]!.start < item.end) i++;
        continue;
      }
      const proposed = this.propose(text, t.start);
      if (proposed) {
        out.push(proposed);
        while (i < tokens.length && tokens[i]!.start < proposed.end) i++;
        continue;
      }
      from = i;
      i++;
    }
    return out;
  }

  /**
   * "UBND các huyện: Mèo Vạc, Đồng Văn và thành phố Hà Giang": the places listed after a group of
   * districts name its members. Those the registry does not know are proposed as "UBND huyện …".
   */
  private listAfterGroup(text: string, groupFolded: string, end: number, listed: Map<number, Mention>): void {
    const level = /\bcac (huyen|quan|thi xa|thanh pho)\b/.exec(groupFolded)?.[1];
    if (!level) return;
    // After a colon, or straight after the group when a place name follows ("các huyện Đức Thọ, Can Lộc").
    const hasColon = /^\s*:\s*/.exec(text.slice(end));
    const colon = hasColon ?? /^\s+(?=\p{Lu})/u.exec(text.slice(end));
    if (!colon) return;
    // Without a colon, one place would be the group's own ("UBND các huyện, thành phố Cà Mau").
    if (!hasColon && !/^\s+\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,2}\s*(?:,|và(?=\s))\s*\p{Lu}/u.test(text.slice(end)))
      return;
    const LEVELS: Record<string, string> = {
      huyen: "huyện",
      quan: "quận",
      "thi xa": "thị xã",
      "thanh pho": "thành phố",
    };
    const item =
      /^(?:(huyện|quận|thị xã|thành phố|TP\.?|TX\.?)\s+)?(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,2})(\s*(?:,|và(?=\s))\s*)?/u;
    let at = end + colon[0].length;
    for (let n = 0; n < 20; n++) {
      const m = item.exec(text.slice(at));
      if (!m) break;
      if (!this.matchAt(tokenize(foldVi(text.slice(at, at + m[0].length))), 0)) {
        const own = m[1] ? cleanPlaceType(m[1]) : LEVELS[level]!;
        const nameEnd = at + (m[1] ? m[1].length + m[0].slice(m[1].length).search(/\S/) : 0) + m[2]!.length;
        listed.set(at, {
          start: at,
          end: nameEnd,
          target: { type: "agency", name: `UBND ${own} ${m[2]}`, isNew: true },
        });
      }
      at += m[0].length;
      if (!m[3]) break;
    }
  }

  /** A body named by a pattern the registry and catalogue do not know: a proposed new agency. */
  private propose(text: string, at: number): Mention | null {
    const c = text.charAt(at);
    if (c === c.toLowerCase() && !/^(?:huyện|thành phố|thị xã|quận)\s/u.test(text.slice(at, at + 12))) return null;
    const rest = text.slice(at, at + 120);
    const place = PLACE_RE.exec(rest);
    if (place) {
      const name = `UBND ${cleanPlaceType(place[1] ?? "")} ${place[2]}`;
      return { start: at, end: at + place[0].length, target: { type: "agency", name, isNew: true } };
    }
    const head = NAME_HEAD.exec(rest);
    if (!head) return null;
    const name = nameAfterHead(rest, head[0].length);
    if (!name) return null;
    return { start: at, end: at + name.length, target: { type: "agency", name, isNew: true } };
  }
}

/**
 * The name a group keeps when the province has no such group: as the notice writes it
 * ("UBND các huyện, thành phố" stays that, not "…, thị xã, …"), without the head's title
 * ("Chủ tịch UBND các huyện" → "UBND các huyện"). Null for words that name no list ("các địa
 * phương", "cấp xã"): those take the province's group, or the generic name.
 */
const DISTRICT_LIST =
  /^(?:UBND\s+)?(?:các\s+)?(?:huyện|quận|thị xã|thành phố)(?:,\s*(?:huyện|quận|thị xã|thành phố|thành|thị))*$/u;

/** "UBND các huyện, thành, thị" → "levels: huyen thanh pho thi xa": a list of districts' levels, in any order. */
function levelsOf(name: string): string | null {
  const bare = name.replace(/^(?:Ủy ban nhân dân|Uỷ ban nhân dân)\b/u, "UBND");
  if (!DISTRICT_LIST.test(bare)) return null;
  const full: Record<string, string> = { thành: "thành phố", thị: "thị xã" };
  const levels = bare
    .replace(/^(?:UBND\s+)?(?:các\s+)?/u, "")
    .split(/\s*,\s*/)
    .map((l) => foldVi(full[l] ?? l));
  return `levels: ${[...new Set(levels)].sort().join(" ")}`;
}

function writtenGroupName(alias: string, g: RegistryGroup & { role: GroupRole }): string | null {
  const bare = alias
    .replace(/^(?:Chủ tịch|Thủ trưởng|Giám đốc|Lãnh đạo)\s+/u, "")
    .replace(/,\s*(?:Chủ tịch|Thủ trưởng|Giám đốc|Lãnh đạo)\s+các\s+/gu, ", ")
    .replace(/^Ủy ban nhân dân\b/u, "UBND");
  const lists = g.role === "districts" ? DISTRICT_LIST : g.role === "departments" ? /^các sở(?!\p{L})/iu : null;
  if (!lists?.test(bare)) return null;
  return bare.charAt(0).toLocaleUpperCase("vi") + bare.slice(1);
}

/**
 * The whole name of an organisation whose head word ends at `from`: its words up to the verb or
 * the next clause, "và" only when a capitalised word follows ("Sở Văn hóa, Thể thao và Du lịch"
 * is in the catalogue; "Hội Cựu chiến binh và Hội Nông dân" are two). Null when no word follows
 * the head, or the head alone would be a common noun ("Trường hợp", "Đoàn viên").
 */
export function nameAfterHead(rest: string, from: number): string | null {
  const re = /\s+([^\s,;:.()“”"!?]+)/gy;
  re.lastIndex = from;
  let end = from;
  let taken = 0;
  let capitalised = /^(?:Viettel|VNPT|Mobifone|EVN)$/u.test(rest.slice(0, from).trim());
  for (let m = re.exec(rest); m && taken < 12; m = re.exec(rest)) {
    const w = m[1]!;
    const f = foldVi(w);
    const upper = /^[\p{Lu}\d]/u.test(w);
    if (f === "va" || f === "&") {
      const after = /^\s+(\p{Lu})/u.exec(rest.slice(re.lastIndex));
      if (!after || NAME_HEAD.test(rest.slice(re.lastIndex).trimStart())) break;
      end = re.lastIndex;
      continue;
    }
    const lower = w.toLocaleLowerCase("vi");
    if (!upper && NAME_STOP_WORDS.has(lower)) break;
    if (
      !upper &&
      NAME_STOP_PAIRS.has(
        `${lower} ${(/^\s+([^\s,;:.]+)/u.exec(rest.slice(re.lastIndex))?.[1] ?? "").toLocaleLowerCase("vi")}`,
      )
    )
      break;
    if (/^(?:tinh|thanh pho|tp)$/.test(f) || (taken > 0 && /^(?:huyen|quan|thi|thanh|xa|phuong)$/.test(f))) {
      const level = LEVEL_PLACE.exec(rest.slice(m.index));
      if (level) {
        end = m.index + level[0].length;
        taken++;
        capitalised = true;
        break;
      }
      if (f === "tinh") {
        end = re.lastIndex;
        taken++;
        capitalised = true;
        break;
      }
    }
    end = re.lastIndex;
    taken++;
    if (upper) capitalised = true;
  }
  const head = rest.slice(0, from).trim();
  const firstWord = /^\s*(\S+)/u.exec(rest.slice(from))?.[1]?.toLocaleLowerCase("vi") ?? "";
  if (taken === 0 || COMMON_NOUNS.has(`${head.toLocaleLowerCase("vi")} ${firstWord}`)) return null;
  if (!capitalised && !/^(?:Trung tâm|Bệnh viện|Chi cục|Công ty|Tổng công ty|Ngân hàng|Học viện)$/u.test(head))
    return null;
  return rest.slice(0, end).trim();
}

const cache = new WeakMap<AgencyRegistry, AgencyMatcher>();

export function matcherFor(registry: AgencyRegistry): AgencyMatcher {
  let m = cache.get(registry);
  if (!m) {
    m = new AgencyMatcher(registry);
    cache.set(registry, m);
  }
  return m;
}
