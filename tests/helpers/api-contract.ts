import Ajv2020 from "ajv/dist/2020";
import { expect } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { isVietnamese } from "@/tests/helpers/vietnamese";

// The API's contract as the tests check it: the OpenAPI document's own schemas (JSON Schema
// 2020-12, with ajv) for every request body and every answer, and a record of which operations a
// test file called, so that a file can prove it called every one in the document.

type Schema = { content: { "application/json": { schema: object } } };
export interface Operation {
  operationId: string;
  requestBody?: Schema;
  responses: Record<string, Schema>;
}

export const doc = openApiDocument() as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: "api", components: doc.components });

function compile(schema: object) {
  return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/')) as object);
}

/** Every operation of the document: "GET /api/v1/notices". */
export function operations(): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
}

function operation(method: string, path: string): Operation {
  const op = doc.paths[path]?.[method.toLowerCase()];
  expect(op, `${method} ${path} is in the document`).toBeDefined();
  return op!;
}

/** The document's schema of an operation's answer with this status. */
export function responseValidator(method: string, path: string, status: number) {
  const response = operation(method, path).responses[String(status)];
  expect(response, `${method} ${path} documents ${status}`).toBeDefined();
  return compile(response!.content["application/json"].schema);
}

/** Whether a body is what the document says the operation accepts. */
export function requestErrors(method: string, path: string, body: unknown): string | null {
  const schema = operation(method, path).requestBody?.content["application/json"].schema;
  expect(schema, `${method} ${path} documents its body`).toBeDefined();
  const validate = compile(schema!);
  return validate(body) ? null : ajv.errorsText(validate.errors);
}

export type Handler = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface Answer<B = Record<string, unknown>> {
  status: number;
  body: B & { error?: { code: string; message: string; current?: unknown; duplicates?: unknown } };
}

/** The operations this test file called. */
export const called = new Set<string>();

/**
 * Calls a route handler as Next would, and checks the answer (success or refusal) against the
 * document; a refusal's message is Vietnamese.
 */
export async function callApi<B = Record<string, unknown>>(
  handler: Handler,
  method: "GET" | "POST",
  path: string,
  opts: {
    token?: string | null;
    id?: string;
    query?: Record<string, string>;
    body?: unknown;
    raw?: string;
    contentType?: string;
    /** The body is meant to be valid: the document's request schema must accept it. */
    expectValid?: boolean;
  } = {},
): Promise<Answer<B>> {
  const url = new URL(`http://localhost${path.replace("{id}", opts.id ?? "")}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.expectValid) expect(requestErrors(method, path, opts.body), `${method} ${path} body`).toBeNull();
  if (method === "POST") {
    headers["content-type"] = opts.contentType ?? "application/json";
    body = opts.raw ?? JSON.stringify(opts.body);
  }
  const res = await handler(new Request(url, { method, headers, body }), {
    params: Promise.resolve({ id: opts.id ?? "" }),
  });
  called.add(`${method} ${path}`);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const answer = (await res.json()) as Answer<B>["body"];
  const validate = responseValidator(method, path, res.status);
  expect(validate(answer), `${method} ${url} ${res.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  if (res.status >= 400) expect(isVietnamese(answer.error?.message), answer.error?.message).toBe(true);
  return { status: res.status, body: answer };
}
