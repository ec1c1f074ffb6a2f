import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { provinceCode, syncRegistry } from "@/lib/agencies/sync-registry";
import { hashPassword } from "@/lib/auth/password";
import type { RoleName } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { createNotice } from "@/lib/notices/create";
import { REGISTRIES } from "./data/registries";
import { SEED_DOCUMENTS } from "./data/documents";

// The demo: the four provinces with their agencies, a user of each role in each province, and
// the five source documents stored as published notices through the same service the intake
// screen uses. Adds only what is missing, so running it twice changes nothing.

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
export async function seedDemo(
  db: Db,
  log: (line: string) => void = console.log,
): Promise<{ notices: number; users: number; agencies: number }> {
  const result = await db.$transaction((tx) => seedDemoIn(tx), { timeout: 600_000, maxWait: 60_000 });
  log(
    `Dữ liệu mẫu: thêm ${result.agencies} cơ quan/thành viên nhóm, ${result.users} tài khoản, ${result.notices} văn bản.`,
  );
  return result;
}

async function seedDemoIn(db: Tx): Promise<{ notices: number; users: number; agencies: number }> {
  let agencies = 0;
  for (const registry of REGISTRIES) {
    const { added } = await syncRegistry(db, null, { ...registry, province: registry.province! });
    agencies += added;
  }
  const users = await ensureUsers(db, demoUsers());

  let notices = 0;
  for (const doc of SEED_DOCUMENTS) {
    const province = await db.province.findUniqueOrThrow({ where: { name: doc.province }, select: { id: true } });
    const sourceText = seedSourceText(doc.file);
    const already = await db.notice.findFirst({ where: { provinceId: province.id, sourceText }, select: { id: true } });
    if (already) continue;
    await createNotice(
      db,
      null,
      province.id,
      { draft: doc.draft, sourceText },
      { status: "published", createNewAgencies: false },
    );
    notices++;
  }
  return { notices, users, agencies };
}

export function demoLoginsText(): string {
  const lines = demoUsers().map(
    (u) => `  ${u.username.padEnd(22)} ${u.name}${u.agencies.length > 1 ? ` (${u.agencies.length} đơn vị)` : ""}`,
  );
  return [`Tài khoản dùng thử (mật khẩu chung: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
