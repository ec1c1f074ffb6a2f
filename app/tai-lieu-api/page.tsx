import type { Metadata } from "next";
import { publicPage } from "@/lib/auth/gate";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { openApiDocument } from "@/lib/api/openapi";
import { API_RATE_LIMIT } from "@/lib/api/rate-limit";

export const metadata: Metadata = { title: "Tài liệu API" };

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: { type?: string; enum?: string[]; const?: string; pattern?: string };
}

function typeOf(p: Parameter): string {
  if (p.schema.enum) return p.schema.enum.join(" | ");
  if (p.schema.const) return p.schema.const;
  return p.schema.type ?? "";
}

function example(e: { method: string; path: string; example?: unknown }): string {
  const url = e.path.replace("{id}", "1");
  if (e.method === "POST")
    return [
      `curl -X POST -H "Authorization: Bearer $MA_TRUY_CAP" -H "Content-Type: application/json" \\`,
      `  "https://<địa-chỉ-ứng-dụng>${url}" \\`,
      `  -d '${JSON.stringify(e.example, null, 2)}'`,
    ].join("\n");
  const query = url.endsWith("notices") ? "?limit=20" : url.endsWith("results") ? "?period=2021-Q3" : "";
  return `curl -H "Authorization: Bearer $MA_TRUY_CAP" "https://<địa-chỉ-ứng-dụng>${url}${query}"`;
}

interface Operation {
  summary: string;
  description: string;
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { schema: { properties?: Record<string, unknown> } } } };
}

/** The API's reference for the province's other systems: public, like the OpenAPI document it is read from. */
export default publicPage(async () => {
  const doc = openApiDocument() as {
    paths: Record<string, Record<string, Operation>>;
  };
  return (
    <main id="noi-dung" className="mx-auto grid max-w-4xl gap-6 px-4 py-8 text-slate-900">
      <header>
        <h1 className="text-2xl font-semibold">Tài liệu API cho hệ thống khác</h1>
        <p className="mt-2 text-sm text-slate-700">
          API tại <code>/api/v1</code>. Đọc: thông báo (danh sách với số liệu tóm tắt; chỉ đạo và phân công khi đọc từng
          thông báo hoặc gửi <code>include=directives</code>), nhiệm vụ của cơ quan, việc quá hạn, số liệu tổng quan
          theo cơ quan, kết quả và xếp hạng theo kỳ. Ghi (mã đọc và ghi): tạo thông báo, báo cáo tiến độ nhiệm vụ. Tài
          liệu máy đọc được (OpenAPI 3.1, gồm lược đồ đầy đủ của nội dung gửi lên):{" "}
          <a className="text-brand-800 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
      </header>
      <section className="grid gap-2 text-sm">
        <h2 className="text-lg font-semibold">Xác thực</h2>
        <p>
          Quản trị viên của tỉnh cấp mã truy cập tại <strong>Quản trị › API</strong> (<code>/quan-tri/api</code>): tên,
          quyền (chỉ đọc hoặc đọc và ghi), ngày hết hạn, có thể giới hạn theo cơ quan. Mã (dạng <code>cdt_…</code>) chỉ
          hiện một lần khi tạo. Gửi mã trong tiêu đề <code>Authorization: Bearer &lt;mã&gt;</code>.
        </p>
        <p>
          Mã của cả tỉnh đọc như Lãnh đạo Ban Chỉ đạo; mã giới hạn theo cơ quan đọc như cán bộ của các cơ quan đó (thông
          báo đã ban hành và nhiệm vụ của chính các cơ quan ấy; không đọc việc quá hạn và số liệu tổng quan). Mỗi mã
          được gửi tối đa {API_RATE_LIMIT.requests} yêu cầu trong {API_RATE_LIMIT.windowMs / 1000} giây.
        </p>
        <p>
          Mã đọc và ghi của cả tỉnh tạo thông báo như Văn phòng và báo cáo tiến độ như cán bộ của cơ quan được giao
          nhiệm vụ; mã giới hạn theo cơ quan chỉ báo cáo cho các cơ quan ấy và không tạo thông báo. Mã chỉ đọc gửi yêu
          cầu ghi nhận 403. Mọi thay đổi được ghi vào lịch sử với người thực hiện là “qua API: &lt;tên mã&gt;”.
        </p>
        <h2 className="mt-2 text-lg font-semibold">Phân trang và lỗi</h2>
        <p>
          Danh sách trả về <code>{`{ "data": [...], "nextCursor": "..." }`}</code>; gửi lại <code>cursor</code> bằng giá
          trị <code>nextCursor</code> cho đến khi nó là <code>null</code>. <code>limit</code> từ 1 đến 200 (mặc định
          50). Mọi lỗi có dạng <code>{`{ "error": { "code": "unauthenticated", "message": "..." } }`}</code>: mã ổn định
          (unauthenticated 401, forbidden 403, not_found 404, invalid 422, rate_limited 429; khi ghi: duplicate 409 kèm{" "}
          <code>duplicates</code>, stale 409 kèm trạng thái hiện tại <code>current</code>, conflict 409) và thông báo
          tiếng Việt. Ngày dạng YYYY-MM-DD theo giờ Việt Nam.
        </p>
      </section>
      {Object.values(ENDPOINTS).map((e) => {
        const op = doc.paths[e.path]![e.method.toLowerCase()]!;
        const fields = Object.keys(op.requestBody?.content["application/json"].schema.properties ?? {});
        return (
          <section
            key={e.name}
            id={e.name}
            className="grid gap-2 rounded-2xl border border-slate-200 bg-white p-5 text-sm shadow-sm"
          >
            <h2 className="text-base font-semibold">
              <code
                className={`mr-2 rounded px-1.5 py-0.5 ${e.method === "GET" ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900"}`}
              >
                {e.method}
              </code>
              <code>{e.path}</code>
            </h2>
            <p className="font-medium">{op.summary}</p>
            <p className="text-slate-700">{op.description.replaceAll("`", "")}</p>
            {op.parameters.length > 0 ? (
              <table className="w-full text-left">
                <thead className="text-slate-600">
                  <tr>
                    <th className="py-1 pr-3">Tham số</th>
                    <th className="py-1 pr-3">Vị trí</th>
                    <th className="py-1 pr-3">Kiểu</th>
                    <th className="py-1">Ý nghĩa</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                      <td className="py-1 pr-3">
                        <code>{p.name}</code>
                        {p.required ? " (bắt buộc)" : ""}
                      </td>
                      <td className="py-1 pr-3">{p.in === "path" ? "đường dẫn" : "truy vấn"}</td>
                      <td className="py-1 pr-3">
                        <code>{typeOf(p)}</code>
                      </td>
                      <td className="py-1">{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {fields.length > 0 ? (
              <p>
                Nội dung gửi (JSON): {fields.map((f, i) => [i > 0 ? ", " : "", <code key={f}>{f}</code>])}; lược đồ đầy
                đủ trong <code>requestBody</code> của tài liệu OpenAPI.
              </p>
            ) : null}
            <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">{example(e)}</pre>
          </section>
        );
      })}
    </main>
  );
});
