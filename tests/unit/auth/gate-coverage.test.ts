import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gatedName } from "@/lib/auth/gate";

// Every server action, page and route handler goes through the one gate (lib/auth/gate.ts):
// each is imported here and each export must carry the gate's mark. A new action written as a
// plain `export async function`, a page that reads the session itself, or a route handler that
// skips the gate fails this test by name.

const ROOT = path.resolve(__dirname, "../../..");

function files(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d)) {
      const p = path.join(d, entry);
      if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
      if (statSync(p).isDirectory()) visit(p);
      else if (keep(p)) out.push(p);
    }
  };
  visit(path.join(ROOT, dir));
  return out.sort();
}

const rel = (p: string) => path.relative(ROOT, p);
const isTs = (p: string) => /\.tsx?$/.test(p);
const useServer = (p: string) => /^\s*(["'])use server\1/.test(readFileSync(p, "utf8"));

const actionModules = [...files("app", isTs), ...files("lib", isTs), ...files("components", isTs)].filter(useServer);
const pages = files("app", (p) => /[/\\]page\.tsx$/.test(p));
const routes = files("app", (p) => /[/\\]route\.ts$/.test(p));
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

describe("the one gate covers every entry", () => {
  it("finds the entries it checks", () => {
    expect(actionModules.map(rel)).toEqual(
      expect.arrayContaining(["lib/assignments/actions.ts", "lib/intake/actions.ts", "lib/notices/edit-actions.ts"]),
    );
    expect(pages.length).toBeGreaterThanOrEqual(14);
    expect(routes.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of actionModules) {
    it(`every export of ${rel(file)} is a gated action`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const exported = Object.entries(mod);
      expect(exported.length, "a 'use server' module with no action").toBeGreaterThan(0);
      const bypassing = exported.filter(([, value]) => !gatedName(value)).map(([name]) => name);
      expect(bypassing, "exports that bypass lib/auth/gate.ts").toEqual([]);
    });
  }

  for (const file of pages) {
    it(`${rel(file)} is a gated page`, async () => {
      const mod = (await import(file)) as { default?: unknown };
      expect(gatedName(mod.default), "default export made by page() or publicPage()").toBeTruthy();
    });
  }

  for (const file of routes) {
    it(`${rel(file)} handles every method through the gate`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const handlers = HTTP_METHODS.filter((m) => m in mod);
      expect(handlers.length).toBeGreaterThan(0);
      expect(handlers.filter((m) => !gatedName(mod[m]))).toEqual([]);
    });
  }

  it("no module outside the gate reads the session", () => {
    const readers = [...files("app", isTs), ...files("lib", isTs), ...files("components", isTs)]
      .filter(
        (p) => !p.endsWith(path.join("lib", "auth", "gate.ts")) && !p.endsWith(path.join("lib", "auth", "session.ts")),
      )
      .filter((p) => /from "@\/lib\/auth\/session"|getServerSession\(/.test(readFileSync(p, "utf8")));
    expect(readers.map(rel)).toEqual([]);
  });
});
