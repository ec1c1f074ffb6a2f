import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// lib/ holds the logic and components/ the UI built on it: a lib/ module that imports a component
// ties the server code, the CLI and the tests to React files. Every import specifier of every file
// under lib/ is read (static imports, re-exports, import(), require()), and any that names
// components/, by the "@/" alias or by a relative path, fails this test.

const ROOT = path.resolve(__dirname, "../../..");
const LIB = path.join(ROOT, "lib");
const COMPONENTS = path.join(ROOT, "components");
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== path.join(LIB, "generated")) out.push(...sourceFiles(full)); // Prisma's output
    } else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

/** The module specifiers a file imports, as TypeScript's own pre-processor finds them. */
function specifiers(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function namesComponents(file: string, specifier: string): boolean {
  if (specifier === "@/components" || specifier.startsWith("@/components/")) return true;
  if (!specifier.startsWith(".")) return false;
  const target = path.resolve(path.dirname(file), specifier);
  return target === COMPONENTS || target.startsWith(`${COMPONENTS}${path.sep}`);
}

describe("lib/ does not depend on components/", () => {
  const files = sourceFiles(LIB);

  it("reads the files under lib/ and their imports", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(specifiers(path.join(LIB, "reports", "sheets.ts"))).toContain("@/lib/notices/notice-label");
  });

  it("recognises an import of a component, by alias or relative path", () => {
    const file = path.join(LIB, "reports", "sheets.ts");
    expect(namesComponents(file, "@/components/notices/notice-table")).toBe(true);
    expect(namesComponents(file, "../../components/ui/badge")).toBe(true);
    expect(namesComponents(file, "@/lib/notices/notice-label")).toBe(false);
    expect(namesComponents(file, "./components-like")).toBe(false);
  });

  it("has no file under lib/ that imports from components/", () => {
    const offending = files.flatMap((file) =>
      specifiers(file)
        .filter((s) => namesComponents(file, s))
        .map((s) => `${path.relative(ROOT, file)} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });
});
