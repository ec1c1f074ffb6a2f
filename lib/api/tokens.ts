import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/user";
import { inTransaction, type Db } from "@/lib/db/client";
import { AppError, ForbiddenError, invalidField, NotFoundError } from "@/lib/errors";
import type { CreateApiToken } from "@/lib/api/token-schemas";
import { fromIsoDay, toIsoDay } from "@/lib/time/calendar";
import { now, today } from "@/lib/time/today";

// The province's API tokens (issue 15): the administrator of a province creates one (a name, read
// or read-write, an optional last day, optionally only some agencies), sees its secret once, and
// may revoke it. Only the SHA-256 of the secret is stored; the API (lib/api/gate.ts) hashes the
// bearer token it is sent and looks the hash up.

export const TOKEN_PREFIX = "cdt_";

/** "cdt_" (or another prefix: calendar feeds use their own) and 32 random bytes in base64url: 47 characters. */
export function newSecret(prefix = TOKEN_PREFIX): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export interface ApiTokenListItem {
  id: number;
  name: string;
  prefix: string;
  scope: "read" | "read_write";
  agencies: { id: number; shortName: string }[];
  expiresOn: string | null;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Past its last day (judged on the app's today). */
  expired: boolean;
}

/** Only a province's own administrator manages its tokens (a system administrator has no province). */
function provinceOfAdmin(user: SessionUser): number {
  if (user.provinceId === null) throw new ForbiddenError();
  authorize(user, "province.configure", { provinceId: user.provinceId });
  return user.provinceId;
}

export async function listApiTokens(db: Db, user: SessionUser): Promise<ApiTokenListItem[]> {
  const provinceId = provinceOfAdmin(user);
  const rows = await db.apiToken.findMany({
    where: { provinceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { createdBy: { select: { name: true } } },
  });
  const agencyIds = [...new Set(rows.flatMap((r) => r.agencyIds))];
  const agencies = await db.agency.findMany({
    where: { id: { in: agencyIds } },
    select: { id: true, shortName: true },
  });
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const day = today();
  return rows.map((r) => {
    const expiresOn = r.expiresOn ? toIsoDay(r.expiresOn) : null;
    return {
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      scope: r.scope,
      agencies: r.agencyIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
      expiresOn,
      createdAt: r.createdAt,
      createdBy: r.createdBy?.name ?? null,
      lastUsedAt: r.lastUsedAt,
      revokedAt: r.revokedAt,
      expired: expiresOn !== null && expiresOn < day,
    };
  });
}

/** Creates a token; the secret is returned here and never again. */
export async function createApiToken(
  db: Db,
  user: SessionUser,
  input: CreateApiToken,
): Promise<{ id: number; secret: string }> {
  const provinceId = provinceOfAdmin(user);
  if (input.expiresOn && input.expiresOn < today()) invalidField("expiresOn", "Ngày hết hạn đã qua.");
  const agencyIds = [...new Set(input.agencyIds)];
  if (agencyIds.length > 0) {
    const found = await db.agency.count({ where: { id: { in: agencyIds }, provinceId } });
    if (found !== agencyIds.length) invalidField("agencyIds", "Có cơ quan không thuộc tỉnh.");
  }
  const secret = newSecret();
  const id = await inTransaction(db, async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        provinceId,
        name: input.name,
        tokenHash: hashSecret(secret),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        scope: input.scope,
        agencyIds,
        expiresOn: input.expiresOn ? fromIsoDay(input.expiresOn) : null,
        createdById: user.id,
      },
    });
    await audit(tx, {
      provinceId,
      actorId: user.id,
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: token.id,
      after: { name: token.name, prefix: token.prefix, scope: token.scope, agencyIds, expiresOn: input.expiresOn },
    });
    return token.id;
  });
  return { id, secret };
}

export async function revokeApiToken(db: Db, user: SessionUser, tokenId: number): Promise<{ name: string }> {
  const provinceId = provinceOfAdmin(user);
  return inTransaction(db, async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!token || token.provinceId !== provinceId) throw new NotFoundError("Mã truy cập");
    if (token.revokedAt) throw new AlreadyRevoked();
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, revokedAt: null },
      data: { revokedAt: now() },
    });
    if (count === 0) throw new AlreadyRevoked();
    await audit(tx, {
      provinceId,
      actorId: user.id,
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      before: { name: token.name, prefix: token.prefix, scope: token.scope },
    });
    return { name: token.name };
  });
}

class AlreadyRevoked extends AppError {
  override readonly code = "conflict";
  constructor() {
    super("Mã truy cập này đã bị thu hồi.");
  }
}

/** The token a bearer secret names, if it is known, not revoked and not past its last day. */
export interface ApiCaller {
  tokenId: number;
  name: string;
  provinceId: number;
  provinceName: string;
  scope: "read" | "read_write";
  agencyIds: number[];
}

/** Don't write "last used" more often than this: one write a minute per token at most. */
export const LAST_USED_EVERY_MS = 60_000;

export async function callerOf(db: Db, secret: string): Promise<ApiCaller | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(secret) },
    include: { province: { select: { name: true } } },
  });
  if (!token || token.revokedAt) return null;
  if (token.expiresOn && toIsoDay(token.expiresOn) < today()) return null;
  const at = now();
  if (!token.lastUsedAt || at.getTime() - token.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: at } });
  }
  return {
    tokenId: token.id,
    name: token.name,
    provinceId: token.provinceId,
    provinceName: token.province.name,
    scope: token.scope,
    agencyIds: token.agencyIds,
  };
}
