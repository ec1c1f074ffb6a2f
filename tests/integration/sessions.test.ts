import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endAllSessions, endSession, sessionUser, startSession } from "@/lib/auth/sessions";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// A session opens pages only while it lives: not after it was ended, not after the idle time,
// not after the working day; ending all of a user's sessions ends them on every server at once.

let t: TestDatabase;
let userId: number;
const LIMITS = { maxAgeMs: 8 * 3_600_000, idleMs: 30 * 60_000 };
const T0 = new Date("2021-09-20T08:00:00+07:00");
const after = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  userId = (await t.prisma.user.findUniqueOrThrow({ where: { username: "longan.syt" } })).id;
});

afterAll(async () => {
  await t?.drop();
});

const open = () => startSession(t.prisma, userId, { address: "10.0.0.1", userAgent: "test" }, T0, LIMITS);

describe("sessions", () => {
  it("opens for its user while used within the idle time, until the working day ends", async () => {
    const sid = await open();
    for (let m = 0; m <= 475; m += 25) {
      expect((await sessionUser(t.prisma, sid, after(m), LIMITS))?.username, `minute ${m}`).toBe("longan.syt");
    }
    expect(await sessionUser(t.prisma, sid, after(481), LIMITS)).toBeNull();
    expect((await t.prisma.userSession.findUniqueOrThrow({ where: { id: sid } })).endReason).toBe("expired");
  });

  it("ends after 30 minutes unused", async () => {
    const sid = await open();
    expect(await sessionUser(t.prisma, sid, after(10), LIMITS)).not.toBeNull();
    expect(await sessionUser(t.prisma, sid, after(41), LIMITS)).toBeNull();
    // Once ended it stays ended, even if used again right away.
    expect(await sessionUser(t.prisma, sid, after(42), LIMITS)).toBeNull();
    expect((await t.prisma.userSession.findUniqueOrThrow({ where: { id: sid } })).endReason).toBe("idle");
  });

  it("ends at sign-out, and ending all of a user's sessions ends every one of them", async () => {
    const a = await open();
    const b = await open();
    const c = await open();
    await endSession(t.prisma, a, "sign_out", after(1));
    expect(await sessionUser(t.prisma, a, after(2), LIMITS)).toBeNull();
    expect(await sessionUser(t.prisma, b, after(2), LIMITS)).not.toBeNull();
    expect(await endAllSessions(t.prisma, userId, "password_changed", after(3))).toBeGreaterThanOrEqual(2);
    expect(await sessionUser(t.prisma, b, after(4), LIMITS)).toBeNull();
    expect(await sessionUser(t.prisma, c, after(4), LIMITS)).toBeNull();
  });

  it("opens nothing for a deactivated user or an unknown session id", async () => {
    const sid = await open();
    await t.prisma.user.update({ where: { id: userId }, data: { active: false } });
    expect(await sessionUser(t.prisma, sid, after(1), LIMITS)).toBeNull();
    await t.prisma.user.update({ where: { id: userId }, data: { active: true } });
    expect(await sessionUser(t.prisma, "khong-co", after(1), LIMITS)).toBeNull();
  });
});
