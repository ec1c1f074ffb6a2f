import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideExtension, reportProgress, requestExtension } from "@/lib/assignments/workflow";
import { loadSessionUser } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { useDbForTests } from "@/lib/db/client";
import { createNotice } from "@/lib/notices/create";
import type { Deadline } from "@/lib/notices/draft";
import { addDirectiveAgencies, changeAssignmentRole, removeDirectiveAgency, updateDirective } from "@/lib/notices/edit";
import { noticeEditView } from "@/lib/notices/edit-history";
import { addDirective, publishNotice, removeDirective } from "@/lib/notices/edit-structure";
import {
  addDirectiveAction,
  loadDirectiveEditorAction,
  loadNoticeRegistryAction,
  changeAssignmentRoleAction,
  removeDirectiveAgencyAction,
  updateDirectiveAction,
} from "@/lib/notices/edit-actions";
import { StaleDirectiveError, StaleNoticeError, type NoticeEditResult } from "@/lib/notices/edit-types";
import { seedDemo } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { signInAs } from "@/tests/helpers/test-session";
import { fixedClock } from "@/tests/helpers/workflow-fixture";

// The secretariat edits a notice's directives, agencies and deadlines, on the demo data's Long An
// notice 875 and on directives added for each test. Every test checks what is stored, not only
// what is returned.

let t: TestDatabase;
let sec: SessionUser;
let noticeId: number;
let provinceId: number;
const clock = fixedClock("2021-07-05");

const user = async (username: string): Promise<SessionUser> =>
  (await loadSessionUser(
    t.prisma,
    (await t.prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id,
  ))!;

const exact = (dueOn: string, phrase: string): Deadline => ({
  kind: "exact",
  dueOn,
  dueAt: null,
  phrase,
  startOn: null,
  recurrence: null,
  target: null,
});

async function directive(id: number) {
  return t.prisma.directive.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      version: true,
      ref: true,
      text: true,
      urgent: true,
      dueOn: true,
      deadlinePhrase: true,
      deadlineKind: true,
      assignments: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          agencyId: true,
          role: true,
          dueOn: true,
          version: true,
          viaGroupId: true,
          agency: { select: { name: true } },
        },
      },
    },
  });
}

async function byRef(ref: string) {
  const row = await t.prisma.directive.findFirstOrThrow({ where: { noticeId, ref }, select: { id: true } });
  return directive(row.id);
}

/** Everything an edit could write: rows, versions, due dates, audit. */
async function snapshot() {
  const p = t.prisma;
  return {
    directives: await p.directive.findMany({
      orderBy: { id: "asc" },
      select: { id: true, version: true, text: true, ref: true, dueOn: true, deadlinePhrase: true },
    }),
    assignments: await p.assignment.findMany({
      orderBy: { id: "asc" },
      select: { id: true, role: true, dueOn: true, version: true },
    }),
    notices: await p.notice.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true } }),
    audit: await p.auditLog.count(),
  };
}

async function auditOf(action: string, entityId: number) {
  return t.prisma.auditLog.findMany({
    where: { action, entityId },
    orderBy: { id: "asc" },
    select: { actorId: true, provinceId: true, before: true, after: true },
  });
}

let seq = 0;
/** A fresh directive of notice 875 for one test: Sở Y tế leads, Công an tỉnh supports, due 10/07/2021. */
async function freshDirective(agencies = ["Sở Y tế", "Công an tỉnh"]) {
  const r = await addDirective(t.prisma, sec, {
    noticeId,
    ref: `KT.${++seq}`,
    text: `Nhiệm vụ kiểm thử số ${seq}`,
    urgent: false,
    deadline: exact("2021-07-10", "chậm nhất ngày 10/7/2021"),
    agencies: agencies.slice(0, 1),
    role: "lead",
  });
  const d = r.directive!;
  if (agencies.length > 1) {
    const added = await addDirectiveAgencies(t.prisma, sec, {
      directiveId: d.id,
      version: d.version,
      agencies: agencies.slice(1),
      role: "support",
    });
    return added.directive;
  }
  return d;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.prisma, () => {});
  sec = await user("longan.vanphong");
  const notice = await t.prisma.notice.findFirstOrThrow({
    where: { number: "875/TB-VPUBND" },
    select: { id: true, provinceId: true },
  });
  noticeId = notice.id;
  provinceId = notice.provinceId;
});

afterAll(async () => {
  await t?.drop();
});

describe("updateDirective", () => {
  it("stores text, reference, urgency and deadline, moves the assignments' due dates and records before and after", async () => {
    const d = await byRef("II.6");
    expect(d.dueOn).toBeNull();
    const r = await updateDirective(t.prisma, sec, {
      directiveId: d.id,
      version: d.version,
      ref: "II.6",
      text: `${d.text} (bổ sung)`,
      urgent: true,
      deadline: exact("2021-09-30", "chậm nhất ngày 30/9/2021 (Văn phòng điều chỉnh)"),
    });
    expect(r.changed).toBe(true);
    expect(r.directive.version).toBe(d.version + 1);
    const stored = await directive(d.id);
    expect(stored).toMatchObject({
      version: d.version + 1,
      urgent: true,
      deadlineKind: "exact",
      deadlinePhrase: "chậm nhất ngày 30/9/2021 (Văn phòng điều chỉnh)",
    });
    expect(stored.text.endsWith("(bổ sung)")).toBe(true);
    expect(stored.dueOn?.toISOString().slice(0, 10)).toBe("2021-09-30");
    expect(stored.assignments.map((a) => a.dueOn?.toISOString().slice(0, 10))).toEqual(["2021-09-30", "2021-09-30"]);
    expect(stored.assignments.map((a, i) => a.version - d.assignments[i]!.version)).toEqual([1, 1]);

    const [row] = await auditOf("directive.update", d.id);
    expect(row).toMatchObject({
      actorId: sec.id,
      provinceId,
      before: { noticeId, deadline: null, urgent: false, text: d.text },
      after: { noticeId, urgent: true, rescheduled: 2, keptExtensions: 0 },
    });
    expect((row!.after as { deadline: Deadline }).deadline).toMatchObject({
      dueOn: "2021-09-30",
      phrase: "chậm nhất ngày 30/9/2021 (Văn phòng điều chỉnh)",
    });
    const moved = await t.prisma.auditLog.findMany({
      where: { action: "assignment.reschedule", entityId: { in: d.assignments.map((a) => a.id) } },
      select: { before: true, after: true },
    });
    expect(moved).toHaveLength(2);
    expect(moved[0]).toMatchObject({
      before: { dueOn: null },
      after: { dueOn: "2021-09-30", noticeId, directiveId: d.id },
    });
  });

  it("keeps the date of an agency's approved extension when the deadline changes", async () => {
    const d = await freshDirective();
    const [syt, ca] = [
      d.assignments.find((a) => a.agencyName === "Sở Y tế")!,
      d.assignments.find((a) => a.agencyName === "Công an tỉnh")!,
    ];
    const asked = await requestExtension(
      t.prisma,
      await user("longan.syt"),
      { assignmentId: syt.id, version: 1, requestedDueOn: "2021-07-20", reason: "Chờ sinh phẩm" },
      clock,
    );
    await decideExtension(
      t.prisma,
      sec,
      { extensionId: asked.extensionId, version: asked.assignment.version, decision: "approve" },
      clock,
    );
    const current = await directive(d.id);

    await updateDirective(t.prisma, sec, {
      directiveId: d.id,
      version: current.version,
      ref: d.ref,
      text: d.text,
      urgent: false,
      deadline: exact("2021-07-15", "chậm nhất ngày 15/7/2021"),
    });
    const stored = await directive(d.id);
    const due = Object.fromEntries(stored.assignments.map((a) => [a.agency.name, a.dueOn?.toISOString().slice(0, 10)]));
    expect(due).toEqual({ "Sở Y tế": "2021-07-20", "Công an tỉnh": "2021-07-15" });
    expect(stored.dueOn?.toISOString().slice(0, 10)).toBe("2021-07-15");
    const [row] = await auditOf("directive.update", d.id);
    expect(row!.after).toMatchObject({ rescheduled: 1, keptExtensions: 1 });
    expect(await t.prisma.auditLog.count({ where: { action: "assignment.reschedule", entityId: ca.id } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { action: "assignment.reschedule", entityId: syt.id } })).toBe(0);
  });

  it("changes nothing and writes no audit row when nothing was changed", async () => {
    const d = await freshDirective(["Sở Y tế"]);
    const before = await snapshot();
    const r = await updateDirective(t.prisma, sec, {
      directiveId: d.id,
      version: d.version,
      ref: d.ref,
      text: d.text,
      urgent: d.urgent,
      deadline: d.deadline,
    });
    expect(r.changed).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});

describe("agencies of a directive", () => {
  it("adds a group as its members, each with the directive's due date, skipping those already assigned", async () => {
    const d = await freshDirective(["Sở Y tế"]);
    const group = await t.prisma.agencyGroup.findFirstOrThrow({
      where: { provinceId, name: { contains: "huyện" } },
      select: { id: true, name: true, _count: { select: { members: true } } },
    });
    const r = await addDirectiveAgencies(t.prisma, sec, {
      directiveId: d.id,
      version: d.version,
      agencies: [group.name, "Sở Y tế"],
      role: "support",
    });
    expect(r.directive.version).toBe(d.version + 1);
    const stored = await directive(d.id);
    expect(stored.assignments).toHaveLength(1 + group._count.members);
    const added = stored.assignments.filter((a) => a.agency.name !== "Sở Y tế");
    expect(
      added.every(
        (a) =>
          a.role === "support" && a.viaGroupId === group.id && a.dueOn?.toISOString().slice(0, 10) === "2021-07-10",
      ),
    ).toBe(true);
    const rows = await t.prisma.auditLog.findMany({
      where: { action: "assignment.create", entityId: { in: added.map((a) => a.id) } },
      select: { after: true },
    });
    expect(rows).toHaveLength(group._count.members);
    expect(rows[0]!.after).toMatchObject({
      noticeId,
      directiveId: d.id,
      role: "support",
      viaGroup: group.name,
      dueOn: "2021-07-10",
    });
  });

  it("refuses unknown names and agencies already assigned, storing nothing", async () => {
    const d = await freshDirective(["Sở Y tế"]);
    const before = await snapshot();
    const unknown = addDirectiveAgencies(t.prisma, sec, {
      directiveId: d.id,
      version: d.version,
      agencies: ["Sở Không Tồn Tại"],
      role: "lead",
    });
    await expect(unknown).rejects.toThrow(ValidationError);
    await expect(unknown).rejects.toThrow(
      "Không tìm thấy “Sở Không Tồn Tại” trong danh mục cơ quan, nhóm cơ quan của tỉnh.",
    );
    await expect(
      addDirectiveAgencies(t.prisma, sec, {
        directiveId: d.id,
        version: d.version,
        agencies: ["Sở Y tế"],
        role: "lead",
      }),
    ).rejects.toThrow("Các cơ quan đã chọn đều đã được giao nhiệm vụ này.");
    // An agency of another province is not in this province's registry.
    await expect(
      addDirectiveAgencies(t.prisma, sec, {
        directiveId: d.id,
        version: d.version,
        agencies: ["UBND huyện Văn Lãng"],
        role: "lead",
      }),
    ).rejects.toThrow(ValidationError);
    expect(await snapshot()).toEqual(before);
  });

  it("removes an agency that has not reported; the audit row keeps what it was", async () => {
    const d = await freshDirective();
    const ca = d.assignments.find((a) => a.agencyName === "Công an tỉnh")!;
    const r = await removeDirectiveAgency(t.prisma, sec, {
      directiveId: d.id,
      version: d.version,
      assignmentIds: [ca.id],
    });
    expect(r.directive.assignments.map((a) => a.agencyName)).toEqual(["Sở Y tế"]);
    expect(await t.prisma.assignment.count({ where: { id: ca.id } })).toBe(0);
    const [row] = await auditOf("assignment.delete", ca.id);
    expect(row).toMatchObject({
      actorId: sec.id,
      before: {
        noticeId,
        directiveId: d.id,
        agencyName: "Công an tỉnh",
        role: "support",
        dueOn: "2021-07-10",
        state: "not_started",
      },
    });
  });

  it("refuses to remove an agency that has reported, with a clear message, and changes nothing", async () => {
    const d = await freshDirective();
    const syt = d.assignments.find((a) => a.agencyName === "Sở Y tế")!;
    await reportProgress(
      t.prisma,
      await user("longan.syt"),
      { assignmentId: syt.id, version: 1, text: "Đã triển khai 3 đội truy vết" },
      clock,
    );
    const current = await directive(d.id);
    const before = await snapshot();
    const refused = removeDirectiveAgency(t.prisma, sec, {
      directiveId: d.id,
      version: current.version,
      assignmentIds: [syt.id],
    });
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toThrow(
      "Không thể bỏ Sở Y tế khỏi nhiệm vụ này vì đơn vị đã báo cáo hoặc đã hoàn thành; kết quả thực hiện cần được giữ lại. Có thể đổi vai trò thay vì bỏ.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("changes a role and records it", async () => {
    const d = await freshDirective();
    const ca = d.assignments.find((a) => a.agencyName === "Công an tỉnh")!;
    const r = await changeAssignmentRole(t.prisma, sec, {
      directiveId: d.id,
      version: d.version,
      assignmentIds: [ca.id],
      role: "lead",
    });
    expect(r.directive.assignments.every((a) => a.role === "lead")).toBe(true);
    expect((await directive(d.id)).version).toBe(d.version + 1);
    const [row] = await auditOf("assignment.role", ca.id);
    expect(row).toMatchObject({
      before: { role: "support" },
      after: { role: "lead", agencyName: "Công an tỉnh", noticeId },
    });
  });
});

describe("directives of a notice, and publication", () => {
  it("adds a directive at the end with its agencies, and records it", async () => {
    const before = await t.prisma.notice.findUniqueOrThrow({
      where: { id: noticeId },
      select: { version: true, _count: { select: { directives: true } } },
    });
    const r = await addDirective(t.prisma, sec, {
      noticeId,
      ref: "II.9",
      text: "Sở Y tế tổ chức tiêm vắc xin lưu động.",
      urgent: true,
      deadline: exact("2021-10-15", "trong ngày 15/10/2021"),
      agencies: ["Sở Y tế"],
      role: "lead",
    });
    expect(r.notice).toMatchObject({ version: before.version + 1, directiveCount: before._count.directives + 1 });
    const stored = await directive(r.directive!.id);
    expect(stored.assignments.map((a) => [a.agency.name, a.role, a.dueOn?.toISOString().slice(0, 10)])).toEqual([
      ["Sở Y tế", "lead", "2021-10-15"],
    ]);
    const [row] = await auditOf("directive.create", stored.id);
    expect(row!.after).toMatchObject({ noticeId, ref: "II.9", urgent: true });
  });

  it("removes a directive nobody reported on, and refuses one that has a report", async () => {
    const d = await freshDirective();
    await removeDirective(t.prisma, sec, { directiveId: d.id, version: d.version });
    expect(await t.prisma.directive.count({ where: { id: d.id } })).toBe(0);
    expect(await t.prisma.assignment.count({ where: { directiveId: d.id } })).toBe(0);
    const [row] = await auditOf("directive.delete", d.id);
    expect(row!.before).toMatchObject({
      noticeId,
      text: d.text,
      agencies: [
        { agencyName: "Sở Y tế", role: "lead" },
        { agencyName: "Công an tỉnh", role: "support" },
      ],
    });

    const kept = await freshDirective();
    const ca = kept.assignments.find((a) => a.agencyName === "Công an tỉnh")!;
    await reportProgress(
      t.prisma,
      await user("longan.congan"),
      { assignmentId: ca.id, version: 1, text: "Đã lập chốt" },
      clock,
    );
    const before = await snapshot();
    await expect(removeDirective(t.prisma, sec, { directiveId: kept.id, version: kept.version })).rejects.toThrow(
      "Không thể xóa nhiệm vụ này vì Công an tỉnh đã báo cáo hoặc đã hoàn thành; kết quả thực hiện cần được giữ lại.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("publishes a draft once; a stale or repeated publication is refused", async () => {
    const draftId = await createNotice(
      t.prisma,
      sec,
      provinceId,
      {
        sourceText: "Bản nháp kiểm thử",
        draft: {
          notice: {
            kind: "TB",
            number: null,
            issuer: "UBND tỉnh Long An",
            place: null,
            issuedOn: null,
            issuedPrecision: "unknown",
            title: "Bản nháp",
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
              text: "Sở Y tế báo cáo.",
              urgent: false,
              deadline: null,
              assignments: [{ agency: "Sở Y tế", role: "lead", viaGroup: null, isNew: false }],
            },
          ],
        },
      },
      { status: "draft", createNewAgencies: false },
    );
    // Agency staff do not see drafts at all.
    await expect(publishNotice(t.prisma, await user("longan.syt"), { noticeId: draftId, version: 1 })).rejects.toThrow(
      NotFoundError,
    );
    await expect(publishNotice(t.prisma, sec, { noticeId: draftId, version: 7 })).rejects.toThrow(StaleNoticeError);
    const r = await publishNotice(t.prisma, sec, { noticeId: draftId, version: 1 });
    expect(r.notice).toMatchObject({ status: "published", version: 2 });
    const stored = await t.prisma.notice.findUniqueOrThrow({
      where: { id: draftId },
      select: { status: true, publishedAt: true },
    });
    expect(stored.status).toBe("published");
    expect(stored.publishedAt).not.toBeNull();
    expect(await auditOf("notice.publish", draftId)).toMatchObject([
      { actorId: sec.id, before: { status: "draft" }, after: { status: "published" } },
    ]);
    await expect(publishNotice(t.prisma, sec, { noticeId: draftId, version: 2 })).rejects.toThrow(
      "Thông báo đã được ban hành trước đó.",
    );
  });
});

describe("permission: only the secretariat of the notice's province edits", () => {
  it("refuses the chairman, agency staff and another province's secretariat, storing nothing", async () => {
    const d = await freshDirective();
    const ca = d.assignments.find((a) => a.agencyName === "Công an tỉnh")!;
    const before = await snapshot();
    const attempts = (actor: SessionUser) => [
      updateDirective(t.prisma, actor, {
        directiveId: d.id,
        version: d.version,
        ref: d.ref,
        text: "Sửa trái phép",
        urgent: false,
        deadline: null,
      }),
      addDirectiveAgencies(t.prisma, actor, {
        directiveId: d.id,
        version: d.version,
        agencies: ["Sở Tài chính"],
        role: "support",
      }),
      removeDirectiveAgency(t.prisma, actor, { directiveId: d.id, version: d.version, assignmentIds: [ca.id] }),
      changeAssignmentRole(t.prisma, actor, {
        directiveId: d.id,
        version: d.version,
        assignmentIds: [ca.id],
        role: "lead",
      }),
      removeDirective(t.prisma, actor, { directiveId: d.id, version: d.version }),
      addDirective(t.prisma, actor, {
        noticeId,
        ref: "X",
        text: "Trái phép",
        urgent: false,
        deadline: null,
        agencies: [],
        role: "lead",
      }),
    ];
    for (const [username, error] of [
      ["longan.chutich", ForbiddenError],
      ["longan.syt", ForbiddenError],
      ["longan.congan", ForbiddenError],
      ["langson.vanphong", NotFoundError],
    ] as const) {
      const results = await Promise.allSettled(attempts(await user(username)));
      for (const r of results) {
        expect(r.status, username).toBe("rejected");
        expect((r as PromiseRejectedResult).reason, username).toBeInstanceOf(error);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("concurrency: two edits from the same screen", () => {
  it("keeps the first, refuses the second with the directive as now stored", async () => {
    const d = await freshDirective();
    const base = { directiveId: d.id, version: d.version, ref: d.ref, urgent: false, deadline: d.deadline };
    await updateDirective(t.prisma, sec, { ...base, text: "Bản của người thứ nhất" });
    const before = await snapshot();
    const late = updateDirective(t.prisma, await user("longan.vanphong"), {
      ...base,
      text: "Bản của người thứ hai",
      deadline: exact("2021-08-01", "chậm nhất ngày 1/8/2021"),
    });
    await expect(late).rejects.toThrow("Chỉ đạo vừa được người khác sửa. Vui lòng xem bản mới trước khi sửa tiếp.");
    const error = (await late.catch((e: unknown) => e)) as StaleDirectiveError;
    expect(error).toBeInstanceOf(StaleDirectiveError);
    expect(error.current).toMatchObject({
      id: d.id,
      version: d.version + 1,
      text: "Bản của người thứ nhất",
      deadline: { dueOn: "2021-07-10" },
    });
    expect(await snapshot()).toEqual(before);
    // An agency change made on the same old screen is refused too.
    await expect(
      removeDirectiveAgency(t.prisma, sec, {
        directiveId: d.id,
        version: d.version,
        assignmentIds: [d.assignments[1]!.id],
      }),
    ).rejects.toThrow(StaleDirectiveError);
    expect(await snapshot()).toEqual(before);
  });

  it("at once: exactly one of two edits is stored, the other gets the conflict", async () => {
    const d = await freshDirective();
    const base = { directiveId: d.id, version: d.version, ref: d.ref, urgent: false };
    const results = await Promise.allSettled([
      updateDirective(t.prisma, sec, {
        ...base,
        text: "Bản A",
        deadline: exact("2021-07-20", "chậm nhất ngày 20/7/2021"),
      }),
      updateDirective(t.prisma, sec, {
        ...base,
        text: "Bản B",
        deadline: exact("2021-07-25", "chậm nhất ngày 25/7/2021"),
      }),
    ]);
    const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(StaleDirectiveError);
    const stored = await directive(d.id);
    expect((lost[0] as StaleDirectiveError).current.text).toBe(stored.text);
    expect(stored.text).toBe(won[0]!.directive.text);
    const due = stored.dueOn!.toISOString().slice(0, 10);
    expect(stored.assignments.every((a) => a.dueOn?.toISOString().slice(0, 10) === due)).toBe(true);
    expect(await t.prisma.auditLog.count({ where: { action: "directive.update", entityId: d.id } })).toBe(1);
  });
});

describe("invalid input through the editor's server actions: clear messages, nothing stored", () => {
  it("refuses impossible dates, empty text, unknown and malformed ids", async () => {
    useDbForTests(t.prisma);
    signInAs(sec);
    const d = await freshDirective();
    const before = await snapshot();
    const base = {
      directiveId: d.id,
      version: d.version,
      ref: d.ref,
      text: d.text,
      urgent: false,
      deadline: d.deadline,
    };
    const refused = async (r: Promise<NoticeEditResult>, field: string, message: string | RegExp) => {
      const result = await r;
      expect(result.ok, field).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe("invalid");
      expect(result.fieldErrors?.[field]?.[0], field).toMatch(message);
    };

    await refused(
      updateDirectiveAction({ ...base, deadline: exact("2021-02-30", "đến ngày 30/2/2021") }),
      "deadline.dueOn",
      "Ngày không tồn tại",
    );
    await refused(updateDirectiveAction({ ...base, text: "   " }), "text", "Nội dung nhiệm vụ không được để trống");
    await refused(
      updateDirectiveAction({ ...base, deadline: exact("2021-07-12", "") }),
      "deadline.phrase",
      "Cần giữ nguyên văn thời hạn",
    );
    await refused(updateDirectiveAction({ ...base, text: "Nội dung\u0000" }), "text", /ký tự điều khiển/);
    expect(await updateDirectiveAction({ ...base, directiveId: 2_000_000_000 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    await refused(updateDirectiveAction({ ...base, directiveId: "abc" }), "directiveId", "Mã chỉ đạo không hợp lệ.");
    await refused(updateDirectiveAction({ ...base, directiveId: "0x1CC" }), "directiveId", "Mã chỉ đạo không hợp lệ.");
    await refused(updateDirectiveAction({ ...base, version: undefined }), "version", /phiên bản/);
    await refused(updateDirectiveAction({ ...base, version: [d.version] }), "version", /Phiên bản/);
    await refused(
      removeDirectiveAgencyAction({ directiveId: d.id, version: d.version, assignmentIds: [] }),
      "assignmentIds",
      "Chưa chọn cơ quan.",
    );
    const other = await byRef("II.7");
    expect(
      await removeDirectiveAgencyAction({
        directiveId: d.id,
        version: d.version,
        assignmentIds: [other.assignments[0]!.id],
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
    await refused(
      changeAssignmentRoleAction({
        directiveId: d.id,
        version: d.version,
        assignmentIds: [d.assignments[0]!.id],
        role: "boss",
      }),
      "role",
      "Vui lòng chọn vai trò chủ trì hoặc phối hợp.",
    );
    expect(
      await addDirectiveAction({ noticeId: 2_000_000_000, ref: "X", text: "Nhiệm vụ", urgent: false, deadline: null }),
    ).toMatchObject({ ok: false, code: "not_found" });
    await refused(
      addDirectiveAction({ noticeId, ref: "X", text: "", urgent: false, deadline: null }),
      "text",
      "Nội dung nhiệm vụ không được để trống",
    );
    expect(await snapshot()).toEqual(before);
    signInAs(null);
  });
});

describe("the notice page's change list", () => {
  it("lists the changes after publication, newest first, with who and before → after, and marks the directives changed", async () => {
    const view = await noticeEditView(t.prisma, sec, noticeId);
    expect(view.canEdit).toBe(true);
    const ii6 = await byRef("II.6");
    const edit = view.changes.find((c) => c.title === "Sửa nhiệm vụ" && c.ref === "II.6");
    expect(edit).toMatchObject({ actorName: "Văn phòng UBND tỉnh Long An", directiveId: ii6.id });
    expect(edit!.lines).toContain(
      "Thời hạn: không có thời hạn → 30/09/2021 (“chậm nhất ngày 30/9/2021 (Văn phòng điều chỉnh)”)",
    );
    expect(edit!.lines).toContain("Hạn mới áp dụng cho 2 đơn vị.");
    expect(view.directives[ii6.id]!.adjustedAt).not.toBeNull();
    expect(view.directives[(await byRef("II.1")).id]!.adjustedAt).toBeNull();
    // A group added in one change reads as one entry.
    const groupAdd = view.changes.find((c) => c.title === "Giao thêm cơ quan" && c.lines[0]!.includes("thuộc"));
    expect(groupAdd!.lines).toHaveLength(1);
    // The notice's first entry is not a change; newest first.
    expect(view.changes.some((c) => c.ref === "II.1")).toBe(false);
    const ids = view.changes.map((c) => BigInt(c.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));

    const staff = await noticeEditView(t.prisma, await user("longan.syt"), noticeId);
    expect(staff).toMatchObject({ canEdit: false });
    expect(staff.changes.length).toBe(view.changes.length);
    await expect(noticeEditView(t.prisma, await user("langson.vanphong"), noticeId)).rejects.toThrow(NotFoundError);
  });
});

describe("the editor, loaded when “Sửa” is pressed", () => {
  it("gives the secretariat of the notice's province the directive as stored now and the registry; refuses everyone else", async () => {
    useDbForTests(t.prisma);
    const d = await freshDirective();
    signInAs(sec);
    const loaded = await loadDirectiveEditorAction({ directiveId: d.id });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.directive).toEqual(d);
    expect(loaded.registry.agencies).toContain("Sở Y tế");
    expect(loaded.registry.agencies).not.toContain("Sở Y tế tỉnh Lạng Sơn");
    expect(loaded.registry.groups.length).toBeGreaterThan(0);
    const added = await loadNoticeRegistryAction({ noticeId });
    expect(added).toMatchObject({ ok: true, registry: loaded.registry });

    // Changed since: the load answers what is stored now (the editor compares it with the version its page showed).
    await updateDirective(t.prisma, sec, {
      directiveId: d.id,
      version: d.version,
      ref: d.ref,
      text: "Nội dung đã sửa ở nơi khác",
      urgent: false,
      deadline: d.deadline,
    });
    const again = await loadDirectiveEditorAction({ directiveId: d.id });
    expect(again).toMatchObject({
      ok: true,
      directive: { version: d.version + 1, text: "Nội dung đã sửa ở nơi khác" },
    });

    const before = await snapshot();
    for (const [username, code] of [
      ["longan.chutich", "forbidden"],
      ["longan.syt", "forbidden"],
      ["longan.congan", "forbidden"],
      ["langson.vanphong", "not_found"],
    ] as const) {
      signInAs(await user(username));
      for (const r of [
        await loadDirectiveEditorAction({ directiveId: d.id }),
        await loadNoticeRegistryAction({ noticeId }),
      ]) {
        expect(r, username).toMatchObject({ ok: false, code });
        expect(JSON.stringify(r), username).not.toContain("Nội dung đã sửa ở nơi khác");
        expect(r, username).not.toHaveProperty("registry");
      }
    }
    signInAs(null);
    expect(await loadDirectiveEditorAction({ directiveId: d.id })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    signInAs(sec);
    expect(await loadDirectiveEditorAction({ directiveId: 2_000_000_000 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await loadDirectiveEditorAction({ directiveId: "abc" })).toMatchObject({ ok: false, code: "invalid" });
    // Reading changes nothing.
    expect(await snapshot()).toEqual(before);
    signInAs(null);
  });
});
