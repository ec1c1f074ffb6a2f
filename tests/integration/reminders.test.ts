import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { smtpMailer } from "@/lib/reminders/mailer";
import { listDigests, markDigestsRead, reminderBadge } from "@/lib/reminders/list";
import { computeDigests, runReminders } from "@/lib/reminders/run";
import { seedDemo } from "@/prisma/seed/demo";
import { addDays, daysBetween, toIsoDay } from "@/lib/time/calendar";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

// A real SMTP server on 127.0.0.1 receives what the reminder run sends; nothing is mocked.

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let t: TestDatabase;
let smtp: SMTPServer;
let smtpUrl = "";
const inbox: Received[] = [];
const DAY = "2021-09-20";
const NEXT_DAY = "2021-09-21";

async function userNamed(username: string): Promise<SessionUser> {
  const row = await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return (await loadSessionUser(t.prisma, row.id))!;
}

async function agencyId(province: string, name: string): Promise<number> {
  return (
    await t.prisma.agency.findFirstOrThrow({ where: { name, province: { name: province } }, select: { id: true } })
  ).id;
}

/** Decodes a quoted-printable or base64 text body well enough to read the Vietnamese in it. */
function bodyOf(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** Decodes an RFC 2047 subject (=?UTF-8?B?…?= or =?UTF-8?Q?…?=, possibly folded). */
function subjectOf(raw: string): string {
  const m = /^subject:(.*(?:\r?\n[ \t].*)*)/im.exec(raw);
  if (!m) return "";
  return m[1]!
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    )
    .trim();
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  // Most tests here remind of everything up to 3 days ahead and every overdue day; the default
  // schedule (7 and 3 days before, the due day, weekly while overdue) has its own test below.
  await t.prisma.province.updateMany({ data: { reminderDaysBefore: [3, 2, 1, 0], overdueReminderEveryDays: 1 } });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, cb) {
      cb(null, { user: auth.username });
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  smtpUrl = `smtp://nhacviec:matkhau@127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await t?.drop();
});

describe("reminder digests", () => {
  it("groups, per agency, what is overdue, due today and due within 3 days", async () => {
    const digests = await computeDigests(t.prisma, DAY);
    expect(digests.length).toBeGreaterThan(3);
    for (const d of digests) {
      expect(d.lines.length).toBeGreaterThan(0);
      for (const l of d.lines) {
        if (l.bucket === "overdue") expect(l.dueOn < DAY).toBe(true);
        if (l.bucket === "due_today") expect(l.dueOn).toBe(DAY);
        if (l.bucket === "due_soon") expect(l.dueOn > DAY && l.dueOn <= "2021-09-23").toBe(true);
      }
    }
    // Each open task with a due day up to 3 days ahead is in exactly one digest.
    const expected = await t.prisma.assignment.count({
      where: {
        state: { not: "completed" },
        dueOn: { lte: new Date("2021-09-23T00:00:00Z") },
        agency: { active: true },
        directive: { notice: { status: "published" } },
      },
    });
    expect(digests.reduce((n, d) => n + d.lines.length, 0)).toBe(expected);
  });

  it("follows each province's schedule: 7 and 3 days before, on the due day, then every 7 days while overdue", async () => {
    // Long An's notices have deadlines in June 2021: four weeks around them.
    const province = (await t.prisma.province.findUniqueOrThrow({ where: { name: "Long An" }, select: { id: true } }))
      .id;
    await t.prisma.province.update({
      where: { id: province },
      data: { reminderDaysBefore: [7, 3, 0], overdueReminderEveryDays: 7 },
    });
    try {
      const open = await t.prisma.assignment.findMany({
        where: {
          provinceId: province,
          state: { not: "completed" },
          dueOn: { not: null },
          agency: { active: true },
          directive: { notice: { status: "published" } },
        },
        select: { id: true, dueOn: true },
      });
      // Over four weeks, each day's digests hold exactly the tasks whose reminder day it is.
      let reminded = 0;
      for (let i = 0; i < 28; i++) {
        const day = addDays("2021-06-01", i);
        const all = (await computeDigests(t.prisma, day, province)).flatMap((d) => d.lines);
        // Ongoing tasks (no due day) are reminded of their monthly report 7 and 3 days before the
        // month's last day and on it (tests/integration/ongoing-periods.test.ts).
        const ongoing = all.filter((l) => l.bucket === "ongoing");
        expect(ongoing.length > 0).toBe(["2021-06-23", "2021-06-27", "2021-06-30"].includes(day));
        for (const l of ongoing) expect(l.dueOn).toBe("2021-06-30");
        const lines = all.filter((l) => l.bucket !== "ongoing");
        const expected = open.filter((a) => {
          const days = daysBetween(day, toIsoDay(a.dueOn!));
          return days < 0 ? -days % 7 === 0 : [7, 3, 0].includes(days);
        });
        expect(lines.map((l) => l.assignmentId).sort()).toEqual(expected.map((a) => a.id).sort());
        for (const l of lines) {
          const days = daysBetween(day, l.dueOn);
          expect(l.bucket).toBe(days < 0 ? "overdue" : days === 0 ? "due_today" : "due_soon");
        }
        reminded += lines.length;
      }
      expect(reminded).toBeGreaterThan(0);
    } finally {
      await t.prisma.province.update({
        where: { id: province },
        data: { reminderDaysBefore: [3, 2, 1, 0], overdueReminderEveryDays: 1 },
      });
    }
  });

  it("e-mails agencies that have an address through a real SMTP server, once a day", async () => {
    const syt = await agencyId("Long An", "Sở Y tế");
    const congan = await agencyId("Long An", "Công an tỉnh");
    await t.prisma.agency.update({ where: { id: syt }, data: { email: "syt@longan.gov.vn" } });
    await t.prisma.agency.update({ where: { id: congan }, data: { email: "congan@longan.gov.vn" } });
    const longAn = (await t.prisma.province.findUniqueOrThrow({ where: { name: "Long An" }, select: { id: true } })).id;
    const expectedAgencies = (await computeDigests(t.prisma, DAY, longAn)).map((d) => d.agency.id);
    expect(expectedAgencies).toContain(syt);
    expect(expectedAgencies).toContain(congan);

    // Sở Y tế's staff member wants reminder e-mails; Công an tỉnh's turned them off.
    await t.prisma.user.update({ where: { username: "longan.syt" }, data: { email: "canbo.syt@longan.gov.vn" } });
    await t.prisma.user.update({
      where: { username: "longan.congan" },
      data: { email: "canbo.congan@longan.gov.vn", emailOptOut: ["reminder"] },
    });
    const personal = () =>
      t.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "reminder:" } }, select: { payload: true } });

    const mailer = smtpMailer(smtpUrl, "Ban Chỉ đạo tỉnh Long An <bcd@longan.gov.vn>");
    try {
      const first = await runReminders(t.prisma, DAY, {
        mailer,
        baseUrl: "http://chidao.longan.test",
        provinceId: longAn,
      });
      expect(first).toMatchObject({
        agencies: expectedAgencies.length,
        created: expectedAgencies.length,
        skipped: 0,
        emailed: 2,
        failed: 0,
        inApp: expectedAgencies.length - 2,
      });
      expect(inbox).toHaveLength(2);
      expect(inbox.map((m) => m.to).sort()).toEqual([["congan@longan.gov.vn"], ["syt@longan.gov.vn"]]);
      // The staff member who chose reminders gets one of his own, queued for the app server to send.
      const queued = (await personal()).map(
        (m) => m.payload as { to: string; subject: string; items: { link: string }[] },
      );
      expect(queued.map((m) => m.to)).toEqual(["canbo.syt@longan.gov.vn"]);
      expect(first.personal).toBe(1);
      expect(queued[0]!.subject).toMatch(/^\[Nhắc việc 20\/09\/2021\] Sở Y tế/);
      expect(queued[0]!.items[0]!.link).toMatch(/^http:\/\/chidao\.longan\.test\/nhiem-vu\/\d+$/);
      expect(inbox.every((m) => m.from === "bcd@longan.gov.vn")).toBe(true);

      const toSyt = inbox.find((m) => m.to[0] === "syt@longan.gov.vn")!;
      const subject = subjectOf(toSyt.raw);
      expect(subject).toMatch(/^\[Nhắc việc 20\/09\/2021\] Sở Y tế: \d+ việc quá hạn/);
      const body = bodyOf(toSyt.raw);
      expect(body).toContain("Kính gửi: Sở Y tế");
      expect(body).toContain("Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Long An");
      expect(body).toMatch(/I\. QUÁ HẠN: \d+ nhiệm vụ/);
      expect(body).toContain("Thông báo số 875/TB-VPUBND");
      expect(body).toMatch(/Quá hạn \d+ ngày/);
      expect(body).toContain(`http://chidao.longan.test/co-quan/${syt}`);

      const stored = await t.prisma.reminderDigest.findUniqueOrThrow({
        where: { agencyId_digestOn: { agencyId: syt, digestOn: new Date(`${DAY}T00:00:00Z`) } },
      });
      expect(stored).toMatchObject({ channel: "email", emailTo: "syt@longan.gov.vn", error: null });
      expect(stored.sentAt).toBeInstanceOf(Date);
      expect(stored.overdue + stored.dueToday + stored.dueSoon).toBe((stored.items as unknown[]).length);

      // The same day again, even twice at once: nothing new stored, nothing sent.
      const [again, concurrent] = await Promise.all([
        runReminders(t.prisma, DAY, { mailer, baseUrl: "http://x", provinceId: longAn }),
        runReminders(t.prisma, DAY, { mailer, baseUrl: "http://x", provinceId: longAn }),
      ]);
      for (const r of [again, concurrent])
        expect(r).toMatchObject({ created: 0, skipped: expectedAgencies.length, emailed: 0 });
      expect(inbox).toHaveLength(2);
      expect(await personal()).toHaveLength(1);
      expect(await t.prisma.reminderDigest.count({ where: { provinceId: longAn } })).toBe(expectedAgencies.length);

      // The next day is a new digest.
      const next = await runReminders(t.prisma, NEXT_DAY, { mailer, baseUrl: "http://x", provinceId: longAn });
      expect(next.emailed).toBe(2);
      expect(inbox).toHaveLength(4);
    } finally {
      mailer.close();
    }
  });

  it("records the error when the mail server refuses, and keeps the digest visible in the app", async () => {
    const langSon = (await t.prisma.province.findUniqueOrThrow({ where: { name: "Lạng Sơn" }, select: { id: true } }))
      .id;
    const syt = await agencyId("Lạng Sơn", "Sở Y tế");
    await t.prisma.agency.update({ where: { id: syt }, data: { email: "syt@langson.gov.vn" } });
    const dead = smtpMailer("smtp://127.0.0.1:1", "x@localhost");
    const r = await runReminders(t.prisma, DAY, { mailer: dead, baseUrl: "http://x", provinceId: langSon });
    dead.close();
    expect(r.failed).toBe(1);
    const stored = await t.prisma.reminderDigest.findFirstOrThrow({ where: { agencyId: syt } });
    expect(stored.sentAt).toBeNull();
    expect(stored.error).toBeTruthy();
    const staff = await userNamed("langson.syt");
    const { rows } = await listDigests(t.prisma, staff);
    expect(rows.map((d) => d.agency.id)).toEqual([syt]);
  });

  it("without SMTP, stores in-app digests that each reader sees within their reach", async () => {
    const laiChau = (await t.prisma.province.findUniqueOrThrow({ where: { name: "Lai Châu" }, select: { id: true } }))
      .id;
    const r = await runReminders(t.prisma, DAY, { baseUrl: "http://x", provinceId: laiChau });
    expect(r.created).toBeGreaterThan(0);
    expect(r.emailed).toBe(0);
    expect(r.inApp).toBe(r.created);
    expect((await runReminders(t.prisma, DAY, { baseUrl: "http://x", provinceId: laiChau })).created).toBe(0);

    // Staff of two district committees see exactly their agencies' digests, with the tasks named.
    const huyen = await userNamed("laichau.huyen");
    const own = await listDigests(t.prisma, huyen);
    const expectedOwn = await t.prisma.reminderDigest.count({ where: { agencyId: { in: huyen.agencyIds } } });
    expect(own.total).toBe(expectedOwn);
    expect(own.rows.length).toBeGreaterThan(0);
    for (const d of own.rows) {
      expect(huyen.agencyIds).toContain(d.agency.id);
      expect(d.channel).toBe("in_app");
      expect(d.lines.length).toBe(d.overdue + d.dueToday + d.dueSoon);
      expect(d.lines[0]!.directive.text.length).toBeGreaterThan(10);
    }

    // The chairman sees the province's, no other province's.
    const chair = await userNamed("laichau.chutich");
    const all = await listDigests(t.prisma, chair, { pageSize: 100 });
    expect(all.total).toBe(r.created);
    expect(await reminderBadge(t.prisma, chair, DAY)).toBe(r.created);

    // Another province's staff see none of these.
    const other = await userNamed("langson.congan");
    const theirs = await listDigests(t.prisma, other);
    expect(theirs.rows.every((d) => other.agencyIds.includes(d.agency.id))).toBe(true);

    // Reading marks them read for the agency.
    if (expectedOwn > 0) {
      expect(await reminderBadge(t.prisma, huyen, DAY)).toBe(expectedOwn);
      expect(await markDigestsRead(t.prisma, huyen, new Date())).toBe(expectedOwn);
      expect(await reminderBadge(t.prisma, huyen, DAY)).toBe(0);
    }
  });
});
