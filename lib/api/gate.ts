import "server-only";
import { z } from "zod";
import { bearerRoute } from "@/lib/auth/gate";
import type { SessionUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  TooLargeError,
  ValidationError,
} from "@/lib/errors";
import { callerOf, type ApiCaller } from "@/lib/api/tokens";
import { SlidingWindow } from "@/lib/api/rate-limit";
import { parseWith } from "@/lib/validation/parse";
import { toId } from "@/lib/validation/fields";

// The gate of the API (/api/v1), beside the app's own (lib/auth/gate.ts, whose error mapping and
// mark it uses through bearerRoute): for every request
//   1. the bearer token: unknown, revoked or past its last day is 401, in the one JSON error shape;
//   2. its scope (a read token may only read) and its rate (lib/api/rate-limit.ts);
//   3. the path's ids (a malformed one is 404) and the query, parsed with the endpoint's zod
//      schema, the same schema the OpenAPI document is generated from (lib/api/openapi.ts);
//   4. a write's JSON body, parsed with the endpoint's zod schema (the same schemas the screens'
//      actions parse with);
//   5. the handler, which reads and writes through the app's own queries and services as the
//      token's actor: the same permission table as the pages (lib/auth/permissions.ts);
//   6. the answer as JSON; every error through the app's toFailure.

export type ApiScope = "read" | "read_write";

/** The bearer header is missing or names no usable token. */
export class ApiUnauthenticatedError extends AppError {
  override readonly code = "unauthenticated";
  constructor(missing: boolean) {
    super(
      missing
        ? "Thiếu mã truy cập: gửi kèm tiêu đề Authorization: Bearer <mã truy cập>."
        : "Mã truy cập không đúng, đã hết hạn hoặc đã bị thu hồi.",
    );
  }
}

class ApiRateLimitedError extends RateLimitedError {
  override details() {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * Who a token reads as, for the permission table: a token of the whole province reads as the
 * province's chairman (the role that reads everything of the province and manages nothing:
 * notices and drafts, every board, the overview); a token limited to agencies reads as those
 * agencies' staff (published notices, their own boards only; no overview).
 */
export function actorOf(caller: ApiCaller): SessionUser {
  const limited = caller.agencyIds.length > 0;
  return {
    id: 0,
    username: `api-token-${caller.tokenId}`,
    name: caller.name,
    role: limited ? "agency_staff" : "chairman",
    provinceId: caller.provinceId,
    provinceName: caller.provinceName,
    agencyIds: limited ? [...caller.agencyIds] : [],
    apiTokenId: caller.tokenId,
  };
}

/**
 * Who a read-write token writes as: the role of the screen that makes the same change, so that the
 * permission table decides, unchanged, what the token may write.
 *   - creating a notice: a token of the whole province as the province's secretariat (who confirms
 *     notices on the review screen); a token limited to agencies as their staff, whom the table
 *     refuses it;
 *   - reporting on a task: as the staff of the task's agency (the agency read from the stored
 *     task): a token limited to agencies for those agencies only, a token of the whole province
 *     for any agency of its province.
 * The actor carries the token (apiTokenId): its changes are audited as the token.
 */
export function writerOf(
  caller: ApiCaller,
  write: { action: "notice.create" } | { action: "assignment.work"; agencyId: number },
): SessionUser {
  const actor = actorOf(caller);
  if (caller.agencyIds.length > 0) return actor;
  if (write.action === "notice.create") return { ...actor, role: "secretariat" };
  return { ...actor, role: "agency_staff", agencyIds: [write.agencyId] };
}

const window = new SlidingWindow();

/** For tests: every token's window starts afresh. */
export function resetApiRateLimit(): void {
  window.reset();
}

export interface ApiEndpoint<K extends string, Q extends z.ZodType, B extends z.ZodType = z.ZodUnknown> {
  /** For the log and the OpenAPI operationId: "notices.list". */
  name: string;
  method: "GET" | "POST";
  /** As OpenAPI writes it: "/api/v1/notices/{id}". */
  path: string;
  summary: string;
  description: string;
  scope: ApiScope;
  /** Path segments that are positive ids. */
  ids?: readonly K[];
  query: Q;
  /** A write's JSON body. */
  body?: B;
  /** Fields of the body holding pasted text whose control characters are removed (as the screen's action). */
  pastedText?: readonly string[];
  /** A body the reference page shows (a test checks that the API accepts it). */
  example?: unknown;
  /** The status of a success: 200, or 201 for a created record. */
  status?: 200 | 201;
  /** What a 409 means for this endpoint, when it may answer one. */
  conflict?: string;
  response: z.ZodType;
}

export interface ApiContext<K extends string, Q extends z.ZodType, B extends z.ZodType = z.ZodUnknown> {
  caller: ApiCaller;
  actor: SessionUser;
  params: Record<K, number>;
  query: z.output<Q>;
  body: z.output<B>;
  request: Request;
}

/** Larger bodies are refused before they are parsed (a notice's full text is well under it). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

async function bodyOf(request: Request): Promise<unknown> {
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES)
    throw new TooLargeError(`Nội dung yêu cầu quá lớn (tối đa ${MAX_BODY_BYTES / 1024 / 1024} MB).`);
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    throw new ValidationError("Nội dung yêu cầu phải là JSON, gửi kèm tiêu đề Content-Type: application/json.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError("Nội dung yêu cầu không phải JSON hợp lệ.");
  }
}

type RawParams = Record<string, string | string[] | undefined>;

function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m ? m[1]! : "";
}

export function apiRoute<K extends string, Q extends z.ZodType, B extends z.ZodType = z.ZodUnknown>(
  endpoint: ApiEndpoint<K, Q, B>,
  handler: (ctx: ApiContext<K, Q, B>) => Promise<unknown>,
): (request: Request, ctx: { params: Promise<RawParams> }) => Promise<Response> {
  return bearerRoute(endpoint.name, async (request: Request, ctx: { params: Promise<RawParams> }) => {
    const secret = bearerOf(request);
    if (secret === null) throw new ApiUnauthenticatedError(true);
    const caller = secret ? await callerOf(db(), secret) : null;
    if (!caller) throw new ApiUnauthenticatedError(false);
    if (endpoint.scope === "read_write" && caller.scope !== "read_write")
      throw new ForbiddenError("Mã truy cập này chỉ được đọc, không được ghi.");
    const wait = window.take(caller.tokenId);
    if (wait !== null)
      throw new ApiRateLimitedError(`Mã truy cập đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${wait} giây.`, wait);
    const raw = (await ctx?.params) ?? {};
    const params = {} as Record<string, number>;
    for (const key of endpoint.ids ?? []) {
      const id = toId(raw[key]);
      if (id === undefined) throw new NotFoundError();
      params[key] = id;
    }
    const search = new URL(request.url).searchParams;
    const values: Record<string, string> = {};
    for (const key of new Set(search.keys())) values[key] = search.get(key)!;
    const query = parseWith(endpoint.query, values) as z.output<Q>;
    const body = (
      endpoint.body ? parseWith(endpoint.body, await bodyOf(request), endpoint.pastedText) : undefined
    ) as z.output<B>;
    const answer = await handler({
      caller,
      actor: actorOf(caller),
      params: params as Record<K, number>,
      query,
      body,
      request,
    });
    return new Response(JSON.stringify(answer), {
      status: endpoint.status ?? 200,
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    });
  });
}
