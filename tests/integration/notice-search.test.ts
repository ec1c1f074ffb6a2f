import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { createNotice } from "@/lib/notices/create";
import { noticeFilterOptions, searchNotices } from "@/lib/notices/queries";
import { noticeSearchText, searchFold } from "@/lib/notices/search-fold";
import { noticeSearchQueryString, parseNoticeSearch } from "@/lib/notices/search-query";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// The notices list's search and filters against counts made by hand. Lạng Sơn has two seed
// notices (S0: TB of the meeting of 06/09/2021, no number, its text has "xét nghiệm" once and
// deadlines in September 2021; S4: CV of the steering committee, January 2022, no "xét nghiệm");
// this file adds N1 (12/TB-UBND, 05/10/2021, "xét nghiệm", a task due 20/10/2021), N2
// (45/KH-UBND, 02/03/2021, due 31/12/2021) and the draft N3 (300/QĐ-BCĐ, 20/12/2020, "đột xuất",
// due 15/01/2021). On 01/11/2021 S0, N1 and N3 have overdue tasks. Newest first: S4, N1, S0, N2, N3.

let t: TestDatabase;
let secretariat: SessionUser;
let staff: SessionUser;
let longAn: SessionUser;
const TODAY = "2021-11-01";
const BCD = "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Lạng Sơn";
const ids: Record<"S0" | "S4" | "N1" | "N2" | "N3", number> = { S0: 0, S4: 0, N1: 0, N2: 0, N3: 0 };

async function user(username: string): Promise<SessionUser> {
  const u = await t.prisma.user.findUniqueOrThrow({ where: { username } });
  return (await loadSessionUser(t.prisma, u.id))!;
}

async function add(
  provinceId: number,
  n: { kind: "TB" | "KH" | "QD"; number: string; issuer: string; issuedOn: string; title: string; text: string },
  dueOn: string,
  status: "draft" | "published",
): Promise<number> {
  return createNotice(
    t.prisma,
    null,
    provinceId,
    {
      sourceText: `${n.title}\n${n.text}`,
      draft: {
        notice: {
          kind: n.kind,
          number: n.number,
          issuer: n.issuer,
          place: "Lạng Sơn",
          issuedOn: n.issuedOn,
          issuedPrecision: "day",
          title: n.title,
          meetingOn: null,
          chair: null,
          signer: null,
          signingFormula: null,
          recipients: [],
          citations: [],
        },
        directives: [
          {
            ref: "1",
            text: n.text,
            urgent: false,
            deadline: {
              kind: "exact",
              dueOn,
              dueAt: null,
              phrase: "chậm nhất",
              startOn: null,
              recurrence: null,
              target: null,
            },
            assignments: [{ agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false }],
          },
        ],
      },
    },
    { status, createNewAgencies: false },
  );
}

const search = (u: SessionUser, query: Record<string, string>, pageSize?: number) =>
  searchNotices(t.prisma, u, TODAY, parseNoticeSearch(query), pageSize);
const found = async (u: SessionUser, query: Record<string, string>) => {
  const r = await search(u, query);
  const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return r.items.map((n) => byId.get(n.id) ?? n.number);
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  secretariat = await user("langson.vanphong");
  staff = await user("langson.syt");
  longAn = await user("longan.vanphong");
  const province = await t.prisma.province.findUniqueOrThrow({ where: { name: "Lạng Sơn" } });
  const seed = await t.prisma.notice.findMany({ where: { provinceId: province.id }, select: { id: true, kind: true } });
  ids.S0 = seed.find((n) => n.kind === "TB")!.id;
  ids.S4 = seed.find((n) => n.kind === "CV")!.id;
  ids.N1 = await add(
    province.id,
    {
      kind: "TB",
      number: "12/TB-UBND",
      issuer: "UBND tỉnh Lạng Sơn",
      issuedOn: "2021-10-05",
      title: "Kết luận về xét nghiệm diện rộng tại thành phố",
      text: "Sở Y tế tổ chức xét nghiệm cho toàn bộ người dân thành phố",
    },
    "2021-10-20",
    "published",
  );
  ids.N2 = await add(
    province.id,
    {
      kind: "KH",
      number: "45/KH-UBND",
      issuer: "UBND tỉnh Lạng Sơn",
      issuedOn: "2021-03-02",
      title: "Kế hoạch tiêm vắc xin phòng COVID-19 năm 2021",
      text: "Sở Y tế bảo đảm tiến độ tiêm chủng",
    },
    "2021-12-31",
    "published",
  );
  ids.N3 = await add(
    province.id,
    {
      kind: "QD",
      number: "300/QĐ-BCĐ",
      issuer: BCD,
      issuedOn: "2020-12-20",
      title: "Quyết định thành lập Đội kiểm tra đột xuất",
      text: "Đội kiểm tra đột xuất các khu cách ly",
    },
    "2021-01-15",
    "draft",
  );
});
afterAll(async () => t?.drop());

describe("the notices list", () => {
  it("lists newest first (the meeting's date when the issue date is unknown); drafts only for who may read them", async () => {
    expect(await found(secretariat, {})).toEqual(["S4", "N1", "S0", "N2", "N3"]);
    expect(await found(staff, {})).toEqual(["S4", "N1", "S0", "N2"]);
    expect((await search(staff, {})).total).toBe(4);
  });

  it("finds words with or without diacritics, in any case", async () => {
    for (const q of ["xét nghiệm", "xet nghiem", "XET  NGHIEM", "“xét nghiệm”"]) {
      expect(await found(staff, { q })).toEqual(["N1", "S0"]);
    }
    expect(await found(staff, { q: "xet nghiem dien rong" })).toEqual(["N1"]);
    // The words of a term go together, in order; S4 has "xét" and "kinh nghiệm" apart.
    expect(await found(staff, { q: "nghiem xet" })).toEqual([]);
    expect(await found(staff, { q: "nghiệm, xét" })).toEqual(["S4", "N1", "S0"]);
  });

  it("reads đ as d, and never shows a draft to agency staff", async () => {
    for (const q of ["đột xuất", "dot xuat", "ĐỘT"]) {
      expect(await found(secretariat, { q })).toEqual(["N3"]);
      expect(await found(staff, { q })).toEqual([]);
    }
  });

  it("finds a notice by its number", async () => {
    expect(await found(staff, { q: "12/TB" })).toEqual(["N1"]);
    expect(await found(secretariat, { q: "300/qd" })).toEqual(["N3"]);
    expect((await search(longAn, { q: "875/TB-VPUBND" })).items.map((n) => n.number)).toEqual(["875/TB-VPUBND"]);
  });

  it("takes the search's % and _ literally, and searches only the session's province", async () => {
    expect((await search(secretariat, { q: "%%%__" })).total).toBe(0);
    expect((await search(longAn, { q: "xet nghiem" })).items.map((n) => n.number)).toEqual(["875/TB-VPUBND"]);
    expect((await search(longAn, { q: "12/TB-UBND" })).total).toBe(0);
  });

  it("filters by kind (QĐ written either way)", async () => {
    expect(await found(secretariat, { kind: "CV" })).toEqual(["S4"]);
    expect(await found(secretariat, { kind: "QĐ" })).toEqual(["N3"]);
    expect(await found(secretariat, { kind: "QD" })).toEqual(["N3"]);
    expect(await found(staff, { kind: "QD" })).toEqual([]);
    expect(await found(secretariat, { kind: "TB", q: "xet nghiem" })).toEqual(["N1", "S0"]);
  });

  it("filters by year or by a period, dd/MM/yyyy or YYYY-MM-DD", async () => {
    expect(await found(secretariat, { year: "2021" })).toEqual(["N1", "S0", "N2"]);
    expect(await found(secretariat, { year: "2020" })).toEqual(["N3"]);
    expect(await found(secretariat, { from: "01/09/2021", to: "31/10/2021" })).toEqual(["N1", "S0"]);
    expect(await found(secretariat, { from: "2021-09-07" })).toEqual(["S4", "N1"]);
    expect(await found(secretariat, { to: "06/09/2021" })).toEqual(["S0", "N2", "N3"]);
  });

  it("filters by issuing body", async () => {
    expect(await found(secretariat, { issuer: BCD })).toEqual(["S4", "N3"]);
    expect(await found(staff, { issuer: BCD })).toEqual(["S4"]);
    expect(await found(secretariat, { issuer: "UBND tỉnh Lạng Sơn" })).toEqual(["N1", "S0", "N2"]);
    const options = await noticeFilterOptions(t.prisma, staff);
    expect(options.issuers.sort()).toEqual([BCD, "UBND tỉnh Lạng Sơn"].sort());
    expect(options).toMatchObject({ years: [2022, 2021], drafts: false });
    expect((await noticeFilterOptions(t.prisma, secretariat)).years).toEqual([2022, 2021, 2020]);
  });

  it("filters by status, a draft only for who may read drafts", async () => {
    expect(await found(secretariat, { status: "draft" })).toEqual(["N3"]);
    expect(await found(secretariat, { status: "published" })).toEqual(["S4", "N1", "S0", "N2"]);
    expect(await found(staff, { status: "draft" })).toEqual([]);
  });

  it("keeps the notices with overdue tasks, counted as the badge counts them", async () => {
    expect(await found(secretariat, { overdue: "1" })).toEqual(["N1", "S0", "N3"]);
    expect(await found(staff, { overdue: "1" })).toEqual(["N1", "S0"]);
    const r = await search(secretariat, { overdue: "1" });
    expect(r.items.every((n) => n.overdueCount > 0)).toBe(true);
    expect((await search(secretariat, { q: "45/KH" })).items.map((n) => n.overdueCount)).toEqual([0]);
  });

  it("pages, and a page past the end shows the last one", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => search(secretariat, { page: String(page) }, 2)));
    const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    expect(pages.map((p) => p.items.map((n) => byId.get(n.id)))).toEqual([["S4", "N1"], ["S0", "N2"], ["N3"]]);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    const beyond = await search(secretariat, { page: "9" }, 2);
    expect(beyond.page).toBe(3);
    expect(beyond.items.map((n) => n.id)).toEqual([ids.N3]);
  });

  it("folds in SQL (the migration's backfill) exactly as the app folds", async () => {
    const samples = [
      "Xét nghiệm SARS-CoV-2 ĐỢT 2",
      "xe\u0301t  nghie\u0323\u0302m\n\tnhanh\u00a0chóng",
      "Đắk Lắk, Ḃ Ⅻ Ω ß – “ngoặc” 50%_",
    ];
    const rows = await t.sql.query<{ folded: string }>(
      `SELECT notice_search_fold(s) AS folded FROM unnest($1::text[]) WITH ORDINALITY AS x(s, n) ORDER BY n`,
      [samples],
    );
    expect(rows.map((r) => r.folded)).toEqual(samples.map(searchFold));
    const stored = await t.prisma.notice.findUniqueOrThrow({
      where: { id: ids.S0 },
      select: { number: true, title: true, issuer: true, sourceText: true, searchText: true },
    });
    const [again] = await t.sql.query<{ folded: string }>(
      `SELECT notice_search_fold(concat_ws(E'\\n', "number", "title", "issuer", "sourceText")) AS folded FROM "Notice" WHERE id = $1`,
      [ids.S0],
    );
    expect(again!.folded).toBe(stored.searchText);
    expect(stored.searchText).toBe(noticeSearchText(stored));
  });

  it("keeps every filter in the address, and drops what it cannot read", () => {
    const f = parseNoticeSearch({ q: " xét ", kind: "QĐ", year: "2021", from: "01/09/2021", overdue: "1", page: "2" });
    expect(noticeSearchQueryString(f)).toBe("?q=x%C3%A9t&kind=QD&year=2021&from=2021-09-01&overdue=1&page=2");
    expect(
      parseNoticeSearch({ kind: "XX", year: "21", from: "31/02/2021", status: "deleted", page: "-1", q: "\u0000" }),
    ).toEqual({ page: 1 });
  });
});
