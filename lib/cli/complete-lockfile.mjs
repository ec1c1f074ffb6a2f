#!/usr/bin/env node
// The registry these machines reach serves only linux-x64 builds of packages that ship one
// binary package per platform (Next SWC, Tailwind oxide, …), so `npm install` leaves those
// optional entries out of package-lock.json and `npm ci` then refuses the lock. This adds
// lock entries for platform-specific optional packages that this registry does not serve,
// so that `npm ci` accepts the lock file. They are never installed on linux-x64.
import fs from "node:fs";
const file = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const pkgs = lock.packages;
const guess = (name) => {
  const n = name.split("/").pop();
  const os = [
    "android",
    "darwin",
    "freebsd",
    "linux",
    "win32",
    "openharmony",
    "sunos",
    "aix",
    "netbsd",
    "openbsd",
    "wasm32",
  ].find((o) => n.includes(o));
  const cpu = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "mips64el"].find((c) =>
    new RegExp(`(^|-)${c}(-|$)`).test(n),
  );
  return { os, cpu };
};
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path === "" ? "" : `${path}/`;
    if (pkgs[`${base}node_modules/${dep}`] || pkgs[`node_modules/${dep}`]) continue;
    const { os, cpu } = guess(dep);
    const entry = { version: spec.replace(/^[\^~=]/, ""), optional: true };
    if (meta.dev) entry.dev = true;
    if (os && os !== "wasm32") entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    pkgs[`node_modules/${dep}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} entries`);
