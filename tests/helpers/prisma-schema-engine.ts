// Prisma's own schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm), for tests
// that ask Prisma itself what `prisma migrate diff` would write and what `prisma migrate status`
// would say about our hand-kept history. The native engine the CLI uses cannot be downloaded
// here; this build is the same Rust code (pinned to the version @prisma/internals 7.10 uses),
// talking to the database through a Prisma driver adapter.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiagnoseMigrationHistoryOutput, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

type Bindings = typeof import("@prisma/schema-engine-wasm");

let bindings: Promise<Bindings> | undefined;

// The package targets bundlers (`import … from "./x.wasm"`), which Node cannot do: instantiate the
// module by hand with its JavaScript glue, as the bundler would.
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Bindings & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasm = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasm, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue;
  })();
  return bindings;
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export async function prismaSchemaEngine(schema: string, adapter: SqlMigrationAwareDriverAdapterFactory) {
  const { SchemaEngine } = await loadBindings();
  const engine: SchemaEngine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  return {
    /** What `prisma migrate diff --from-empty --to-schema schema.prisma --script` prints. */
    async diffFromEmpty(): Promise<string> {
      const result = await engine.diff({
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return result.stdout ?? "";
    },
    /**
     * What `prisma migrate diff --from-config-datasource --to-schema schema.prisma --script`
     * prints: the SQL that would bring the connected database to the schema ("" when none).
     */
    async diffFromDatabase(): Promise<string> {
      const files = [{ path: "schema.prisma", content: schema }];
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files, configDir: "." },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return result.stdout ?? "";
    },
    /** What `prisma migrate status` bases its verdict on (without a shadow database). */
    diagnoseMigrationHistory(migrationsDir: string): Promise<DiagnoseMigrationHistoryOutput> {
      return engine.diagnoseMigrationHistory({
        migrationsList: migrationList(migrationsDir),
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      });
    },
    free: () => engine.free(),
  };
}

/** The migrations folder as Prisma's CLI hands it to the engine. */
function migrationList(dir: string): MigrationList {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: readFileSync(path.join(dir, "migration_lock.toml"), "utf8") },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}
