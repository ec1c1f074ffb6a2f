// npm run db:load -- --provinces 63 --assignments 1000000 [--seed 1]
// Migrates the configured PostgreSQL database (DATABASE_URL), then fills it with synthetic data
// (see generate.ts). Refuses a database that already holds provinces or assignments.
import { parseArgs } from "node:util";
import { prepareDatabase } from "@/lib/cli/prepare-database";
import { generateLoad, LOAD_PASSWORD, LOAD_TODAY } from "./generate";

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw new Error(`--${name}: một số nguyên từ 1 đến ${max}, không phải "${raw}"`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      provinces: { type: "string" },
      assignments: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log("Dùng: DATABASE_URL=postgresql://… npm run db:load -- --provinces 63 --assignments 1000000 [--seed 1]");
    return 0;
  }
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    console.error(
      "db:load cần PostgreSQL: hãy đặt DATABASE_URL (ví dụ: createdb -h 127.0.0.1 -U postgres bench1m && " +
        "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench1m npm run db:load -- --provinces 63 --assignments 1000000). " +
        "The embedded PGlite is not supported for this load.",
    );
    return 2;
  }
  let provinces: number, assignments: number, seed: number;
  try {
    provinces = positive("provinces", values.provinces, 63, 1000);
    assignments = positive("assignments", values.assignments, 1_000_000, 50_000_000);
    seed = positive("seed", values.seed, 1, 2 ** 31);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  if (!(await prepareDatabase())) return 1;
  console.log(
    `Nạp dữ liệu tổng hợp: ${provinces} tỉnh, ${assignments.toLocaleString("en")} lượt giao việc (seed ${seed}, ngày tham chiếu ${LOAD_TODAY}) …`,
  );
  try {
    const r = await generateLoad(url, { provinces, assignments, seed });
    console.log(
      `Xong trong ${r.seconds.toFixed(1)} s: ${r.provinces} tỉnh, ${r.agencies} cơ quan, ${r.notices.toLocaleString("en")} văn bản, ` +
        `${r.directives.toLocaleString("en")} chỉ đạo, ${r.assignments.toLocaleString("en")} lượt giao việc, ${r.extensions.toLocaleString("en")} đề nghị gia hạn.`,
    );
    console.log(
      `Tài khoản lãnh đạo mỗi tỉnh (mật khẩu ${LOAD_PASSWORD}): ${r.chairmen.slice(0, 3).join(", ")}${r.chairmen.length > 3 ? ", …" : ""}`,
    );
    console.log(`Ngày dữ liệu được tính theo: APP_TODAY=${LOAD_TODAY} (npm run bench:dashboard dùng ngày này).`);
    return 0;
  } catch (e) {
    console.error(`db:load thất bại: ${(e as Error).message}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
