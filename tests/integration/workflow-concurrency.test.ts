import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssignmentStatus } from "@/lib/assignments/status";
import {
  confirmCompletion,
  decideExtension,
  reportProgress,
  requestExtension,
  returnCompletion,
  StaleAssignmentError,
  submitCompletion,
} from "@/lib/assignments/workflow";
import type { SessionUser } from "@/lib/auth/user";
import { ConflictError } from "@/lib/errors";
import { usingRealPostgres } from "@/tests/helpers/test-database";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// Two people acting on the same assignment from the same screen (the same version): exactly one
// change is kept, the other is told it changed and gets the state now stored; nothing of the
// loser is written. First one after the other, then truly at once.

let f: WorkflowFixture;
let syt: SessionUser;
let syt2: SessionUser;
let sec: SessionUser;
let chair: SessionUser;
const clock = fixedClock("2021-07-05");

beforeAll(async () => {
  f = await createWorkflowFixture();
  // A second officer of Sở Y tế, so that two people of the same agency can collide.
  const agency = await f.t.prisma.agency.findFirstOrThrow({
    where: { provinceId: f.provinceId, name: "Sở Y tế" },
    select: { id: true },
  });
  await f.t.prisma.user.create({
    data: {
      username: "longan.syt2",
      name: "Cán bộ thứ hai Sở Y tế",
      role: "agency_staff",
      provinceId: f.provinceId,
      passwordHash: "-",
      agencies: { create: [{ agencyId: agency.id }] },
    },
  });
  syt = await f.user("longan.syt");
  syt2 = await f.user("longan.syt2");
  sec = await f.user("longan.vanphong");
  chair = await f.user("longan.chutich");
});

afterAll(async () => {
  await f?.t.drop();
});

let position = 100;

/** A fresh Sở Y tế assignment (due 10/07/2021) in a known state for each test, on a new directive of the fixture's notice. */
async function freshAssignment(state: "in_progress" | "submitted"): Promise<{ id: number; version: number }> {
  const p = f.t.prisma;
  const lead = await p.assignment.findUniqueOrThrow({
    where: { id: f.lead },
    select: { agencyId: true, dueOn: true, directive: { select: { noticeId: true } } },
  });
  const directive = await p.directive.create({
    data: {
      noticeId: lead.directive.noticeId,
      ref: `T${position}`,
      text: "Nhiệm vụ kiểm thử đồng thời",
      position: position++,
      deadlineKind: "exact",
      dueOn: lead.dueOn,
    },
    select: { id: true },
  });
  const completedOn = state === "submitted" ? new Date("2021-07-01T00:00:00Z") : null;
  return p.assignment.create({
    data: {
      directiveId: directive.id,
      noticeId: lead.directive.noticeId,
      agencyId: lead.agencyId,
      provinceId: f.provinceId,
      role: "lead",
      state,
      dueOn: lead.dueOn,
      completedOn,
    },
    select: { id: true, version: true },
  });
}

async function rowsOf(id: number) {
  const p = f.t.prisma;
  return {
    assignment: await p.assignment.findUniqueOrThrow({
      where: { id },
      select: { state: true, version: true, dueOn: true, returnReason: true },
    }),
    reports: await p.progressReport.count({ where: { assignmentId: id } }),
    extensions: await p.extensionRequest.count({ where: { assignmentId: id } }),
    audit: await p.auditLog.count({ where: { entityType: "Assignment", entityId: id } }),
  };
}

function staleOf(results: PromiseSettledResult<unknown>[]): StaleAssignmentError[] {
  return results.flatMap((r) =>
    r.status === "rejected" && r.reason instanceof StaleAssignmentError ? [r.reason] : [],
  );
}

describe("one after the other, from the same screen", () => {
  it("refuses a progress report made on a screen older than the completion report, and writes nothing of it", async () => {
    const a = await freshAssignment("in_progress");
    await submitCompletion(
      f.t.prisma,
      syt,
      { assignmentId: a.id, version: a.version, text: "Xong", completedOn: "2021-07-04" },
      clock,
    );
    const before = await rowsOf(a.id);
    const late = reportProgress(
      f.t.prisma,
      syt2,
      { assignmentId: a.id, version: a.version, text: "Tiến độ cũ" },
      clock,
    );
    await expect(late).rejects.toThrow(StaleAssignmentError);
    await expect(late).rejects.toThrow(
      "Nhiệm vụ vừa được người khác cập nhật (trạng thái hiện tại: Chờ xác nhận). Vui lòng xem lại trước khi thao tác.",
    );
    const error = await late.catch((e: StaleAssignmentError) => e);
    expect((error as StaleAssignmentError).current).toMatchObject({
      state: "submitted",
      version: a.version + 1,
      completedOn: "2021-07-04",
    });
    expect(await rowsOf(a.id)).toEqual(before);
  });

  it("keeps the secretariat's confirmation when a colleague returns the same result a moment later", async () => {
    const a = await freshAssignment("submitted");
    await confirmCompletion(f.t.prisma, sec, { assignmentId: a.id, version: a.version }, clock);
    const late = await returnCompletion(f.t.prisma, sec, {
      assignmentId: a.id,
      version: a.version,
      reason: "Thiếu hồ sơ",
    }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(StaleAssignmentError);
    expect((late as StaleAssignmentError).current.state).toBe("completed");
    expect((await rowsOf(a.id)).assignment).toMatchObject({ state: "completed", returnReason: null });
  });

  it("lets only the first of the secretariat and the chairman decide an extension", async () => {
    const a = await freshAssignment("in_progress");
    const asked = await requestExtension(
      f.t.prisma,
      syt,
      { assignmentId: a.id, version: a.version, requestedDueOn: "2021-12-31", reason: "Cần thêm thời gian" },
      clock,
    );
    const v = asked.assignment.version;
    await decideExtension(
      f.t.prisma,
      chair,
      { extensionId: asked.extensionId, version: v, decision: "refuse", note: "Không đủ căn cứ" },
      clock,
    );
    const late = decideExtension(
      f.t.prisma,
      sec,
      { extensionId: asked.extensionId, version: v, decision: "approve" },
      clock,
    );
    await expect(late).rejects.toThrow(ConflictError);
    const stored = await f.t.prisma.extensionRequest.findUniqueOrThrow({
      where: { id: asked.extensionId },
      select: { status: true, decidedById: true },
    });
    expect(stored).toEqual({ status: "refused", decidedById: chair.id });
    expect((await rowsOf(a.id)).assignment.dueOn?.toISOString().slice(0, 10)).not.toBe("2021-12-31");
  });
});

// On PostgreSQL these run on separate connections at the same moment; on PGlite (one
// connection) the transactions queue, which must give the same answer.
describe(`at the same moment (${usingRealPostgres() ? "PostgreSQL, parallel connections" : "PGlite, queued"})`, () => {
  it("keeps exactly one of five simultaneous progress reports", async () => {
    const a = await freshAssignment("in_progress");
    const before = await rowsOf(a.id);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        reportProgress(
          f.t.prisma,
          i % 2 ? syt : syt2,
          { assignmentId: a.id, version: a.version, text: `Báo cáo ${i}` },
          clock,
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const stale = staleOf(results);
    expect(stale).toHaveLength(4);
    for (const e of stale) expect(e.current.version).toBe(a.version + 1);
    const after = await rowsOf(a.id);
    expect(after.reports).toBe(before.reports + 1);
    expect(after.assignment.version).toBe(a.version + 1);
  });

  it("confirms or returns, never both", async () => {
    const a = await freshAssignment("submitted");
    const results = await Promise.allSettled([
      confirmCompletion(f.t.prisma, sec, { assignmentId: a.id, version: a.version }, clock),
      returnCompletion(f.t.prisma, sec, { assignmentId: a.id, version: a.version, reason: "Thiếu hồ sơ" }),
    ]);
    const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.assignment] : []));
    expect(won).toHaveLength(1);
    const [stale] = staleOf(results);
    expect(stale?.current).toEqual(won[0]);
    const stored = (await rowsOf(a.id)).assignment;
    expect(stored.state).toBe(won[0]!.state);
    // One audit row for the winner only.
    expect(
      await f.t.prisma.auditLog.count({
        where: {
          entityType: "Assignment",
          entityId: a.id,
          action: { in: ["assignment.confirm", "assignment.return"] },
        },
      }),
    ).toBe(1);
  });

  it("stores one pending extension request when two are sent at once", async () => {
    const a = await freshAssignment("in_progress");
    const results = await Promise.allSettled([
      requestExtension(
        f.t.prisma,
        syt,
        { assignmentId: a.id, version: a.version, requestedDueOn: "2021-12-31", reason: "Lý do A" },
        clock,
      ),
      requestExtension(
        f.t.prisma,
        syt2,
        { assignmentId: a.id, version: a.version, requestedDueOn: "2022-01-31", reason: "Lý do B" },
        clock,
      ),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(staleOf(results)).toHaveLength(1);
    expect(await f.t.prisma.extensionRequest.count({ where: { assignmentId: a.id, status: "pending" } })).toBe(1);
  });

  it.runIf(usingRealPostgres())(
    "refuses writers already past the version check when the row changes under them",
    async () => {
      // Both writers read version v and pass every check, then wait on the row lock another
      // transaction holds; that transaction changes the row. The conditional update must then match
      // nothing for either writer (a plain `where: { id }` would overwrite the change).
      const a = await freshAssignment("in_progress");
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = f.t.sql.transaction(async (tx) => {
        await tx.query(`SELECT id FROM "Assignment" WHERE id = $1 FOR UPDATE`, [a.id]);
        locked();
        await gate;
        await tx.query(
          `UPDATE "Assignment" SET version = version + 1, "returnReason" = 'đổi bởi người khác' WHERE id = $1`,
          [a.id],
        );
      });
      await lockTaken;
      const writers = [
        reportProgress(f.t.prisma, syt, { assignmentId: a.id, version: a.version, text: "A" }, clock),
        submitCompletion(
          f.t.prisma,
          syt2,
          { assignmentId: a.id, version: a.version, text: "B", completedOn: "2021-07-05" },
          clock,
        ),
      ];
      const settled = Promise.allSettled(writers);
      // Wait until both writers are blocked on the row lock.
      for (let i = 0; i < 200; i++) {
        const [row] = await f.t.prisma.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if (Number(row?.n ?? 0) >= 2) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      release();
      await holder;
      const results = await settled;
      const stale = staleOf(results);
      expect(stale).toHaveLength(2);
      const expected: Partial<AssignmentStatus> = {
        state: "in_progress",
        version: a.version + 1,
        returnReason: "đổi bởi người khác",
      };
      for (const e of stale) expect(e.current).toMatchObject(expected);
      expect((await rowsOf(a.id)).reports).toBe(0);
    },
  );
});
