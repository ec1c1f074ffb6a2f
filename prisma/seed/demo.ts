import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { provinceCode, syncRegistry } from "@/lib/agencies/sync-registry";
import { hashPassword } from "@/lib/auth/password";
import type { RoleName } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { createNotice } from "@/lib/notices/create";
import { fromIsoDay } from "@/lib/time/calendar";
import { onClock } from "@/lib/time/today";
import { REGISTRIES } from "./data/registries";
import { SEED_DOCUMENTS } from "./data/documents";
import { clockAt, DEMO_PUBLISHED_ON, DEMO_TODAY, playDemoHistory, type HistoryCounts } from "./history";

// The demo: the four provinces with their agencies, a user of each role in each province, and
// the five source documents stored as published notices through the same service the intake
// screen uses. Adds only what is missing, so running it twice changes nothing.
//
// With `history` (what `npm start` seeds), every agency with tasks also gets a staff account and
// the province's history is played over the notices (prisma/seed/history.ts), dated on the
// demo's clock up to DEMO_TODAY, which the DemoHistory row keeps for `npm start` to serve on.

export const DEMO_PASSWORD = "demo@123";

const SOURCES_DIR = fileURLToPath(new URL("./sources", import.meta.url));

export interface DemoUser {
  username: string;
  name: string;
  role: RoleName;
  province: string | null;
  agencies: string[];
}

export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [
    { username: "quantri", name: "Quản trị hệ thống", role: "admin", province: null, agencies: [] },
  ];
  for (const r of REGISTRIES) {
    const province = r.province!;
    const prefix = provinceCode(province).replace(/-/g, "");
    const districts = r.agencies.filter((a) => a.kind === "district").map((a) => a.name);
    users.push(
      {
        username: `${prefix}.vanphong`,
        name: `Văn phòng UBND tỉnh ${province}`,
        role: "secretariat",
        province,
        agencies: [],
      },
      {
        username: `${prefix}.chutich`,
        name: `Chủ tịch UBND tỉnh ${province}`,
        role: "chairman",
        province,
        agencies: [],
      },
      { username: `${prefix}.quantri`, name: `Quản trị tỉnh ${province}`, role: "admin", province, agencies: [] },
      {
        username: `${prefix}.syt`,
        name: `Cán bộ Sở Y tế ${province}`,
        role: "agency_staff",
        province,
        agencies: ["Sở Y tế"],
      },
      {
        username: `${prefix}.congan`,
        name: `Cán bộ Công an tỉnh ${province}`,
        role: "agency_staff",
        province,
        agencies: ["Công an tỉnh"],
      },
      {
        username: `${prefix}.huyen`,
        name: `Cán bộ theo dõi ${districts.slice(0, 2).join(", ")}`,
        role: "agency_staff",
        province,
        agencies: districts.slice(0, 2),
      },
    );
  }
  return users;
}

async function ensureUsers(db: Tx, users: DemoUser[]): Promise<number> {
  const existing = new Set((await db.user.findMany({ select: { username: true } })).map((u) => u.username));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let added = 0;
  for (const u of users) {
    if (existing.has(u.username)) continue;
    const province = u.province
      ? await db.province.findUniqueOrThrow({ where: { name: u.province }, select: { id: true } })
      : null;
    const agencies = province
      ? await db.agency.findMany({ where: { provinceId: province.id, name: { in: u.agencies } }, select: { id: true } })
      : [];
    if (agencies.length !== u.agencies.length)
      throw new Error(`Demo user ${u.username}: some agencies are missing (${u.agencies.join(", ")})`);
    await db.user.create({
      data: {
        username: u.username,
        name: u.name,
        role: u.role,
        provinceId: province?.id ?? null,
        passwordHash,
        agencies: { create: agencies.map((a) => ({ agencyId: a.id })) },
      },
    });
    added++;
  }
  return added;
}

export function seedSourceText(file: string): string {
  return fs.readFileSync(path.join(SOURCES_DIR, file), "utf8");
}

/**
 * Adds the demo data that is missing, all in one transaction: a start killed half-way through
 * leaves the database as it was (empty on a first start), so the next start seeds it whole.
 */
export interface SeedResult {
  notices: number;
  users: number;
  agencies: number;
  /** What the played history did; null when it was not asked for or was already there. */
  history: HistoryCounts | null;
}

export async function seedDemo(
  db: Db,
  log: (line: string) => void = console.log,
  options: { history?: boolean } = {},
): Promise<SeedResult> {
  const result = await db.$transaction((tx) => seedDemoIn(tx, options.history ?? false), {
    timeout: 900_000,
    maxWait: 60_000,
  });
  log(
    `Dữ liệu mẫu: thêm ${result.agencies} cơ quan/thành viên nhóm, ${result.users} tài khoản, ${result.notices} văn bản.`,
  );
  if (result.history) {
    const h = result.history;
    log(
      `Diễn biến mẫu đến ngày ${DEMO_TODAY.split("-").reverse().join("/")}: ${h.steps} bước xử lý (${h.reports} báo cáo, ${h.confirmed} xác nhận, ${h.returned} trả lại, ${h.extensions} đề nghị gia hạn, ${h.explanations} yêu cầu giải trình).`,
    );
  }
  return result;
}

/** The demo's "today" when the database holds its played history; null otherwise. */
export async function demoHistoryDay(db: Db): Promise<string | null> {
  const row = await db.demoHistory.findUnique({ where: { id: 1 }, select: { today: true } });
  return row ? row.today.toISOString().slice(0, 10) : null;
}

async function seedDemoIn(db: Tx, history: boolean): Promise<SeedResult> {
  if (!history) return seedStructure(db, false);
  // Accounts and agencies date from before the first notice; each notice from its own day.
  const played = await db.demoHistory.findUnique({ where: { id: 1 } });
  const result = await onClock(clockAt("2021-05-20", 8 * 60), () => seedStructure(db, true));
  if (played) return result;
  const counts = await playDemoHistory(db, DEMO_TODAY);
  await db.demoHistory.create({ data: { id: 1, today: fromIsoDay(DEMO_TODAY) } });
  return { ...result, history: counts };
}

async function seedStructure(db: Tx, everyAgencyStaffed: boolean): Promise<SeedResult> {
  let agencies = 0;
  for (const registry of REGISTRIES) {
    const { added } = await syncRegistry(db, null, { ...registry, province: registry.province! });
    agencies += added;
  }
  let users = await ensureUsers(db, demoUsers());

  let notices = 0;
  for (const doc of SEED_DOCUMENTS) {
    const province = await db.province.findUniqueOrThrow({ where: { name: doc.province }, select: { id: true } });
    const sourceText = seedSourceText(doc.file);
    const already = await db.notice.findFirst({ where: { provinceId: province.id, sourceText }, select: { id: true } });
    if (already) continue;
    const publish = () =>
      createNotice(
        db,
        null,
        province.id,
        { draft: doc.draft, sourceText },
        { status: "published", createNewAgencies: false },
      );
    const day = DEMO_PUBLISHED_ON[doc.file];
    await (everyAgencyStaffed && day ? onClock(clockAt(day, 9 * 60), publish) : publish());
    notices++;
  }
  if (everyAgencyStaffed) users += await ensureAgencyStaff(db);
  return { notices, users, agencies, history: null };
}

/**
 * One staff account ("cán bộ đầu mối") for every agency with tasks that has none: the played
 * history needs someone of each agency to report. Their logins are listed on Quản trị › Người dùng.
 */
async function ensureAgencyStaff(db: Tx): Promise<number> {
  const agencies = await db.agency.findMany({
    where: { assignments: { some: {} }, users: { none: {} } },
    select: { id: true, name: true, shortName: true, province: { select: { id: true, name: true } } },
    orderBy: { id: "asc" },
  });
  if (agencies.length === 0) return 0;
  const taken = new Set((await db.user.findMany({ select: { username: true } })).map((u) => u.username));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of agencies) {
    const prefix = provinceCode(a.province.name).replace(/-/g, "");
    const slug = a.shortName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/gi, "d")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "");
    let username = `${prefix}.${slug || "cq"}`;
    if (taken.has(username)) username = `${username}${a.id}`;
    taken.add(username);
    await db.user.create({
      data: {
        username,
        name: `Cán bộ đầu mối ${a.name}`,
        role: "agency_staff",
        provinceId: a.province.id,
        passwordHash,
        agencies: { create: [{ agencyId: a.id }] },
      },
    });
  }
  return agencies.length;
}

export function demoLoginsText(withAgencyStaff = false): string {
  const lines = demoUsers().map(
    (u) => `  ${u.username.padEnd(22)} ${u.name}${u.agencies.length > 1 ? ` (${u.agencies.length} đơn vị)` : ""}`,
  );
  if (withAgencyStaff) {
    lines.push("  Mỗi cơ quan khác có nhiệm vụ cũng có một tài khoản cán bộ đầu mối (xem Quản trị › Người dùng).");
  }
  return [`Tài khoản dùng thử (mật khẩu chung: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
