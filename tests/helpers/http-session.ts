// Signs in over plain HTTP the way the browser does with next-auth (CSRF token, then the
// credentials callback), keeping cookies, so scripts can act as a user without a browser.

/**
 * A GET that tries once more when the server closed a kept-alive connection just as it was reused
 * (Node's keep-alive timeout racing the client's pool: "other side closed"); GETs are safe to repeat.
 */
async function getOnce(url: string | URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const closed =
      cause?.code === "UND_ERR_SOCKET" ||
      cause?.code === "ECONNRESET" ||
      /other side closed/.test(cause?.message ?? "");
    if (!closed) throw error;
    return fetch(url, init);
  }
}

export class HttpSession {
  private cookies = new Map<string, string>();
  constructor(protected readonly baseUrl: string) {}

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }

  protected cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(pathname: string): Promise<Response> {
    let url = new URL(pathname, this.baseUrl).toString();
    for (let i = 0; i < 5; i++) {
      const res = await getOnce(url, { headers: { cookie: this.cookieHeader() }, redirect: "manual" });
      this.remember(res);
      const to = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && to) {
        url = new URL(to, url).toString();
        continue;
      }
      return res;
    }
    throw new Error(`Too many redirects from ${pathname}`);
  }

  async signIn(username: string, password: string): Promise<boolean> {
    const csrfRes = await getOnce(new URL("/api/auth/csrf", this.baseUrl), {
      headers: { cookie: this.cookieHeader() },
    });
    this.remember(csrfRes);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(new URL("/api/auth/callback/credentials", this.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() },
      body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
      redirect: "manual",
    });
    this.remember(res);
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }
}
