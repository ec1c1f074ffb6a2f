// The extractor against the careful human reading of the five seed notices
// (prisma/seed/data/documents): what the secretariat would otherwise have to fix by hand.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractNotice } from "@/lib/extract";
import { ZNoticeDraft, type DraftDirective } from "@/lib/notices/draft";
import { SEED_DOCUMENTS } from "@/prisma/seed/data/documents";
import { REGISTRIES } from "@/prisma/seed/data/registries";

const SEEDS = join(__dirname, "../../../../shared/seeds");

// Where the extractor still reads a seed differently from the careful reading, named one by one.
// `it.fails` keeps them honest: fixing one makes its test fail until the entry is removed here.
// Fixed since and removed: 001 lead 2 ("Đối với cấp xã cần …": the topic is who must act) and
// 002 deadline II.8 ("bảo đảm kịp thời, chính xác": DOMAIN's "kịp thời" with no date → ongoing).
// What is left, and why it stays:
const KNOWN_GAPS = new Set([
  // Splitting one numbered paragraph into 6.1 / 6.2 at a later "Đề nghị Mặt trận …" sentence is the
  // reader's choice, not a rule of DOMAIN.md; doing it generally would risk splitting items whose
  // later sentence names another body without giving it a task of its own, and renumber them.
  "001_86011e207e7bcac3.txt refs",
  "001_86011e207e7bcac3.txt lead 6.1",
  "001_86011e207e7bcac3.txt lead 6.2",
  "001_86011e207e7bcac3.txt deadline 6.1",
  "001_86011e207e7bcac3.txt deadline 6.2",
  "001_86011e207e7bcac3.txt supports",
  // "tại các địa phương và cơ quan y tế" names where the hotlines are, not who checks them; the
  // reader infers the performers (districts + Sở Y tế). A judgement call: the extractor keeps the
  // intro's addressees rather than turn a place into an assignee.
  "001_86011e207e7bcac3.txt lead 5",
  // The first clause is the committee heads' own act; the task is "các ngành, địa phương" in the
  // second clause. Reading which clause carries the task is a judgement call.
  "002_8df910bebcacd667.txt lead II.8.2",
  // "Ngay sau khi tiếp nhận thông tin" → ongoing in the reading; "ngay sau khi" is not in DOMAIN's
  // table of no-date words, and reading every "ngay" as a deadline would flag ordinary wording.
  "002_8df910bebcacd667.txt deadline II.8.1",
  // "(nhất là ngành Y tế, Công an, …)" narrowing a group, and CDC named in "đề nghị … để có phương
  // án hỗ trợ": the reader makes them supports; both are judgement calls about parenthetical text.
  "002_8df910bebcacd667.txt supports",
  // The reading keeps "nhanh chóng" as the phrase; the extractor prefers DOMAIN's own "kịp thời"
  // (as the reading itself does in 002 II.5.2). Same kind (ongoing), different phrase.
  "003_01c405e6d66fb90f.txt deadline 3.1",
  // The reader decides Móng Cái and Hải Hà oversee the enterprises of the previous sentence; the
  // extractor keeps the item's districts group. A judgement call.
  "003_01c405e6d66fb90f.txt lead 3.3",
]);
const check = (key: string) => (KNOWN_GAPS.has(key) ? it.fails : it);

const leads = (d: DraftDirective) =>
  d.assignments
    .filter((a) => a.role === "lead")
    .map((a) => a.agency)
    .sort();
const supports = (d: DraftDirective) =>
  d.assignments
    .filter((a) => a.role === "support")
    .map((a) => a.agency)
    .sort();

describe.each(SEED_DOCUMENTS.map((s) => [s.file, s] as const))("seed %s", (file, seed) => {
  const registry = REGISTRIES.find((r) => r.province === seed.province)!;
  const text = readFileSync(join(SEEDS, file), "utf8");
  const { draft } = extractNotice(text, registry);
  const expected = seed.draft;

  it("produces a draft the review screen accepts", () => {
    expect(ZNoticeDraft.safeParse(draft).success).toBe(true);
  });

  it("reads the notice's data", () => {
    const n = draft.notice;
    const e = expected.notice;
    expect({
      kind: n.kind,
      number: n.number,
      issuedOn: n.issuedOn,
      issuedPrecision: n.issuedPrecision,
      meetingOn: n.meetingOn,
      signer: n.signer,
    }).toEqual({
      kind: e.kind,
      number: e.number,
      issuedOn: e.issuedOn,
      issuedPrecision: e.issuedPrecision,
      meetingOn: e.meetingOn,
      signer: e.signer,
    });
  });

  check(`${file} refs`)("finds every directive, with the same refs, in order", () => {
    expect(draft.directives.map((d) => d.ref)).toEqual(expected.directives.map((d) => d.ref));
  });

  describe.each(expected.directives.map((d) => [d.ref, d] as const))("directive %s", (ref, e) => {
    check(`${file} lead ${ref}`)("lead agencies", () => {
      const got = draft.directives.find((d) => d.ref === ref);
      expect(got, `directive ${ref} missing`).toBeDefined();
      expect(leads(got!)).toEqual(leads(e));
    });

    check(`${file} deadline ${ref}`)("deadline", () => {
      const got = draft.directives.find((d) => d.ref === ref);
      expect(got, `directive ${ref} missing`).toBeDefined();
      if (!e.deadline) {
        expect(got!.deadline?.dueOn ?? null).toBeNull();
        return;
      }
      expect(got!.deadline).not.toBeNull();
      const g = got!.deadline!;
      expect({ kind: g.kind, dueOn: g.dueOn }).toEqual({ kind: e.deadline.kind, dueOn: e.deadline.dueOn });
      const a = g.phrase.toLowerCase();
      const b = e.deadline.phrase.toLowerCase();
      expect(a.includes(b) || b.includes(a), `phrase "${g.phrase}" vs "${e.deadline.phrase}"`).toBe(true);
    });
  });

  it("keeps each directive's passage in the original text", () => {
    for (const d of draft.directives) {
      const passage = text.slice(d.sourceStart!, d.sourceEnd!);
      expect(passage.replace(/[*#\s]/g, "")).toContain(d.text.slice(0, 30).replace(/\s/g, ""));
    }
  });
});

describe("seed support roles", () => {
  describe.each(SEED_DOCUMENTS.map((s) => [s.file, s] as const))("%s", (file, seed) => {
    check(`${file} supports`)("supporting agencies per directive", () => {
      const registry = REGISTRIES.find((r) => r.province === seed.province)!;
      const { draft } = extractNotice(readFileSync(join(SEEDS, file), "utf8"), registry);
      const got = Object.fromEntries(draft.directives.map((d) => [d.ref, supports(d)]));
      const want = Object.fromEntries(seed.draft.directives.map((d) => [d.ref, supports(d)]));
      expect(got).toEqual(want);
    });
  });
});
