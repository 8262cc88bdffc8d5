/**
 * `npm run bench:bills`: the portal's `bill.list` over HTTP, signed in, against a baseline of
 * plain `node:http` + `pg` running the same SQL (the session with its user, one page of bills),
 * on a database of 100,000 customers. For each: the maximum throughput (requests per second with
 * many connections) and its p99, then the p99 at half of that maximum, paced evenly. Targets: the portal at
 * least 0.25 of the baseline's throughput, and its p99 at half load at most 50 ms.
 *
 * The database lives in DATA_DIR (default .data/bench) on EMBEDDED_PG_PORT (default 55600),
 * shared with `npm run bench:agent`: reused when it is already seeded, seeded when it is empty
 * (the first seed of 100,000 customers takes several minutes). With DATABASE_URL set, that
 * database is used as it is. The production build in NEXT_DIST_DIR (default .next) is used,
 * built first if there is none (and the compiled server with it, `scripts/build.ts --if-needed`).
 *
 *   npm run bench:bills [-- --seconds 10 --connections 64 --customers 100000]
 */
import http from "node:http";
import type net from "node:net";
import autocannon from "autocannon";
import type { CompiledQuery, InferResult } from "kysely";
import pg from "pg";
import { sessionRowQuery } from "../server/auth/sign-in";
import { kyselyOverPool, sqlBuilder } from "../server/db/kysely";
import { billPageQuery } from "../server/domain/billing/bill.service";
import { argument, openBenchDatabase } from "./bench/bench-database";
import { startPortal, type Portal } from "./bench/portal";
import { signIn } from "./session-cookie";

const SUBSCRIBER = "+79001000001";
const PAGE = 12;

const SECONDS = argument("seconds", 10);
const CONNECTIONS = argument("connections", 64);
const CUSTOMERS = argument("customers", 100_000);
const APP_PORT = argument("port", 3299);

const billListPath = `/api/trpc/bill.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: PAGE } }))}`;

const sessionQuery = (sessionId: string) => sessionRowQuery(sqlBuilder, sessionId).compile();
const billsQuery = (customerId: string) => billPageQuery(sqlBuilder, customerId, PAGE + 1).compile();

/**
 * The baseline: the statements the portal runs for one `bill.list` (the session joined to its
 * user, then a keyset page of the customer's bills), over one pg pool of the same size, as JSON.
 * The statements are the portal's Kysely ones, compiled once: the baseline pays for pg alone.
 */
function startBaseline(url: string, sessionId: string): Promise<{ server: http.Server; pool: pg.Pool; port: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {});
  const session = sessionQuery(sessionId);
  const billPages = new Map<string, CompiledQuery<unknown>>();
  const server = http.createServer(async (_request, response) => {
    try {
      const { rows } = await pool.query(session.sql, [...session.parameters]);
      const user = rows[0] as InferResult<typeof session>[number] | undefined;
      if (!user?.customerId || user.revokedAt || user.expiresAt <= new Date() || user.lockedAt)
        throw new Error("no session");
      let page = billPages.get(user.customerId);
      if (!page) billPages.set(user.customerId, (page = billsQuery(user.customerId)));
      const bills = await pool.query(page.sql, [...page.parameters]);
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(
        JSON.stringify({
          items: bills.rows.slice(0, PAGE),
          nextCursor: bills.rows.length > PAGE ? bills.rows[PAGE - 1].id : null,
        }),
      );
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // Any free port: the bench must not collide with other servers on this machine.
    server.listen(0, "127.0.0.1", () => resolve({ server, pool, port: (server.address() as net.AddressInfo).port }));
  });
}

type Measured = { rps: number; p99: number; p50: number; non2xx: number; errors: number; timeouts: number };

async function measure(
  url: string,
  headers: Record<string, string>,
  options: { connections: number; overallRate?: number },
): Promise<Measured> {
  const result = await autocannon({
    url,
    headers,
    duration: SECONDS,
    connections: options.connections,
    overallRate: options.overallRate,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Latency at a steady rate: one request every 1000/rate ms on a pool of keep-alive sockets (an
 * open loop, like many independent users), unlike autocannon's rate limit, which sends each
 * second's quota in a burst at the start of the second and so measures queueing of the burst.
 */
async function paced(url: string, headers: Record<string, string>, rate: number, seconds = SECONDS): Promise<Measured> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let failures = 0;
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      new Promise<void>((resolve) => {
        const sent = performance.now();
        const request = http.get(url, { agent, headers }, (response) => {
          response.resume();
          response.on("end", () => {
            if (response.statusCode === 200) latencies.push(performance.now() - sent);
            else failures++;
            resolve();
          });
        });
        request.on("error", () => {
          failures++;
          resolve();
        });
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? 0;
  return {
    rps: latencies.length / ((performance.now() - started) / 1000),
    p50: at(50),
    p99: at(99),
    non2xx: failures,
    errors: 0,
    timeouts: 0,
  };
}

async function bench(name: string, url: string, headers: Record<string, string>) {
  // Warm up (JIT, connection pools) at full load before measuring.
  await autocannon({ url, headers, duration: 5, connections: CONNECTIONS });
  const max = await measure(url, headers, { connections: CONNECTIONS });
  // The server is still answering the queue the full load left (the first ~100 ms of a paced run
  // measured that drain, not half load): let it settle, then run at the pace unmeasured first.
  const rate = Math.max(1, Math.floor(max.rps / 2));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await paced(url, headers, rate, 2);
  const half = await paced(url, headers, rate);
  console.log(
    `[bench] ${name}: max ${max.rps.toFixed(0)} req/s (p50 ${max.p50} ms, p99 ${max.p99} ms), half load p99 ${half.p99.toFixed(1)} ms`,
  );
  const failures = max.non2xx + max.errors + half.non2xx + half.errors;
  if (failures)
    throw new Error(
      `${name}: ${max.non2xx + half.non2xx} non-2xx answers, ${max.errors + half.errors} errors (${max.timeouts + half.timeouts} timeouts)`,
    );
  return { max, half };
}

async function main() {
  const { url, embedded, customers } = await openBenchDatabase(CUSTOMERS);
  let portal: Portal | undefined;
  let baseline: { server: http.Server; pool: pg.Pool; port: number } | undefined;
  try {
    portal = await startPortal(url, APP_PORT);
    const base = portal.base;
    const cookie = await signIn(base, SUBSCRIBER);

    const probe = await fetch(`${base}${billListPath}`, { headers: { cookie } });
    const page = (await probe.json()) as { result?: { data?: { json?: { items: unknown[] } } } };
    const items = page.result?.data?.json?.items.length ?? 0;
    if (!probe.ok || items === 0) throw new Error(`bill.list answered ${probe.status} with ${items} bills`);

    const setup = new pg.Pool({ connectionString: url, max: 1 });
    setup.on("error", () => {});
    const session = await kyselyOverPool(setup)
      .selectFrom("AuthSession as s")
      .innerJoin("User as u", "u.id", "s.userId")
      .select("s.id")
      .where("u.phone", "=", SUBSCRIBER)
      .where("s.revokedAt", "is", null)
      .orderBy("s.createdAt", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    await setup.end();
    baseline = await startBaseline(url, session.id);

    console.log(
      `[bench] ${customers.toLocaleString("en-US")} customers; ${SUBSCRIBER} signed in, ${items} bills a page; ${SECONDS} s per run, ${CONNECTIONS} connections at max load`,
    );
    const signedIn = await bench("portal", `${base}${billListPath}`, { cookie });
    const plain = await bench("baseline", `http://127.0.0.1:${baseline.port}/`, {});
    // For scale: the cheapest route of the same server (no session, one SELECT 1 through Prisma).
    const health = await measure(`${base}/api/health`, {}, { connections: CONNECTIONS });
    // And the floor of a tRPC call on it: bill.list without a session, refused with 401 before any SQL.
    const anonymous = await measure(`${base}${billListPath}`, {}, { connections: CONNECTIONS });

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const row = (name: string, result: { max: Measured; half: Measured }) =>
      `${name.padEnd(28)} ${result.max.rps.toFixed(0).padStart(8)} req/s   p99 ${ms(result.max.p99).padStart(9)}   at half load (${Math.floor(result.max.rps / 2)} req/s): p50 ${ms(result.half.p50)}, p99 ${ms(result.half.p99)}`;
    const ratio = signedIn.max.rps / plain.max.rps;
    console.log("");
    console.log(`bill.list, ${customers.toLocaleString("en-US")} customers`);
    console.log(row("portal (tRPC, signed in)", signedIn));
    console.log(row("baseline (node:http + pg)", plain));
    console.log(
      `${"reference: GET /api/health".padEnd(28)} ${health.rps.toFixed(0).padStart(8)} req/s   p99 ${ms(health.p99).padStart(9)}   (the same Next.js server, no session, SELECT 1)`,
    );
    console.log(
      `${"reference: bill.list, no session".padEnd(28)} ${anonymous.rps.toFixed(0).padStart(8)} req/s   p99 ${ms(anonymous.p99).padStart(9)}   (401 before any SQL: Next.js + tRPC alone)`,
    );
    console.log(
      `throughput ratio portal/baseline: ${ratio.toFixed(2)} (target >= 0.25: ${ratio >= 0.25 ? "met" : "NOT met"}); /api/health/baseline: ${(health.rps / plain.max.rps).toFixed(2)}`,
    );
    console.log(
      `portal p99 at half of max load: ${ms(signedIn.half.p99)} (target <= 50 ms: ${signedIn.half.p99 <= 50 ? "met" : "NOT met"})`,
    );
    if (ratio < 0.25 || signedIn.half.p99 > 50) process.exitCode = 1;
  } finally {
    if (baseline) {
      await new Promise((resolve) => baseline!.server.close(resolve));
      await baseline.pool.end().catch(() => {});
    }
    await portal?.stop();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
