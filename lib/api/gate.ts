import "server-only";
import { z } from "zod";
import { bearerRoute } from "@/lib/auth/gate";
import type { SessionUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import { AppError, ForbiddenError, NotFoundError, RateLimitedError } from "@/lib/errors";
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
//   4. the handler, which reads through the app's own queries as the token's actor: the same
//      permission table as the pages (lib/auth/permissions.ts);
//   5. the answer as JSON; every error through the app's toFailure.

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
  };
}

const window = new SlidingWindow();

/** For tests: every token's window starts afresh. */
export function resetApiRateLimit(): void {
  window.reset();
}

export interface ApiEndpoint<K extends string, Q extends z.ZodType> {
  /** For the log and the OpenAPI operationId: "notices.list". */
  name: string;
  method: "GET";
  /** As OpenAPI writes it: "/api/v1/notices/{id}". */
  path: string;
  summary: string;
  description: string;
  scope: ApiScope;
  /** Path segments that are positive ids. */
  ids?: readonly K[];
  query: Q;
  response: z.ZodType;
}

export interface ApiContext<K extends string, Q extends z.ZodType> {
  caller: ApiCaller;
  actor: SessionUser;
  params: Record<K, number>;
  query: z.output<Q>;
  request: Request;
}

type RawParams = Record<string, string | string[] | undefined>;

function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m ? m[1]! : "";
}

export function apiRoute<K extends string, Q extends z.ZodType>(
  endpoint: ApiEndpoint<K, Q>,
  handler: (ctx: ApiContext<K, Q>) => Promise<unknown>,
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
    const body = await handler({ caller, actor: actorOf(caller), params: params as Record<K, number>, query, request });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    });
  });
}
