/**
 * What the benchmark scripts share: their command-line numbers, the 100,000-customer database
 * (DATABASE_URL; or the embedded server on EMBEDDED_PG_PORT, default 55600, in DATA_DIR, default
 * .data/bench, reused when it already runs, started otherwise, migrated and seeded when empty),
 * and percentiles.
 */
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../server/db/embedded";
import { kyselyOverPool } from "../../server/db/kysely";
import { applyMigrations } from "../../server/db/migrate";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** `--<name> <positive integer>` from the command line, or the fallback. */
export function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export type BenchDatabase = { url: string; customers: number; embedded?: EmbeddedDatabase };

/** The bench database, migrated, and seeded with `customers` customers if it has none. */
export async function openBenchDatabase(customers: number): Promise<BenchDatabase> {
  const opened = await openServer();
  await applyMigrations(opened.url, () => {});
  const existing = await countCustomers(opened.url);
  if (existing > 0) return { ...opened, customers: existing };
  console.log(`[bench] seeding ${customers.toLocaleString("en-US")} customers (a few minutes)`);
  await seedDemo(opened.url, { customers, log: (line) => console.log(line) });
  return { ...opened, customers };
}

async function openServer(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const port = Number(process.env.EMBEDDED_PG_PORT) || 55600;
  if (await isListening(port)) {
    console.log(`[bench] using the PostgreSQL server already running on port ${port}`);
    return { url: `postgresql://selfcare:selfcare@127.0.0.1:${port}/selfcare` };
  }
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? ".data/bench");
  console.log(`[bench] starting embedded PostgreSQL in ${dataDir} on port ${port}`);
  const embedded = await startEmbeddedDatabase({ dataDir, port });
  return { url: embedded.url, embedded };
}

async function countCustomers(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on("error", () => {});
  try {
    const { n } = await kyselyOverPool(pool)
      .selectFrom("Customer")
      .select((eb) => eb.cast<number>(eb.fn.countAll(), "integer").as("n"))
      .executeTakeFirstOrThrow();
    return n;
  } finally {
    await pool.end();
  }
}

/** The value at percentile p (0..100) of ascending values. */
export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
