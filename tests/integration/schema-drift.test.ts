// schema.prisma and the migrated database must describe the same thing. Migrations are written
// by hand (Prisma's engine cannot be downloaded here), so this test is what stops them drifting:
// it reads the schema the way Prisma does (its DMMF, from Prisma's own schema parser compiled to
// WebAssembly, no native engine needed), introspects a database built by prisma/migrations, and
// lists every difference: models ↔ tables, fields ↔ columns (type, nullability, default), enums,
// primary keys, unique constraints, indexes and foreign keys, with Prisma's default names.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { wrapPGlite } from "@/lib/db/sql-client";
import { prismaSchemaEngine } from "@/tests/helpers/prisma-schema-engine";
import type { SqlQueryable } from "@/lib/db/sql-client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

// ─── The part of Prisma's DMMF this test reads ───

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}
interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

function loadDatamodel(schema: string): Datamodel {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as {
    datamodel: Datamodel;
  };
  return dmmf.datamodel;
}

// ─── What the database says ───

interface DbColumn {
  table: string;
  column: string;
  udt: string; // int4, text, timestamptz, _text, an enum's name…
  precision: number | null; // datetime precision
  nullable: boolean;
  default: string | null;
}
interface DbIndex {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
  desc: boolean[];
}
interface DbForeignKey {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}
interface DbSchema {
  tables: string[];
  columns: DbColumn[];
  enums: Map<string, string[]>;
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
  extensions: string[];
}

/** Indexes that need the pg_trgm extension: required where it is installed, absent otherwise. */
const TRIGRAM_INDEXES = ["Notice_searchText_trgm_idx", "Directive_searchText_trgm_idx"];

const ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

async function introspect(sql: SqlQueryable): Promise<DbSchema> {
  const tables = (
    await sql.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((t) => t.name);

  const columns = (
    await sql.query<{
      table: string;
      column: string;
      udt: string;
      precision: number | null;
      nullable: string;
      default: string | null;
    }>(
      `SELECT table_name AS "table", column_name AS "column", udt_name AS udt, datetime_precision AS precision,
              is_nullable AS nullable, column_default AS "default"
         FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    )
  ).map((c) => ({
    ...c,
    precision: c.precision === null ? null : Number(c.precision),
    nullable: c.nullable === "YES",
  }));

  const enums = new Map<string, string[]>();
  for (const row of await sql.query<{ name: string; label: string }>(
    `SELECT t.typname AS name, e.enumlabel AS label
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE t.typnamespace = current_schema()::regnamespace ORDER BY t.typname, e.enumsortorder`,
  )) {
    enums.set(row.name, [...(enums.get(row.name) ?? []), row.label]);
  }

  const indexes = (
    await sql.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string; desc: string }>(
      `SELECT t.relname AS "table", i.relname AS name, x.indisunique AS "unique", x.indisprimary AS "primary",
              (SELECT string_agg(a.attname, ',' ORDER BY k.n)
                 FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns,
              (SELECT string_agg(((o.opt & 1) = 1)::text, ',' ORDER BY o.n)
                 FROM unnest(x.indoption::int2[]) WITH ORDINALITY AS o(opt, n)) AS "desc"
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = current_schema()::regnamespace ORDER BY 1, 2`,
    )
  ).map((i) => ({ ...i, columns: i.columns.split(","), desc: i.desc.split(",").map((d) => d === "true") }));

  const foreignKeys = (
    await sql.query<{
      table: string;
      name: string;
      columns: string;
      refTable: string;
      refColumns: string;
      onDelete: string;
      onUpdate: string;
    }>(
      `SELECT t.relname AS "table", c.conname AS name, r.relname AS "refTable",
              c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate",
              (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
              (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS "refColumns"
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class r ON r.oid = c.confrelid
        WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace ORDER BY 1, 2`,
    )
  ).map((f) => ({
    ...f,
    columns: f.columns.split(","),
    refColumns: f.refColumns.split(","),
    onDelete: ACTIONS[f.onDelete] ?? f.onDelete,
    onUpdate: ACTIONS[f.onUpdate] ?? f.onUpdate,
  }));

  const extensions = (await sql.query<{ name: string }>(`SELECT extname AS name FROM pg_extension`)).map((e) => e.name);

  return { tables, columns, enums, indexes, foreignKeys, extensions };
}

// ─── What schema.prisma implies, with Prisma's PostgreSQL conventions ───

/** The column type Prisma's migrate creates for a field: udt_name, and precision for timestamps. */
function expectedType(
  field: DmmfField,
  enumDbName: (name: string) => string,
): { udt: string; precision: number | null } {
  const base = (): { udt: string; precision: number | null } => {
    if (field.kind === "enum") return { udt: enumDbName(field.type), precision: null };
    const [native, args = []] = field.nativeType ?? [];
    if (native) {
      const known: Record<string, { udt: string; precision: number | null }> = {
        Date: { udt: "date", precision: 0 },
        Timestamptz: { udt: "timestamptz", precision: Number(args[0] ?? 6) },
        Timestamp: { udt: "timestamp", precision: Number(args[0] ?? 6) },
        Text: { udt: "text", precision: null },
        Uuid: { udt: "uuid", precision: null },
        Integer: { udt: "int4", precision: null },
        BigInt: { udt: "int8", precision: null },
        SmallInt: { udt: "int2", precision: null },
        JsonB: { udt: "jsonb", precision: null },
        Json: { udt: "json", precision: null },
      };
      const type = known[native];
      // A native type this test does not know yet must be added here, not silently accepted.
      if (!type) throw new Error(`schema-drift test: teach expectedType() the native type @db.${native}`);
      return type;
    }
    const scalar: Record<string, { udt: string; precision: number | null }> = {
      Int: { udt: "int4", precision: null },
      BigInt: { udt: "int8", precision: null },
      String: { udt: "text", precision: null },
      Boolean: { udt: "bool", precision: null },
      DateTime: { udt: "timestamp", precision: 3 }, // Prisma's default: TIMESTAMP(3)
      Json: { udt: "jsonb", precision: null },
      Bytes: { udt: "bytea", precision: null },
      Float: { udt: "float8", precision: null },
      Decimal: { udt: "numeric", precision: null },
    };
    const type = scalar[field.type];
    if (!type) throw new Error(`schema-drift test: teach expectedType() the Prisma type ${field.type}`);
    return type;
  };
  const type = base();
  // information_schema reports an array's element type as udt "_<element>" and no precision.
  return field.isList ? { udt: `_${type.udt}`, precision: null } : type;
}

/** Whether the column's default expression is the one Prisma would write for the field's @default. */
function defaultMatches(field: DmmfField, actual: string | null): boolean {
  if (!field.hasDefaultValue || field.isUpdatedAt) return actual === null;
  if (actual === null) return false;
  const value = field.default;
  if (Array.isArray(value)) {
    return value.length === 0 ? /^ARRAY\[\]::/.test(actual) || actual === "'{}'::text[]" : actual.startsWith("ARRAY[");
  }
  if (value !== null && typeof value === "object" && "name" in value) {
    const fn = (value as { name: string }).name;
    if (fn === "autoincrement") return actual.startsWith("nextval(");
    if (fn === "now") return actual === "CURRENT_TIMESTAMP" || actual === "now()";
    if (fn === "dbgenerated") return true;
    return false; // uuid(), cuid()… are filled in by Prisma's client, so the column has no default
  }
  // Literals: 1, true, 'unknown'::"DatePrecision", 'text'::text…
  const literal = String(value);
  return actual === literal || actual.startsWith(`'${literal.replace(/'/g, "''")}'::`);
}

function compare(datamodel: Datamodel, db: DbSchema): string[] {
  const problems: string[] = [];
  const tableOf = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const enumDbName = (name: string) => datamodel.enums.find((e) => e.name === name)?.dbName ?? name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  // Tables
  const expectedTables = new Set(tableOf.values());
  for (const table of expectedTables) if (!db.tables.includes(table)) problems.push(`table ${table}: missing`);
  for (const table of db.tables) {
    if (!expectedTables.has(table) && table !== "_prisma_migrations")
      problems.push(`table ${table}: not in schema.prisma`);
  }

  // Enums
  for (const e of datamodel.enums) {
    const name = e.dbName ?? e.name;
    const expected = e.values.map((v) => v.dbName ?? v.name);
    const actual = db.enums.get(name);
    if (!actual) problems.push(`enum ${name}: missing`);
    else if (actual.join(",") !== expected.join(",")) {
      problems.push(`enum ${name}: labels ${actual.join(",")}, schema has ${expected.join(",")}`);
    }
  }
  const expectedEnums = new Set(datamodel.enums.map((e) => e.dbName ?? e.name));
  for (const name of db.enums.keys()) if (!expectedEnums.has(name)) problems.push(`enum ${name}: not in schema.prisma`);

  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;

    // Columns
    const scalarFields = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    const columns = db.columns.filter((c) => c.table === table);
    for (const field of scalarFields) {
      const name = field.dbName ?? field.name;
      const where = `${table}.${name}`;
      const column = columns.find((c) => c.column === name);
      if (!column) {
        problems.push(`column ${where}: missing`);
        continue;
      }
      const type = expectedType(field, enumDbName);
      if (column.udt !== type.udt) problems.push(`column ${where}: type ${column.udt}, schema wants ${type.udt}`);
      else if (type.precision !== null && column.precision !== type.precision) {
        problems.push(`column ${where}: precision ${column.precision}, schema wants ${type.precision}`);
      }
      // Prisma creates list columns without NOT NULL; every other column follows `?`.
      const nullable = field.isList ? true : !field.isRequired;
      if (column.nullable !== nullable) {
        problems.push(
          `column ${where}: ${column.nullable ? "nullable" : "NOT NULL"}, schema wants ${nullable ? "nullable" : "NOT NULL"}`,
        );
      }
      if (!defaultMatches(field, column.default)) {
        problems.push(
          `column ${where}: default ${column.default ?? "none"}, schema has ${JSON.stringify(field.default ?? "none")}`,
        );
      }
    }
    const fieldColumns = new Set(scalarFields.map((f) => f.dbName ?? f.name));
    for (const column of columns) {
      if (!fieldColumns.has(column.column)) problems.push(`column ${table}.${column.column}: not in schema.prisma`);
    }

    // Primary key, unique constraints and indexes, by Prisma's default names unless mapped
    const indexes = db.indexes.filter((i) => i.table === table);
    const expectedIndexNames = new Set<string>();
    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const cols = index.fields.map((f) => columnOf(model, f.name));
      const suffix = { id: "pkey", unique: "key", normal: "idx", fulltext: "idx" }[index.type];
      const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${suffix}`);
      expectedIndexNames.add(name);
      const what = `${index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index"} ${name} (${cols.join(", ")})`;
      const actual = indexes.find((i) => i.name === name);
      // The trigram index exists only where the server has pg_trgm (not the embedded PGlite): the
      // migration creates it when it can, and the search works without it.
      if (!actual && TRIGRAM_INDEXES.includes(name) && !db.extensions.includes("pg_trgm")) continue;
      if (!actual) {
        problems.push(`${what}: missing`);
        continue;
      }
      if (actual.columns.join(",") !== cols.join(","))
        problems.push(`${what}: database has (${actual.columns.join(", ")})`);
      if (actual.primary !== (index.type === "id"))
        problems.push(`${what}: primary key in the database is ${actual.primary}`);
      if (actual.unique !== (index.type !== "normal"))
        problems.push(`${what}: unique in the database is ${actual.unique}`);
      const desc = index.fields.map((f) => f.sortOrder === "desc");
      if (actual.desc.join(",") !== desc.join(",")) problems.push(`${what}: sort order differs`);
    }
    for (const index of indexes) {
      if (!expectedIndexNames.has(index.name)) problems.push(`index ${index.name} on ${table}: not in schema.prisma`);
    }

    // Foreign keys: one per relation field that holds the `fields:` side
    const foreignKeys = db.foreignKeys.filter((f) => f.table === table);
    const expectedFkNames = new Set<string>();
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = datamodel.models.find((m) => m.name === field.type)!;
      const cols = field.relationFromFields.map((f) => columnOf(model, f));
      const refCols = (field.relationToFields ?? []).map((f) => columnOf(target, f));
      const name = `${table}_${cols.join("_")}_fkey`;
      expectedFkNames.add(name);
      // Prisma's defaults: Restrict when the relation is required, SetNull when optional; updates cascade.
      const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      const what = `foreign key ${name} (${model.name}.${field.name})`;
      const actual = foreignKeys.find((f) => f.name === name);
      if (!actual) {
        problems.push(`${what}: missing`);
        continue;
      }
      if (actual.columns.join(",") !== cols.join(",")) problems.push(`${what}: columns (${actual.columns.join(", ")})`);
      const refTable = tableOf.get(target.name);
      if (actual.refTable !== refTable || actual.refColumns.join(",") !== refCols.join(",")) {
        problems.push(
          `${what}: references ${actual.refTable}(${actual.refColumns.join(", ")}), schema wants ${refTable}(${refCols.join(", ")})`,
        );
      }
      if (actual.onDelete !== onDelete)
        problems.push(`${what}: ON DELETE ${actual.onDelete}, schema wants ${onDelete}`);
      if (actual.onUpdate !== onUpdate)
        problems.push(`${what}: ON UPDATE ${actual.onUpdate}, schema wants ${onUpdate}`);
    }
    for (const fk of foreignKeys) {
      if (!expectedFkNames.has(fk.name)) problems.push(`foreign key ${fk.name} on ${table}: not in schema.prisma`);
    }
  }
  return problems;
}

// ─── The tests ───

describe("schema.prisma and the migrated database agree", () => {
  let db: TestDatabase;
  let datamodel: Datamodel;

  beforeAll(async () => {
    datamodel = loadDatamodel(readFileSync(SCHEMA_PATH, "utf8"));
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("reads the whole schema (sanity check of the DMMF loader)", () => {
    expect(datamodel.models.map((m) => m.name)).toEqual(
      expect.arrayContaining(["Province", "Notice", "AuditLog", "LoginThrottle"]),
    );
    expect(datamodel.models.length).toBeGreaterThanOrEqual(15);
    expect(datamodel.indexes.some((i) => i.type === "normal")).toBe(true);
  });

  it("has no difference in tables, columns, types, nullability, defaults, enums, keys, indexes or foreign keys", async () => {
    const problems = compare(datamodel, await introspect(db.sql));
    expect(problems).toEqual([]);
  });

  // The comparison itself is tested: each kind of drift must be reported. The changes run in a
  // transaction that is rolled back (PostgreSQL DDL is transactional), leaving the database intact.
  it.each([
    ["a missing column", `ALTER TABLE "Notice" DROP COLUMN "chair"`, "column Notice.chair: missing"],
    ["an extra column", `ALTER TABLE "Notice" ADD COLUMN "extra" TEXT`, "column Notice.extra: not in schema.prisma"],
    [
      "a different type",
      `ALTER TABLE "Directive" ALTER COLUMN "position" TYPE BIGINT`,
      "column Directive.position: type int8, schema wants int4",
    ],
    [
      "a different precision",
      `ALTER TABLE "Notice" ALTER COLUMN "publishedAt" TYPE TIMESTAMPTZ(6)`,
      "column Notice.publishedAt: precision 6, schema wants 3",
    ],
    [
      "timestamp without time zone",
      `ALTER TABLE "Notice" ALTER COLUMN "publishedAt" TYPE TIMESTAMP(3)`,
      "column Notice.publishedAt: type timestamp, schema wants timestamptz",
    ],
    [
      "a lost NOT NULL",
      `ALTER TABLE "Notice" ALTER COLUMN "title" DROP NOT NULL`,
      "column Notice.title: nullable, schema wants NOT NULL",
    ],
    [
      "a missing default",
      `ALTER TABLE "Directive" ALTER COLUMN "urgent" DROP DEFAULT`,
      "column Directive.urgent: default none",
    ],
    [
      "a default @updatedAt must not have",
      `ALTER TABLE "Notice" ALTER COLUMN "updatedAt" SET DEFAULT now()`,
      "column Notice.updatedAt: default now()",
    ],
    [
      "an enum label",
      `ALTER TYPE "Role" ADD VALUE 'guest'`,
      "enum Role: labels admin,secretariat,agency_staff,chairman,guest",
    ],
    [
      "a missing index",
      `DROP INDEX "Assignment_board_idx"`,
      "index Assignment_board_idx (agencyId, state, dueOn, id, role, noticeId, directiveId): missing",
    ],
    [
      "an index with other columns",
      `DROP INDEX "Notice_provinceId_number_idx"; CREATE INDEX "Notice_provinceId_number_idx" ON "Notice"("number", "provinceId")`,
      "index Notice_provinceId_number_idx (provinceId, number): database has (number, provinceId)",
    ],
    ["a missing unique index", `DROP INDEX "User_username_key"`, "unique index User_username_key (username): missing"],
    [
      "a unique index made plain",
      `DROP INDEX "Province_code_key"; CREATE INDEX "Province_code_key" ON "Province"("code")`,
      "unique index Province_code_key (code): unique in the database is false",
    ],
    [
      "an extra index",
      `CREATE INDEX "Notice_title_idx" ON "Notice"("title")`,
      "index Notice_title_idx on Notice: not in schema.prisma",
    ],
    [
      "a missing foreign key",
      `ALTER TABLE "Directive" DROP CONSTRAINT "Directive_noticeId_fkey"`,
      "foreign key Directive_noticeId_fkey (Directive.notice): missing",
    ],
    [
      "another ON DELETE rule",
      `ALTER TABLE "Directive" DROP CONSTRAINT "Directive_noticeId_fkey";
       ALTER TABLE "Directive" ADD CONSTRAINT "Directive_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE`,
      "foreign key Directive_noticeId_fkey (Directive.notice): ON DELETE Restrict, schema wants Cascade",
    ],
    ["a missing table", `DROP TABLE "LoginThrottle"`, "table LoginThrottle: missing"],
    ["an extra table", `CREATE TABLE "Stray" ("id" INTEGER)`, "table Stray: not in schema.prisma"],
  ])("reports %s", async (_what, change, expected) => {
    const rollback = new Error("rollback");
    let problems: string[] = [];
    await db.sql
      .transaction(async (tx) => {
        await tx.exec(change);
        problems = compare(datamodel, await introspect(tx));
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
    // And the database really is back as it was.
    expect(compare(datamodel, await introspect(db.sql))).toEqual([]);
  });

  it("reports a schema.prisma change that has no migration", async () => {
    const schema = readFileSync(SCHEMA_PATH, "utf8").replace(
      "model LoginThrottle {",
      "model LoginThrottle {\n  note String?",
    );
    const problems = compare(loadDatamodel(schema), await introspect(db.sql));
    expect(problems).toEqual(["column LoginThrottle.note: missing"]);
  });
});

// A second opinion, from Prisma itself: its schema engine (WebAssembly build) compares the database
// our runner migrated with schema.prisma, as `prisma migrate diff --from-config-datasource
// --to-schema` would, and must find nothing to add. (The hand-written AuditLog guard is a trigger,
// which Prisma's diff does not look at.)
describe("the migrations are what Prisma's migrate would generate", () => {
  it("leave nothing for `prisma migrate diff` to add once all are applied", async () => {
    // With pg_trgm loaded, as a PostgreSQL server has it: the migrations then create the trigram index too.
    const pglite = await PGlite.create("memory://", { extensions: { pg_trgm } });
    await applyMigrations(wrapPGlite(pglite));
    const engine = await prismaSchemaEngine(readFileSync(SCHEMA_PATH, "utf8"), new PrismaPGlite(pglite));
    try {
      expect((await engine.diffFromDatabase()).replace(/^-- This is an empty migration\.\s*$/, "").trim()).toBe("");
    } finally {
      engine.free();
      await pglite.close();
    }
  });
});
