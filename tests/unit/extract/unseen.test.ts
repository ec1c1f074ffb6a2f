// Notices of provinces the seed does not know, in the layouts secretariats paste: no blank lines,
// PDF lines wrapped at a fixed width, Word with tabs and "a)/-/+/•" bullets, Roman sections, items
// headed by their agency, a Công điện, a Kế hoạch, a numbering that restarts, long one-paragraph
// items (tests/fixtures/extract/unseen). Expectations are what a careful reader writes down; each
// notice is read twice: against a registry of its province, and with no registry at all.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractNotice } from "@/lib/extract";
import { ZNoticeDraft, type DraftDirective } from "@/lib/notices/draft";
import type { AgencyRegistry } from "@/lib/agencies/registry";
import { DEPARTMENTS, DISTRICTS, FRONT, unseenRegistry } from "./unseen-registry";

const FIX = join(__dirname, "../../fixtures/extract/unseen");
const EMPTY: AgencyRegistry = { province: null, agencies: [], groups: [] };

interface Want {
  ref: string;
  leads: string[]; // agency names; a group stands for its members
  supports?: string[];
  deadline: [kind: string, dueOn: string | null] | null;
  isNew?: string[]; // agencies the registry lacks: proposed as new
}

interface Case {
  file: string;
  registry: AgencyRegistry;
  notice: {
    kind: string;
    number: string | null;
    issuedOn: string;
    title: string;
    issuer?: string;
    meetingOn?: string | null;
    signer?: string | null;
  };
  directives: Want[];
}

const CASES: Case[] = [
  {
    file: "ha-giang-tb-215.txt", // one paragraph per line, no blank line anywhere
    registry: unseenRegistry("Hà Giang", [
      ["thành phố", "Hà Giang"],
      ["huyện", "Mèo Vạc"],
      ["huyện", "Đồng Văn"],
      ["huyện", "Yên Minh"],
      ["huyện", "Quản Bạ"],
    ]),
    notice: {
      kind: "TB",
      number: "215/TB-UBND",
      issuedOn: "2021-09-06",
      issuer: "UBND tỉnh Hà Giang",
      meetingOn: "2021-09-04",
      signer: "Lê Minh Tuấn",
      title:
        "Kết luận của đồng chí Hoàng Văn Thắng, Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh ngày 04/9/2021",
    },
    directives: [
      { ref: "1", leads: ["Sở Y tế"], supports: ["Sở Tài chính"], deadline: ["exact", "2021-09-15"] },
      {
        ref: "2",
        leads: ["UBND huyện Mèo Vạc", "UBND huyện Đồng Văn", "UBND huyện Yên Minh"],
        deadline: ["datetime", "2021-09-10"],
      },
      { ref: "3", leads: ["Sở Giáo dục và Đào tạo"], supports: [DISTRICTS], deadline: ["month", "2021-09-30"] },
      {
        ref: "4",
        leads: ["Bệnh viện Đa khoa tỉnh Hà Giang", "Bộ Chỉ huy Quân sự tỉnh"],
        deadline: ["ongoing", null],
        isNew: ["Bệnh viện Đa khoa tỉnh Hà Giang"],
      },
      { ref: "5", leads: ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], deadline: null },
    ],
  },
  {
    file: "nghe-an-tb-512-pdf.txt", // PDF text: every line broken at ~80 characters, mid-sentence
    registry: unseenRegistry("Nghệ An", [
      ["thành phố", "Vinh"],
      ["thị xã", "Cửa Lò"],
      ["thị xã", "Hoàng Mai"],
      ["huyện", "Quỳnh Lưu"],
    ]),
    notice: {
      kind: "TB",
      number: "512/TB-VPUB",
      issuedOn: "2021-07-20",
      issuer: "Văn phòng UBND tỉnh Nghệ An",
      meetingOn: "2021-07-19",
      signer: "Trần Quốc Bình",
      title:
        "Ý kiến kết luận của đồng chí Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh ngày 19/7/2021",
    },
    directives: [
      { ref: "1", leads: ["Sở Y tế"], supports: ["Công an tỉnh", DISTRICTS], deadline: ["within_days", "2021-07-25"] },
      { ref: "2", leads: ["Sở Lao động - Thương binh và Xã hội"], deadline: ["working_days", "2021-07-23"] },
      { ref: "3", leads: ["Công an tỉnh", "Sở Giao thông vận tải"], deadline: ["until_end", "2021-07-31"] },
      { ref: "4", leads: ["Trung tâm Kiểm soát bệnh tật tỉnh"], deadline: ["recurring", "2021-07-27"] },
      { ref: "5", leads: ["UBND thành phố Vinh", "UBND thị xã Cửa Lò"], deadline: ["start", null] },
    ],
  },
  {
    file: "dong-nai-tb-1088-word.txt", // Word paste: tabs, two-column header, a) - • + bullets
    registry: unseenRegistry("Đồng Nai", [
      ["thành phố", "Biên Hòa"],
      ["thành phố", "Long Khánh"],
      ["huyện", "Trảng Bom"],
      ["huyện", "Nhơn Trạch"],
    ]),
    notice: {
      kind: "TB",
      number: "1088/TB-UBND",
      issuedOn: "2021-08-13",
      issuer: "UBND tỉnh Đồng Nai",
      meetingOn: "2021-08-12",
      signer: "Võ Văn Phi",
      title: "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh ngày 12/8/2021",
    },
    directives: [
      { ref: "1.a.1", leads: ["Sở Y tế"], supports: [DISTRICTS], deadline: ["before", "2021-08-19"] },
      { ref: "1.a.2", leads: ["Sở Y tế"], deadline: null },
      { ref: "1.b.1", leads: ["UBND thành phố Biên Hòa", "UBND huyện Trảng Bom"], deadline: ["month", "2021-08-31"] },
      { ref: "1.b.2", leads: ["UBND thành phố Biên Hòa", "UBND huyện Trảng Bom"], deadline: null },
      {
        ref: "2.1.1",
        leads: ["Sở Công Thương"],
        supports: ["Liên minh Hợp tác xã tỉnh"],
        deadline: null,
        isNew: ["Liên minh Hợp tác xã tỉnh"],
      },
      {
        ref: "2.1.2",
        leads: ["Sở Công Thương"],
        supports: ["Liên minh Hợp tác xã tỉnh"],
        deadline: null,
        isNew: ["Liên minh Hợp tác xã tỉnh"],
      },
      { ref: "2.2", leads: ["Sở Lao động - Thương binh và Xã hội"], deadline: ["exact", "2021-08-31"] },
    ],
  },
  {
    file: "ca-mau-tb-301-roman.txt", // I./II. sections, 1. and a) inside; Viettel and VNPT
    registry: unseenRegistry("Cà Mau", [
      ["thành phố", "Cà Mau"],
      ["huyện", "Trần Văn Thời"],
      ["huyện", "Năm Căn"],
      ["huyện", "U Minh"],
    ]),
    notice: {
      kind: "TB",
      number: "301/TB-UBND",
      issuedOn: "2021-10-08",
      issuer: "UBND tỉnh Cà Mau",
      meetingOn: "2021-10-07",
      signer: "Huỳnh Thị Mai",
      title:
        "Kết luận của Phó Chủ tịch UBND tỉnh Lâm Minh Hòa tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh",
    },
    directives: [
      { ref: "II.1.a", leads: ["Sở Y tế"], supports: [DISTRICTS], deadline: ["milestone", "2021-10-31"] },
      {
        ref: "II.1.b",
        leads: ["Viettel Cà Mau", "VNPT Cà Mau"],
        deadline: null,
        isNew: ["Viettel Cà Mau", "VNPT Cà Mau"],
      },
      {
        ref: "II.2.a",
        leads: ["UBND huyện Trần Văn Thời", "UBND thành phố Cà Mau"],
        deadline: ["quarter", "2021-12-31"],
      },
      { ref: "II.2.b", leads: ["Sở Tài chính"], deadline: ["year", "2021-12-31"] },
      { ref: "II.3", leads: ["Công an tỉnh"], supports: ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"], deadline: null },
    ],
  },
  {
    file: "thua-thien-hue-tb-188-headed.txt", // items headed by their agency ("1. Sở Y tế:") then bullets
    registry: unseenRegistry("Thừa Thiên Huế", [
      ["thành phố", "Huế"],
      ["thị xã", "Hương Thủy"],
      ["thị xã", "Hương Trà"],
      ["huyện", "Phú Vang"],
    ]),
    notice: {
      kind: "TB",
      number: "188/TB-UBND",
      issuedOn: "2021-09-17",
      issuer: "UBND tỉnh Thừa Thiên Huế",
      meetingOn: "2021-09-16",
      signer: "Nguyễn Đình Khoa",
      title:
        "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp trực tuyến Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh ngày 16/9/2021",
    },
    directives: [
      { ref: "1.1", leads: ["Sở Y tế"], deadline: ["recurring", "2021-09-24"] },
      { ref: "1.2", leads: ["Sở Y tế"], deadline: null },
      {
        ref: "2",
        leads: ["Sở Lao động - Thương binh và Xã hội"],
        // The group as the notice writes it (issue 13), the registry's districts its members.
        supports: ["UBND các huyện, thị xã"],
        deadline: ["before", "2021-09-29"],
      },
      { ref: "3.1", leads: ["Sở Giáo dục và Đào tạo"], deadline: ["until_end", "2021-10-03"] },
      {
        ref: "3.2",
        leads: ["Sở Giáo dục và Đào tạo"],
        supports: ["Trung tâm Kiểm soát bệnh tật tỉnh"],
        deadline: ["month", "2021-10-31"],
      },
      {
        ref: "4",
        leads: ["Bệnh viện Trung ương Huế", "Bệnh viện Đa khoa tỉnh"],
        deadline: null,
        isNew: ["Bệnh viện Trung ương Huế", "Bệnh viện Đa khoa tỉnh"],
      },
      { ref: "5", leads: ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", FRONT], deadline: null },
    ],
  },
  {
    file: "kien-giang-cd-07.txt", // Công điện: addressees, "Chủ tịch UBND tỉnh yêu cầu:", heads of agencies
    registry: unseenRegistry("Kiên Giang", [
      ["thành phố", "Rạch Giá"],
      ["thành phố", "Phú Quốc"],
      ["thành phố", "Hà Tiên"],
      ["huyện", "Kiên Lương"],
    ]),
    notice: {
      kind: "CD",
      number: "07/CĐ-UBND",
      issuedOn: "2021-12-27",
      issuer: "UBND tỉnh Kiên Giang",
      signer: "Trần Văn Lâm",
      title:
        "Về việc tăng cường phòng, chống dịch COVID-19 trong dịp Tết Dương lịch và Tết Nguyên đán Nhâm Dần năm 2022",
    },
    directives: [
      { ref: "1", leads: [DISTRICTS], deadline: ["event", "2022-01-03"] },
      { ref: "2", leads: ["Sở Y tế"], deadline: ["datetime", "2021-12-31"] },
      {
        ref: "3",
        leads: ["Sở Văn hóa và Thể thao"],
        deadline: ["event", "2022-02-06"],
        isNew: ["Sở Văn hóa và Thể thao"],
      },
      { ref: "4", leads: ["UBND thành phố Phú Quốc"], deadline: ["before", "2022-01-04"] },
      { ref: "5", leads: ["Công an tỉnh"], supports: ["Bộ Chỉ huy Quân sự tỉnh"], deadline: null },
    ],
  },
  {
    file: "bac-giang-kh-245.txt", // Kế hoạch: purpose section, then tasks by agency heading
    registry: unseenRegistry(
      "Bắc Giang",
      [
        ["thành phố", "Bắc Giang"],
        ["huyện", "Việt Yên"],
        ["huyện", "Yên Dũng"],
        ["huyện", "Lục Nam"],
      ],
      [{ name: "Ban Quản lý các khu công nghiệp tỉnh", shortName: "BQL KCN", kind: "department", aliases: [] }],
    ),
    notice: {
      kind: "KH",
      number: "245/KH-UBND",
      issuedOn: "2021-06-15",
      issuer: "UBND tỉnh Bắc Giang",
      signer: "Nguyễn Văn Hải",
      title: "Tiêm vắc xin phòng COVID-19 cho người lao động tại các khu công nghiệp trên địa bàn tỉnh",
    },
    directives: [
      {
        ref: "II.1.1",
        leads: ["Sở Y tế"],
        supports: ["Ban Quản lý các khu công nghiệp tỉnh"],
        deadline: ["before", "2021-06-19"],
      },
      { ref: "II.1.2", leads: ["Sở Y tế"], deadline: null },
      { ref: "II.2", leads: ["Ban Quản lý các khu công nghiệp tỉnh"], deadline: ["within_days", "2021-06-18"] },
      { ref: "II.3", leads: ["Công an tỉnh"], deadline: null },
      { ref: "II.4", leads: ["Sở Tài chính"], deadline: ["quarter", "2021-09-30"] },
      {
        ref: "II.5",
        leads: ["UBND huyện Việt Yên", "UBND huyện Yên Dũng"],
        supports: ["Sở Y tế"],
        deadline: ["recurring", "2021-06-30"],
      },
    ],
  },
  {
    file: "da-nang-tb-140-restart.txt", // a city with quận; the numbering restarts after "Về nhiệm vụ thời gian tới:"
    registry: unseenRegistry(
      "Đà Nẵng",
      [
        ["quận", "Hải Châu"],
        ["quận", "Sơn Trà"],
        ["quận", "Thanh Khê"],
        ["huyện", "Hòa Vang"],
      ],
      [
        { name: "Báo Đà Nẵng", shortName: "Báo ĐN", kind: "media", aliases: [] },
        { name: "Đài Phát thanh - Truyền hình Đà Nẵng", shortName: "DRT", kind: "media", aliases: [] },
      ],
      "UBND các quận, huyện",
    ),
    notice: {
      kind: "TB",
      number: "140/TB-UBND",
      issuedOn: "2021-07-26",
      issuer: "UBND thành phố Đà Nẵng",
      meetingOn: "2021-07-25",
      signer: "Phạm Thị Lan",
      title:
        "Kết luận của Chủ tịch UBND thành phố tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 thành phố ngày 25/7/2021",
    },
    directives: [
      { ref: "1", leads: ["UBND quận Sơn Trà", "UBND quận Hải Châu"], deadline: ["datetime", "2021-07-28"] },
      {
        ref: "2",
        leads: ["Sở Y tế"],
        supports: ["Bệnh viện Đà Nẵng"],
        deadline: ["working_days", "2021-08-02"],
        isNew: ["Bệnh viện Đà Nẵng"],
      },
      { ref: "3", leads: ["UBND các quận, huyện"], deadline: ["until_end", "2021-08-08"] },
      {
        ref: "4",
        leads: ["Sở Thông tin và Truyền thông"],
        supports: ["Đài Phát thanh - Truyền hình Đà Nẵng", "Báo Đà Nẵng"],
        deadline: ["ongoing", null],
      },
    ],
  },
  {
    file: "thanh-hoa-tb-52-long.txt", // long one-paragraph items, several clauses each
    registry: unseenRegistry("Thanh Hóa", [
      ["thành phố", "Thanh Hóa"],
      ["thành phố", "Sầm Sơn"],
      ["thị xã", "Nghi Sơn"],
      ["huyện", "Hoằng Hóa"],
    ]),
    notice: {
      kind: "TB",
      number: "52/TB-BCĐ",
      issuedOn: "2022-01-10",
      issuer: "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Thanh Hóa",
      meetingOn: "2022-01-09",
      signer: "Trịnh Văn Minh",
      title: "Kết luận của Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh tại cuộc họp ngày 09/01/2022",
    },
    directives: [
      // "UBND các huyện, thị xã, thành phố" keeps the notice's name though the registry says "…, thành phố".
      {
        ref: "1",
        leads: ["Sở Y tế"],
        supports: ["UBND các huyện, thị xã, thành phố"],
        deadline: ["exact", "2022-01-31"],
      },
      {
        ref: "2",
        leads: ["Sở Công Thương"],
        supports: ["Sở Nông nghiệp và Phát triển nông thôn", "Cục Quản lý thị trường tỉnh", DISTRICTS],
        deadline: ["event", "2022-02-06"],
        isNew: ["Cục Quản lý thị trường tỉnh"],
      },
      { ref: "3", leads: ["Sở Giáo dục và Đào tạo"], supports: ["Sở Y tế"], deadline: ["start", null] },
      {
        ref: "4",
        leads: ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Chữ thập đỏ tỉnh", FRONT],
        deadline: null,
        isNew: ["Hội Chữ thập đỏ tỉnh"],
      },
      { ref: "5", leads: ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"], deadline: null },
    ],
  },
];

/** A group's members collapse back to the group's name, as a reader writes it. */
const names = (d: DraftDirective, role: "lead" | "support") =>
  [...new Set(d.assignments.filter((a) => a.role === role).map((a) => a.viaGroup ?? a.agency))].sort();

describe.each(CASES.map((c) => [c.file, c] as const))("%s", (file, c) => {
  const text = readFileSync(join(FIX, file), "utf8");
  const { draft } = extractNotice(text, c.registry);
  const byRef = new Map(draft.directives.map((d) => [d.ref, d]));

  it("produces a draft the review screen accepts", () => {
    expect(ZNoticeDraft.safeParse(draft).success).toBe(true);
  });

  it("reads the notice's number, date, kind, title and issuer", () => {
    const n = draft.notice;
    expect({ kind: n.kind, number: n.number, issuedOn: n.issuedOn, title: n.title }).toEqual({
      kind: c.notice.kind,
      number: c.notice.number,
      issuedOn: c.notice.issuedOn,
      title: c.notice.title,
    });
    if (c.notice.issuer) expect(n.issuer).toBe(c.notice.issuer);
    if (c.notice.meetingOn !== undefined) expect(n.meetingOn).toBe(c.notice.meetingOn);
    if (c.notice.signer !== undefined) expect(n.signer).toBe(c.notice.signer);
  });

  it("finds every directive, with a reader's refs, in order", () => {
    expect(draft.directives.map((d) => d.ref)).toEqual(c.directives.map((d) => d.ref));
  });

  describe.each(c.directives.map((w) => [w.ref, w] as const))("directive %s", (_ref, w) => {
    it("lead and supporting agencies", () => {
      const d = byRef.get(w.ref);
      expect(d, `directive ${w.ref} missing`).toBeDefined();
      expect(names(d!, "lead")).toEqual([...w.leads].sort());
      expect(names(d!, "support")).toEqual([...(w.supports ?? [])].sort());
    });
    it("deadline", () => {
      const d = byRef.get(w.ref);
      expect(d, `directive ${w.ref} missing`).toBeDefined();
      expect(d!.deadline ? [d!.deadline.kind, d!.deadline.dueOn] : null).toEqual(w.deadline);
    });
    it("proposes exactly the agencies the registry lacks", () => {
      const d = byRef.get(w.ref);
      expect(d, `directive ${w.ref} missing`).toBeDefined();
      const fresh = d!.assignments
        .filter((a) => a.isNew)
        .map((a) => a.agency)
        .sort();
      for (const n of w.isNew ?? []) expect(fresh).toContain(n);
      expect(
        fresh.every((n) => (w.isNew ?? []).includes(n)),
        `unexpected new: ${fresh.join(", ")}`,
      ).toBe(true);
    });
  });

  describe("with no registry (province not set up)", () => {
    const bare = extractNotice(text, EMPTY).draft;
    it("finds the same directives and deadlines", () => {
      expect(bare.directives.map((d) => [d.ref, d.deadline?.kind ?? null, d.deadline?.dueOn ?? null])).toEqual(
        draft.directives.map((d) => [d.ref, d.deadline?.kind ?? null, d.deadline?.dueOn ?? null]),
      );
    });
    it("proposes every directive's agencies as new ones, with canonical names", () => {
      for (const [i, d] of bare.directives.entries()) {
        expect(d.assignments.length, `directive ${d.ref} has no agency`).toBeGreaterThan(0);
        expect(d.assignments.every((a) => a.isNew && a.viaGroup === null)).toBe(true);
        const want = c.directives[i]!;
        const leads = d.assignments.filter((a) => a.role === "lead").map((a) => a.agency);
        // Registered bodies come back under the catalogue's names; groups by their generic name.
        for (const l of want.leads.filter((n) => ![DISTRICTS, DEPARTMENTS, FRONT, "UBND các quận, huyện"].includes(n)))
          expect(leads).toContain(l);
        for (const a of d.assignments) expect(a.agency).toMatch(/^[\p{Lu}]/u);
      }
    });
  });
});
