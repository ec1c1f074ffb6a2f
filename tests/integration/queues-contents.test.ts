import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerExplanation, requestExplanation } from "@/lib/assignments/explanations";
import { submitCompletion } from "@/lib/assignments/workflow";
import { createNotice } from "@/lib/notices/create";
import { queuesFor, type QueueKind } from "@/lib/queues/queues";
import { createWorkflowFixture, fixedClock, type WorkflowFixture } from "@/tests/helpers/workflow-fixture";

// What each list of the queue holds, exactly: the tasks of a few notices made here with due days
// in March 2030 (far from the demo data's 2021), on a given day and after a given last visit.
//   agency staff: "due within 7 days", "new tasks since the last visit";
//   chairman:     "newly overdue since his last visit";
//   secretariat:  "explanations received" since the last visit.

let f: WorkflowFixture;
beforeAll(async () => {
  f = await createWorkflowFixture();
});
afterAll(async () => {
  await f?.t.drop();
});

const p = () => f.t.prisma;
const version = async (id: number) =>
  (await p().assignment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const at = (day: string, time = "10:00:00") => new Date(`${day}T${time}+07:00`);

/** A notice with one directive per entry; returns the assignments' ids by ref. */
async function notice(
  number: string,
  directives: { ref: string; agency: string; dueOn: string | null }[],
  status: "draft" | "published" = "published",
): Promise<Record<string, number>> {
  const sec = await f.user("longan.vanphong");
  const noticeId = await createNotice(
    p(),
    sec,
    f.provinceId,
    {
      draft: {
        notice: {
          kind: "TB",
          number,
          issuer: "UBND tỉnh Long An",
          place: "Long An",
          issuedOn: "2030-03-01",
          issuedPrecision: "day",
          title: `Thông báo ${number}`,
          meetingOn: null,
          chair: null,
          signer: null,
          signingFormula: null,
          recipients: [],
          citations: [],
        },
        directives: directives.map((d) => ({
          ref: d.ref,
          text: `${d.agency} thực hiện việc ${d.ref}.`,
          urgent: false,
          deadline: d.dueOn
            ? {
                kind: "exact" as const,
                dueOn: d.dueOn,
                dueAt: null,
                phrase: `chậm nhất ngày ${d.dueOn}`,
                startOn: null,
                recurrence: null,
                target: null,
              }
            : {
                kind: "ongoing" as const,
                dueOn: null,
                dueAt: null,
                phrase: "thường xuyên",
                startOn: null,
                recurrence: null,
                target: null,
              },
          assignments: [{ agency: d.agency, role: "lead" as const, viaGroup: null, isNew: false }],
        })),
      },
      sourceText: number,
    },
    { status, createNewAgencies: false },
  );
  const rows = await p().assignment.findMany({
    where: { directive: { noticeId } },
    select: { id: true, directive: { select: { ref: true } } },
  });
  return Object.fromEntries(rows.map((r) => [r.directive.ref, r.id]));
}

async function list(username: string, kind: QueueKind, today: string, now: Date): Promise<number[]> {
  const sections = await queuesFor(p(), await f.user(username), today, now, { open: kind });
  const s = sections.find((x) => x.kind === kind)!;
  expect(s.total).toBe(s.items.length);
  return s.items.map((i) => i.assignmentId);
}

async function lastVisit(username: string, when: Date | null) {
  const u = await f.user(username);
  await p().user.update({ where: { id: u.id }, data: { queueSeenAt: when } });
}

describe("agency staff: due within 7 days", () => {
  it("lists its own open tasks due from today to today + 7, soonest first, and no others", async () => {
    const t = await notice("1/TB-Q", [
      { ref: "yesterday", agency: "Sở Y tế", dueOn: "2030-03-09" },
      { ref: "today", agency: "Sở Y tế", dueOn: "2030-03-10" },
      { ref: "in7", agency: "Sở Y tế", dueOn: "2030-03-17" },
      { ref: "in8", agency: "Sở Y tế", dueOn: "2030-03-18" },
      { ref: "in3", agency: "Sở Y tế", dueOn: "2030-03-13" },
      { ref: "reported", agency: "Sở Y tế", dueOn: "2030-03-12" },
      { ref: "police", agency: "Công an tỉnh", dueOn: "2030-03-12" },
      { ref: "ongoing", agency: "Sở Y tế", dueOn: null },
    ]);
    const draft = await notice("2/TB-Q", [{ ref: "draft", agency: "Sở Y tế", dueOn: "2030-03-11" }], "draft");
    const syt = await f.user("longan.syt");
    await submitCompletion(
      p(),
      syt,
      { assignmentId: t.reported!, version: await version(t.reported!), text: "Xong.", completedOn: "2030-03-08" },
      fixedClock("2030-03-08"),
    );

    const due = await list("longan.syt", "dueSoon", "2030-03-10", at("2030-03-10"));
    expect(due).toEqual([t.today, t.in3, t.in7]);
    expect(due).not.toContain(draft.draft);
    const sections = await queuesFor(p(), syt, "2030-03-10", at("2030-03-10"));
    expect(sections.find((s) => s.kind === "dueSoon")!.items.map((i) => i.days)).toEqual([0, 3, 7]);
    // Công an tỉnh's staff see their own one only.
    expect(await list("longan.congan", "dueSoon", "2030-03-10", at("2030-03-10"))).toEqual([t.police]);
    // A day later, today's task is overdue and the one due in 8 days comes in.
    expect(await list("longan.syt", "dueSoon", "2030-03-11", at("2030-03-11"))).toEqual([t.in3, t.in7, t.in8]);
  });
});

describe("agency staff: new tasks since the last visit", () => {
  it("lists the own tasks of notices published after the last visit, not earlier ones, drafts or others'", async () => {
    const before = await notice("3/TB-Q", [{ ref: "old", agency: "Sở Y tế", dueOn: null }]);
    await new Promise((r) => setTimeout(r, 20));
    const seen = new Date();
    await lastVisit("longan.syt", seen);
    await lastVisit("longan.congan", seen);
    await new Promise((r) => setTimeout(r, 20));
    const fresh = await notice("4/TB-Q", [
      { ref: "a", agency: "Sở Y tế", dueOn: "2030-04-01" },
      { ref: "b", agency: "Sở Y tế", dueOn: null },
      { ref: "c", agency: "Công an tỉnh", dueOn: null },
    ]);
    const draft = await notice("5/TB-Q", [{ ref: "d", agency: "Sở Y tế", dueOn: null }], "draft");

    const mine = await list("longan.syt", "newTasks", "2030-03-10", new Date());
    expect(mine.sort((x, y) => x - y)).toEqual([fresh.a!, fresh.b!].sort((x, y) => x - y));
    expect(mine).not.toContain(before.old);
    expect(mine).not.toContain(draft.d);
    expect(await list("longan.congan", "newTasks", "2030-03-10", new Date())).toEqual([fresh.c]);

    // After the next visit nothing is new any more.
    await lastVisit("longan.syt", new Date());
    expect(await list("longan.syt", "newTasks", "2030-03-10", new Date())).toEqual([]);
  });
});

describe("chairman: newly overdue since his last visit", () => {
  it("lists the unfinished tasks whose due day passed between the last visit and today", async () => {
    const t = await notice("6/TB-Q", [
      { ref: "beforeVisit", agency: "Sở Y tế", dueOn: "2030-05-04" },
      { ref: "visitDay", agency: "Sở Y tế", dueOn: "2030-05-05" },
      { ref: "between", agency: "Công an tỉnh", dueOn: "2030-05-07" },
      { ref: "yesterday", agency: "Sở Y tế", dueOn: "2030-05-09" },
      { ref: "today", agency: "Sở Y tế", dueOn: "2030-05-10" },
      { ref: "done", agency: "Sở Y tế", dueOn: "2030-05-08" },
      { ref: "reported", agency: "Sở Y tế", dueOn: "2030-05-08" },
    ]);
    const syt = await f.user("longan.syt");
    const sec = await f.user("longan.vanphong");
    for (const ref of ["done", "reported"] as const)
      await submitCompletion(
        p(),
        syt,
        { assignmentId: t[ref]!, version: await version(t[ref]!), text: "Xong.", completedOn: "2030-05-06" },
        fixedClock("2030-05-06"),
      );
    const { confirmCompletion } = await import("@/lib/assignments/workflow");
    await confirmCompletion(p(), sec, { assignmentId: t.done!, version: await version(t.done!) });

    // Last visit on 05/05 (in the evening): due on 05/05 was not yet overdue then.
    await lastVisit("longan.chutich", at("2030-05-05", "20:00:00"));
    const overdue = await list("longan.chutich", "newlyOverdue", "2030-05-10", at("2030-05-10"));
    // A reported result not yet confirmed still counts as not finished.
    expect(overdue).toEqual([t.visitDay, t.between, t.reported, t.yesterday]);

    // Having looked on 09/05, only what fell due on 09/05 is new.
    await lastVisit("longan.chutich", at("2030-05-09", "08:00:00"));
    expect(await list("longan.chutich", "newlyOverdue", "2030-05-10", at("2030-05-10"))).toEqual([t.yesterday]);
  });
});

describe("secretariat: explanations received since the last visit", () => {
  it("lists the answers given after the last visit, not older ones nor those still awaited", async () => {
    const t = await notice("7/TB-Q", [
      { ref: "old", agency: "Sở Y tế", dueOn: "2030-06-01" },
      { ref: "new", agency: "Công an tỉnh", dueOn: "2030-06-01" },
      { ref: "pending", agency: "Sở Y tế", dueOn: "2030-06-01" },
    ]);
    const chair = await f.user("longan.chutich");
    const ask = async (id: number) =>
      (
        await requestExplanation(
          p(),
          chair,
          { assignmentId: id, version: await version(id), message: "Đề nghị giải trình.", workingDays: 5 },
          fixedClock("2030-06-03"),
        )
      ).explanationId;
    const [old, fresh] = [await ask(t.old!), await ask(t.new!)];
    await ask(t.pending!);
    await answerExplanation(
      p(),
      await f.user("longan.syt"),
      { explanationId: old, answer: "Giải trình cũ." },
      fixedClock("2030-06-04"),
    );
    await answerExplanation(
      p(),
      await f.user("longan.congan"),
      { explanationId: fresh, answer: "Chờ kinh phí." },
      fixedClock("2030-06-06"),
    );

    // Last visit on 05/06 at 10:00, between the two answers (given at 09:00 on 04/06 and on 06/06).
    await lastVisit("longan.vanphong", at("2030-06-05"));
    const sections = await queuesFor(p(), await f.user("longan.vanphong"), "2030-06-07", at("2030-06-07"), {
      open: "explanationsAnswered",
    });
    const s = sections.find((x) => x.kind === "explanationsAnswered")!;
    expect(s.items.map((i) => i.assignmentId)).toEqual([t.new]);
    expect(s.total).toBe(1);
    expect(s.items[0]!.note).toBe("Chờ kinh phí.");

    // Looking back further, both answers, newest first; never the one still awaited.
    await lastVisit("longan.vanphong", at("2030-06-01"));
    expect(await list("longan.vanphong", "explanationsAnswered", "2030-06-07", at("2030-06-07"))).toEqual([
      t.new,
      t.old,
    ]);
  });
});
