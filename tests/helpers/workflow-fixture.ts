// A seeded database plus one small Long An notice whose assignments the workflow tests change:
// directive 1 (due 10/07/2021): Sở Y tế leads, Công an tỉnh supports;
// directive 2: Sở Y tế reports weekly ("hằng tuần"), no due date;
// directive 3: Sở Y tế, ongoing, no due date.
// Plus a Lạng Sơn assignment of Sở Y tế from the demo data, for "another province".
import type { Clock } from "@/lib/assignments/workflow";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { createNotice } from "@/lib/notices/create";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

export const DUE = "2021-07-10";

export function fixedClock(day: string): Clock {
  return { today: () => day, now: () => new Date(`${day}T09:00:00+07:00`) };
}

const deadline = (
  kind: "exact" | "recurring" | "ongoing",
  dueOn: string | null,
  phrase: string,
  recurrence: "weekly" | null = null,
) => ({
  kind,
  dueOn,
  dueAt: null,
  phrase,
  startOn: null,
  recurrence,
  target: null,
});

const draft = {
  notice: {
    kind: "TB" as const,
    number: "99/TB-WF",
    issuer: "UBND tỉnh Long An",
    place: "Long An",
    issuedOn: "2021-07-01",
    issuedPrecision: "day" as const,
    title: "Thông báo dùng cho kiểm thử quy trình",
    meetingOn: null,
    chair: null,
    signer: null,
    signingFormula: null,
    recipients: [],
    citations: [],
  },
  directives: [
    {
      ref: "1",
      text: "Sở Y tế chủ trì, phối hợp với Công an tỉnh truy vết các trường hợp F1.",
      urgent: false,
      deadline: deadline("exact", DUE, "chậm nhất ngày 10/7/2021"),
      assignments: [
        { agency: "Sở Y tế", role: "lead" as const, viaGroup: null, isNew: false },
        { agency: "Công an tỉnh", role: "support" as const, viaGroup: null, isNew: false },
      ],
    },
    {
      ref: "2",
      text: "Sở Y tế báo cáo tình hình dịch hằng tuần.",
      urgent: false,
      deadline: deadline("recurring", null, "hằng tuần", "weekly"),
      assignments: [{ agency: "Sở Y tế", role: "lead" as const, viaGroup: null, isNew: false }],
    },
    {
      ref: "3",
      text: "Sở Y tế thường xuyên theo dõi diễn biến dịch.",
      urgent: false,
      deadline: deadline("ongoing", null, "thường xuyên"),
      assignments: [{ agency: "Sở Y tế", role: "lead" as const, viaGroup: null, isNew: false }],
    },
  ],
};

export interface WorkflowFixture {
  t: TestDatabase;
  user(username: string): Promise<SessionUser>;
  provinceId: number;
  /** Sở Y tế, lead on directive 1 (due DUE). */
  lead: number;
  /** Công an tỉnh, support on directive 1. */
  support: number;
  recurring: number;
  noDeadline: number;
  /** A Lạng Sơn assignment of Sở Y tế (demo data). */
  otherProvince: number;
  directiveId: number;
}

export async function createWorkflowFixture(): Promise<WorkflowFixture> {
  const t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  const p = t.prisma;
  const province = await p.province.findUniqueOrThrow({ where: { name: "Long An" }, select: { id: true } });
  const noticeId = await createNotice(
    p,
    null,
    province.id,
    { draft, sourceText: "kiểm thử quy trình" },
    { status: "published", createNewAgencies: false },
  );
  const rows = await p.assignment.findMany({
    where: { directive: { noticeId } },
    select: {
      id: true,
      role: true,
      agency: { select: { name: true } },
      directive: { select: { id: true, ref: true } },
    },
  });
  const find = (ref: string, agency: string) => {
    const r = rows.find((a) => a.directive.ref === ref && a.agency.name === agency);
    if (!r) throw new Error(`fixture: no assignment ${ref}/${agency}`);
    return r;
  };
  const other = await p.assignment.findFirstOrThrow({
    where: {
      province: { name: "Lạng Sơn" },
      agency: { name: "Sở Y tế" },
      directive: { notice: { status: "published" } },
    },
    select: { id: true },
  });
  return {
    t,
    async user(username) {
      const row = await p.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
      const u = await loadSessionUser(p, row.id);
      if (!u) throw new Error(`fixture: user ${username} is inactive`);
      return u;
    },
    provinceId: province.id,
    lead: find("1", "Sở Y tế").id,
    support: find("1", "Công an tỉnh").id,
    recurring: find("2", "Sở Y tế").id,
    noDeadline: find("3", "Sở Y tế").id,
    otherProvince: other.id,
    directiveId: find("1", "Sở Y tế").directive.id,
  };
}

/** Minimal real files (their magic bytes are what file-type reads). */
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
export const EXE_BYTES = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(200).fill(0)]);
export const HTML_BYTES = new TextEncoder().encode(
  "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
);
