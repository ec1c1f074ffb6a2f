// npm run bench:search — the notices list's search at scale, against the database DATABASE_URL
// names, filled by `npm run db:load` (the reference day is the load's, 30/06/2022). As the
// chairman of the largest province (who may read drafts), in this process with a Prisma client of
// its own, it times the page's queries (the page of results and the filters' choices) for the
// plain list without a search (the baseline) and for a few searches and filters, sequentially:
// median and p95 of RUNS runs each, the ratio to the baseline, and how many notices matched.
// It says whether the trigram index exists (PostgreSQL with pg_trgm) and how large the column is.
import { postgresClient } from "@/lib/db/client";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { noticeFilterOptions, searchNotices } from "@/lib/notices/queries";
import { parseNoticeSearch } from "@/lib/notices/search-query";
import { LOAD_TODAY } from "@/prisma/load/generate";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    console.error(
      "bench:search cần DATABASE_URL trỏ tới cơ sở dữ liệu đã nạp bằng npm run db:load (ví dụ postgresql://postgres@127.0.0.1:5432/bench1m).",
    );
    return 2;
  }
  const prisma = postgresClient(databaseUrl);
  try {
    const [top] = await prisma.notice.groupBy({
      by: ["provinceId"],
      _count: { _all: true },
      orderBy: { _count: { provinceId: "desc" } },
      take: 1,
    });
    if (!top) {
      console.error(
        "Cơ sở dữ liệu chưa có văn bản: chạy trước `npm run db:load -- --provinces 63 --assignments 200000`.",
      );
      return 2;
    }
    const chair = await prisma.user.findFirst({
      where: { provinceId: top.provinceId, role: "chairman" },
      select: { id: true },
    });
    if (!chair) {
      console.error("Không tìm thấy tài khoản lãnh đạo của tỉnh lớn nhất: dữ liệu không do npm run db:load tạo?");
      return 2;
    }
    const user = (await loadSessionUser(prisma, chair.id)) as SessionUser;
    const [facts] = await prisma.$queryRaw<{ notices: number; province: number; avg: number; index: boolean }[]>`
      SELECT (SELECT COUNT(*)::int FROM "Notice") AS notices,
             (SELECT COUNT(*)::int FROM "Notice" WHERE "provinceId" = ${top.provinceId}) AS province,
             (SELECT AVG(length("searchText"))::int FROM "Notice") AS avg,
             EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'Notice_searchText_trgm_idx') AS index`;
    const sample = await prisma.notice.findFirstOrThrow({
      where: { provinceId: top.provinceId, number: { not: null } },
      orderBy: { id: "asc" },
      select: { number: true, issuer: true },
    });
    console.log(
      `bench:search · ${facts!.notices} văn bản, tỉnh lớn nhất ${user.provinceName} ${facts!.province} văn bản · ` +
        `searchText trung bình ${facts!.avg} ký tự · chỉ mục trigram: ${facts!.index ? "có" : "không"} · ${RUNS} lần mỗi truy vấn, ngày ${LOAD_TODAY}`,
    );

    const cases: [string, Record<string, string>][] = [
      ["danh sách, không tìm (mốc so sánh)", {}],
      ["danh sách, trang 10", { page: "10" }],
      ["có dấu: xét nghiệm sàng lọc", { q: "xét nghiệm sàng lọc" }],
      ["không dấu: xet nghiem sang loc", { q: "xet nghiem sang loc" }],
      ["từ hiếm: giãn cách xã hội", { q: "gian cach xa hoi" }],
      ["không có kết quả: zzqx", { q: "zzqx" }],
      [`số: ${sample.number}`, { q: sample.number! }],
      ["loại KH, năm 2021", { kind: "KH", year: "2021" }],
      ["khoảng 01/03/2021–31/05/2021", { from: "01/03/2021", to: "31/05/2021" }],
      ["cơ quan ban hành + nháp", { issuer: sample.issuer, status: "draft" }],
      ["có việc quá hạn", { overdue: "1" }],
      ["tiem vac xin + TB + quá hạn", { q: "tiem vac xin", kind: "TB", overdue: "1" }],
    ];
    const rows: { name: string; median: number; p95: number; total: number }[] = [];
    for (const [name, query] of cases) {
      const filters = parseNoticeSearch(query);
      const once = () =>
        Promise.all([searchNotices(prisma, user, LOAD_TODAY, filters), noticeFilterOptions(prisma, user)]);
      const [warm] = await once(); // warm-up, not counted
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await once();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      rows.push({ name, median: percentile(times, 0.5), p95: percentile(times, 0.95), total: warm.total });
    }
    const base = rows[0]!.median;
    const fmt = (ms: number) => ms.toFixed(1);
    console.log(
      `${"truy vấn".padEnd(44)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"× mốc".padStart(6)} ${"khớp".padStart(6)}`,
    );
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(44)} ${fmt(r.median).padStart(6)}ms ${fmt(r.p95).padStart(6)}ms ${(r.median / base).toFixed(1).padStart(6)} ${String(r.total).padStart(6)}`,
      );
    }
    const searches = rows.slice(2);
    const worst = searches.reduce((a, b) => (b.median > a.median ? b : a));
    console.log(
      `search: baseline median ${fmt(base)} ms, searches median ${fmt(Math.min(...searches.map((r) => r.median)))}–${fmt(worst.median)} ms (worst: ${worst.name}), trigram index ${facts!.index ? "on" : "off"}`,
    );
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
