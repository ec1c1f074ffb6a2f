import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { HttpSession } from "@/tests/helpers/http-session";
import { isVietnamese } from "@/tests/helpers/vietnamese";

// What the built app answers, over HTTP, to addresses and bodies a person never sends but an
// attacker does: never a 500, and a Vietnamese answer. (Actions, routes and pages in-process:
// tests/integration/malformed-input.test.ts.)

const baseUrl = inject("baseUrl");

class Session extends HttpSession {
  send(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(new URL(path, baseUrl), {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
  }
}

describe("malformed requests to the built app", () => {
  it("answers ids out of range, coercible ids and malformed percent-encoding with the 404 page", async () => {
    const s = new Session(baseUrl);
    expect(await s.signIn("longan.vanphong", DEMO_PASSWORD)).toBe(true);
    for (const path of [
      "/nhiem-vu/2147483648",
      "/co-quan/-1",
      "/nhiem-vu/1e3",
      "/chi-dao/0x1",
      "/thong-bao/%FF",
      "/thong-bao/%E0%A4%A",
      "/api/tep/99999999999",
      "/api/tep/%FF",
    ]) {
      const res = await s.send(path);
      expect(res.status, path).toBe(404);
      const body = await res.text();
      // A page shows the app's 404 page; a file download answers in plain Vietnamese.
      if (res.headers.get("content-type")?.startsWith("text/html"))
        expect(body, path).toContain("Không tìm thấy trang");
      else expect(isVietnamese(body), `${path}: ${body}`).toBe(true);
    }
  });

  it("opens lists whose query asks for an id or page past the database's range", async () => {
    const s = new Session(baseUrl);
    await s.signIn("longan.vanphong", DEMO_PASSWORD);
    for (const path of [
      "/tong-quan?notice=99999999999",
      "/tong-quan/danh-sach?agency=99999999999&page=99999999999999999999",
      "/qua-han?page=99999999999999999999",
      "/nhac-viec?page=99999999999999999999",
      "/bao-cao?notice=99999999999",
      "/co-quan/1?notice=99999999999&q=%00",
    ]) {
      const res = await s.send(path);
      expect(res.status, path).toBeLessThan(500);
      await res.arrayBuffer();
    }
    const csv = await s.send("/api/xuat/danh-sach?format=csv&agency=99999999999");
    expect(csv.status).toBe(200);
    const bad = await s.send("/api/xuat/tong-quan?format=exe");
    expect([bad.status, await bad.text()]).toEqual([400, "Định dạng tệp không hợp lệ: chọn xlsx, csv hoặc pdf."]);
  });

  it("answers the sign-in endpoint sent something other than a form with 400 in Vietnamese", async () => {
    for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x"]) {
      const res = await fetch(new URL("/api/auth/callback/credentials", baseUrl), {
        method: "POST",
        headers: { "content-type": type },
        body: '{"username":"a","password":"b"}',
        redirect: "manual",
      });
      expect(res.status, type).toBe(400);
      expect(isVietnamese(await res.text()), type).toBe(true);
    }
  });

  it("refuses a body over the limit with a Vietnamese message instead of an empty answer", async () => {
    const s = new Session(baseUrl);
    await s.signIn("longan.syt", DEMO_PASSWORD);
    const body = new FormData();
    body.append("_1_body", "x".repeat(13 * 1024 * 1024));
    body.append("0", '[null,"$K1"]');
    const res = await s.send("/nhiem-vu/1", { method: "POST", headers: { "next-action": "0".repeat(42) }, body });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/^Dữ liệu gửi lên quá lớn/);
  });
});
