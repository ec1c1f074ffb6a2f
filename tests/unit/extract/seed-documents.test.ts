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

// Where the extractor still reads a seed differently from the careful reading, named one by one
// (see the final report). `it.fails` keeps them honest: fixing one makes its test fail until the
// entry is removed here.
const KNOWN_GAPS = new Set([
  "001_86011e207e7bcac3.txt refs", // 6 is one directive here; the reading splits "Đề nghị Mặt trận…" off as 6.2
  "001_86011e207e7bcac3.txt lead 2", // "Đối với cấp xã": reading → districts; here the intro's "các ngành"
  "001_86011e207e7bcac3.txt lead 5", // "tại các địa phương và cơ quan y tế": reading → districts + Sở Y tế
  "001_86011e207e7bcac3.txt lead 6.1",
  "001_86011e207e7bcac3.txt lead 6.2",
  "001_86011e207e7bcac3.txt deadline 6.1",
  "001_86011e207e7bcac3.txt deadline 6.2",
  "001_86011e207e7bcac3.txt supports",
  "002_8df910bebcacd667.txt lead II.8.2", // first clause is the committee heads' own act; task is "các ngành, địa phương"
  "002_8df910bebcacd667.txt deadline II.8", // "kịp thời, chính xác" read as pace by the reading; as an adjective here
  "002_8df910bebcacd667.txt deadline II.8.1", // "Ngay sau khi tiếp nhận thông tin" → ongoing in the reading
  "002_8df910bebcacd667.txt supports", // "(nhất là ngành Y tế, Công an, …)" narrowing; CDC "đề nghị … để có phương án hỗ trợ"
  "003_01c405e6d66fb90f.txt deadline 3.1", // reading keeps "nhanh chóng"; here DOMAIN's "kịp thời" wins (as the reading does in II.5.2)
  "003_01c405e6d66fb90f.txt lead 3.3", // reading: Móng Cái and Hải Hà oversee the enterprises; here the item's districts group
]);
const check = (key: string) => (KNOWN_GAPS.has(key) ? it.fails : it);

const leads = (d: DraftDirective) => d.assignments.filter((a) => a.role === "lead").map((a) => a.agency).sort();
const supports = (d: DraftDirective) => d.assignments.filter((a) => a.role === "support").map((a) => a.agency).sort();

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
    expect({ kind: n.kind, number: n.number, issuedOn: n.issuedOn, issuedPrecision: n.issuedPrecision, meetingOn: n.meetingOn, signer: n.signer })
      .toEqual({ kind: e.kind, number: e.number, issuedOn: e.issuedOn, issuedPrecision: e.issuedPrecision, meetingOn: e.meetingOn, signer: e.signer });
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
