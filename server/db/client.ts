import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { log } from "../log";

export type Database = PrismaClient;

const TIMESTAMP_OID = 1114;

/**
 * Prisma stores DateTime in `timestamp` columns as UTC. Plain pg would read them as local time,
 * so the pool reads them as UTC too (Prisma's adapter passes its own parsers with each query).
 */
const utcTimestamps: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

const pools = new WeakMap<Database, pg.Pool>();

export function createDatabase(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types: utcTimestamps });
  // Without a listener, an idle client's error (a database restart) crashes the process.
  pool.on("error", (error) => log.warn({ err: error }, "idle database client error"));
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  pools.set(db, pool);
  return db;
}

/**
 * The connection pool under a client from `createDatabase`, for the few statements on every
 * request's path (the session, the bill list) where Prisma's per-statement cost (about 0.9 ms of
 * CPU, against 0.25 ms for pg; `npm run bench:bills`) is most of the work. Everything else goes
 * through Prisma.
 */
export function poolOf(db: Database): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("poolOf: this client was not made by createDatabase");
  return pool;
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
