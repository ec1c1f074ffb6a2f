import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { startApp, type RunningApp } from "@/tests/helpers/app-server";
import { HttpSession } from "@/tests/helpers/http-session";
import { sharedBrowser, gotoReady } from "@/tests/e2e/browser";

// What a province's IT office checks, against the built app: sessions that end, sign-in that a
// rotated X-Forwarded-For does not fool, the headers of every answer, a page working under its
// Content-Security-Policy, the cookie made Secure behind https, the health check.

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

class Session extends HttpSession {
  cookieString(): string {
    return this.cookieHeader();
  }
  async signOut(): Promise<void> {
    const { csrfToken } = (await (await this.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch(new URL("/api/auth/signout", this.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() },
      body: new URLSearchParams({ csrfToken, json: "true" }),
      redirect: "manual",
    });
  }
}

async function signInAttempt(login: string, password: string, forwardedFor: string): Promise<Response> {
  const csrf = await fetch(new URL("/api/auth/csrf", baseUrl));
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return fetch(new URL("/api/auth/callback/credentials", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ csrfToken, username: login, password, json: "true" }),
    redirect: "manual",
  });
}

const signedIn = (res: Response) => res.headers.getSetCookie().some((c) => c.includes("next-auth.session-token="));

describe("sessions", () => {
  it("signing out ends the session: the old cookie opens nothing any more", async () => {
    const s = new Session(baseUrl);
    expect(await s.signIn("longan.syt", DEMO_PASSWORD)).toBe(true);
    const stolen = s.cookieString();
    const before = await fetch(new URL("/thong-bao", baseUrl), { headers: { cookie: stolen }, redirect: "manual" });
    expect(before.status).toBe(200);
    await s.signOut();
    const after = await fetch(new URL("/thong-bao", baseUrl), { headers: { cookie: stolen }, redirect: "manual" });
    expect(after.status).toBe(307);
    expect(after.headers.get("location")).toMatch(/\/dang-nhap$/);
    const file = await fetch(new URL("/api/tep/1", baseUrl), { headers: { cookie: stolen } });
    expect(file.status).toBe(401);
  });

  it("tells the browser only the name and the expiry of its session", async () => {
    const s = new Session(baseUrl);
    await s.signIn("longan.vanphong", DEMO_PASSWORD);
    const body = (await (await s.get("/api/auth/session")).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
    expect(body.user).toEqual({ name: expect.any(String) });
    const hours = (Date.parse(String(body.expires)) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });
});

describe("sign-in throttling over HTTP", () => {
  it("gains nothing from a rotated X-Forwarded-For: the sixth try is refused even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await signInAttempt("laichau.chutich", `sai-${i}`, `198.51.100.${i + 1}`);
      expect(signedIn(res)).toBe(false);
    }
    const res = await signInAttempt("laichau.chutich", DEMO_PASSWORD, "198.51.100.99");
    expect(signedIn(res)).toBe(false);
    expect(decodeURIComponent(JSON.stringify(await res.json()))).toMatch(/thử lại sau \d+ giây/);
  });
});

describe("headers", () => {
  it("sends a Content-Security-Policy with a fresh nonce on Next's scripts, and the other headers", async () => {
    const a = await fetch(new URL("/dang-nhap", baseUrl));
    const b = await fetch(new URL("/dang-nhap", baseUrl));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-inline' 'nonce");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(nonce).not.toBe(/'nonce-([^']+)'/.exec(b.headers.get("content-security-policy")!)![1]);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(true);
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("permissions-policy")).toContain("camera=()");
    expect(a.headers.get("strict-transport-security")).toBeNull();
    expect(a.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
    for (const path of ["/api/health", "/api/auth/csrf", "/khong-co-trang-nay"]) {
      expect((await fetch(new URL(path, baseUrl))).headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("runs a page under that policy without a single violation", async () => {
    const context = await browser().newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await gotoReady(page, "/dang-nhap");
    await page.getByLabel("Tên đăng nhập").fill("longan.chutich");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL("**/tong-quan");
    await page.waitForSelector("html[data-ready]", { state: "attached" });
    // The menu's prefetches come in after hydration; give them a moment to be refused if they were.
    await page.waitForTimeout(1500);
    expect(violations).toEqual([]);
    await context.close();
  });

  it("answers the health check", async () => {
    const res = await fetch(new URL("/api/health", baseUrl));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: string; migrations: { pending: string[] } };
    expect(body).toMatchObject({ status: "ok", database: "ok", migrations: { pending: [] } });
  });
});

describe("behind https", () => {
  let app: RunningApp | undefined;
  afterAll(async () => {
    await app?.stop();
  });

  it("makes the session cookie Secure and sends HSTS when the app's address is https", async () => {
    app = await startApp({ env: { NEXTAUTH_URL: "https://chidao.example.vn" } });
    const s = new Session(app.baseUrl);
    const { csrfToken } = (await (await s.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await fetch(new URL("/api/auth/callback/credentials", app.baseUrl), {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: s.cookieString(),
        "x-forwarded-proto": "https",
      },
      body: new URLSearchParams({ csrfToken, username: "longan.syt", password: DEMO_PASSWORD, json: "true" }),
      redirect: "manual",
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=31536000/);
  });
});
