// The app's HTTP server (what `npm start` runs after migrating and building): Next.js behind a
// thin Node server that decides, for every request, the client's address (forwarded headers are
// believed only from TRUSTED_PROXIES) and a request id, logs each request as one JSON line, and
// on SIGTERM or SIGINT stops taking new connections, lets the requests in flight finish, then
// closes the database.
import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress, REQUEST_ID_HEADER } from "@/lib/auth/client-address";
import { closeDb, db } from "@/lib/db/client";
import { runOutbox } from "@/lib/outbox/worker";
import { smtpMailer } from "@/lib/reminders/mailer";
import { appBaseUrl, env } from "@/lib/env";
import { logger } from "@/lib/log";
import { announceServer, withdrawServer } from "@/lib/server/running";

const SHUTDOWN_GRACE_MS = 20_000;
const OUTBOX_EVERY_MS = 15_000;

async function main(): Promise<void> {
  const config = env();
  const app = next({ dev: false, dir: process.cwd(), port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  let inFlight = 0;
  let stopping = false;
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const forwarded = req.headers["x-forwarded-for"];
    const address = clientAddress(
      req.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      config.TRUSTED_PROXIES,
    );
    const upstreamId = req.headers[REQUEST_ID_HEADER];
    const trustedId =
      typeof upstreamId === "string" && address !== req.socket.remoteAddress && /^[\w.-]{8,64}$/.test(upstreamId);
    const requestId = trustedId ? upstreamId : randomUUID();
    // Whatever a client sent under these names is replaced: only this server decides them.
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (stopping) res.setHeader("connection", "close");
    inFlight++;
    res.on("close", () => {
      inFlight--;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = (req.url ?? "").split("?")[0];
      logger.info(
        { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms), address },
        "request",
      );
    });
    handle(req, res).catch((error: unknown) => {
      logger.error({ requestId, err: error }, "request failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/plain; charset=utf-8");
      }
      res.end(`Đã có lỗi xảy ra. Vui lòng thử lại sau (mã yêu cầu: ${requestId}).`);
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  announceServer(config.DATA_DIR, config.PORT);
  logger.info({ port: config.PORT }, "listening");

  // The outbox (e-mails and webhook deliveries the app's changes wrote in their transactions) is
  // sent from here, a few at a time; several servers share it safely (the worker claims rows with
  // SKIP LOCKED). Without SMTP only webhook deliveries go.
  const mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : null;
  let sending = false;
  const outbox = setInterval(() => {
    if (sending || stopping) return;
    sending = true;
    runOutbox(db(), { mailer, baseUrl: appBaseUrl(config) })
      .then((r) => {
        if (r.sent + r.retried + r.failed > 0) logger.info(r, "outbox round");
      })
      .catch((error: unknown) => logger.error({ err: error }, "outbox round failed"))
      .finally(() => {
        sending = false;
      });
  }, OUTBOX_EVERY_MS);

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    clearInterval(outbox);
    logger.info({ signal, inFlight }, "shutting down: finishing requests in flight");
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + SHUTDOWN_GRACE_MS;
    const wait = setInterval(async () => {
      if (inFlight > 0 && Date.now() < deadline) return;
      clearInterval(wait);
      server.closeAllConnections();
      await closeDb().catch((error: unknown) => logger.error({ err: error }, "closing the database"));
      withdrawServer(config.DATA_DIR);
      logger.info({ unfinished: inFlight }, "stopped");
      process.exit(0);
    }, 50);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "the server could not start");
  process.exit(1);
});
