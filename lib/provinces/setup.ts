import "server-only";
import { z } from "zod";
import { provinceCode, syncRegistry } from "@/lib/agencies/sync-registry";
import { buildRegistry } from "@/lib/agencies/template";
import { hashPassword } from "@/lib/auth/password";
import { isSystemAdmin } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import { audit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import { ForbiddenError, invalidField, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { readLocalUnits } from "@/lib/provinces/local-units";
import { ZEmail, ZLogin, ZPersonName } from "@/lib/users/schemas";
import { temporaryPassword } from "@/lib/users/temporary-password";

// The system administrator sets a province up: the province, its registry started from the
// template of the common provincial bodies plus the local units pasted as a list, and its first
// administrator, whose temporary password is shown once. All in one transaction.

export const ZCreateProvince = z.object({
  name: z
    .string({ error: "Vui lòng nhập tên tỉnh." })
    .trim()
    .min(2, "Vui lòng nhập tên tỉnh.")
    .max(60, "Tên tỉnh quá dài.")
    .regex(/^[\p{L} -]+$/u, "Tên tỉnh chỉ gồm chữ, khoảng trắng và gạch ngang (ví dụ: Bà Rịa - Vũng Tàu)."),
  units: z.string().max(100_000, "Danh sách đơn vị quá dài.").default(""),
  adminLogin: ZLogin,
  adminName: ZPersonName,
  adminEmail: ZEmail,
});
export type CreateProvinceInput = z.output<typeof ZCreateProvince>;

export interface ProvinceSummary {
  id: number;
  name: string;
  code: string;
  createdAt: Date;
  agencies: number;
  users: number;
  notices: number;
}

function requireSystemAdmin(actor: SessionUser): void {
  if (!isSystemAdmin(actor)) throw new ForbiddenError();
}

export async function listProvinces(db: Db, actor: SessionUser): Promise<ProvinceSummary[]> {
  requireSystemAdmin(actor);
  const rows = await db.province.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      code: true,
      createdAt: true,
      _count: { select: { agencies: true, users: true, notices: true } },
    },
  });
  return rows.map(({ _count, ...p }) => ({ ...p, ..._count }));
}

export async function createProvince(
  db: Db,
  actor: SessionUser,
  input: CreateProvinceInput,
): Promise<{ provinceId: number; agencies: number; groups: number; adminLogin: string; temporaryPassword: string }> {
  requireSystemAdmin(actor);
  const { units, errors } = readLocalUnits(input.units);
  if (errors.length > 0) {
    const message = errors
      .slice(0, 5)
      .map((e) => `dòng ${e.line} “${e.text}”: ${e.message}`)
      .join("; ");
    throw new ValidationError(`Danh sách đơn vị chưa đọc được: ${message}`, { units: [message] });
  }
  const name = input.name.replace(/\s+/g, " ");
  const p = name;
  const registry = buildRegistry({
    province: p,
    newspaper: [`Báo ${p}`],
    tv: [`Đài Phát thanh và Truyền hình ${p}`, `Đài PT-TH ${p}`, `Đài PTTH ${p}`],
    mediaShort: [`Báo ${p}`, `Đài PT-TH ${p}`],
    economicZoneFullName: `Ban Quản lý Khu kinh tế tỉnh ${p}`,
    hasTownships: units.some((u) => u.type === "thị xã"),
    districts: units,
  });
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(
      async (tx) => {
        if (await tx.province.findFirst({ where: { OR: [{ name }, { code: provinceCode(name) }] } }))
          invalidField("name", `Tỉnh “${name}” đã có trong hệ thống.`);
        const { provinceId } = await syncRegistry(tx, actor, { ...registry, province: name });
        const admin = await tx.user.create({
          data: {
            username: input.adminLogin,
            name: input.adminName,
            email: input.adminEmail ?? null,
            role: "admin",
            provinceId,
            passwordHash,
            mustChangePassword: true,
          },
          select: { id: true },
        });
        await audit(tx, [
          {
            provinceId,
            actorId: actor.id,
            action: "province.create",
            entityType: "Province",
            entityId: provinceId,
            after: {
              name,
              agencies: registry.agencies.length,
              groups: registry.groups.length,
              localUnits: units.length,
            },
          },
          {
            provinceId,
            actorId: actor.id,
            action: "user.create",
            entityType: "User",
            entityId: admin.id,
            after: { username: input.adminLogin, name: input.adminName, role: "admin" },
          },
        ]);
        return {
          provinceId,
          agencies: registry.agencies.length,
          groups: registry.groups.length,
          adminLogin: input.adminLogin,
          temporaryPassword: password,
        };
      },
      { timeout: 60_000, maxWait: 15_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      invalidField("adminLogin", `Tên đăng nhập “${input.adminLogin}” đã có người dùng.`);
    throw error;
  }
}
