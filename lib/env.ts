import path from "node:path";
import { z } from "zod";
import { isRealDay } from "@/lib/time/calendar";

// The one place that reads process.env (T3's env.js pattern). Parsed once, at first use;
// the start script calls loadEnv() early so that a bad value stops it with one clear line.

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "postgresql:" || u.protocol === "postgres:") && u.hostname !== "" && u.pathname.length > 1;
    } catch {
      return false;
    }
  }, "phải có dạng postgresql://người_dùng:mật_khẩu@máy_chủ:cổng/tên_cơ_sở_dữ_liệu");

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "phải có dạng YYYY-MM-DD")
  .refine(isRealDay, "không phải ngày có thật");

const smtpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "smtp:" || u.protocol === "smtps:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "phải có dạng smtp://người_dùng:mật_khẩu@máy_chủ:cổng (hoặc smtps://)");

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int(`phải là số nguyên từ ${min} đến ${max}`)
      .min(min, `phải là số nguyên từ ${min} đến ${max}`)
      .max(max, `phải là số nguyên từ ${min} đến ${max}`)
      .default(fallback),
  );

/** Proxies whose X-Forwarded-For is believed: addresses, CIDR ranges, or loopback/linklocal/uniquelocal. */
const trustedProxies = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean)
      : [],
  z.array(
    z
      .string()
      .refine(
        (x) => ["loopback", "linklocal", "uniquelocal"].includes(x) || isIp(x.split("/")[0]!),
        "phải là danh sách địa chỉ IP hoặc dải CIDR cách nhau bởi dấu phẩy (hoặc loopback, linklocal, uniquelocal)",
      ),
  ),
);

function isIp(x: string): boolean {
  return /^(\d{1,3}\.){3}\d{1,3}$/.test(x) || (/^[0-9a-f:]+$/i.test(x) && x.includes(":"));
}

const ZEnv = z.object({
  DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  // A streaming replica of DATABASE_URL's database: the pages' cached reads (lib/db/read-cache.ts) go there.
  DATABASE_REPLICA_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
  NEXTAUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "cần ít nhất 32 ký tự").optional()),
  NEXTAUTH_URL: z.preprocess(emptyToUndefined, z.url("phải là một địa chỉ http(s)").optional()),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  APP_TODAY: z.preprocess(emptyToUndefined, isoDay.optional()),
  // Set by `npm start` when the database holds the demo's played history: the demo's "today".
  DEMO_TODAY: z.preprocess(emptyToUndefined, isoDay.optional()),
  // "auto": an empty database gets the demo with its history; "no-history": the demo's
  // provinces, accounts and notices only (the tests' starting point); "never": nothing.
  SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(["auto", "no-history", "never"]).default("auto")),
  SMTP_URL: z.preprocess(emptyToUndefined, smtpUrl.optional()),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().trim().min(3).default("Ban Chỉ đạo <no-reply@localhost>")),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SESSION_MAX_HOURS: wholeNumber(1, 72, 8),
  SESSION_IDLE_MINUTES: wholeNumber(5, 24 * 60, 30),
  TRUSTED_PROXIES: trustedProxies,
  WRITES_PER_HOUR: wholeNumber(10, 1_000_000, 600),
  UPLOAD_MB_PER_HOUR: wholeNumber(10, 100_000, 200),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["debug", "info", "warn", "error", "silent"]).default("info")),
});

export type Env = z.infer<typeof ZEnv> & { pgliteDir: string };

export class EnvError extends Error {
  constructor(
    public readonly variable: string,
    detail: string,
  ) {
    super(`Biến môi trường ${variable} không hợp lệ: ${detail}`);
    this.name = "EnvError";
  }
}

let cached: Env | undefined;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(String(issue.path[0] ?? "?"), issue.message);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return { ...parsed.data, DATA_DIR: dataDir, pgliteDir: path.join(dataDir, "pglite") };
}

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/** The address users type (NEXTAUTH_URL), or the local server's: the base of links in e-mails and calendar feeds. */
export function appBaseUrl(config: Env = env()): string {
  return (config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
}

/** Shows a connection string without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(không đọc được)";
  }
}
