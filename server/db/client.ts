import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";

export type Database = PrismaClient;

export function createDatabase(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // Without a listener, an idle client's error (a database restart) crashes the process.
  pool.on("error", (error) => console.warn("[db] idle client error:", error.message));
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

const globalForDb = globalThis as unknown as { selfcareDb?: { url: string; db: Database } };

/** The process-wide client for DATABASE_URL (one pool per process, reused across reloads). */
export function getDb(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (globalForDb.selfcareDb?.url !== url) {
    void globalForDb.selfcareDb?.db.$disconnect();
    globalForDb.selfcareDb = { url, db: createDatabase(url) };
  }
  return globalForDb.selfcareDb.db;
}
