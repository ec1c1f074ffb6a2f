// A notice from a province that is not seeded (Bình Định), with OCR damage of the seeds' kind.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractNotice, guessRegistry } from "@/lib/extract";
import { ZNoticeDraft } from "@/lib/notices/draft";
import { REGISTRIES } from "@/prisma/seed/data/registries";
import { BINH_DINH } from "./registry-fixture";

const text = readFileSync(join(__dirname, "../../fixtures/extract/binh-dinh-tb-0609.txt"), "utf8");
const EMPTY = { province: null, agencies: [], groups: [] };

describe("a Bình Định notice with the province's registry", () => {
  const { draft, warnings, spans } = extractNotice(text, BINH_DINH);
  const byRef = Object.fromEntries(draft.directives.map((d) => [d.ref, d]));
  const leads = (ref: string) =>
    byRef[ref]!.assignments.filter((a) => a.role === "lead")
      .map((a) => a.agency)
      .sort();
  const supports = (ref: string) =>
    byRef[ref]!.assignments.filter((a) => a.role === "support")
      .map((a) => a.agency)
      .sort();

  it("reads the header, the chair and the signature", () => {
    expect(draft.notice).toMatchObject({
      kind: "TB",
      number: "4/TB-UBND",
      issuer: "UBND tỉnh Bình Định",
      place: "Bình Định",
      meetingOn: "2021-08-27",
      chair: "Nguyễn Phi Long",
      signer: "Trần Văn Thanh",
      signingFormula: "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG",
    });
    expect(draft.notice.citations).toEqual(["Chỉ thị số 16/CT-TTg", "Nghị quyết số 68/NQ-CP ngày 01/7/2021"]);
    expect(draft.notice.recipients).toContain("UBND các huyện, thị xã, thành phố");
    expect(ZNoticeDraft.safeParse(draft).success).toBe(true);
  });

  it("finds the directives under the task section only", () => {
    expect(draft.directives.map((d) => d.ref)).toEqual(["2.(1)", "2.(2)", "2.(3).1", "2.(3).2", "2.(4)", "2.(5)"]);
  });

  it("reads chủ trì / phối hợp, heads of agencies and headings", () => {
    expect(leads("2.(1)")).toEqual(["Sở Y tế"]);
    expect(supports("2.(1)")).toEqual(["Bộ Chỉ huy Quân sự tỉnh", "Sở Tài chính"]);
    expect(leads("2.(2)")).toEqual(["UBND huyện Phù Mỹ", "UBND huyện Tuy Phước", "UBND thị xã Hoài Nhơn"]);
    expect(leads("2.(3).2")).toEqual(["Sở Công Thương", "Sở Lao động - Thương binh và Xã hội"]);
    expect(supports("2.(3).2")).toEqual(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]);
    expect(byRef["2.(3).2"]!.assignments.find((a) => a.agency === "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")?.isNew).toBe(
      true,
    );
    expect(leads("2.(4)")).toHaveLength(5);
  });

  it("reads deadlines, and urgency", () => {
    expect(byRef["2.(1)"]!.deadline).toMatchObject({ kind: "before", dueOn: "2021-09-04" });
    expect(byRef["2.(1)"]!.urgent).toBe(true);
    expect(byRef["2.(2)"]!.deadline).toMatchObject({ kind: "until_end", dueOn: "2021-09-12" });
    expect(byRef["2.(3).1"]!.deadline).toMatchObject({ kind: "month", dueOn: "2021-09-30" });
    expect(byRef["2.(4)"]!.deadline).toMatchObject({ kind: "milestone", dueOn: "2021-09-30" });
  });

  it("warns about the impossible date, the illegible line and the item with no agency", () => {
    const messages = warnings.map((w) => `${w.line}: ${w.message}`);
    expect(messages).toContain("11: Ngày ban hành 31/2/2021 không tồn tại");
    expect(messages).toContain("37: Đoạn không đọc được (dòng 37): cần đối chiếu bản giấy");
    expect(messages).toContain("39: Mục 2.(5): chưa xác định được cơ quan thực hiện");
    expect(draft.notice.issuedOn).toBeNull();
  });

  it("points every assignment and deadline at the words of the original text", () => {
    const d = spans.directives.find((s) => s.ref === "2.(1)")!;
    expect(text.slice(d.deadline!.start, d.deadline!.end)).toBe("trước ngày 05/9/2021");
    const lead = d.assignments.find((a) => a.agency === "Sở Y tế")!;
    expect(text.slice(lead.start, lead.end)).toBe("Sở Y tế");
    const head = spans.directives
      .find((s) => s.ref === "2.(2)")!
      .assignments.find((a) => a.agency === "UBND huyện Tuy Phước")!;
    expect(text.slice(head.start, head.end)).toBe("Chủ tịch UBND huyện Tuy Phước");
    expect(text.slice(d.start, d.end)).toMatch(/^\(1\) Giao Sở Y tế[\s\S]*05\/9\/2021\.$/);
  });
});

describe("a province not set up", () => {
  const { draft, warnings } = extractNotice(text, EMPTY);

  it("still proposes every agency, as new, with a clean name", () => {
    const all = draft.directives.flatMap((d) => d.assignments);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((a) => a.isNew)).toBe(true);
    const names = new Set(all.map((a) => a.agency));
    for (const n of [
      "Sở Y tế",
      "Sở Tài chính",
      "Bộ Chỉ huy Quân sự tỉnh",
      "UBND thị xã Hoài Nhơn",
      "UBND huyện Tuy Phước",
      "UBND các huyện, thị xã, thành phố",
    ])
      expect(names).toContain(n);
  });

  it("says so", () => {
    expect(warnings.map((w) => w.message)).toContain("Tỉnh chưa có danh mục cơ quan: mọi cơ quan đều là đề xuất mới");
  });

  it("is not taken for a seeded province", () => {
    expect(guessRegistry(text, REGISTRIES)).toBeNull();
  });
});
