// npm run bench:security — what an attacker on loopback gets from the built app. Bounded in time
// (about two minutes); starts its own app on a fresh database (the embedded one unless
// DATABASE_URL names a server to create it on).
//
// 1. Malformed requests to every page, route handler, server action and the sign-in endpoint
//    (seeded, so runs repeat), counted by status: the target is 0 × 500.
// 2. Sign-in throttling: for THROTTLE_SECONDS each, wrong passwords for one login sent as fast as
//    one client can, from one address and with a different X-Forwarded-For each time: how many
//    were checked (answered "wrong") per minute, the rest were refused while locked.
// 3. A .docx of a few hundred KB that expands to 84 MB, uploaded for intake: the time until it is
//    refused, and how long another user's page waited meanwhile (against the same page alone).
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { startApp } from "@/tests/helpers/app-server";
import { HttpSession } from "@/tests/helpers/http-session";
import { makeDocxBomb } from "@/tests/helpers/zip";

const PER_ENTRY = Number(process.env.BENCH_PER_ENTRY ?? 60);
const THROTTLE_SECONDS = Number(process.env.THROTTLE_SECONDS ?? 20);
const SEED = 20261201;

class Session extends HttpSession {
  send(pathname: string, init: RequestInit = {}): Promise<Response> {
    return fetch(new URL(pathname, this.baseUrl), {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function actionIds(): Record<string, string> {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, v]) => [v.exportedName ?? id, id]));
}

const NASTY = [
  "",
  "0",
  "-1",
  "1e3",
  "0x1CC",
  "2147483648",
  "99999999999999999999",
  "%FF",
  "\u0000",
  "a\u0007",
  "<script>",
  "null",
  "[2]",
  "true",
];
const nastyString = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 20 }));

async function main(): Promise<void> {
  const started = Date.now();
  console.log("Starting the app (builds if needed)…");
  const app = await startApp({ today: "2021-09-20", timeoutMs: 15 * 60_000 });
  const statuses = new Map<string, Map<number, number>>();
  const count = (entry: string, status: number) => {
    const m = statuses.get(entry) ?? new Map<number, number>();
    m.set(status, (m.get(status) ?? 0) + 1);
    statuses.set(entry, m);
  };
  try {
    const s = new Session(app.baseUrl);
    await s.signIn("longan.vanphong", DEMO_PASSWORD);
    const sample = <T>(arb: fc.Arbitrary<T>, n = PER_ENTRY) => fc.sample(arb, { seed: SEED, numRuns: n });

    // ── 1. malformed requests ──
    const pages = [
      "/thong-bao/{id}",
      "/chi-dao/{id}",
      "/nhiem-vu/{id}",
      "/co-quan/{id}",
      "/tong-quan",
      "/tong-quan/danh-sach",
      "/qua-han",
      "/bao-cao",
      "/cuoc-hop",
      "/nhac-viec",
      "/co-quan",
      "/thong-bao",
    ];
    const keys = [
      "notice",
      "agency",
      "page",
      "q",
      "state",
      "due",
      "sort",
      "from",
      "to",
      "category",
      "bucket",
      "ngay",
      "theo",
    ];
    for (const page of pages) {
      for (const [id, query] of sample(
        fc.tuple(nastyString, fc.dictionary(fc.constantFrom(...keys), nastyString, { maxKeys: 4 })),
      )) {
        const qs = new URLSearchParams(query).toString();
        const res = await s.send(`${page.replace("{id}", encodeURIComponent(id))}${qs ? `?${qs}` : ""}`);
        await res.arrayBuffer();
        count(`page ${page}`, res.status);
      }
    }
    for (const route of [
      "/api/tep/{id}",
      "/api/xuat/danh-sach",
      "/api/xuat/tong-quan",
      "/api/xuat/bao-cao",
      "/api/xuat/cuoc-hop",
    ]) {
      for (const [id, query] of sample(
        fc.tuple(nastyString, fc.dictionary(fc.constantFrom("format", "bang", ...keys), nastyString, { maxKeys: 4 })),
      )) {
        const qs = new URLSearchParams(query).toString();
        const res = await s.send(`${route.replace("{id}", encodeURIComponent(id))}${qs ? `?${qs}` : ""}`);
        await res.arrayBuffer();
        count(`route ${route}`, res.status);
      }
    }
    for (const path of ["/thong-bao/%FF", "/nhiem-vu/%E0%A4%A", "/%C0%AF"]) {
      const res = await s.send(path);
      await res.arrayBuffer();
      count("page with malformed percent-encoding", res.status);
    }
    const ids = actionIds();
    const FORM_ACTIONS = [
      "startAssignmentAction",
      "reportProgressAction",
      "submitCompletionAction",
      "confirmCompletionAction",
      "returnCompletionAction",
      "requestExtensionAction",
      "decideExtensionAction",
      "addCommentAction",
      "proposeNoticeAction",
      "markRemindersRead",
    ];
    const fields = [
      "assignmentId",
      "version",
      "text",
      "reason",
      "body",
      "completedOn",
      "requestedDueOn",
      "decision",
      "extensionId",
      "note",
      "evidenceDate",
    ];
    for (const name of Object.keys(ids).filter((n) => n.endsWith("Action") || n === "markRemindersRead")) {
      const isForm = FORM_ACTIONS.includes(name);
      for (const input of sample(
        fc.dictionary(
          fc.constantFrom(...fields, "directiveId", "noticeId", "assignmentIds", "agencies", "role", "deadline"),
          nastyString,
          { maxKeys: 5 },
        ),
      )) {
        let body: BodyInit;
        const headers: Record<string, string> = { "next-action": ids[name]!, accept: "text/x-component" };
        if (isForm) {
          const fd = new FormData();
          for (const [k, v] of Object.entries(input)) fd.append(`_1_${k}`, v);
          fd.append("0", '[null,"$K1"]');
          body = fd;
        } else {
          body = JSON.stringify([input]);
          headers["content-type"] = "text/plain;charset=UTF-8";
        }
        const res = await s.send("/thong-bao", { method: "POST", headers, body });
        await res.arrayBuffer();
        count(`action ${name}`, res.status);
      }
    }
    for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x", ""]) {
      const res = await fetch(new URL("/api/auth/callback/credentials", app.baseUrl), {
        method: "POST",
        headers: type ? { "content-type": type } : {},
        body: "{}",
      });
      await res.arrayBuffer();
      count("sign-in with a wrong content type", res.status);
    }
    const big = await s.send("/nhiem-vu/1", {
      method: "POST",
      headers: { "next-action": ids.addCommentAction! },
      body: "x".repeat(13 * 1024 * 1024),
    });
    await big.arrayBuffer();
    count("body over 12 MB", big.status);

    // ── 2. sign-in throttling ──
    const throttle = async (login: string, rotate: boolean) => {
      let checked = 0;
      let locked = 0;
      const until = Date.now() + THROTTLE_SECONDS * 1000;
      for (let i = 0; Date.now() < until; i++) {
        const csrf = await fetch(new URL("/api/auth/csrf", app.baseUrl));
        const cookie = csrf.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
        const { csrfToken } = (await csrf.json()) as { csrfToken: string };
        const res = await fetch(new URL("/api/auth/callback/credentials", app.baseUrl), {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            cookie,
            ...(rotate ? { "x-forwarded-for": `198.51.${i % 250}.${(i * 7) % 250}` } : {}),
          },
          body: new URLSearchParams({ csrfToken, username: login, password: `doan-${i}`, json: "true" }),
          redirect: "manual",
        });
        const text = decodeURIComponent(await res.text());
        if (/thử lại sau/.test(text)) locked++;
        else checked++;
      }
      return { checked, locked, perMinute: (checked * 60) / THROTTLE_SECONDS };
    };
    const oneAddress = await throttle("longan.chutich", false);
    const rotating = await throttle("laichau.vanphong", true);

    // ── 3. the docx bomb ──
    const other = new Session(app.baseUrl);
    await other.signIn("longan.chutich", DEMO_PASSWORD);
    const pageMs = async () => {
      const t0 = performance.now();
      const r = await other.send("/qua-han");
      await r.arrayBuffer();
      return performance.now() - t0;
    };
    const alone: number[] = [];
    for (let i = 0; i < 10; i++) alone.push(await pageMs());
    const bomb = makeDocxBomb(84);
    const fd = new FormData();
    fd.append("_1_file", new File([new Uint8Array(bomb)], "bien-ban-hop.docx"));
    fd.append("0", '[null,"$K1"]');
    const t0 = performance.now();
    const upload = s
      .send("/thong-bao/nhap", {
        method: "POST",
        headers: { "next-action": ids.proposeNoticeAction!, accept: "text/x-component" },
        body: fd,
      })
      .then(async (r) => ({ status: r.status, text: await r.text(), ms: performance.now() - t0 }));
    const during: number[] = [];
    let done = false;
    void upload.then(() => (done = true));
    while (!done) during.push(await pageMs());
    const refused = await upload;
    const message = /Tệp “bien-ban-hop.docx”[^"]*/.exec(refused.text)?.[0] ?? refused.text.slice(0, 120);

    // ── the figures ──
    console.log("\nMalformed requests, answers by status:");
    let total = 0;
    let fiveHundreds = 0;
    for (const [entry, m] of statuses) {
      const parts = [...m].sort(([a], [b]) => a - b).map(([st, n]) => `${st}×${n}`);
      const n = [...m.values()].reduce((a, b) => a + b, 0);
      total += n;
      fiveHundreds += [...m].filter(([st]) => st >= 500).reduce((a, [, c]) => a + c, 0);
      console.log(`  ${entry.padEnd(44)} ${String(n).padStart(4)}  ${parts.join(" ")}`);
    }
    console.log(
      `\nSign-in throttling, ${THROTTLE_SECONDS} s each, wrong passwords checked (the rest refused while locked):`,
    );
    console.log(
      `  one address        ${oneAddress.checked} checked, ${oneAddress.locked} refused → ${oneAddress.perMinute.toFixed(1)} per minute`,
    );
    console.log(
      `  rotating X-Forwarded-For  ${rotating.checked} checked, ${rotating.locked} refused → ${rotating.perMinute.toFixed(1)} per minute`,
    );
    console.log(
      `\n84 MB .docx bomb (${(bomb.byteLength / 1024).toFixed(0)} KB): refused in ${(refused.ms / 1000).toFixed(2)} s (HTTP ${refused.status}): ${message}`,
    );
    console.log(
      `  another user's /qua-han: median ${median(alone).toFixed(0)} ms alone, ${median(during).toFixed(0)} ms (max ${Math.max(...during).toFixed(0)} ms, ${during.length} requests) meanwhile`,
    );
    console.log(
      `\nsecurity: ${total} malformed requests, ${fiveHundreds} × 500; wrong passwords checked per minute: ${oneAddress.perMinute.toFixed(1)} from one address, ${rotating.perMinute.toFixed(1)} rotating X-Forwarded-For; docx bomb refused in ${(refused.ms / 1000).toFixed(2)} s, another page waited median ${median(during).toFixed(0)} ms (alone ${median(alone).toFixed(0)} ms); ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
    );
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
