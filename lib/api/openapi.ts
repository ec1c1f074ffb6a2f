import { z } from "zod";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ZApiError } from "@/lib/api/schemas";
import { API_RATE_LIMIT } from "@/lib/api/rate-limit";

// The OpenAPI 3.1 document of /api/v1, generated from the endpoints' zod schemas (lib/api/endpoints.ts)
// with zod's own z.toJSONSchema (JSON Schema 2020-12, OpenAPI 3.1's dialect): the query
// parameters from the schema the gate parses them with (its input side), the answers from the
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

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of Object.values(ENDPOINTS)) {
    const ids = ("ids" in e ? e.ids : []) as readonly string[];
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
    const responses: Record<string, unknown> = {
      "200": {
        description: "Thành công.",
        content: { "application/json": { schema: jsonSchema(e.response, "output") } },
      },
    };
    for (const [status, description] of Object.entries(ERRORS)) {
      if (status === "404" && ids.length === 0) continue;
      responses[status] = {
        description,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    paths[e.path] = {
      [e.method.toLowerCase()]: {
        operationId: e.name,
        summary: e.summary,
        description: e.description,
        tags: [e.path.split("/")[3]],
        parameters,
        responses,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "API theo dõi chỉ đạo phòng, chống dịch",
      version: "1.0.0",
      description:
        'API chỉ đọc cho các hệ thống khác của tỉnh: thông báo, chỉ đạo và phân công, nhiệm vụ của cơ quan, việc quá hạn, số liệu tổng quan. Xác thực bằng mã truy cập do quản trị viên của tỉnh cấp (Quản trị › API), gửi trong tiêu đề `Authorization: Bearer <mã>`. Mọi lỗi có dạng `{ "error": { "code", "message" } }` với thông báo tiếng Việt và mã ổn định. Ngày theo dạng YYYY-MM-DD, giờ Việt Nam.',
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
