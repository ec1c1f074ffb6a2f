/**
 * mulberry32: a small, fast, deterministic generator. The demo history (prisma/seed/history.ts)
 * and the load data (prisma/load/generate.ts) both draw from it, so the same seed gives the same
 * sequence — and the same seeded rows — every run.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
