import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials, WRONG_CREDENTIALS } from "@/lib/auth/credentials";
import { RULES } from "@/lib/auth/throttle";
import { DEMO_PASSWORD, seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// Sign-in throttling as an attacker meets it and as the real user lives with it. The address is
// what lib/auth/client-address.ts decided (a rotated X-Forwarded-For never reaches here unless a
// trusted proxy vouches for it: tests/unit/auth/client-address.test.ts and the browser-level
// tests/e2e/security.e2e.ts).

let t: TestDatabase;
const T0 = new Date("2021-09-20T08:00:00+07:00");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
});

afterAll(async () => {
  await t?.drop();
});

const attempt = (username: string, password: string, address: string, when: Date) =>
  verifyCredentials(t.prisma, { username, password }, address, when).then(
    () => "ok",
    (e: Error) =>
      e.message === WRONG_CREDENTIALS ? "wrong" : /thử lại sau \d+ giây/.test(e.message) ? "locked" : e.message,
  );

describe("sign-in throttling", () => {
  it("locks the login-and-address pair after five wrong passwords, doubling the wait", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await attempt("longan.syt", `sai-${i}`, "203.0.113.9", at(i)));
    expect(results).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong"]);
    expect(await attempt("longan.syt", DEMO_PASSWORD, "203.0.113.9", at(6))).toBe("locked");
    // After the 30 s wait one more try; a wrong one locks for 60 s.
    expect(await attempt("longan.syt", "sai-5", "203.0.113.9", at(36))).toBe("wrong");
    expect(await attempt("longan.syt", DEMO_PASSWORD, "203.0.113.9", at(66))).toBe("locked");
    expect(await attempt("longan.syt", DEMO_PASSWORD, "203.0.113.9", at(97))).toBe("ok");
  });

  it("lets the real user sign in from her usual address while a stranger hammers her login from elsewhere", async () => {
    expect(await attempt("longan.congan", DEMO_PASSWORD, "10.1.1.5", at(0))).toBe("ok");
    const attacker: string[] = [];
    for (let i = 0; i < 60; i++) attacker.push(await attempt("longan.congan", `doan-${i}`, "198.51.100.66", at(1 + i)));
    expect(attacker.slice(0, 5)).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong"]);
    // In a minute the stranger's password was checked 6 times (the sixth after a 30 s wait), not 60.
    expect(attacker.filter((r) => r === "wrong")).toHaveLength(6);
    expect(await attempt("longan.congan", DEMO_PASSWORD, "10.1.1.5", at(62))).toBe("ok");
  });

  it("holds one address spraying a password over many logins", async () => {
    const results: string[] = [];
    for (let i = 0; i < 25; i++) {
      const login = `longan.khong-co-${i}`;
      results.push(await attempt(login, "123456", "198.51.100.7", at(i)));
    }
    expect(results.slice(0, RULES.address.free)).toEqual(Array(RULES.address.free).fill("wrong"));
    expect(results.slice(RULES.address.free).every((r) => r === "locked")).toBe(true);
    // A real user behind that address is held too, but only there.
    expect(await attempt("longan.vanphong", DEMO_PASSWORD, "198.51.100.7", at(30))).toBe("locked");
    expect(await attempt("longan.vanphong", DEMO_PASSWORD, "10.1.1.9", at(30))).toBe("ok");
  });

  it("slows guessing spread over many addresses to one try every few seconds, except from a known address", async () => {
    const results: string[] = [];
    for (let i = 0; i < 45; i++)
      results.push(await attempt("langson.syt", `doan-${i}`, `192.0.2.${i + 1}`, at(i * 0.2)));
    const counted = results.filter((r) => r === "wrong").length;
    expect(counted).toBeGreaterThanOrEqual(RULES.login.free);
    expect(counted).toBeLessThan(35);
    expect(results.slice(-5).every((r) => r === "locked")).toBe(true);
    // From a new address the user waits a few seconds, like the attacker…
    expect(await attempt("langson.syt", DEMO_PASSWORD, "192.0.2.200", at(9))).toBe("locked");
    expect(await attempt("langson.syt", DEMO_PASSWORD, "192.0.2.200", at(25))).toBe("ok");
    // …and once she has signed in from it, that address is hers: the spread-out guessing does not hold her there.
    for (let i = 0; i < 10; i++) await attempt("langson.syt", `doan-x${i}`, `192.0.2.${100 + i}`, at(26 + i * 0.1));
    expect(await attempt("langson.syt", DEMO_PASSWORD, "192.0.2.200", at(28))).toBe("ok");
  });

  it("starts counting afresh after the window", async () => {
    for (let i = 0; i < 4; i++) expect(await attempt("laichau.syt", `sai-${i}`, "203.0.113.50", at(i))).toBe("wrong");
    // An hour later four more wrong tries are not the fifth, sixth…: the pair is not locked.
    for (let i = 0; i < 4; i++)
      expect(await attempt("laichau.syt", `sai-${i}`, "203.0.113.50", at(3_700 + i))).toBe("wrong");
    expect(await attempt("laichau.syt", DEMO_PASSWORD, "203.0.113.50", at(3_710))).toBe("ok");
  });
});
