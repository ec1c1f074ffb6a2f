import { z } from "zod";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ZApiError } from "@/lib/api/schemas";
import { API_RATE_LIMIT } from "@/lib/api/rate-limit";
import type { ApiEndpoint } from "@/lib/api/gate";

// The OpenAPI 3.1 document of /api/v1, generated from the endpoints' zod schemas (lib/api/endpoints.ts)
// with zod's own z.toJSONSchema (JSON Schema 2020-12, OpenAPI 3.1's dialect): the query
// parameters and a write's body from the schemas the gate parses them with (their input side), the answers from the
// schemas of what the handlers return (their output side). Nothing here is written by hand but
// the words.

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

function queryParameters(schema: z.ZodType): Parameter[] {
  const s = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop as JsonSchema & { description?: string };
    return { name, in: "query", required: (s.required ?? []).includes(name), description, schema: rest };
  });
}

const ERRORS: Record<string, string> = {
  "401": "Thiếu mã truy cập, hoặc mã không đúng, đã hết hạn hoặc đã bị thu hồi.",
  "403": "Mã truy cập không có quyền này (ví dụ: mã giới hạn theo cơ quan đọc số liệu tổng quan).",
  "404": "Không tồn tại, hoặc nằm ngoài phạm vi của mã truy cập.",
  "422": "Tham số không hợp lệ (thông báo nói rõ tham số nào).",
  "429": `Quá ${API_RATE_LIMIT.requests} yêu cầu trong ${API_RATE_LIMIT.windowMs / 1000} giây với một mã truy cập; tiêu đề Retry-After cho biết số giây cần chờ.`,
};

/** A write's own words for the refusals it adds to the reads'. */
const WRITE_ERRORS: Record<string, string> = {
  "403":
    "Mã truy cập chỉ được đọc (forbidden), hoặc không được ghi việc này (ví dụ: mã giới hạn theo cơ quan tạo thông báo).",
  "413": "Nội dung yêu cầu quá lớn.",
  "422":
    "Nội dung không hợp lệ (invalid): message nói rõ trường nào bằng tiếng Việt, fieldErrors liệt kê theo đường dẫn của trường; không có gì được ghi.",
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of Object.values(ENDPOINTS) as ApiEndpoint<string, z.ZodType, z.ZodType>[]) {
    const ids = e.ids ?? [];
    const parameters: Parameter[] = [
      ...ids.map((name) => ({
        name,
        in: "path" as const,
        required: true,
        description: "Mã số (số nguyên dương).",
        schema: { type: "integer", minimum: 1, maximum: 2_147_483_647 },
      })),
      ...queryParameters(e.query),
    ];
    const status = e.status ?? 200;
    const responses: Record<string, unknown> = {
      [String(status)]: {
        description: status === 201 ? "Đã tạo." : "Thành công.",
        content: { "application/json": { schema: jsonSchema(e.response, "output") } },
      },
    };
    const errors = e.body ? { ...ERRORS, ...WRITE_ERRORS } : ERRORS;
    for (const [code, description] of Object.entries(errors)) {
      if (code === "404" && ids.length === 0) continue;
      responses[code] = errorResponse(description);
    }
    if (e.conflict) responses["409"] = errorResponse(`Xung đột, không có gì được ghi. ${e.conflict}`);
    paths[e.path] = {
      ...paths[e.path],
      [e.method.toLowerCase()]: {
        operationId: e.name,
        summary: e.summary,
        description: e.description,
        tags: [e.path.split("/")[3]],
        ...(e.scope === "read_write" ? { "x-scope": "read_write" } : {}),
        parameters,
        ...(e.body
          ? {
              requestBody: {
                required: true,
                content: { "application/json": { schema: jsonSchema(e.body, "input") } },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "API theo dõi chỉ đạo phòng, chống dịch",
      version: "1.1.0",
      description:
        'API cho các hệ thống khác của tỉnh. Đọc: thông báo (danh sách với số liệu tóm tắt; chỉ đạo và phân công khi đọc từng thông báo hoặc với `include=directives`), nhiệm vụ của cơ quan, việc quá hạn, số liệu tổng quan, kết quả và xếp hạng theo kỳ. Ghi (chỉ mã đọc và ghi): tạo thông báo, báo cáo tiến độ nhiệm vụ (kèm version; phiên bản cũ trả về 409). Xác thực bằng mã truy cập do quản trị viên của tỉnh cấp (Quản trị › API), gửi trong tiêu đề `Authorization: Bearer <mã>`. Mọi lỗi có dạng `{ "error": { "code", "message" } }` với thông báo tiếng Việt và mã ổn định. Ngày theo dạng YYYY-MM-DD, giờ Việt Nam.',
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Mã truy cập dạng cdt_…, cấp tại Quản trị › API." },
      },
      schemas: { Error: jsonSchema(ZApiError, "output") },
    },
  };
}
