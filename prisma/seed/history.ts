import type { Clock } from "@/lib/assignments/workflow-core";
import { decideExtension, requestExtension } from "@/lib/assignments/extensions";
import { answerExplanation, requestExplanation } from "@/lib/assignments/explanations";
import {
  confirmCompletion,
  reportProgress,
  returnCompletion,
  startAssignment,
  submitCompletion,
} from "@/lib/assignments/workflow";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { addDays, fromIsoDay, toIsoDay, VIETNAM_UTC_OFFSET_MS } from "@/lib/time/calendar";
import { onClock } from "@/lib/time/today";
import { addWorkingDays } from "@/lib/time/working-days";
import { REPORT_TEXTS, RETURN_REASONS, EXTENSION_REASONS, EXPLANATION_ANSWERS } from "./history-texts";
import { seededRandom } from "../seeded-random";

// The demo's history: over the seed notices, the agencies start their tasks, report with
// evidence, submit results that the secretariat confirms (on time or late) or returns; they ask
// for extensions that the chairman grants (sometimes to another date) or refuses; overdue ones
// are asked to explain and answer, or not; ongoing tasks are reported month after month, with
// gaps. Every step goes through the same workflow service a person's click goes through, on a
// clock set to the step's day and hour, so the audit trail, the notifications and every figure
// read as the province's own history up to DEMO_TODAY.
//
// The outcomes are drawn from a pseudo-random sequence seeded by the assignment's place in the
// list, so every run plays the same history.

/** The day the demo is shown on: after the last seed notice's deadlines, Tết 2022 just over. */
export const DEMO_TODAY = "2022-02-10";

/** The day each seed notice was entered and published (its meeting or issue day, plus one). */
export const DEMO_PUBLISHED_ON: Record<string, string> = {
  "000_ec265b00dddae054.txt": "2021-09-07",
  "001_86011e207e7bcac3.txt": "2021-08-31",
  "002_8df910bebcacd667.txt": "2021-05-31",
  "003_01c405e6d66fb90f.txt": "2021-11-16",
  "004_a956b0c17b9e6422.txt": "2022-01-12",
};

/** A clock fixed to `day` at `minutes` after midnight in Vietnam. */
export function clockAt(day: string, minutes: number): Clock {
  const at = new Date(fromIsoDay(day).getTime() + minutes * 60_000 - VIETNAM_UTC_OFFSET_MS);
  return { today: () => day, now: () => new Date(at) };
}

/**
 * The workflow services open their own transactions; inside the seed's one transaction they run
 * in it instead (a transaction's client cannot open another).
 */
function asDb(tx: Tx): Db {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "$transaction") return (fn: (t: Tx) => Promise<unknown>) => fn(target);
      return Reflect.get(target, prop, receiver) as unknown;
    },
  }) as unknown as Db;
}

interface Actors {
  secretariat: SessionUser;
  chairman: SessionUser;
  staffOf: Map<number, SessionUser>;
}

interface Task {
  id: number;
  agencyId: number;
  role: "lead" | "support";
  dueOn: string | null;
  publishedOn: string;
  shortName: string;
}

export interface HistoryCounts {
  steps: number;
  confirmed: number;
  returned: number;
  extensions: number;
  explanations: number;
  reports: number;
}

/** Plays the history of every published seed notice of the demo provinces; returns what it did. */
export async function playDemoHistory(tx: Tx, today = DEMO_TODAY): Promise<HistoryCounts> {
  const db = asDb(tx);
  const counts: HistoryCounts = { steps: 0, confirmed: 0, returned: 0, extensions: 0, explanations: 0, reports: 0 };
  const provinces = await tx.province.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } });
  for (const province of provinces) {
    const actors = await actorsOf(tx, province.id, province.name);
    if (!actors) continue;
    const tasks = await tasksOf(tx, province.id);
    const reliability = new Map<number, number>();
    for (const task of tasks) {
      const rand = seededRandom(task.id * 7919 + 17);
      if (!reliability.has(task.agencyId))
        reliability.set(task.agencyId, 0.45 + seededRandom(task.agencyId * 31)() * 0.5);
      const staff = actors.staffOf.get(task.agencyId);
      if (!staff) continue;
      const play = new TaskPlay(db, tx, task, staff, actors, rand, today, counts);
      await play.run(reliability.get(task.agencyId)!);
    }
  }
  await settleInboxes(tx, today);
  return counts;
}

/** The secretariat, the chairman and one staff account of each agency of the province. */
async function actorsOf(tx: Tx, provinceId: number, provinceName: string): Promise<Actors | null> {
  const users = await tx.user.findMany({
    where: { provinceId, active: true, role: { in: ["secretariat", "chairman", "agency_staff"] } },
    select: { id: true, username: true, name: true, role: true, agencies: { select: { agencyId: true } } },
    orderBy: { id: "asc" },
  });
  const session = (u: (typeof users)[number]): SessionUser => ({
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    provinceId,
    provinceName,
    agencyIds: u.agencies.map((a) => a.agencyId),
  });
  const secretariat = users.find((u) => u.role === "secretariat");
  const chairman = users.find((u) => u.role === "chairman");
  if (!secretariat || !chairman) return null;
  const staffOf = new Map<number, SessionUser>();
  for (const u of users) {
    if (u.role !== "agency_staff") continue;
    for (const a of u.agencies) if (!staffOf.has(a.agencyId)) staffOf.set(a.agencyId, session(u));
  }
  return { secretariat: session(secretariat), chairman: session(chairman), staffOf };
}

async function tasksOf(tx: Tx, provinceId: number): Promise<Task[]> {
  const rows = await tx.assignment.findMany({
    where: { provinceId, directive: { notice: { status: "published" } } },
    select: {
      id: true,
      agencyId: true,
      role: true,
      dueOn: true,
      agency: { select: { shortName: true } },
      directive: { select: { notice: { select: { createdAt: true } } } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agencyId,
    role: r.role,
    dueOn: r.dueOn ? toIsoDay(r.dueOn) : null,
    publishedOn: vietnamDayOf(r.directive.notice.createdAt),
    shortName: r.agency.shortName,
  }));
}

function vietnamDayOf(at: Date): string {
  return toIsoDay(new Date(at.getTime() + VIETNAM_UTC_OFFSET_MS));
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

/** Whole days from a to b. */
function daysBetween(a: string, b: string): number {
  return Math.round((fromIsoDay(b).getTime() - fromIsoDay(a).getTime()) / 86_400_000);
}

/** Month starts from the month of `from` to the month of `to`. */
function monthsBetween(from: string, to: string): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  for (;;) {
    const start = `${y}-${String(m).padStart(2, "0")}-01`;
    if (start.slice(0, 7) > endKey) break;
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    out.push({ start, end: addDays(next, -1) });
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

/** One assignment's history, step by step, each step on its own day and hour. */
class TaskPlay {
  private version = 1;

  constructor(
    private readonly db: Db,
    private readonly tx: Tx,
    private readonly task: Task,
    private readonly staff: SessionUser,
    private readonly actors: Actors,
    private readonly rand: () => number,
    private readonly today: string,
    private readonly counts: HistoryCounts,
  ) {}

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  /** A day between a and b (both included), never after today. */
  private dayIn(a: string, b: string): string {
    const end = minDay(b, this.today);
    if (end <= a) return minDay(a, this.today);
    return addDays(a, Math.floor(this.rand() * (daysBetween(a, end) + 1)));
  }

  private evidence(day: string): { evidenceNumber?: string; evidenceDate?: string } {
    if (this.rand() < 0.35) return {};
    const n = 20 + Math.floor(this.rand() * 900);
    const kind = this.pick(["BC", "KH", "CV", "TB"]);
    return { evidenceNumber: `${n}/${kind}-${this.task.shortName}`, evidenceDate: day };
  }

  private async step<T>(day: string, fn: (clock: Clock) => Promise<T>): Promise<T> {
    const clock = clockAt(day, 7 * 60 + 30 + Math.floor(this.rand() * 9 * 60));
    const result = await onClock(clock, () => fn(clock));
    this.counts.steps++;
    const row = await this.tx.assignment.findUniqueOrThrow({
      where: { id: this.task.id },
      select: { version: true },
    });
    this.version = row.version;
    return result;
  }

  private start(day: string) {
    return this.step(day, (c) =>
      startAssignment(this.db, this.staff, { assignmentId: this.task.id, version: this.version }, c),
    );
  }

  private async report(day: string) {
    this.counts.reports++;
    return this.step(day, (c) =>
      reportProgress(
        this.db,
        this.staff,
        { assignmentId: this.task.id, version: this.version, text: this.pick(REPORT_TEXTS), ...this.evidence(day) },
        c,
      ),
    );
  }

  private submit(day: string) {
    return this.step(day, (c) =>
      submitCompletion(
        this.db,
        this.staff,
        {
          assignmentId: this.task.id,
          version: this.version,
          text: this.pick(REPORT_TEXTS),
          completedOn: day,
          ...this.evidence(day),
        },
        c,
      ),
    );
  }

  private confirm(day: string) {
    this.counts.confirmed++;
    return this.step(day, (c) =>
      confirmCompletion(this.db, this.actors.secretariat, { assignmentId: this.task.id, version: this.version }, c),
    );
  }

  private async giveBack(day: string) {
    this.counts.returned++;
    // The return reads its day from the scoped clock (it takes none of its own).
    return this.step(day, () =>
      returnCompletion(this.db, this.actors.secretariat, {
        assignmentId: this.task.id,
        version: this.version,
        reason: this.pick(RETURN_REASONS),
      }),
    );
  }

  private async askExtension(day: string, requestedDueOn: string): Promise<number> {
    this.counts.extensions++;
    const result = await this.step(day, (c) =>
      requestExtension(
        this.db,
        this.staff,
        {
          assignmentId: this.task.id,
          version: this.version,
          requestedDueOn,
          reason: this.pick(EXTENSION_REASONS),
        },
        c,
      ),
    );
    return result.extensionId;
  }

  private decide(day: string, extensionId: number, decision: "approve" | "refuse", grantedDueOn?: string) {
    const note =
      decision === "refuse"
        ? "Nhiệm vụ cấp bách, đề nghị khẩn trương hoàn thành theo thời hạn đã giao."
        : grantedDueOn
          ? "Đồng ý gia hạn đến ngày khác ngày đề nghị để kịp tổng hợp báo cáo Ban Chỉ đạo."
          : undefined;
    return this.step(day, (c) =>
      decideExtension(
        this.db,
        this.actors.chairman,
        { extensionId, version: this.version, decision, grantedDueOn, note },
        c,
      ),
    );
  }

  private async askExplanation(day: string): Promise<{ id: number; replyDueOn: string; workingDays: number }> {
    this.counts.explanations++;
    const workingDays = this.pick([3, 5]);
    const by = this.rand() < 0.6 ? this.actors.chairman : this.actors.secretariat;
    const result = await this.step(day, (c) =>
      requestExplanation(
        this.db,
        by,
        {
          assignmentId: this.task.id,
          version: this.version,
          message:
            "Đề nghị báo cáo, giải trình rõ nguyên nhân chậm thực hiện nhiệm vụ và đề xuất thời gian hoàn thành.",
          workingDays,
        },
        c,
      ),
    );
    return { id: result.explanationId, replyDueOn: addWorkingDays(day, workingDays), workingDays };
  }

  private answer(day: string, explanationId: number) {
    return this.step(day, (c) =>
      answerExplanation(this.db, this.staff, { explanationId, answer: this.pick(EXPLANATION_ANSWERS) }, c),
    );
  }

  /** Submits on `day` and lets the secretariat confirm a few days later (if that is not after today). */
  private async submitAndConfirm(day: string, confirmAfter = 1 + Math.floor(this.rand() * 3)) {
    await this.submit(day);
    const confirmDay = addDays(day, confirmAfter);
    if (confirmDay <= this.today) await this.confirm(confirmDay);
  }

  async run(reliability: number): Promise<void> {
    const { today } = this;
    const published = this.task.publishedOn;
    if (published >= today) return;
    const support = this.task.role === "support";
    // Some never start; supporters more often stay quiet.
    if (this.rand() < (support ? 0.3 : 0.12)) return;
    const started = this.dayIn(addDays(published, 1), addDays(published, 6));
    if (started >= today) return;
    await this.start(started);
    if (this.task.dueOn) await this.withDeadline(started, this.task.dueOn, reliability);
    else await this.ongoing(started, reliability);
  }

  private async withDeadline(started: string, due: string, reliability: number): Promise<void> {
    const { today } = this;
    if (due >= today) return this.notYetDue(started, due);
    const r = this.rand();
    const beforeDue = (lo: number) => this.dayIn(maxDay(started, addDays(due, -lo)), due);
    if (r < 0.1 + reliability * 0.3) {
      // On time, confirmed.
      if (this.rand() < 0.5) await this.report(this.dayIn(started, addDays(due, -2)));
      return this.submitAndConfirm(beforeDue(6));
    }
    if (r < 0.46) {
      // Late: confirmed, or reported in the last days and waiting for the secretariat.
      if (this.rand() < 0.3) return void (await this.submit(this.dayIn(addDays(today, -5), today)));
      return this.submitAndConfirm(this.dayIn(addDays(due, 2), addDays(due, 25)));
    }
    if (r < 0.53) {
      // Returned for more, resubmitted, then confirmed.
      const first = beforeDue(4);
      await this.submit(first);
      const back = addDays(first, 1 + Math.floor(this.rand() * 2));
      if (back > today) return;
      await this.giveBack(back);
      const again = addDays(back, 2 + Math.floor(this.rand() * 6));
      if (again > today) return;
      return this.submitAndConfirm(again);
    }
    if (r < 0.58) {
      // Returned, not resubmitted yet.
      const first = this.dayIn(addDays(due, -3), addDays(today, -8));
      await this.submit(first);
      return void (await this.giveBack(addDays(first, 1)));
    }
    if (r < 0.68) {
      // Asked for more time before the deadline; granted, as asked or to another date.
      const asked = this.dayIn(maxDay(started, addDays(due, -4)), addDays(due, -1));
      if (asked <= started || asked >= due) return this.overdue(due);
      const requested = addDays(due, 7 + Math.floor(this.rand() * 15));
      const extensionId = await this.askExtension(asked, requested);
      const decideDay = addDays(asked, 1);
      const other = this.rand() < 0.4 ? addDays(requested, this.pick([-4, -3, 5, 7])) : undefined;
      const granted = other && other > decideDay && other > due ? other : undefined;
      await this.decide(decideDay, extensionId, "approve", granted);
      const newDue = granted ?? requested;
      if (newDue < today) return this.submitAndConfirm(this.dayIn(addDays(decideDay, 1), newDue));
      return void (await this.report(this.dayIn(addDays(decideDay, 1), today)));
    }
    if (r < 0.74) {
      // Asked for more time; refused; finished late.
      const asked = this.dayIn(maxDay(started, addDays(due, -3)), addDays(due, -1));
      if (asked <= started || asked >= due) return this.overdue(due);
      const extensionId = await this.askExtension(asked, addDays(due, 20));
      await this.decide(addDays(asked, 1), extensionId, "refuse");
      return this.submitAndConfirm(this.dayIn(addDays(due, 3), addDays(due, 15)));
    }
    if (r < 0.8) {
      // Overdue, now asking for more time: the request waits for the chairman.
      const asked = this.dayIn(addDays(today, -3), addDays(today, -1));
      return void (await this.askExtension(asked, addDays(today, 14 + Math.floor(this.rand() * 14))));
    }
    return this.overdue(due);
  }

  /** Still open after the deadline; the chairman or the secretariat often asks why. */
  private async overdue(due: string): Promise<void> {
    const { today } = this;
    if (this.rand() < 0.4) await this.report(this.dayIn(addDays(due, -5), addDays(due, 10)));
    if (this.rand() > 0.8) return;
    const asked = this.dayIn(addDays(due, 3), addDays(due, 20));
    if (asked >= today) return;
    const request = await this.askExplanation(asked);
    const r = this.rand();
    if (r < 0.5) {
      const answered = this.dayIn(addDays(asked, 1), request.replyDueOn);
      if (answered <= today) await this.answer(answered, request.id);
    } else if (r < 0.65) {
      const late = addDays(request.replyDueOn, 2 + Math.floor(this.rand() * 4));
      if (late <= today) await this.answer(late, request.id);
    }
    // Otherwise it is still waiting (and flagged once its reply day has passed).
  }

  /** A deadline still ahead: working on it, some reported done, some asking for more time. */
  private async notYetDue(started: string, due: string): Promise<void> {
    const { today } = this;
    const r = this.rand();
    if (r < 0.15) return this.submitAndConfirm(this.dayIn(started, today), 2);
    if (r < 0.3) return void (await this.submit(this.dayIn(addDays(today, -4), today)));
    if (r < 0.4 && daysBetween(today, due) <= 10) {
      return void (await this.askExtension(this.dayIn(addDays(today, -3), today), addDays(due, 10)));
    }
    if (r < 0.8) await this.report(this.dayIn(started, today));
  }

  /** No deadline: a report each month (the province's period), kept or missed; a few are finished. */
  private async ongoing(started: string, reliability: number): Promise<void> {
    const { today } = this;
    const r = this.rand();
    if (r < 0.08) {
      // Finished and confirmed.
      await this.report(this.dayIn(addDays(started, 5), addDays(started, 40)));
      const done = this.dayIn(addDays(started, 20), addDays(today, -3));
      if (done > started) return this.submitAndConfirm(done);
      return;
    }
    if (r < 0.13) {
      // Reported done in the last days: waiting for the secretariat.
      const done = this.dayIn(addDays(today, -6), today);
      if (done > started) return void (await this.submit(done));
      return;
    }
    const months = monthsBetween(started, today).slice(-5);
    for (const m of months) {
      const current = m.end >= today;
      const p = current ? reliability * 0.55 : reliability;
      if (this.rand() >= p) continue;
      const from = maxDay(m.start, addDays(started, 1));
      const day = this.dayIn(current ? from : maxDay(from, addDays(m.end, -12)), m.end);
      if (day <= started) continue;
      await this.report(day);
    }
  }
}

/**
 * The demo's people have read what reached them before the last week, and last opened their
 * queue three days ago: the inbox and the queue then show what is recent, as they would.
 */
async function settleInboxes(tx: Tx, today: string): Promise<void> {
  const weekAgo = clockAt(addDays(today, -7), 0).now();
  const lastVisit = clockAt(addDays(today, -3), 17 * 60).now();
  await tx.notification.updateMany({
    where: { readAt: null, createdAt: { lt: weekAgo } },
    data: { readAt: lastVisit },
  });
  await tx.user.updateMany({ where: { queueSeenAt: null }, data: { queueSeenAt: lastVisit } });
}
