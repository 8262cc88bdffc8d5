import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import type { ITXClientDenyList } from "@prisma/client/runtime/library";
import type { Kysely } from "kysely";
import kyselyExtension from "prisma-extension-kysely";
import pg from "pg";
import { log } from "../log";
import { kyselyOverPool, kyselyOverPrisma, type DB } from "./kysely";

function extendWithKysely(client: PrismaClient) {
  return client.$extends(kyselyExtension({ kysely: kyselyOverPrisma }));
}

export type Database = ReturnType<typeof extendWithKysely>;
/** The client inside `db.$transaction(async (tx) => ...)`; its `$kysely` runs in the transaction. */
export type Transaction = Omit<Database, ITXClientDenyList>;
/** Anything that runs typed SQL: the client, or a transaction. */
export type SqlExecutor = Pick<Database, "$kysely">;

/**
 * A Prisma client with `$kysely`: typed SQL that runs through Prisma, in the transaction when
 * called on the `tx` of `db.$transaction(async (tx) => ...)`.
 *
 * prisma-extension-kysely 3.0.1 hands each interactive transaction its own Kysely by assigning
 * `tx.$kysely`, but Prisma's transaction clients write properties through to one shared object,
 * so concurrent transactions overwrite each other's and a statement can run in another request's
 * transaction. Each `tx` is therefore wrapped to keep the Kysely made for it, which the extension
 * assigns just before it calls our callback (tests/integration/kysely.test.ts holds this).
 */
export function withKysely(client: PrismaClient): Database {
  const extended = extendWithKysely(client);
  const $transaction = ((arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return (extended.$transaction as (...args: unknown[]) => unknown)(arg, options);
    return extended.$transaction(
      (tx) => {
        const kysely = tx.$kysely;
        const bound = new Proxy(tx, {
          get: (target, property, receiver) =>
            property === "$kysely" ? kysely : Reflect.get(target, property, receiver),
        });
        return (arg as (tx: Transaction) => Promise<unknown>)(bound);
      },
      options as Parameters<Database["$transaction"]>[1],
    );
  }) as Database["$transaction"];
  return new Proxy(extended, {
    get: (target, property, receiver) =>
      property === "$transaction" ? $transaction : Reflect.get(target, property, receiver),
  });
}

const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;

/**
 * Prisma stores DateTime in `timestamp` columns as UTC, and a `date` as midnight UTC. Plain pg
 * would read both as local time, so the pool reads them as Prisma does (Prisma's adapter passes
 * its own parsers with each query).
 */
const utcTimestamps: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : oid === DATE_OID
        ? (value: string) => new Date(`${value}T00:00:00Z`)
        : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

const poolKysely = new WeakMap<object, Kysely<DB>>();

/** How long the pool waits for the database (README, configuration: `DB_*_TIMEOUT_MS`). */
export type PoolTimeouts = {
  /** Opening a connection: past it the call fails (503) instead of hanging while the database is away. */
  connectTimeoutMs: number;
  /** One statement, server-side (`statement_timeout`). */
  statementTimeoutMs: number;
  /** A transaction left open with nothing running (`idle_in_transaction_session_timeout`): its locks are released. */
  idleInTransactionTimeoutMs: number;
};

const DEFAULT_TIMEOUTS: PoolTimeouts = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
};

function millisecondsFrom(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const ms = Number(value);
  // A setting that does not parse stops the server instead of running without a bound.
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`${name} must be a positive whole number of milliseconds`);
  return ms;
}

/** The pool's timeouts from the environment, each with its default. */
export function poolTimeoutsFrom(env: Record<string, string | undefined> = process.env): PoolTimeouts {
  return {
    connectTimeoutMs: millisecondsFrom(env, "DB_CONNECT_TIMEOUT_MS", DEFAULT_TIMEOUTS.connectTimeoutMs),
    statementTimeoutMs: millisecondsFrom(env, "DB_STATEMENT_TIMEOUT_MS", DEFAULT_TIMEOUTS.statementTimeoutMs),
    idleInTransactionTimeoutMs: millisecondsFrom(
      env,
      "DB_IDLE_IN_TRANSACTION_TIMEOUT_MS",
      DEFAULT_TIMEOUTS.idleInTransactionTimeoutMs,
    ),
  };
}

export function createDatabase(
  connectionString: string,
  options: { max?: number; timeouts?: PoolTimeouts } = {},
): Database {
  const timeouts = options.timeouts ?? poolTimeoutsFrom();
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types: utcTimestamps,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    // Sent with each new connection, so the server itself ends a runaway statement or an abandoned transaction.
    statement_timeout: timeouts.statementTimeoutMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
  });
  // Without a listener, an idle client's error (a database restart) crashes the process.
  pool.on("error", (error) => log.warn({ err: error }, "idle database client error"));
  const db = withKysely(new PrismaClient({ adapter: new PrismaPg(pool) }));
  poolKysely.set(db, kyselyOverPool(pool));
  return db;
}

/**
 * Kysely straight on the connection pool under a client from `createDatabase`, outside any
 * transaction, for the few statements on every request's path (the session, the bill list) where
 * Prisma's per-statement cost (about 0.9 ms of CPU, against 0.25 ms for pg; `npm run bench:bills`)
 * is most of the work. Everything else goes through Prisma or `db.$kysely`.
 */
export function kyselyOf(db: Database): Kysely<DB> {
  const kysely = poolKysely.get(db);
  if (!kysely) throw new Error("kyselyOf: this client was not made by createDatabase");
  return kysely;
}

let processDb: { url: string; db: Database } | undefined;

/**
 * The process-wide client for DATABASE_URL: one pool per process. Next.js and the web server
 * load this module once between them (the `@selfcare/server` package), so a module variable is enough.
 */
export function getDb(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (processDb?.url !== url) {
    void processDb?.db.$disconnect();
    processDb = { url, db: createDatabase(url) };
  }
  return processDb.db;
}

/** Ends the process-wide pool (a clean stop: no request or job uses it any more). */
export async function closeDb(): Promise<void> {
  const current = processDb;
  processDb = undefined;
  await current?.db.$disconnect();
}
