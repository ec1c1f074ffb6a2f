import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZNoticeDraft, type NoticeDraft } from "@/lib/notices/draft";
import { REGISTRIES, fold, registryOf } from "@/prisma/seed/data/registries";
import { SEED_DOCUMENTS } from "@/prisma/seed/data/documents";

// ../shared beside the project (CI has it there too); the test fails, not skips, without it.
const SEEDS_DIR = path.resolve(__dirname, "../../../shared/seeds");

function doc(file: string): NoticeDraft {
  const d = SEED_DOCUMENTS.find((x) => x.file.startsWith(file));
  if (!d) throw new Error(`no seed document ${file}`);
  return d.draft;
}

function directive(file: string, ref: string) {
  const found = doc(file).directives.find((x) => x.ref === ref);
  if (!found) throw new Error(`${file}: no directive ${ref}`);
  return found;
}

function leads(file: string, ref: string): string[] {
  return directive(file, ref)
    .assignments.filter((a) => a.role === "lead")
    .map((a) => a.agency);
}

function supports(file: string, ref: string): string[] {
  return directive(file, ref)
    .assignments.filter((a) => a.role === "support")
    .map((a) => a.agency);
}

/** The OCR text with markdown marks removed and every run of whitespace made one space. */
function cleanSource(text: string): string {
  return fold(text.replace(/\*\*/g, "").replace(/^#+\s*/gm, ""));
}

describe("agency registries", () => {
  it("has the four provinces", () => {
    expect(REGISTRIES.map((r) => r.province)).toEqual(["Lạng Sơn", "Lai Châu", "Long An", "Quảng Ninh"]);
  });

  it.each(REGISTRIES.map((r) => [r.province, r] as const))("%s: names and aliases do not collide", (_p, r) => {
    const owner = new Map<string, string>();
    const claim = (key: string, who: string) => {
      const k = fold(key);
      const prev = owner.get(k);
      expect(prev === undefined || prev === who, `"${key}" names both ${prev} and ${who}`).toBe(true);
      owner.set(k, who);
    };
    for (const a of r.agencies) for (const x of [a.name, ...a.aliases]) claim(x, `agency ${a.name}`);
    for (const g of r.groups) for (const x of [g.name, ...g.aliases]) claim(x, `group ${g.name}`);
    const shorts = r.agencies.map((a) => fold(a.shortName));
    expect(new Set(shorts).size).toBe(shorts.length);
  });

  it.each(REGISTRIES.map((r) => [r.province, r] as const))("%s: group members exist, data is NFC", (_p, r) => {
    const names = new Set(r.agencies.map((a) => a.name));
    for (const g of r.groups) {
      expect(g.members.length).toBeGreaterThan(0);
      for (const m of g.members) expect(names.has(m), `${g.name}: ${m}`).toBe(true);
    }
    const all = JSON.stringify(r);
    expect(all).toBe(all.normalize("NFC"));
  });

  it("lists the 2021 district-level units", () => {
    const count = (p: string) => registryOf(p).agencies.filter((a) => a.kind === "district").length;
    expect([count("Lạng Sơn"), count("Lai Châu"), count("Long An"), count("Quảng Ninh")]).toEqual([11, 8, 15, 13]);
    const longAn = registryOf("Long An");
    const canDuoc = longAn.agencies.find((a) => a.name === "UBND huyện Cần Đước");
    expect(canDuoc?.aliases).toContain("Cần Đức");
    expect(longAn.agencies.find((a) => a.name === "UBND thị xã Kiến Tường")?.kind).toBe("district");
    expect(longAn.groups.map((g) => g.name)).toContain("UBND các huyện, thị xã, thành phố");
    const yTe = registryOf("Lạng Sơn").agencies.find((a) => a.name === "Sở Y tế");
    expect(yTe?.shortName).toBe("SYT");
    expect(yTe?.aliases).toContain("Giám đốc Sở Y tế");
  });
});

describe("seed documents", () => {
  it("are the five seed files in order", () => {
    expect(SEED_DOCUMENTS.map((d) => d.file)).toEqual([
      "000_ec265b00dddae054.txt",
      "001_86011e207e7bcac3.txt",
      "002_8df910bebcacd667.txt",
      "003_01c405e6d66fb90f.txt",
      "004_a956b0c17b9e6422.txt",
    ]);
    expect(SEED_DOCUMENTS.map((d) => d.province)).toEqual([
      "Lạng Sơn",
      "Lai Châu",
      "Long An",
      "Quảng Ninh",
      "Lạng Sơn",
    ]);
  });

  describe.each(SEED_DOCUMENTS.map((d) => [d.file, d] as const))("%s", (file, d) => {
    const registry = registryOf(d.province);

    it("parses with ZNoticeDraft", () => {
      const parsed = ZNoticeDraft.safeParse(d.draft);
      expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues, null, 2)).toBe(true);
    });

    it("names only agencies and groups of its province's registry", () => {
      const names = new Set(registry.agencies.map((a) => a.name));
      const groups = new Map(registry.groups.map((g) => [g.name, g]));
      for (const dir of d.draft.directives) {
        const seen = new Set<string>();
        for (const a of dir.assignments) {
          expect(names.has(a.agency), `${dir.ref}: ${a.agency}`).toBe(true);
          expect(a.isNew).toBe(false);
          expect(seen.has(a.agency), `${dir.ref}: ${a.agency} twice`).toBe(false);
          seen.add(a.agency);
          if (a.viaGroup !== null) {
            const g = groups.get(a.viaGroup);
            expect(g, `${dir.ref}: group ${a.viaGroup}`).toBeDefined();
            expect(g?.members).toContain(a.agency);
          }
        }
        // A group is expanded to all of its members.
        for (const gName of new Set(dir.assignments.map((a) => a.viaGroup).filter((g) => g !== null))) {
          const members = groups.get(gName)?.members ?? [];
          for (const m of members) expect(seen.has(m), `${dir.ref}: ${gName} lacks ${m}`).toBe(true);
        }
        expect(
          dir.assignments.some((a) => a.role === "lead"),
          `${dir.ref} has no lead`,
        ).toBe(true);
      }
    });

    it("has unique refs", () => {
      const refs = d.draft.directives.map((x) => x.ref);
      expect(new Set(refs).size).toBe(refs.length);
    });

    it("is NFC and free of markdown marks", () => {
      const all = JSON.stringify(d.draft);
      expect(all).toBe(all.normalize("NFC"));
      expect(all).not.toMatch(/\*\*|##/);
    });

    it("quotes the source: texts and deadline phrases", () => {
      const source = cleanSource(readFileSync(`${SEEDS_DIR}/${file}`, "utf8"));
      for (const dir of d.draft.directives) {
        expect(source.includes(fold(dir.text)), `${dir.ref}: text not in source`).toBe(true);
        if (dir.deadline) {
          expect(fold(dir.text).includes(fold(dir.deadline.phrase)), `${dir.ref}: phrase not in text`).toBe(true);
        }
      }
    });
  });
});

describe("spot checks a reader would notice", () => {
  it("000 Lạng Sơn", () => {
    const d = doc("000");
    expect(d.notice.number).toBeNull();
    expect(d.notice.issuedPrecision).toBe("unknown");
    expect(d.notice.meetingOn).toBe("2021-09-06");
    expect(d.directives).toHaveLength(20);
    expect(directive("000", "2.3").deadline).toMatchObject({
      kind: "before",
      dueOn: "2021-09-14",
      phrase: "trước ngày 15/9/2021",
    });
    expect(directive("000", "3.1.1").deadline).toMatchObject({ kind: "until_end", dueOn: "2021-09-15" });
    expect(leads("000", "3.2")).toEqual(["UBND huyện Văn Lãng"]);
    expect(supports("000", "3.2")).toEqual(["Sở Giáo dục và Đào tạo"]);
    expect(leads("000", "4.(3)")).toHaveLength(5);
    expect(directive("000", "4.(3)").assignments.every((a) => a.viaGroup === null)).toBe(true);
    expect(leads("000", "4.(6)")).toEqual(["Sở Y tế"]);
    expect(supports("000", "4.(6)")).toHaveLength(11);
    expect(leads("000", "5")).toEqual(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]);
    expect(directive("000", "5").deadline?.dueOn).toBe("2021-09-10");
    // 6.b: the chairman will consider it later; not a directive.
    expect(d.directives.some((x) => x.ref === "6.b")).toBe(false);
    expect(d.directives.some((x) => x.text.includes("Đánh giá chung") || x.text.startsWith("Thời gian qua"))).toBe(
      false,
    );
  });

  it("001 Lai Châu", () => {
    const d = doc("001");
    expect(d.notice.number).toBeNull();
    expect(d.notice).toMatchObject({ issuedOn: "2021-01-01", issuedPrecision: "year", meetingOn: "2021-08-30" });
    expect(d.directives).toHaveLength(13);
    expect(directive("001", "10").deadline).toMatchObject({ kind: "event", phrase: "trong dịp nghỉ lễ 2/9" });
    expect(leads("001", "10").slice(0, 2)).toEqual(["Công an tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]);
    expect(leads("001", "10")).toHaveLength(2 + 8);
    expect(leads("001", "3")).toEqual(["Báo Lai Châu", "Đài Phát thanh và Truyền hình Lai Châu"]);
    expect(leads("001", "6.2")).toContain("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh");
    expect(leads("001", "9")).toContain("Trung tâm Y tế huyện Sìn Hồ");
    expect(leads("001", "4")).toContain("Sở Y tế");
  });

  it("002 Long An", () => {
    const d = doc("002");
    expect(d.notice).toMatchObject({ number: "875/TB-VPUBND", issuedOn: "2021-05-30", issuedPrecision: "day" });
    expect(d.notice.citations).toContain("Thông báo số 874/TB-VPUBND ngày 30/5/2021");
    expect(d.directives).toHaveLength(22);
    expect(d.directives.some((x) => x.ref.startsWith("I.") || x.ref === "I")).toBe(false);
    expect(leads("002", "II.6")).toEqual(["Công an tỉnh"]);
    expect(supports("002", "II.6")).toEqual(["Sở Giao thông vận tải"]);
    expect(directive("002", "II.3.2").deadline).toMatchObject({
      kind: "milestone",
      dueOn: "2021-06-15",
      target: "50% kế hoạch",
    });
    expect(supports("002", "II.3.1")).toEqual(["Sở Y tế", "Công an tỉnh", "Liên đoàn Lao động tỉnh"]);
    expect(leads("002", "II.3.1")).toHaveLength(4 + 15);
    expect(leads("002", "II.2.1")).toEqual(["UBND huyện Cần Giuộc", "UBND huyện Cần Đước", "UBND thành phố Tân An"]);
    expect(supports("002", "II.5.5")).toEqual(["Sở Tài chính"]);
    expect(directive("002", "II.5.1").urgent).toBe(true);
    expect(directive("002", "II.7").assignments.find((a) => a.agency === "UBND thị xã Kiến Tường")?.viaGroup).toBe(
      "UBND các huyện, thị xã, thành phố",
    );
  });

  it("003 Quảng Ninh", () => {
    const d = doc("003");
    expect(d.notice).toMatchObject({ issuer: "Tỉnh ủy Quảng Ninh", meetingOn: "2021-11-15", number: null });
    expect(d.directives).toHaveLength(7);
    expect(d.directives.some((x) => /illegible/i.test(x.text))).toBe(false);
    expect(directive("003", "2.3").deadline).toMatchObject({
      kind: "exact",
      dueOn: "2021-11-30",
      phrase: "chậm nhất đến ngày 30/11/2021",
    });
    expect(leads("003", "2.3")).toEqual(["Sở Y tế"]);
    expect(directive("003", "3.3").deadline).toMatchObject({ kind: "start", startOn: "2021-11-16", dueOn: null });
    expect(leads("003", "3.2")).toEqual([
      "UBND huyện Đầm Hà",
      "UBND huyện Hải Hà",
      "UBND thành phố Móng Cái",
      "UBND huyện Tiên Yên",
    ]);
  });

  it("004 Lạng Sơn", () => {
    const d = doc("004");
    expect(d.notice).toMatchObject({ kind: "CV", number: null, issuedOn: "2022-01-01", issuedPrecision: "month" });
    expect(d.directives).toHaveLength(7);
    expect(directive("004", "1.3").deadline).toMatchObject({
      kind: "month",
      dueOn: "2022-01-31",
      phrase: "trong tháng 01/2022",
    });
    expect(directive("004", "2.2").deadline?.dueOn).toBe("2022-01-31");
    expect(directive("004", "2.3").deadline).toMatchObject({ kind: "event", phrase: "trong dịp Tết Nguyên đán" });
    expect(directive("004", "2.1").assignments.every((a) => a.viaGroup === "UBND các huyện, thành phố")).toBe(true);
    expect(leads("004", "1.1")).toContain("Sở Y tế");
  });

  it("directive counts", () => {
    expect(SEED_DOCUMENTS.map((x) => x.draft.directives.length)).toEqual([20, 13, 22, 7, 7]);
  });
});
