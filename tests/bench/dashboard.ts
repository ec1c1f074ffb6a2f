// npm run bench:dashboard — every page a person uses, at scale, against the database DATABASE_URL
// already filled by `npm run db:load` (see prisma/load). Loopback only, bounded in time.
//
// 1. starts the built app (`npm start`: builds if needed; SEED_DEMO=never, APP_TODAY = the load's
//    reference day) on a free port; signs in over HTTP as the largest province's chairman, its
//    secretariat and the staff of its largest agency (the two made here if missing, with the
//    chairman's password), and makes a read token for the API;
// 2. for each page of tests/bench/pages.ts — the overview (also narrowed to a period and to a
//    notice), the largest agency's board (columns, and the list with a search), the overdue list,
//    the notice list with a search, the notice with most directives, a task, the work queue of each
//    role, the quarterly ranking, the API's list endpoints, and the sign-in page as the trivial
//    page — WARMUP requests, then RUNS sequential requests: median and p95 of the wall time;
// 3. a miss: the first request after a change in the province (nothing in the read cache);
// 4. the same page's queries alone (its session read, its lib calls and the layout's), in this
//    process, with a Prisma client of its own: median, and the ratio page / queries (what rendering
//    and the framework add);
// 5. CLIENTS concurrent connections for SECONDS seconds per page with autocannon: requests per
//    second, beside the trivial page's.
// The last line sums it up: the worst p95, the worst ratio, the worst miss, the trivial page's and the slowest
// page's 20-client rates, the largest HTML.
// The app builds into the checkout's .next: run it where nobody else builds at the same time
// (e.g. an export of HEAD: git archive HEAD | tar -x -C /tmp/bench, with node_modules beside it).
import { postgresClient } from "@/lib/db/client";
import autocannon from "autocannon";
import crypto from "node:crypto";
import { hashSecret, newSecret } from "@/lib/api/tokens";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { LOAD_PASSWORD, LOAD_TODAY } from "@/prisma/load/generate";
import { startApp } from "@/tests/helpers/app-server";
import { HttpSession } from "@/tests/helpers/http-session";
import { benchPages, type Who } from "@/tests/bench/pages";

const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const RUNS = Math.max(30, Number(process.env.BENCH_RUNS ?? 40));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MISSES = Number(process.env.BENCH_MISSES ?? 7);
const START_TIMEOUT_MS = 15 * 60_000; // a first build takes minutes
/** Only pages whose key matches run (e.g. BENCH_ONLY=overview,board). */
const ONLY = process.env.BENCH_ONLY?.split(",").filter(Boolean);

interface Stats {
  median: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { median: percentile(s, 0.5), p95: percentile(s, 0.95) };
}

/** A signed-in session (as a browser would), or the API's bearer token, timing single requests. */
class Session extends HttpSession {
  bearer: string | null = null;

  urlOf(pathname: string): string {
    return new URL(pathname, this.baseUrl).toString();
  }

  headers(): Record<string, string> {
    return this.bearer ? { authorization: `Bearer ${this.bearer}` } : { cookie: this.cookieHeader() };
  }

  /** One request, body read to the end: [ms, status, bytes]. */
  async timed(pathname: string): Promise<[number, number, number]> {
    const t0 = performance.now();
    const res = await fetch(new URL(pathname, this.baseUrl), { headers: this.headers(), redirect: "manual" });
    const body = await res.arrayBuffer();
    return [performance.now() - t0, res.status, body.byteLength];
  }
}

/** CLIENTS connections for SECONDS seconds (autocannon): requests per second and the non-2xx answers. */
async function concurrent(session: Session, pathname: string): Promise<{ rps: number; errors: number }> {
  const r = await autocannon({
    url: session.urlOf(pathname),
    connections: CLIENTS,
    duration: SECONDS,
    headers: session.headers(),
  });
  return { rps: r.requests.total / SECONDS, errors: r.non2xx + r.errors + r.timeouts };
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
  const prisma = postgresClient(databaseUrl);
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
    const provinceId = top!.provinceId;
    const chair = await prisma.user.findFirst({
      where: { provinceId, role: "chairman" },
      select: { id: true, username: true, passwordHash: true },
    });
    if (!chair) {
      console.error("Không tìm thấy tài khoản lãnh đạo của tỉnh lớn nhất: dữ liệu không do npm run db:load tạo?");
      return 2;
    }
    const [bigAgency] = await prisma.assignment.groupBy({
      by: ["agencyId"],
      where: { provinceId },
      _count: { _all: true },
      orderBy: { _count: { agencyId: "desc" } },
      take: 1,
    });
    const agency = await prisma.agency.findUniqueOrThrow({
      where: { id: bigAgency!.agencyId },
      select: { id: true, name: true },
    });
    // The secretariat and the agency's staff, with the chairman's password (made once).
    const account = async (username: string, name: string, role: "secretariat" | "agency_staff") => {
      const u = await prisma.user.upsert({
        where: { username },
        update: {},
        create: { username, name, role, provinceId, passwordHash: chair.passwordHash },
        select: { id: true },
      });
      if (role === "agency_staff") {
        await prisma.userAgency.upsert({
          where: { userId_agencyId: { userId: u.id, agencyId: agency.id } },
          update: {},
          create: { userId: u.id, agencyId: agency.id },
        });
      }
      return (await loadSessionUser(prisma, u.id)) as SessionUser;
    };
    const users = {
      chairman: (await loadSessionUser(prisma, chair.id)) as SessionUser,
      secretariat: await account(`bench.vanphong.${provinceId}`, "Văn phòng (bench)", "secretariat"),
      staff: await account(`bench.coquan.${agency.id}`, `Cán bộ ${agency.name} (bench)`, "agency_staff"),
    };
    const apiSecret = newSecret();
    await prisma.apiToken.create({
      data: {
        provinceId,
        name: "bench",
        tokenHash: hashSecret(apiSecret),
        prefix: apiSecret.slice(0, 8),
        scope: "read",
      },
    });
    // The notice with most directives; a task of the largest agency (an overdue one when there is).
    const [bigNotice] = await prisma.$queryRaw<{ id: number; n: number }[]>`
      SELECT d."noticeId" AS id, count(*)::int AS n FROM "Directive" d JOIN "Notice" n ON n.id = d."noticeId"
      WHERE n."provinceId" = ${provinceId} AND n.status = 'published' GROUP BY d."noticeId" ORDER BY n DESC LIMIT 1`;
    const task = await prisma.assignment.findFirstOrThrow({
      where: { agencyId: agency.id, state: { not: "completed" }, dueOn: { lt: new Date(`${LOAD_TODAY}T00:00:00Z`) } },
      select: { id: true },
    });
    const pages = benchPages({
      db: prisma,
      today: LOAD_TODAY,
      users,
      apiSecret,
      agencyId: agency.id,
      noticeId: bigNotice!.id,
      assignmentId: task.id,
      searchWord: "xet nghiem",
    }).filter((p) => !ONLY || p.key === "trivial" || p.key === "layout" || ONLY.includes(p.key));
    console.log(
      `dashboard bench: ${total.toLocaleString("en")} assignments; ${users.chairman.provinceName} has ${top!._count._all.toLocaleString("en")}, ` +
        `${agency.name} ${bigAgency!._count._all.toLocaleString("en")}, the largest notice ${bigNotice!.n} directives; today = ${LOAD_TODAY}; ` +
        `${RUNS} runs after ${WARMUP} warm-up, autocannon ${CLIENTS} connections × ${SECONDS} s`,
    );

    console.log("Starting the app (npm start; builds first if the build is missing or stale) …");
    const app = await startApp({
      existingDatabaseUrl: databaseUrl,
      today: LOAD_TODAY,
      timeoutMs: START_TIMEOUT_MS,
      env: {
        SEED_DEMO: "never",
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
        // The API's 120 requests a minute per token would stop the 20-client run at once.
        API_RATE_LIMIT_PER_MINUTE: "10000000",
      },
    });
    try {
      const sessions: Record<Who, Session> = {
        chairman: new Session(app.baseUrl),
        secretariat: new Session(app.baseUrl),
        staff: new Session(app.baseUrl),
        api: new Session(app.baseUrl),
        anonymous: new Session(app.baseUrl),
      };
      sessions.api.bearer = apiSecret;
      for (const [who, username] of [
        ["chairman", chair.username],
        ["secretariat", users.secretariat.username],
        ["staff", users.staff.username],
      ] as const) {
        if (!(await sessions[who].signIn(username, LOAD_PASSWORD))) throw new Error(`cannot sign in as ${username}`);
      }
      const rows: {
        key: string;
        path: string;
        extra: boolean;
        bytes: number;
        page: Stats;
        miss: Stats;
        alone: Stats;
        rps: number;
        errors: number;
      }[] = [];
      for (const p of pages) {
        const session = sessions[p.who];
        let bytes = 0;
        for (let i = 0; i < WARMUP; i++) {
          const [, status, b] = await session.timed(p.path);
          if (status !== 200) throw new Error(`${p.path} answered ${status}`);
          bytes = b;
        }
        const wall: number[] = [];
        for (let i = 0; i < RUNS; i++) wall.push((await session.timed(p.path))[0]);
        // A miss: the same request right after a change in the province (its data version raised,
        // as every write does), so the read cache (lib/db/read-cache.ts) holds nothing for it.
        const miss: number[] = [];
        for (let i = 0; i < MISSES; i++) {
          await prisma.$executeRaw`INSERT INTO "ProvinceDataVersion" AS v ("provinceId", "version") VALUES (${provinceId}, 1)
            ON CONFLICT ("provinceId") DO UPDATE SET "version" = v."version" + 1`;
          miss.push((await session.timed(p.path))[0]);
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
          extra: !!p.extra,
          bytes,
          page: stats(wall),
          miss: stats(miss),
          alone: stats(alone),
          ...c,
        });
        console.log(`  ${p.key} done`);
      }
      const trivial = rows.find((r) => r.key === "trivial")!;
      const layoutPage = rows.find((r) => r.key === "layout")!;
      console.log("");
      console.log(
        [
          "page".padEnd(11),
          "path".padEnd(26),
          "KB".padStart(5),
          "median".padStart(7),
          "p95".padStart(6),
          "miss".padStart(6),
          "queries".padStart(8),
          "ratio".padStart(6),
          "miss×".padStart(6),
          `${CLIENTS}c req/s`.padStart(11),
          "×triv".padStart(6),
          "×lay".padStart(5),
          "err".padStart(4),
        ].join(" "),
      );
      for (const r of rows) {
        console.log(
          [
            r.key.padEnd(11),
            (r.path.length > 26 ? `${r.path.slice(0, 25)}…` : r.path).padEnd(26),
            (r.bytes / 1024).toFixed(0).padStart(5),
            fmt(r.page.median).padStart(7),
            fmt(r.page.p95).padStart(6),
            (r.key === "trivial" ? "—" : fmt(r.miss.median)).padStart(6),
            (r.key === "trivial" ? "—" : fmt(r.alone.median)).padStart(8),
            (r.key === "trivial" ? "—" : (r.page.median / r.alone.median).toFixed(1)).padStart(6),
            (r.key === "trivial" ? "—" : (r.miss.median / r.alone.median).toFixed(1)).padStart(6),
            r.rps.toFixed(1).padStart(11),
            (r.rps / trivial.rps).toFixed(2).padStart(6),
            (r.rps / layoutPage.rps).toFixed(2).padStart(5),
            String(r.errors).padStart(4),
          ].join(" "),
        );
      }
      console.log(
        "(ms; median/p95: sequential wall time on loopback; miss: median of the first request after a change in the province (nothing cached); queries: the page's lib calls and the layout's alone, in-process; ratio = page median / queries median; miss× = miss / queries; ×triv: 20-client rate over the sign-in page's; ×lay: over the user guide's, a static page of the app's layout)",
      );
      const measured = rows.filter((r) => !r.extra);
      const worst = <T>(f: (r: (typeof rows)[number]) => T, cmp: (a: T, b: T) => boolean) =>
        measured.reduce((w, r) => (cmp(f(r), f(w)) ? r : w));
      const p95 = worst(
        (r) => r.page.p95,
        (a, b) => a > b,
      );
      const ratio = worst(
        (r) => r.page.median / r.alone.median,
        (a, b) => a > b,
      );
      const slowMiss = worst(
        (r) => r.miss.median,
        (a, b) => a > b,
      );
      const missRatio = worst(
        (r) => r.miss.median / r.alone.median,
        (a, b) => a > b,
      );
      const slow = worst(
        (r) => r.rps,
        (a, b) => a < b,
      );
      const big = worst(
        (r) => r.bytes,
        (a, b) => a > b,
      );
      console.log(
        `dashboard @ ${total} assignments: worst p95 ${Math.round(p95.page.p95)} ms (${p95.key}), ` +
          `worst ratio ${(ratio.page.median / ratio.alone.median).toFixed(1)}× (${ratio.key}), ` +
          `worst miss ${Math.round(slowMiss.miss.median)} ms (${slowMiss.key}, ${(missRatio.miss.median / missRatio.alone.median).toFixed(1)}× its queries at worst: ${missRatio.key}), ` +
          `trivial ${CLIENTS}-client ${Math.round(trivial.rps)} req/s, layout page ${Math.round(layoutPage.rps)} req/s, ` +
          `slowest ${Math.round(slow.rps)} req/s (${slow.key}, ${(slow.rps / trivial.rps).toFixed(2)}× trivial, ${(slow.rps / layoutPage.rps).toFixed(2)}× layout), ` +
          `largest ${Math.round(big.bytes / 1024)} KB (${big.key})`,
      );
      return 0;
    } catch (e) {
      console.error(app.log().slice(-4000));
      throw e;
    } finally {
      await app.stop();
      await prisma.apiToken.deleteMany({ where: { tokenHash: hashSecret(apiSecret) } });
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
