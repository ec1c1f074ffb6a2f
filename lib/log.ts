import pino from "pino";

// Structured logs (JSON lines on stdout) for the app's server and the code it runs. Passwords,
// tokens, cookies and session ids are never written, whatever an entry carries.

const REDACT = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "cookie",
  "*.cookie",
  "headers.cookie",
  "headers.authorization",
  "sessionId",
  "*.sessionId",
];

const globalForLog = globalThis as unknown as { __logger?: pino.Logger };

function level(): string {
  const v = process.env.LOG_LEVEL?.trim();
  // Quiet in the test runner's own process (tests spy on it instead); the app a test starts runs
  // with NODE_ENV=production and logs as usual.
  return v && ["debug", "info", "warn", "error", "silent"].includes(v)
    ? v
    : process.env.NODE_ENV === "test"
      ? "silent"
      : "info";
}

export const logger: pino.Logger = (globalForLog.__logger ??= pino({
  level: level(),
  base: { app: "chi-dao" },
  redact: { paths: REDACT, censor: "[ẩn]" },
  timestamp: pino.stdTimeFunctions.isoTime,
}));
