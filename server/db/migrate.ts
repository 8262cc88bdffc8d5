import "server-only";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { log as logger } from "../log";

/** The project folder: the first one above this file with prisma/migrations (this file runs from server/db or compiled, from node_modules/.selfcare-server/db). */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "prisma/migrations"))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`No prisma/migrations above ${from}`);
  }
}

const ROOT = findProjectRoot(import.meta.dirname);
const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

async function listMigrations(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Names of migrations in prisma/migrations that the database has not applied yet. */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows: tables } = await client.query(`SELECT to_regclass('public._prisma_migrations') AS t`);
    const applied = new Set<string>();
    if (tables[0]?.t) {
      const { rows } = await client.query(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      for (const row of rows) applied.add(row.migration_name);
    }
    return (await listMigrations()).filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

/** Applies pending migrations with `prisma migrate deploy` (skipped when none are pending). */
export async function applyMigrations(
  databaseUrl: string,
  log: (line: string) => void = (line) => logger.info(line),
): Promise<number> {
  const pending = await pendingMigrations(databaseUrl);
  if (!pending.length) return 0;
  log(`[db] applying ${pending.length} migration(s): ${pending.join(", ")}`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`)),
    );
  });
  return pending.length;
}
