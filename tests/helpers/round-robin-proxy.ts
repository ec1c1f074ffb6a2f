import http from "node:http";

// A simple reverse proxy on loopback for tests: each request goes to the next upstream in turn,
// and the answer says which one served it (x-upstream: its index), as a load balancer in front
// of two app servers would do without sticky sessions.

export interface RoundRobinProxy {
  baseUrl: string;
  /** Where requests go, in turn (may be filled after the proxy started, once its address is known). */
  upstreams: string[];
  /** How many requests each upstream served. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: string[] = []): Promise<RoundRobinProxy> {
  const served: number[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    if (upstreams.length === 0) {
      res.writeHead(503).end();
      return;
    }
    const index = next % upstreams.length;
    next = index + 1;
    served[index] = (served[index] ?? 0) + 1;
    const target = new URL(req.url ?? "/", upstreams[index]);
    const upstream = http.request(
      target,
      {
        method: req.method,
        headers: { ...req.headers, host: target.host, "x-forwarded-for": req.socket.remoteAddress ?? "" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-upstream": String(index) });
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    upstreams,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
