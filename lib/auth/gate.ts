import "server-only";
import { headers } from "next/headers";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import type { z } from "zod";
import { scopeOf, type Action } from "@/lib/auth/permissions";
import { currentSessionId, currentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/user";
import {
  AppError,
  ERROR_STATUS,
  ForbiddenError,
  GENERIC_ERROR_MESSAGE,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
import type { ActionResult, Failure, Success } from "@/lib/validation/result";
import { toId } from "@/lib/validation/fields";
import { parseWith } from "@/lib/validation/parse";
import { spendWriteBudget, uploadedBytes } from "@/lib/auth/write-budget";
import { db } from "@/lib/db/client";
import { knownDatabaseError } from "@/lib/db/errors";
import { logger } from "@/lib/log";
import { REQUEST_ID_HEADER } from "@/lib/auth/client-address";

// The one gate of every server action, page and route handler (Formbricks' authenticatedActionClient
// and handleServerError in one module):
//   1. the session: none is the usual Vietnamese message (actions, routes) or the sign-in page (pages);
//   2. the input, parsed with the action's zod schema before any work; texts with control
//      characters are refused; files are only checked for size here and read by the service
//      after the permission check on the stored record;
//   3. a permission of the role in its own province, when the action names one (the services check
//      the stored record's province and agency themselves); the user's hourly write and upload
//      budget (lib/auth/write-budget.ts);
//   4. the handler;
//   5. every error mapped here and nowhere else: the project's typed errors to their message and
//      code, Prisma's unique-constraint and not-found errors to typed ones, anything else to the
//      generic message with the details in the log.

export type { FieldErrors } from "@/lib/validation/field-errors";
export type { ActionResult, Failure, Success } from "@/lib/validation/result";

/**
 * Every function the gate makes carries this mark (the entry's name), so that a test can prove
 * that each exported action, page and route handler is one of them (tests/integration/gate-coverage.test.ts).
 */
export const GATED = Symbol.for("chi-dao.gated");

function mark<F extends (...args: never[]) => unknown>(fn: F, name: string): F {
  Object.defineProperty(fn, GATED, { value: name });
  return fn;
}

export function gatedName(fn: unknown): string | undefined {
  return typeof fn === "function" ? (fn as unknown as Record<symbol, string | undefined>)[GATED] : undefined;
}

export interface ActionContext {
  user: SessionUser;
  /** The id of the session making the request (changing one's password keeps this one open). */
  sessionId: () => Promise<string | null>;
}

export interface ActionSpec<S extends z.ZodType> {
  /** For the log: "assignment.start". */
  name: string;
  input: S;
  /** A permission the role must hold in its own province, checked before the handler runs. */
  permission?: Action;
  /** Fields of pasted free text whose control characters are removed instead of refused. */
  pastedText?: readonly string[];
  /** Allowed while the user must still change a password an administrator set (changing it). */
  beforePasswordChange?: boolean;
  /**
   * The action only reads (a form's data loaded on demand, as a page would carry it): it spends
   * nothing of the hourly write budget, as a page view does not.
   */
  readOnly?: boolean;
}

/** Where a user whose password an administrator set is sent until it is changed. */
export const CHANGE_PASSWORD_PATH = "/tai-khoan/doi-mat-khau";

class PasswordChangeRequired extends ForbiddenError {
  constructor() {
    super("Vui lòng đổi mật khẩu được cấp trước khi tiếp tục.");
  }
}

/** The id the app's server gave this request (lib/server/serve.ts); none outside a request. */
export async function requestId(): Promise<string | undefined> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns any error into what the user may read; what they may not read goes to the log, under the
 * request's id, which the generic message quotes so that a user can give it to the administrator.
 */
export function toFailure(error: unknown, context: string, request?: string): Failure<Record<string, unknown>> {
  const known = error instanceof AppError ? error : knownDatabaseError(error);
  if (known) {
    const failure: Failure<Record<string, unknown>> = {
      ...known.details(),
      ok: false,
      code: known.code,
      message: known.message,
    };
    if (known instanceof ValidationError && Object.keys(known.fieldErrors).length > 0)
      failure.fieldErrors = known.fieldErrors;
    return failure;
  }
  logger.error({ err: error, entry: context, requestId: request }, "unexpected error");
  const message = request ? `${GENERIC_ERROR_MESSAGE} (mã yêu cầu: ${request})` : GENERIC_ERROR_MESSAGE;
  return { ok: false, code: "internal", message };
}

export function statusOf(failure: Pick<Failure, "code">): number {
  return ERROR_STATUS[failure.code];
}

async function signedIn(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

/**
 * The role holds the action in its own province: anywhere in it (reach "province"), or for at
 * least one agency of its own (reach "ownAgency"; the service then checks the record's agency).
 */
function checkPermission(user: SessionUser, permission: Action | undefined): void {
  if (!permission) return;
  // A system administrator acts on a province only through the pages that name it.
  const scope = user.provinceId === null ? null : scopeOf(user, permission);
  if (!scope || (scope.agencyIds !== "all" && scope.agencyIds.length === 0)) throw new ForbiddenError();
}

/**
 * A server action called with one value (an object built by a client component).
 * Answers Success & T, or a Failure; never throws, never exposes an internal error.
 */
export function action<S extends z.ZodType, T extends object, D extends object = object>(
  spec: ActionSpec<S>,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<Success<T>>,
): (input: unknown) => Promise<ActionResult<T, D>> {
  return mark(async (input: unknown) => {
    try {
      const user = await signedIn();
      if (user.mustChangePassword && !spec.beforePasswordChange) throw new PasswordChangeRequired();
      const parsed = parseWith(spec.input, input, spec.pastedText);
      checkPermission(user, spec.permission);
      if (!spec.readOnly) await spendWriteBudget(db(), user.id, uploadedBytes(parsed));
      return await handler(parsed, { user, sessionId: currentSessionId });
    } catch (error) {
      unstable_rethrow(error);
      return toFailure(error, spec.name, await requestId()) as Failure<D>;
    }
  }, spec.name);
}

/**
 * A server action behind a <form>: (previous state, FormData), as React's useActionState calls it.
 * Text fields arrive as strings, a field sent several times as an array, files as File (an empty
 * file input, which browsers send as a nameless empty file, as nothing).
 */
export function formAction<S extends z.ZodType, T extends object, D extends object = object>(
  spec: ActionSpec<S>,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<Success<T>>,
): (prev: unknown, formData: FormData) => Promise<ActionResult<T, D>> {
  const run = action<S, T, D>(spec, handler);
  return mark(async (_prev: unknown, formData: unknown) => {
    if (!(formData instanceof FormData)) {
      return {
        ok: false,
        code: "bad_request",
        message: "Yêu cầu không hợp lệ: thiếu nội dung biểu mẫu.",
      } as Failure<D>;
    }
    return run(formValues(formData));
  }, spec.name);
}

export function formValues(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    // React's action encoding adds its own "$ACTION_…" fields; they are not the form's.
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : isEmptyFile(value) ? undefined : value;
    if (v === undefined) continue;
    const prev = out[key];
    out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function isEmptyFile(file: File): boolean {
  // Sent through React's action encoding, a nameless empty file may arrive named "undefined".
  return file.size === 0 && (file.name === "" || file.name === "undefined");
}

// ───────────── Pages ─────────────

type RawParams = Record<string, string | string[] | undefined>;
export type SearchParams = Record<string, string | string[] | undefined>;

export interface PageProps {
  params: Promise<RawParams>;
  searchParams: Promise<SearchParams>;
}

export interface PageSpec<K extends string, Q> {
  /** Path segments named in the route; each listed one must be a positive id, else the 404 page. */
  ids?: readonly K[];
  /** Reads the address's query; malformed values are left out by the parser, never an error. */
  query?: (raw: SearchParams) => Q;
  /** A permission the role must hold in its own province, else the 404 page. */
  permission?: Action;
  /** Open while the user must still change a password an administrator set. */
  beforePasswordChange?: boolean;
}

export interface PageContext<K extends string, Q> {
  user: SessionUser;
  params: Record<K, number>;
  query: Q;
}

/**
 * A page: the signed-in user (or the sign-in page), its ids checked (or the 404 page), and a
 * record that does not exist or may not be seen answering as the 404 page, so nothing about it
 * leaks. Anything else unexpected reaches error.tsx, which shows the generic message.
 */
export function page<K extends string = never, Q = undefined>(
  spec: PageSpec<K, Q>,
  render: (ctx: PageContext<K, Q>) => Promise<ReactNode>,
): (props: PageProps) => Promise<ReactNode> {
  return mark(async (props: PageProps) => {
    const user = await currentUser();
    if (!user) redirect("/dang-nhap");
    if (user.mustChangePassword && !spec.beforePasswordChange) redirect(CHANGE_PASSWORD_PATH);
    const raw = (await props.params) ?? {};
    const params = {} as Record<string, number>;
    for (const key of spec.ids ?? []) {
      const id = toId(raw[key]);
      if (id === undefined) notFound();
      params[key] = id;
    }
    const query = (spec.query ? spec.query((await props.searchParams) ?? {}) : undefined) as Q;
    try {
      if (spec.permission) checkPermission(user, spec.permission);
      return await render({ user, params: params as Record<K, number>, query });
    } catch (error) {
      unstable_rethrow(error);
      return await pageError(error);
    }
  }, "page");
}

/** For a layout around gated pages: the signed-in user, or the sign-in page. */
export async function layoutUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/dang-nhap");
  return user;
}

/** A page anyone may open (the sign-in page, published results): the user, if signed in, its raw params, and the same error handling. */
export function publicPage(
  render: (ctx: { user: SessionUser | null; params: RawParams }) => Promise<ReactNode>,
): (props: Partial<PageProps>) => Promise<ReactNode> {
  return mark(async (props: Partial<PageProps>) => {
    try {
      return await render({ user: await currentUser(), params: (await props.params) ?? {} });
    } catch (error) {
      unstable_rethrow(error);
      return await pageError(error);
    }
  }, "public page");
}

/**
 * Inside a page: a record the user may not see is the 404 page; other errors go on to error.tsx,
 * logged under the request's id, which becomes the error's digest: the error page shows it.
 */
export async function pageError(error: unknown): Promise<never> {
  const known = error instanceof AppError ? error : knownDatabaseError(error);
  if (known instanceof NotFoundError || known instanceof ForbiddenError) notFound();
  if (known instanceof UnauthenticatedError) redirect("/dang-nhap");
  const id = await requestId();
  logger.error({ err: error, requestId: id }, "page failed");
  if (id && error instanceof Error) Object.assign(error, { digest: id });
  throw error;
}

/** For a part of a page that may be missing for this user: the 404 page instead of an error. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    unstable_rethrow(error);
    return await pageError(error);
  }
}

// ───────────── Route handlers ─────────────

export interface RouteSpec<K extends string, Q> {
  name: string;
  ids?: readonly K[];
  /** Reads the query string; may throw a ValidationError (answered 422 with its message). */
  query?: (params: URLSearchParams) => Q;
  permission?: Action;
}

export interface RouteContext<K extends string, Q> {
  user: SessionUser;
  params: Record<K, number>;
  query: Q;
  request: Request;
}

/** A failure as a route answers it: plain Vietnamese text with the status of its code. */
export function failureResponse(failure: Failure): Response {
  return new Response(failure.message, {
    status: statusOf(failure),
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export function route<K extends string = never, Q = undefined>(
  spec: RouteSpec<K, Q>,
  handler: (ctx: RouteContext<K, Q>) => Promise<Response>,
): (request: Request, ctx: { params: Promise<RawParams> }) => Promise<Response> {
  return mark(async (request: Request, ctx: { params: Promise<RawParams> }) => {
    try {
      const user = await signedIn();
      if (user.mustChangePassword) throw new PasswordChangeRequired();
      const raw = (await ctx?.params) ?? {};
      const params = {} as Record<string, number>;
      for (const key of spec.ids ?? []) {
        const id = toId(raw[key]);
        if (id === undefined) throw new NotFoundError();
        params[key] = id;
      }
      const query = (spec.query ? spec.query(new URL(request.url).searchParams) : undefined) as Q;
      checkPermission(user, spec.permission);
      return await handler({ user, params: params as Record<K, number>, query, request });
    } catch (error) {
      unstable_rethrow(error);
      return failureResponse(toFailure(error, spec.name, await requestId()));
    }
  }, spec.name);
}

/** A marked route with no session of its own: its failures mapped as every entry here, answered by `respond`. */
function sessionlessRoute<C>(
  name: string,
  handler: (request: Request, ctx: C) => Promise<Response>,
  respond: (failure: Failure<Record<string, unknown>>) => Response,
): (request: Request, ctx: C) => Promise<Response> {
  return mark(async (request: Request, ctx: C) => {
    try {
      return await handler(request, ctx);
    } catch (error) {
      unstable_rethrow(error);
      return respond(toFailure(error, name, await requestId()));
    }
  }, name);
}

/** A route anyone may call (sign-in itself): no session required, the same error mapping. */
export function publicRoute<C>(
  name: string,
  handler: (request: Request, ctx: C) => Promise<Response>,
): (request: Request, ctx: C) => Promise<Response> {
  return sessionlessRoute(name, handler, failureResponse);
}

// ───────────── The API's routes (/api/v1) ─────────────

/** A failure as the API answers it: one JSON shape, `{ error: { code, message } }`, with the status of its code. */
export function jsonFailureResponse(failure: Failure<Record<string, unknown>>): Response {
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  };
  const error: Record<string, unknown> = { code: failure.code, message: failure.message };
  if (failure.fieldErrors) error.fieldErrors = failure.fieldErrors;
  // What a write refused as a conflict hands back: a stale task's current state, the duplicates found.
  if (failure.current !== undefined) error.current = failure.current;
  if (failure.duplicates !== undefined) error.duplicates = failure.duplicates;
  if (failure.code === "unauthenticated") headers["www-authenticate"] = 'Bearer realm="api"';
  if (typeof failure.retryAfterSeconds === "number") headers["retry-after"] = String(failure.retryAfterSeconds);
  return new Response(JSON.stringify({ error }), { status: statusOf(failure), headers });
}

/**
 * A route that authenticates its caller itself, with no session: the API's bearer tokens
 * (lib/api/gate.ts, which checks the token, its scope, its rate and the input before the handler).
 * The same error mapping as every entry here, answered as JSON.
 */
export function bearerRoute<C>(
  name: string,
  handler: (request: Request, ctx: C) => Promise<Response>,
): (request: Request, ctx: C) => Promise<Response> {
  return sessionlessRoute(name, handler, jsonFailureResponse);
}
