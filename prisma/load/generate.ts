// Synthetic load for the overview's scale target: N provinces, about M assignments, generated
// (not copied from the seeds) and written with multi-row INSERT … SELECT FROM unnest(…) batches
// of 10,000 rows inside one transaction. PostgreSQL only (node-postgres).
//
// Shape of the data (all relative to LOAD_TODAY, which the bench uses as APP_TODAY):
// - provinces share the assignments unevenly (Zipf, s = 1: the first, Hà Nội, gets about a fifth);
// - per province ~40 agencies (20 departments, police and military, front bodies, two media, CDC,
//   8–14 districts) and the usual groups; Sở Y tế carries most health directives, so the largest
//   province's Sở Y tế has well over ten thousand tasks;
// - notices issued 2020-02 … 2022-06 (TB, CV, KH, CT, QĐ, CĐ; a few without issue date but with a
//   meeting date; 2% still drafts), 4–25 directives each, with deadlines of DOMAIN.md's kinds
//   (about 45% without a date: none, ongoing, recurring);
// - assignments: single leads, lead + supports, and whole groups (districts, departments,
//   committee members); states and completion days giving on-time, late, overdue, in-progress
//   and no-deadline mixes that drift with age; 3% approved extensions (originalDueOn kept),
//   1% pending ones;
// - one AuditLog row per notice ("notice.create", synthetic), nothing ever updated or deleted;
// - a chairman per province (password printed) for the bench.
import pg from "pg";
import { provinceCode } from "@/lib/agencies/sync-registry";
import { hashPassword } from "@/lib/auth/password";
import { directiveSearchText, noticeSearchText, searchFold } from "@/lib/notices/search-fold";
import { addDays, daysBetween, endOfMonth, formatDay, vietnamDateTime } from "@/lib/time/calendar";
import {
  DEPARTMENTS,
  FORCES,
  FRONT,
  OPENERS,
  OTHERS,
  PROVINCES,
  TASKS,
  TITLES,
  districtsOf,
  mediaOf,
  type AgencySpec,
} from "./names";
import type { AssignmentState } from "@/lib/assignments/state";
import { seededRandom } from "../seeded-random";

export const LOAD_TODAY = "2022-06-30";
export const LOAD_PASSWORD = "taiphong@2022";
const FIRST_DAY = "2020-02-01";
const BATCH = 10_000;

export interface LoadOptions {
  provinces: number;
  assignments: number;
  seed: number;
  log?: (line: string) => void;
}

export interface LoadResult {
  provinces: number;
  agencies: number;
  notices: number;
  directives: number;
  assignments: number;
  extensions: number;
  chairmen: string[];
  seconds: number;
}

/** Buffers rows column by column and flushes them with one INSERT … SELECT FROM unnest(…). */
class Batch {
  private cols: unknown[][];
  rows = 0;
  constructor(
    private readonly client: pg.ClientBase,
    private readonly table: string,
    private readonly columns: [name: string, type: string][],
  ) {
    this.cols = columns.map(() => []);
  }
  add(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.cols[i]!.push(values[i]);
    this.rows++;
  }
  async flush(): Promise<void> {
    if (this.rows === 0) return;
    const names = this.columns.map(([n]) => `"${n}"`).join(", ");
    const params = this.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
    await this.client.query(`INSERT INTO "${this.table}" (${names}) SELECT * FROM unnest(${params})`, this.cols);
    this.cols = this.columns.map(() => []);
    this.rows = 0;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
/** The last day of the month containing `day`. */
const monthEnd = (day: string) => {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return endOfMonth(y, m);
};

interface Deadline {
  kind: string;
  dueOn: string | null;
  phrase: string | null;
  recurrence: string | null;
  milestone: string | null;
  urgent: boolean;
}

function deadlineFor(issued: string, r: () => number): Deadline {
  const x = r();
  const base = { recurrence: null, milestone: null, urgent: false };
  if (x < 0.3) return { ...base, kind: "none", dueOn: null, phrase: null };
  if (x < 0.4) {
    const word = ["thường xuyên", "khẩn trương", "kịp thời", "ngay"][Math.floor(r() * 4)]!;
    return { ...base, kind: "ongoing", dueOn: null, phrase: word, urgent: word === "khẩn trương" || word === "ngay" };
  }
  if (x < 0.44) {
    const weekly = r() < 0.5;
    return {
      ...base,
      kind: "recurring",
      dueOn: null,
      phrase: weekly ? "hằng tuần" : "định kỳ hằng tháng",
      recurrence: weekly ? "weekly" : "monthly",
    };
  }
  if (x < 0.69) {
    const due = addDays(issued, 3 + Math.floor(r() * 43));
    return { ...base, kind: "exact", dueOn: due, phrase: `chậm nhất ngày ${formatDay(due)}` };
  }
  if (x < 0.77) {
    const due = addDays(issued, 2 + Math.floor(r() * 30));
    return { ...base, kind: "before", dueOn: due, phrase: `trước ngày ${formatDay(addDays(due, 1))}` };
  }
  if (x < 0.85) {
    const due = monthEnd(addDays(issued, Math.floor(r() * 60)));
    return { ...base, kind: "month", dueOn: due, phrase: `trong tháng ${due.slice(5, 7)}/${due.slice(0, 4)}` };
  }
  if (x < 0.91) {
    const n = [3, 5, 7, 10, 15][Math.floor(r() * 5)]!;
    return {
      ...base,
      kind: "within_days",
      dueOn: addDays(issued, n),
      phrase: `trong vòng ${pad(n)} ngày kể từ ngày ký`,
    };
  }
  if (x < 0.95) {
    const [y, m] = issued.split("-").map(Number) as [number, number];
    const q = Math.floor((m - 1) / 3) + 1;
    const due = endOfMonth(y, q * 3);
    return { ...base, kind: "quarter", dueOn: due, phrase: `trong quý ${["I", "II", "III", "IV"][q - 1]}/${y}` };
  }
  if (x < 0.98) {
    const due = addDays(issued, 10 + Math.floor(r() * 40));
    return {
      ...base,
      kind: "milestone",
      dueOn: due,
      phrase: `phấn đấu đến ngày ${formatDay(due)} đạt 50% kế hoạch`,
      milestone: "50% kế hoạch",
    };
  }
  const due = addDays(issued, 7 + Math.floor(r() * 21));
  return { ...base, kind: "until_end", dueOn: due, phrase: `đến hết ngày ${formatDay(due)}` };
}

interface Outcome {
  state: AssignmentState;
  completedOn: string | null;
}

const clampDay = (d: string, min: string, max: string) => (d < min ? min : d > max ? max : d);

/** A plausible state at LOAD_TODAY: old tasks mostly done (most on time), recent ones open. */
function outcomeFor(issued: string, dueOn: string | null, r: () => number): Outcome {
  const today = LOAD_TODAY;
  const open = (): Outcome => {
    const y = r();
    if (y < 0.1)
      return { state: "submitted", completedOn: clampDay(addDays(today, -Math.floor(r() * 10)), issued, today) };
    return { state: y < 0.55 ? "in_progress" : "not_started", completedOn: null };
  };
  if (dueOn === null) {
    const age = daysBetween(issued, today);
    if (r() < Math.min(0.65, (age / 365) * 0.6))
      return { state: "completed", completedOn: clampDay(addDays(issued, 5 + Math.floor(r() * 120)), issued, today) };
    return open();
  }
  if (dueOn < today) {
    const age = daysBetween(dueOn, today);
    if (r() < 0.55 + 0.4 * Math.min(1, age / 180)) {
      if (r() < 0.78)
        return { state: "completed", completedOn: clampDay(addDays(dueOn, -Math.floor(r() * 10)), issued, dueOn) };
      return {
        state: "completed",
        completedOn: clampDay(addDays(dueOn, 1 + Math.floor(r() * 90)), addDays(dueOn, 1), today),
      };
    }
    return open();
  }
  if (r() < 0.35 && issued <= today)
    return {
      state: "completed",
      completedOn: clampDay(addDays(issued, Math.floor(r() * (daysBetween(issued, today) + 1))), issued, today),
    };
  return open();
}

interface ProvinceAgencies {
  ids: Map<string, number>; // name → id
  departments: number[];
  forces: number[];
  districts: number[];
  members: number[];
  others: number[];
  syt: number;
  groups: { districts: number; departments: number; members: number };
}

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A department other than Sở Y tế, the low-numbered ones more often (Zipf-like). */
function someDepartment(p: ProvinceAgencies, r: () => number): number {
  const pool = [...p.departments.slice(1), ...p.forces];
  return pool[Math.min(pool.length - 1, Math.floor(pool.length * r() * r()))]!;
}

type Role = "lead" | "support";

/** Who gets a directive: [agencyId, role, viaGroupId][]. */
function assigneesFor(p: ProvinceAgencies, r: () => number): [number, Role, number | null][] {
  const x = r();
  const out = new Map<number, [number, Role, number | null]>();
  const add = (id: number, role: Role, via: number | null = null) => {
    if (!out.has(id)) out.set(id, [id, role, via]);
  };
  if (x < 0.3) {
    add(r() < 0.6 ? p.syt : someDepartment(p, r), "lead");
  } else if (x < 0.5) {
    add(r() < 0.5 ? p.syt : someDepartment(p, r), "lead");
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) add(r() < 0.2 ? pick(p.others, r) : someDepartment(p, r), "support");
  } else if (x < 0.72) {
    if (r() < 0.5) add(p.syt, "lead");
    for (const id of p.districts) add(id, out.size > 0 && out.has(p.syt) ? "support" : "lead", p.groups.districts);
  } else if (x < 0.85) {
    for (const id of [...p.departments, ...p.forces]) add(id, "lead", p.groups.departments);
  } else {
    for (const id of p.members) add(id, "lead", p.groups.members);
  }
  return [...out.values()];
}

export async function generateLoad(databaseUrl: string, options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? console.log;
  const started = Date.now();
  const r = seededRandom(options.seed);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "Province")::int + (SELECT count(*) FROM "Assignment")::int AS n`,
    );
    if (existing.rows[0]!.n > 0) {
      throw new Error("Cơ sở dữ liệu đã có dữ liệu: hãy nạp vào một cơ sở dữ liệu trống (ví dụ createdb bench1m).");
    }
    const nProvinces = options.provinces;
    const weights = Array.from({ length: nProvinces }, (_, i) => 1 / (i + 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    const targets = weights.map((w) => Math.floor((options.assignments * w) / sum));
    targets[0]! += options.assignments - targets.reduce((a, b) => a + b, 0);

    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    // The generated rows satisfy every foreign key by construction (checked below, after the
    // load); skipping the per-row FK triggers makes the load ~3× faster. Superuser only: anyone
    // else loads with the checks on.
    let checksOff = false;
    await client.query("SAVEPOINT replica");
    try {
      await client.query("SET LOCAL session_replication_role = replica");
      checksOff = true;
    } catch {
      await client.query("ROLLBACK TO SAVEPOINT replica");
      log("  (per-row foreign-key checks stay on: not a superuser; slower)");
    }
    const passwordHash = await hashPassword(LOAD_PASSWORD);

    let noticeId = 0;
    let directiveId = 0;
    let assignmentId = 0;
    let extensionId = 0;
    let agencyCount = 0;
    const chairmen: string[] = [];

    const notices = new Batch(client, "Notice", [
      ["id", "int"],
      ["provinceId", "int"],
      ["kind", `"NoticeKind"`],
      ["number", "text"],
      ["issuer", "text"],
      ["place", "text"],
      ["issuedOn", "date"],
      ["issuedPrecision", `"DatePrecision"`],
      ["title", "text"],
      ["meetingOn", "date"],
      ["chair", "text"],
      ["signer", "text"],
      ["sourceText", "text"],
      ["searchText", "text"],
      ["status", `"NoticeStatus"`],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
      ["publishedAt", "timestamptz"],
    ]);
    const directives = new Batch(client, "Directive", [
      ["id", "int"],
      ["noticeId", "int"],
      ["ref", "text"],
      ["text", "text"],
      ["position", "int"],
      ["urgent", "bool"],
      ["deadlineKind", `"DeadlineKind"`],
      ["dueOn", "date"],
      ["deadlinePhrase", "text"],
      ["recurrence", `"Recurrence"`],
      ["milestoneTarget", "text"],
      ["searchText", "text"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ]);
    const assignments = new Batch(client, "Assignment", [
      ["id", "int"],
      ["directiveId", "int"],
      ["noticeId", "int"],
      ["agencyId", "int"],
      ["provinceId", "int"],
      ["role", `"AssignmentRole"`],
      ["viaGroupId", "int"],
      ["state", `"AssignmentState"`],
      ["dueOn", "date"],
      ["startedAt", "timestamptz"],
      ["submittedAt", "timestamptz"],
      ["completedOn", "date"],
      ["confirmedAt", "timestamptz"],
      ["createdAt", "timestamptz"],
      ["updatedAt", "timestamptz"],
    ]);
    const extensions = new Batch(client, "ExtensionRequest", [
      ["id", "int"],
      ["assignmentId", "int"],
      ["originalDueOn", "date"],
      ["requestedDueOn", "date"],
      ["reason", "text"],
      ["status", `"ExtensionStatus"`],
      ["decidedAt", "timestamptz"],
      ["createdAt", "timestamptz"],
    ]);
    const audits = new Batch(client, "AuditLog", [
      ["provinceId", "int"],
      ["action", "text"],
      ["entityType", "text"],
      ["entityId", "int"],
      ["after", "jsonb"],
      ["createdAt", "timestamptz"],
    ]);

    // Parents before children: the foreign keys are checked at each statement.
    const flushAll = async () => {
      for (const b of [notices, directives, assignments, extensions, audits]) await b.flush();
    };
    const span = daysBetween(FIRST_DAY, LOAD_TODAY);
    // An instant in Vietnam per day and hour, made once: a zoned date costs tens of microseconds,
    // and a million assignments ask for a few million of them over some thousand distinct days.
    const instants = new Map<string, string>();
    const at = (day: string, hour = 9) => {
      const key = `${day}T${hour}`;
      let instant = instants.get(key);
      if (instant === undefined) instants.set(key, (instant = vietnamDateTime(day, hour)));
      return instant;
    };
    let lastReport = Date.now();

    for (let pi = 0; pi < nProvinces; pi++) {
      const name =
        pi < PROVINCES.length
          ? PROVINCES[pi]!
          : `${PROVINCES[pi % PROVINCES.length]!} ${Math.floor(pi / PROVINCES.length) + 1}`;
      const code = provinceCode(name);
      const prov = await client.query<{ id: number }>(
        `INSERT INTO "Province" ("name", "code") VALUES ($1, $2) RETURNING id`,
        [name, code],
      );
      const provinceId = prov.rows[0]!.id;

      const specs: AgencySpec[] = [
        ...DEPARTMENTS,
        ...FORCES,
        ...FRONT,
        ...mediaOf(name),
        ...OTHERS,
        ...districtsOf(8 + Math.floor(r() * 7), r),
      ];
      const inserted = await client.query<{ id: number; name: string }>(
        // The folded short name too (the board's search): the load runs with the triggers off.
        `INSERT INTO "Agency" ("provinceId", "name", "shortName", "kind", "searchShortName", "updatedAt") SELECT $1, *, now() FROM unnest($2::text[], $3::text[], $4::"AgencyKind"[], $5::text[]) RETURNING id, "name"`,
        [
          provinceId,
          specs.map((s) => s.name),
          specs.map((s) => s.shortName),
          specs.map((s) => s.kind),
          specs.map((s) => searchFold(s.shortName)),
        ],
      );
      agencyCount += inserted.rowCount ?? 0;
      const ids = new Map(inserted.rows.map((row) => [row.name, row.id]));
      const idsOf = (xs: AgencySpec[]) => xs.map((s) => ids.get(s.name)!);
      const districtSpecs = specs.filter((s) => s.kind === "district");
      const groupRows = await client.query<{ id: number; name: string }>(
        `INSERT INTO "AgencyGroup" ("provinceId", "name", "updatedAt") SELECT $1, *, now() FROM unnest($2::text[]) RETURNING id, "name"`,
        [provinceId, ["UBND các huyện, thị xã, thành phố", "Các sở, ban, ngành", "Thành viên Ban Chỉ đạo tỉnh"]],
      );
      const [gDistricts, gDepartments, gMembers] = groupRows.rows.map((g) => g.id) as [number, number, number];
      const p: ProvinceAgencies = {
        ids,
        departments: idsOf(DEPARTMENTS),
        forces: idsOf(FORCES),
        districts: idsOf(districtSpecs),
        members: idsOf([...DEPARTMENTS, ...FORCES, ...FRONT, ...mediaOf(name)]),
        others: idsOf([...OTHERS, ...FRONT]),
        syt: ids.get("Sở Y tế")!,
        groups: { districts: gDistricts, departments: gDepartments, members: gMembers },
      };
      const memberRows: [number, number][] = [
        ...p.districts.map((a) => [gDistricts, a] as [number, number]),
        ...[...p.departments, ...p.forces].map((a) => [gDepartments, a] as [number, number]),
        ...p.members.map((a) => [gMembers, a] as [number, number]),
      ];
      await client.query(
        `INSERT INTO "AgencyGroupMember" ("groupId", "agencyId") SELECT * FROM unnest($1::int[], $2::int[])`,
        [memberRows.map((m) => m[0]), memberRows.map((m) => m[1])],
      );
      const username = `${code.replace(/-/g, "")}.chutich`;
      await client.query(
        `INSERT INTO "User" ("username", "name", "passwordHash", "role", "provinceId", "updatedAt") VALUES ($1, $2, $3, 'chairman', $4, now())`,
        [username, `Chủ tịch UBND tỉnh ${name}`, passwordHash, provinceId],
      );
      chairmen.push(username);

      let remaining = targets[pi]!;
      let serial = 1;
      while (remaining > 0) {
        noticeId++;
        const issued = addDays(FIRST_DAY, Math.floor(r() * (span + 1)));
        const kindRoll = r();
        const kind =
          kindRoll < 0.5
            ? "TB"
            : kindRoll < 0.75
              ? "CV"
              : kindRoll < 0.83
                ? "KH"
                : kindRoll < 0.88
                  ? "CT"
                  : kindRoll < 0.95
                    ? "QD"
                    : "CD";
        const noDate = r() < 0.05;
        const draft = r() < 0.02;
        const number = noDate ? null : `${serial++}/${kind === "QD" ? "QĐ" : kind === "CD" ? "CĐ" : kind}-UBND`;
        const title = pick(TITLES, r);
        const nDirectives = 4 + Math.floor(r() * 22);
        const lines: string[] = [`UBND TỈNH ${name.toUpperCase()}`, `Số: ${number ?? "   "}`, title, ""];
        const created = at(issued);
        for (let k = 1; k <= nDirectives && remaining > 0; k++) {
          directiveId++;
          const dl = deadlineFor(issued, r);
          const text = `${pick(OPENERS, r)} các cơ quan, đơn vị ${pick(TASKS, r)}${dl.phrase ? `, ${dl.phrase}` : ""}.`;
          lines.push(`${k}. ${text}`);
          directives.add(
            directiveId,
            noticeId,
            String(k),
            text,
            k,
            dl.urgent,
            dl.kind,
            dl.dueOn,
            dl.phrase,
            dl.recurrence,
            dl.milestone,
            directiveSearchText({ text, ref: String(k), deadlinePhrase: dl.phrase }, { number, title }),
            created,
            created,
          );
          let who = assigneesFor(p, r);
          if (who.length > remaining) who = who.slice(0, remaining);
          remaining -= who.length;
          for (const [agencyId, role, via] of who) {
            assignmentId++;
            let dueOn = dl.dueOn;
            const extRoll = r();
            if (dueOn !== null && extRoll < 0.03) {
              const extended = addDays(dueOn, 7 + Math.floor(r() * 24));
              extensionId++;
              extensions.add(
                extensionId,
                assignmentId,
                dueOn,
                extended,
                "Cần thêm thời gian để hoàn thành.",
                "approved",
                at(addDays(dueOn, -1), 15),
                at(addDays(dueOn, -2), 10),
              );
              dueOn = extended;
            }
            const o = outcomeFor(issued, dueOn, r);
            if (
              dueOn !== null &&
              extRoll >= 0.03 &&
              extRoll < 0.04 &&
              o.state !== "completed" &&
              o.state !== "submitted"
            ) {
              extensionId++;
              extensions.add(
                extensionId,
                assignmentId,
                dueOn,
                addDays(dueOn > LOAD_TODAY ? dueOn : LOAD_TODAY, 14),
                "Đề nghị gia hạn do dịch diễn biến phức tạp.",
                "pending",
                null,
                at(LOAD_TODAY, 8),
              );
            }
            const startedAt = o.state === "not_started" ? null : at(addDays(issued, 1), 8);
            const submittedAt = o.completedOn ? at(o.completedOn, 16) : null;
            const confirmedAt =
              o.state === "completed" ? at(clampDay(addDays(o.completedOn!, 2), o.completedOn!, LOAD_TODAY), 10) : null;
            assignments.add(
              assignmentId,
              directiveId,
              noticeId,
              agencyId,
              provinceId,
              role,
              via,
              o.state,
              dueOn,
              startedAt,
              submittedAt,
              o.completedOn,
              confirmedAt,
              created,
              confirmedAt ?? created,
            );
          }
        }
        notices.add(
          noticeId,
          provinceId,
          kind,
          number,
          `UBND tỉnh ${name}`,
          name,
          noDate ? null : issued,
          noDate ? "unknown" : "day",
          title,
          noDate || r() < 0.5 ? addDays(issued, -1) : null,
          `Chủ tịch UBND tỉnh ${name}`,
          "Chánh Văn phòng",
          lines.join("\n"),
          noticeSearchText({ number, title, issuer: `UBND tỉnh ${name}`, sourceText: lines.join("\n") }),
          draft ? "draft" : "published",
          created,
          created,
          draft ? null : created,
        );
        audits.add(
          provinceId,
          "notice.create",
          "Notice",
          noticeId,
          JSON.stringify({ synthetic: true, directives: nDirectives }),
          created,
        );
        if (assignments.rows >= BATCH) await flushAll();
        if (Date.now() - lastReport > 5000) {
          lastReport = Date.now();
          log(
            `  … ${assignmentId.toLocaleString("en")} assignments (${name}), ${((Date.now() - started) / 1000).toFixed(0)} s`,
          );
        }
      }
    }
    await flushAll();
    if (checksOff) {
      await client.query("SET LOCAL session_replication_role = origin");
      const orphans = await client.query<{ n: number }>(`SELECT
        (SELECT count(*) FROM "Assignment" a WHERE NOT EXISTS (SELECT 1 FROM "Directive" d WHERE d.id = a."directiveId"))::int +
        (SELECT count(*) FROM "Assignment" a WHERE NOT EXISTS (SELECT 1 FROM "Agency" g WHERE g.id = a."agencyId" AND g."provinceId" = a."provinceId"))::int +
        (SELECT count(*) FROM "Assignment" a WHERE NOT EXISTS (SELECT 1 FROM "Directive" d WHERE d.id = a."directiveId" AND d."noticeId" = a."noticeId"))::int +
        (SELECT count(*) FROM "Directive" d WHERE NOT EXISTS (SELECT 1 FROM "Notice" n WHERE n.id = d."noticeId"))::int +
        (SELECT count(*) FROM "ExtensionRequest" e WHERE NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a.id = e."assignmentId"))::int AS n`);
      if (orphans.rows[0]!.n !== 0) throw new Error(`generator bug: ${orphans.rows[0]!.n} rows without their parent`);
    }
    for (const table of ["Notice", "Directive", "Assignment", "ExtensionRequest"]) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max(id) FROM "${table}"), 1))`,
      );
    }
    // The rows went in with the triggers off: the overview's running totals are counted once here.
    log("  AssignmentTally …");
    await client.query("SELECT assignment_tally_rebuild()");
    log("  COMMIT …");
    await client.query("COMMIT");
    // VACUUM as well: a database in service has its visibility map set by autovacuum, which lets the
    // overview read its indexes alone (index-only scans); right after a bulk load nothing is set yet.
    log("  VACUUM (ANALYZE) …");
    await client.query("VACUUM (ANALYZE)");
    return {
      provinces: nProvinces,
      agencies: agencyCount,
      notices: noticeId,
      directives: directiveId,
      assignments: assignmentId,
      extensions: extensionId,
      chairmen,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
