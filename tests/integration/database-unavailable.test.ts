/**
 * The database going away: the pool's timeouts (server/db/client.ts) bound every wait, and a call
 * that cannot reach the database answers 503 SERVICE_UNAVAILABLE (tRPC) or an unhealthy 503
 * (/api/health) within the connect timeout, instead of hanging or answering 500.
 */
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "../../app/api/health/route";
import { createCaller } from "../../server/api/root";
import { SERVICE_UNAVAILABLE_MESSAGE } from "../../server/api/trpc";
import { createDatabase, poolTimeoutsFrom, type Database } from "../../server/db/client";
import { isDatabaseUnavailable } from "../../server/domain/errors";
import { createRequestListener } from "../../server/http/request-listener";
import { DEMO, sessionFor } from "./helpers/callers";
import { testDatabaseUrl } from "./helpers/db";

const CONNECT_TIMEOUT_MS = 400;
const SECRET = "unavailable-test-secret";

/** A server that accepts connections and never answers: a database host that hangs. */
let silent: net.Server;
let silentUrl = "";
/** A port nothing listens on: a database that is down. */
let closedUrl = "";
let base = "";
let web: http.Server;
let cookie = "";
const saved = { url: process.env.DATABASE_URL, timeout: process.env.DB_CONNECT_TIMEOUT_MS };

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  const session = await sessionFor(DEMO.silver);
  cookie = `next-auth.session-token=${await encode({ token: { sid: session.sessionId }, secret: SECRET })}`;
  silent = net.createServer(() => {});
  silentUrl = `postgres://selfcare:selfcare@127.0.0.1:${await listen(silent)}/selfcare`;
  const closed = net.createServer();
  const closedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  closedUrl = `postgres://selfcare:selfcare@127.0.0.1:${closedPort}/selfcare`;
  web = http.createServer(createRequestListener({ handleWithNext: async (_request, response) => void response.end() }));
  base = `http://127.0.0.1:${await listen(web)}`;
  process.env.DB_CONNECT_TIMEOUT_MS = String(CONNECT_TIMEOUT_MS);
});

afterAll(async () => {
  process.env.DATABASE_URL = saved.url;
  if (saved.timeout === undefined) delete process.env.DB_CONNECT_TIMEOUT_MS;
  else process.env.DB_CONNECT_TIMEOUT_MS = saved.timeout;
  await new Promise((resolve) => web.close(resolve));
  silent.close();
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

type ErrorAnswer = { error: { json: { message: string; data: { code: string; httpStatus: number } } } };

describe.each([
  ["hangs", () => silentUrl],
  ["is down", () => closedUrl],
])("when the database %s", (_state, urlOf) => {
  beforeAll(() => {
    // The web server's calls use the process-wide pool for DATABASE_URL (server/db/client.ts getDb).
    process.env.DATABASE_URL = urlOf();
  });

  it("a signed-in tRPC call answers 503 SERVICE_UNAVAILABLE within the connect timeout", async () => {
    const { result: response, ms } = await timed(() => fetch(`${base}/api/trpc/bill.list`, { headers: { cookie } }));
    expect(response.status).toBe(503);
    const { error } = (await response.json()) as ErrorAnswer;
    expect(error.json.data.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.json.message).toBe(SERVICE_UNAVAILABLE_MESSAGE);
    expect(ms).toBeLessThan(CONNECT_TIMEOUT_MS + 1500);
  });

  it("a public procedure that reads the database answers 503 too", async () => {
    const response = await fetch(`${base}/api/trpc/secondFactor.demoCode`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorAnswer).error.json.data.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("/api/health answers 503 unhealthy within the connect timeout", async () => {
    const { result: response, ms } = await timed(() => health());
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", db: "unreachable" });
    expect(ms).toBeLessThan(CONNECT_TIMEOUT_MS + 1000);
  });
});

describe("a procedure whose database is out of reach", () => {
  it("answers SERVICE_UNAVAILABLE through the router, not INTERNAL_SERVER_ERROR", async () => {
    const db = createDatabase(closedUrl, { timeouts: { ...poolTimeoutsFrom(), connectTimeoutMs: CONNECT_TIMEOUT_MS } });
    const caller = createCaller({ db, session: await sessionFor(DEMO.silver), ip: "127.0.0.1", channel: "WEB" });
    await expect(caller.bill.list({})).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: SERVICE_UNAVAILABLE_MESSAGE,
    });
    await db.$disconnect();
  });
});

describe("the pool's server-side timeouts", () => {
  let db: Database;
  beforeAll(() => {
    db = createDatabase(testDatabaseUrl(), {
      max: 2,
      timeouts: { connectTimeoutMs: 2000, statementTimeoutMs: 300, idleInTransactionTimeoutMs: 300 },
    });
  });
  afterAll(() => db.$disconnect());

  it("ends a statement that runs past statement_timeout, and the error counts as unavailable (503)", async () => {
    const { result: error, ms } = await timed(() =>
      db.$queryRaw`SELECT pg_sleep(5)`.catch((caught: unknown) => caught),
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(String(error)).toMatch(/statement timeout/);
    expect(ms).toBeLessThan(3000);
  });

  it("ends a transaction left idle past idle_in_transaction_session_timeout, releasing its locks", async () => {
    const outcome = await db
      .$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return tx.$queryRaw`SELECT 1`;
      })
      .then(
        () => "committed",
        (error: unknown) => error,
      );
    expect(outcome).not.toBe("committed");
    // The pool is still usable afterwards.
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("reads the timeouts from the environment, with defaults, and refuses a value that does not parse", () => {
    expect(poolTimeoutsFrom({})).toEqual({
      connectTimeoutMs: 5000,
      statementTimeoutMs: 30000,
      idleInTransactionTimeoutMs: 60000,
    });
    expect(
      poolTimeoutsFrom({
        DB_CONNECT_TIMEOUT_MS: "1500",
        DB_STATEMENT_TIMEOUT_MS: "10000",
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: "20000",
      }),
    ).toEqual({ connectTimeoutMs: 1500, statementTimeoutMs: 10000, idleInTransactionTimeoutMs: 20000 });
    expect(() => poolTimeoutsFrom({ DB_STATEMENT_TIMEOUT_MS: "30s" })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
  });
});
