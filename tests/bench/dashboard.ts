// npm run bench:dashboard — the chairman's pages at scale, against the database DATABASE_URL
// already filled by `npm run db:load` (see prisma/load). Loopback only, bounded in time.
//
// 1. starts the built app (`npm start`: builds if needed; SEED_DEMO=never, APP_TODAY = the load's
//    reference day) on a free port, signs in as the chairman of the largest province over HTTP;
// 2. for each page — the overview (/tong-quan), the same narrowed to a period (ov-period, shown in
//    the table only), the largest agency's board (/co-quan/<id>) and the overdue list (/qua-han) —
//    WARMUP requests, then RUNS sequential
//    requests: median and p95 of the wall time on loopback (and of Server-Timing when sent);
// 3. the same page's queries alone, in this process, with a Prisma client of its own: median,
//    and the ratio page / queries (what rendering and the framework add);
// 4. CLIENTS concurrent clients for SECONDS seconds per page: requests per second.
// The last line sums it up.
// The app builds into the checkout's .next: run it where nobody else builds at the same time
// (e.g. an export of HEAD: git archive HEAD | tar -x -C /tmp/bench, with node_modules beside it).
import { PrismaPg } from "@prisma/adapter-pg";
import crypto from "node:crypto";
import { agencyBoard } from "@/lib/assignments/board";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { recentNoticeOptions } from "@/lib/reports/filter-labels";
import { agencyTable, noticeProgressPage } from "@/lib/reports/running-totals";
import { listTasks, overdueSummary } from "@/lib/reports/task-lists";
import { weeklySeries } from "@/lib/reports/weekly-series";
import { LOAD_PASSWORD, LOAD_TODAY } from "@/prisma/load/generate";
import { startApp } from "@/tests/helpers/app-server";
import { HttpSession } from "@/tests/helpers/http-session";

const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const RUNS = Math.max(30, Number(process.env.BENCH_RUNS ?? 40));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const START_TIMEOUT_MS = 15 * 60_000; // a first build takes minutes

interface Stats {
  median: number;
  p95: number;
  serverMedian: number | null;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function stats(samples: number[], server: number[] = []): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const sv = [...server].sort((a, b) => a - b);
  return { median: percentile(s, 0.5), p95: percentile(s, 0.95), serverMedian: sv.length ? percentile(sv, 0.5) : null };
}

/** The chairman's session (signed in as a browser would), timing single requests. */
class Session extends HttpSession {
  /** One request, body read to the end: [ms, status, bytes, Server-Timing total or null]. */
  async timed(pathname: string): Promise<[number, number, number, number | null]> {
    const t0 = performance.now();
    const res = await fetch(new URL(pathname, this.baseUrl), {
      headers: { cookie: this.cookieHeader() },
      redirect: "manual",
    });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    const st = res.headers.get("server-timing");
    const server = st ? [...st.matchAll(/dur=([\d.]+)/g)].reduce((s, m) => s + Number(m[1]), 0) : null;
    return [ms, res.status, body.byteLength, server];
  }
}

async function concurrent(session: Session, pathname: string): Promise<{ rps: number; errors: number; p95: number }> {
  const end = performance.now() + SECONDS * 1000;
  let done = 0;
  let errors = 0;
  const samples: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const [ms, status] = await session.timed(pathname);
        if (status !== 200) errors++;
        done++;
        samples.push(ms);
      }
    }),
  );
  const s = [...samples].sort((a, b) => a - b);
  return { rps: done / ((performance.now() - t0) / 1000), errors, p95: percentile(s, 0.95) };
}

const fmt = (n: number | null) => (n === null ? "—" : n < 10 ? n.toFixed(1) : n.toFixed(0));

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    console.error(
      "bench:dashboard cần DATABASE_URL trỏ tới cơ sở dữ liệu đã nạp bằng npm run db:load (ví dụ postgresql://postgres@127.0.0.1:5432/bench1m).",
    );
    return 2;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
  try {
    const total = await prisma.assignment.count().catch(() => 0);
    if (total === 0) {
      console.error(
        "Cơ sở dữ liệu chưa có dữ liệu: chạy trước `npm run db:load -- --provinces 63 --assignments 1000000` với cùng DATABASE_URL.",
      );
      return 2;
    }
    // The largest province, its chairman, its largest agency.
    const [top] = await prisma.assignment.groupBy({
      by: ["provinceId"],
      _count: { _all: true },
      orderBy: { _count: { provinceId: "desc" } },
      take: 1,
    });
    const chair = await prisma.user.findFirst({
      where: { provinceId: top!.provinceId, role: "chairman" },
      select: { id: true, username: true },
    });
    if (!chair) {
      console.error("Không tìm thấy tài khoản lãnh đạo của tỉnh lớn nhất: dữ liệu không do npm run db:load tạo?");
      return 2;
    }
    const [bigAgency] = await prisma.assignment.groupBy({
      by: ["agencyId"],
      where: { provinceId: top!.provinceId },
      _count: { _all: true },
      orderBy: { _count: { agencyId: "desc" } },
      take: 1,
    });
    const agency = await prisma.agency.findUniqueOrThrow({
      where: { id: bigAgency!.agencyId },
      select: { id: true, name: true },
    });
    const user = (await loadSessionUser(prisma, chair.id)) as SessionUser;
    console.log(
      `dashboard bench: ${total.toLocaleString("en")} assignments; ${user.provinceName} has ${top!._count._all.toLocaleString("en")}, ` +
        `${agency.name} ${bigAgency!._count._all.toLocaleString("en")}; today = ${LOAD_TODAY}; ${RUNS} runs after ${WARMUP} warm-up, ${CLIENTS} clients × ${SECONDS} s`,
    );

    console.log("Starting the app (npm start; builds first if the build is missing or stale) …");
    const app = await startApp({
      existingDatabaseUrl: databaseUrl,
      today: LOAD_TODAY,
      timeoutMs: START_TIMEOUT_MS,
      env: { SEED_DEMO: "never", NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex") },
    });
    try {
      const session = new Session(app.baseUrl);
      if (!(await session.signIn(chair.username, LOAD_PASSWORD)))
        throw new Error(`cannot sign in as ${chair.username}`);

      const overviewPath = "/tong-quan";
      // "alone": the lib calls each page makes (app/(app)/tong-quan, co-quan/[id], qua-han), concurrently as they do.
      const T = LOAD_TODAY;
      const PERIOD = { from: "2021-01-01", to: LOAD_TODAY };
      const pages: { key: string; path: string; alone: () => Promise<unknown> }[] = [
        {
          key: "overview",
          path: overviewPath,
          alone: () =>
            Promise.all([
              overdueSummary(prisma, user, T, {}),
              listTasks(prisma, user, T, { category: "overdue", page: 1, pageSize: 10 }),
              listTasks(prisma, user, T, { category: "due_soon", page: 1, pageSize: 10 }),
              agencyTable(prisma, user, T, {}),
              noticeProgressPage(prisma, user, T, {}, { limit: 20, order: "attention" }),
              weeklySeries(prisma, user, T, {}),
              recentNoticeOptions(prisma, user, { limit: 50 }),
            ]),
        },
        {
          // The overview narrowed to a period (here: nearly all of the data), which takes the slower
          // paths (the notices in scope joined instead of "all but the unpublished"). Not in the summary line.
          key: "ov-period",
          path: `${overviewPath}?from=${PERIOD.from}&to=${PERIOD.to}`,
          alone: () =>
            Promise.all([
              overdueSummary(prisma, user, T, PERIOD),
              listTasks(prisma, user, T, { ...PERIOD, category: "overdue", page: 1, pageSize: 10 }),
              listTasks(prisma, user, T, { ...PERIOD, category: "due_soon", page: 1, pageSize: 10 }),
              agencyTable(prisma, user, T, PERIOD),
              noticeProgressPage(prisma, user, T, PERIOD, { limit: 20, order: "attention" }),
              weeklySeries(prisma, user, T, PERIOD),
              recentNoticeOptions(prisma, user, { limit: 50 }),
            ]),
        },
        { key: "board", path: `/co-quan/${agency.id}`, alone: () => agencyBoard(prisma, user, agency.id, {}, T) },
        {
          key: "overdue",
          path: "/qua-han",
          alone: () =>
            Promise.all([
              overdueSummary(prisma, user, T),
              listTasks(prisma, user, T, { category: "overdue", page: 1, pageSize: 50 }),
            ]),
        },
      ];
      const rows: {
        key: string;
        path: string;
        bytes: number;
        page: Stats;
        alone: Stats;
        rps: number;
        errors: number;
        cp95: number;
      }[] = [];
      for (const p of pages) {
        let bytes = 0;
        for (let i = 0; i < WARMUP; i++) {
          const [, status, b] = await session.timed(p.path);
          if (status !== 200) throw new Error(`${p.path} answered ${status}`);
          bytes = b;
        }
        const wall: number[] = [];
        const server: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const [ms, , , sv] = await session.timed(p.path);
          wall.push(ms);
          if (sv !== null) server.push(sv);
        }
        for (let i = 0; i < 2; i++) await p.alone();
        const alone: number[] = [];
        for (let i = 0; i < Math.min(RUNS, 30); i++) {
          const t0 = performance.now();
          await p.alone();
          alone.push(performance.now() - t0);
        }
        const c = await concurrent(session, p.path);
        rows.push({
          key: p.key,
          path: p.path,
          bytes,
          page: stats(wall, server),
          alone: stats(alone),
          rps: c.rps,
          errors: c.errors,
          cp95: c.p95,
        });
        console.log(`  ${p.key} done`);
      }
      console.log("");
      console.log(
        [
          "page".padEnd(9),
          "path".padEnd(22),
          "KB".padStart(6),
          "median".padStart(7),
          "p95".padStart(6),
          "S-T".padStart(6),
          "queries".padStart(8),
          "ratio".padStart(6),
          `${CLIENTS}c req/s`.padStart(11),
          `${CLIENTS}c p95`.padStart(8),
          "err".padStart(4),
        ].join(" "),
      );
      for (const r of rows) {
        console.log(
          [
            r.key.padEnd(9),
            (r.path.length > 22 ? `${r.path.slice(0, 21)}…` : r.path).padEnd(22),
            (r.bytes / 1024).toFixed(0).padStart(6),
            fmt(r.page.median).padStart(7),
            fmt(r.page.p95).padStart(6),
            fmt(r.page.serverMedian).padStart(6),
            fmt(r.alone.median).padStart(8),
            (r.page.median / r.alone.median).toFixed(1).padStart(6),
            r.rps.toFixed(1).padStart(11),
            fmt(r.cp95).padStart(8),
            String(r.errors).padStart(4),
          ].join(" "),
        );
      }
      console.log(
        "(ms; median/p95: sequential wall time on loopback; S-T: Server-Timing median when sent; queries: the page's lib calls alone, in-process)",
      );
      const by = (k: string) => rows.find((r) => r.key === k)!;
      console.log(
        `dashboard @ ${total} assignments: overview p95 ${Math.round(by("overview").page.p95)} ms, board p95 ${Math.round(by("board").page.p95)} ms, ` +
          `overdue p95 ${Math.round(by("overdue").page.p95)} ms, overview ${CLIENTS}-client ${Math.round(by("overview").rps)} req/s`,
      );
      return 0;
    } catch (e) {
      console.error(app.log().slice(-4000));
      throw e;
    } finally {
      await app.stop();
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
