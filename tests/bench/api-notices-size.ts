// npx tsx --conditions=react-server tests/bench/api-notices-size.ts — the size and time of the
// API's notices list (GET /api/v1/notices?limit=20, with and without include=directives) as the
// largest province's read token reads it (the province's chairman, lib/api/gate.ts actorOf), on
// the database DATABASE_URL, through a read-only connection (nothing is written).
import { PrismaPg } from "@prisma/adapter-pg";
import { listNotices } from "@/lib/api/v1";
import { ZNoticeListQuery } from "@/lib/api/schemas";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { LOAD_TODAY } from "@/prisma/load/generate";

async function main() {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("options", "-c default_transaction_read_only=on");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 4 }) });
  try {
    const [top] = await db.assignment.groupBy({
      by: ["provinceId"],
      _count: { _all: true },
      orderBy: { _count: { provinceId: "desc" } },
      take: 1,
    });
    const chair = await db.user.findFirstOrThrow({ where: { provinceId: top!.provinceId, role: "chairman" } });
    const user = (await loadSessionUser(db, chair.id)) as SessionUser;
    const actor: SessionUser = { ...user, id: 0, username: "api-token-0" };
    const today = process.env.TODAY ?? LOAD_TODAY;
    const queries: Record<string, string>[] = [{ limit: "20" }, { limit: "20", include: "directives" }];
    for (const query of queries) {
      const q = ZNoticeListQuery.parse(query);
      const times: number[] = [];
      let body = "";
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        body = JSON.stringify(await listNotices(db, actor, today, q));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const page = JSON.parse(body) as { data: { directives?: unknown[]; directiveCount?: number }[] };
      const directives = page.data.map((n) => n.directives?.length ?? n.directiveCount);
      console.log(
        `${user.provinceName} ${new URLSearchParams(query).toString()}: ${page.data.length} notices, ` +
          `${(Buffer.byteLength(body) / 1024).toFixed(1)} KB, median ${times[2]!.toFixed(0)} ms ` +
          `(min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)}); directives per notice ${directives.join(",")}`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

void main();
