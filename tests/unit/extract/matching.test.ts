import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { matcherFor } from "@/lib/extract/agencies";
import { extractNotice, guessRegistry } from "@/lib/extract";
import { REGISTRIES } from "@/prisma/seed/data/registries";
import { BINH_DINH } from "./registry-fixture";

const names = (text: string, r = BINH_DINH) =>
  matcherFor(r)
    .find(text)
    .map((m) => `${text.slice(m.start, m.end)} → ${m.target.type === "superior" ? "(cấp trên)" : m.target.name}`);

describe("agency matching", () => {
  it("ignores case and diacritics, and forgives one OCR slip in a long name", () => {
    expect(names("SO Y TE va Cong an tinh")).toEqual(["SO Y TE → Sở Y tế", "Cong an tinh → Công an tỉnh"]);
    expect(names("huyện Tuy Phươc")).toEqual(["huyện Tuy Phươc → UBND huyện Tuy Phước"]);
  });
  it("does not let an ordinary word pass for a short name", () => {
    expect(names("Bảo đảm cung ứng hàng hóa")).toEqual([]);
  });
  it("reads abbreviations and heads of agencies", () => {
    expect(names("Sở LĐTBXH, Giám đốc Sở Y tế, Chủ tịch UBND thị xã An Nhơn")).toEqual([
      "Sở LĐTBXH → Sở Lao động - Thương binh và Xã hội",
      "Giám đốc Sở Y tế → Sở Y tế",
      "Chủ tịch UBND thị xã An Nhơn → UBND thị xã An Nhơn",
    ]);
  });
  it("knows superiors, which are never assignees", () => {
    expect(names("đề nghị UBND tỉnh có văn bản gửi UBND các tỉnh, thành phố")).toEqual([
      "UBND tỉnh → (cấp trên)",
      "UBND các tỉnh, thành phố → (cấp trên)",
    ]);
  });
  it("fixes the seeds' Cần Đức typo against Long An's registry", () => {
    const la = REGISTRIES.find((r) => r.province === "Long An")!;
    expect(names("huyện Cần Giuộc, Cần Đức", la)).toEqual([
      "huyện Cần Giuộc → UBND huyện Cần Giuộc",
      "Cần Đức → UBND huyện Cần Đước",
    ]);
  });
  it("proposes bodies it does not know, by their name pattern", () => {
    expect(names("Sở Tư pháp chủ trì; UBND huyện Vân Canh")).toEqual([
      "Sở Tư pháp → Sở Tư pháp",
      "UBND huyện Vân Canh → UBND huyện Vân Canh",
    ]);
    expect(
      matcherFor(BINH_DINH)
        .find("Sở Tư pháp")
        .every((m) => m.target.type === "agency" && m.target.isNew),
    ).toBe(true);
  });
  it("proposes an unknown organisation by its whole name, up to the verb or the next clause", () => {
    const empty = { province: null, agencies: [], groups: [] };
    const got = (t: string) => names(t, empty);
    expect(got("phối hợp với Hội Chữ thập đỏ tỉnh tổ chức tiêm vắc xin")).toEqual([
      "Hội Chữ thập đỏ tỉnh → Hội Chữ thập đỏ tỉnh",
    ]);
    expect(got("Bệnh viện Đa khoa tỉnh Nghệ An tiếp nhận bệnh nhân")).toEqual([
      "Bệnh viện Đa khoa tỉnh Nghệ An → Bệnh viện Đa khoa tỉnh Nghệ An",
    ]);
    expect(got("Chi cục An toàn vệ sinh thực phẩm phối hợp")).toEqual([
      "Chi cục An toàn vệ sinh thực phẩm → Chi cục An toàn vệ sinh thực phẩm",
    ]);
    expect(got("Viettel Cà Mau, VNPT Cà Mau bảo đảm")).toEqual([
      "Viettel Cà Mau → Viettel Cà Mau",
      "VNPT Cà Mau → VNPT Cà Mau",
    ]);
    expect(got("Hội Cựu chiến binh và Hội Nông dân tỉnh vận động")).toEqual([
      "Hội Cựu chiến binh → Hội Cựu chiến binh",
      "Hội Nông dân tỉnh → Hội Nông dân tỉnh",
    ]);
    expect(got("Trung tâm Y tế quận Hải Châu khẩn trương")).toEqual([
      "Trung tâm Y tế quận Hải Châu → Trung tâm Y tế quận Hải Châu",
    ]);
  });
  it("does not take a common noun for an organisation", () => {
    const empty = { province: null, agencies: [], groups: [] };
    expect(names("Trường hợp phát hiện F0 phải báo ngay", empty)).toEqual([]);
    expect(names("Ban hành kế hoạch tiêm chủng", empty)).toEqual([]);
    expect(names("Hội nghị trực tuyến với các xã", empty)).toEqual([]);
  });
  it("names the districts listed after a group, proposing those the registry lacks", () => {
    const empty = { province: null, agencies: [], groups: [] };
    expect(names("Chủ tịch UBND các huyện: Mèo Vạc, Đồng Văn và thành phố Hà Giang", empty)).toEqual([
      // With no such group in the registry the group keeps the notice's own words (issue 13).
      "Chủ tịch UBND các huyện → UBND các huyện",
      "Mèo Vạc → UBND huyện Mèo Vạc",
      "Đồng Văn → UBND huyện Đồng Văn",
      "thành phố Hà Giang → UBND thành phố Hà Giang",
    ]);
  });
  it("keeps a group's written name when the registry has no such group", () => {
    const empty = { province: null, agencies: [], groups: [] };
    expect(names("UBND các huyện, thành phố triển khai", empty)).toEqual([
      "UBND các huyện, thành phố → UBND các huyện, thành phố",
    ]);
    expect(names("Ủy ban nhân dân các huyện, thị xã, thành phố triển khai", empty)).toEqual([
      "Ủy ban nhân dân các huyện, thị xã, thành phố → UBND các huyện, thị xã, thành phố",
    ]);
    expect(names("Thủ trưởng các sở, ngành chỉ đạo", empty)).toEqual(["Thủ trưởng các sở, ngành → Các sở, ngành"]);
    // Another wording than the registry's keeps the notice's own name (issue 13), with the
    // members of the province's group: Lạng Sơn's only group is "UBND các huyện, thành phố".
    const ls = REGISTRIES.find((r) => r.province === "Lạng Sơn")!;
    const own = ls.groups.find((g) => g.name === "UBND các huyện, thành phố")!;
    const [m] = matcherFor(ls).find("UBND các huyện, thị xã, thành phố triển khai");
    expect(m?.target).toEqual({
      type: "group",
      name: "UBND các huyện, thị xã, thành phố",
      members: own.members,
      isNew: false,
    });
  });
  it("keeps the notice's wording of a group the registry words otherwise, proposing the registry's members", () => {
    // Issue 13's example: the registry's only districts group is "UBND các huyện, thị xã, thành phố".
    const members = BINH_DINH.groups[0]!.members;
    const found = matcherFor(BINH_DINH).find("UBND các huyện, thành phố triển khai; Chủ tịch UBND các huyện chỉ đạo");
    expect(found.map((m) => m.target)).toEqual([
      { type: "group", name: "UBND các huyện, thành phố", members, isNew: false },
      { type: "group", name: "UBND các huyện", members, isNew: false },
    ]);
    const text = readFileSync(join(__dirname, "../../fixtures/extract/phrase-exact.txt"), "utf8").replace(
      "1. Sở Y tế hoàn thành",
      "1. UBND các huyện, thành phố hoàn thành",
    );
    const draft = extractNotice(text, BINH_DINH).draft;
    expect(draft.directives[0]?.assignments).toEqual(
      members.map((agency) => ({ agency, role: "lead", viaGroup: "UBND các huyện, thành phố", isNew: false })),
    );
  });
  it("gives the registry's group when the notice writes its name or alias, whatever the case and diacritics", () => {
    for (const text of [
      "UBND các huyện, thị xã, thành phố triển khai",
      "UBND CAC HUYEN, THI XA, THANH PHO triển khai",
      "Ủy ban nhân dân các huyện, thị xã, thành phố triển khai",
      "Chủ tịch UBND các huyện, thị xã, thành phố triển khai",
      "Các địa phương triển khai",
    ])
      expect(names(text)[0], text).toMatch(/→ UBND các huyện, thị xã, thành phố$/);
  });
  it("guesses 003's province from its districts, not from the OCR'd stamp", () => {
    const text = "TỈNH ỦY QUẢNG BÌNH\n\nCác địa phương: Đầm Hà, Hải Hà, Móng Cái, Tiên Yên khẩn trương";
    expect(guessRegistry(text, REGISTRIES)?.province).toBe("Quảng Ninh");
  });
});
