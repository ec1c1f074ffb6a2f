import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npm start` with a bad configuration: one clear line naming the variable, a non-zero exit,
// no stack trace, and nothing started.
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/cli/start.ts"], {
    env: { ...process.env, ...env, DATA_DIR: "/nonexistent-for-test" },
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = `${result.stdout}${result.stderr}`
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("npm warn"));
  return { status: result.status, lines };
}

describe("starting with a bad configuration", () => {
  it("names a malformed DATABASE_URL in one line", () => {
    const r = start({ DATABASE_URL: "mysql://x" });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/^Biến môi trường DATABASE_URL không hợp lệ: /)]);
  });

  it("names an unreachable database without its password", () => {
    const r = start({ DATABASE_URL: "postgresql://postgres:bimat@127.0.0.1:1/khongco" });
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(
      /^Không kết nối được cơ sở dữ liệu \(DATABASE_URL=postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/khongco/,
    );
    expect(r.lines[0]).not.toContain("bimat");
  });

  it("refuses a fixed day that does not exist", () => {
    const r = start({ APP_TODAY: "2021-02-30" });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual(["Biến môi trường APP_TODAY không hợp lệ: không phải ngày có thật"]);
  });
});
