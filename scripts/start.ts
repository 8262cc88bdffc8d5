/**
 * The orchestrator behind `npm start` and `npm run dev`. Without DATABASE_URL it runs an
 * embedded PostgreSQL in DATA_DIR; either way it applies pending migrations, seeds the demo data
 * on an empty demo database, runs the job runner in this process, and starts the web server
 * (scripts/serve.ts) as a child process on PORT.
 *
 *   npm start      tsx scripts/build.ts --if-needed, then node dist/start.js (this file, compiled)
 *   npm run dev    the same with --dev: the web server runs Next.js in development mode and is
 *                  restarted when server/ changes (scripts/dev-server.ts)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ownStopSignals, startEmbeddedDatabase, type EmbeddedDatabase } from "@selfcare/server/db/embedded";
import { kyselyOverPool } from "@selfcare/server/db/kysely";
import { applyMigrations } from "@selfcare/server/db/migrate";
import { loadOrCreateSecrets } from "@selfcare/server/db/secrets";
import { migrateJobQueue, startJobRunner, stopJobRunner } from "@selfcare/server/jobs/runner";
import type { Runner } from "graphile-worker";
import { seedDemo } from "../prisma/seed/seed-demo";
import { SERVE_ARGS } from "./serve-args";

const ROOT = path.resolve(import.meta.dirname, "..");
const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? ".data");
const log = (line: string) => console.log(line);
const startedAt = Date.now();
/** How long a stop lets running jobs finish before releasing them to the queue. */
const jobsDeadlineMs = (Number(process.env.SHUTDOWN_DEADLINE_SECONDS) || 25) * 1000;

let embedded: EmbeddedDatabase | undefined;
let server: ChildProcess | undefined;
let jobs: Runner | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  // The web server has drained and closed its pool; the job runner goes next, then the database.
  if (jobs) {
    const ended = await stopJobRunner(jobs, jobsDeadlineMs).catch(() => "released");
    log(
      `[jobs] stopped: ${ended === "finished" ? "running jobs finished" : "jobs still running were released to the queue"}`,
    );
  }
  if (embedded) {
    log("[db] stopping embedded PostgreSQL");
    await embedded.stop();
  }
  process.exit(code);
}

ownStopSignals();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));

async function isEmpty(databaseUrl: string): Promise<boolean> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on("error", () => {});
  try {
    return !(await kyselyOverPool(pool).selectFrom("User").select("id").limit(1).executeTakeFirst());
  } finally {
    await pool.end();
  }
}

async function waitUntilHealthy(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!isDev && !existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    log(`[start] no production build in ${distDir}: run \`npm run build\` first (\`npm start\` does)`);
    return stop(1);
  }
  let databaseUrl = process.env.DATABASE_URL;
  const shouldSeed = !databaseUrl || process.env.SEED_DEMO === "1";
  if (!databaseUrl) {
    log(`[db] starting embedded PostgreSQL in ${path.join(dataDir, "postgres")}`);
    embedded = await startEmbeddedDatabase({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT) || undefined });
    databaseUrl = embedded.url;
    log(`[db] embedded PostgreSQL on port ${embedded.port}`);
  }
  process.env.DATABASE_URL = databaseUrl;
  await applyMigrations(databaseUrl, log);
  await migrateJobQueue(databaseUrl);
  if (shouldSeed && (await isEmpty(databaseUrl))) {
    log("[seed] empty demo database: seeding demo data");
    const { customers, ms } = await seedDemo(databaseUrl, { log });
    log(`[seed] ${customers} customers in ${(ms / 1000).toFixed(1)} s`);
  }

  const secrets = await loadOrCreateSecrets(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secrets.nextAuthSecret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    PORT: String(port),
    VAPID_PUBLIC_KEY: secrets.vapidPublicKey,
    VAPID_PRIVATE_KEY: secrets.vapidPrivateKey,
  };
  // The job runner in this process sends web push too.
  process.env.VAPID_PUBLIC_KEY = secrets.vapidPublicKey;
  process.env.VAPID_PRIVATE_KEY = secrets.vapidPrivateKey;

  if (process.env.JOBS !== "off") jobs = await startJobRunner(databaseUrl);

  // The web server (scripts/serve.ts): compiled in production; in development under a watcher that
  // compiles server/ again and restarts it on every change.
  server = isDev
    ? spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/dev-server.ts"], { cwd: ROOT, env, stdio: "inherit" })
    : spawn(process.execPath, SERVE_ARGS, { cwd: ROOT, env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
  server.on("exit", (code) => void stop(code ?? 0));
  await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`);
  log(`[start] Selfcare is ready on http://localhost:${port} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
}

main().catch((error) => {
  console.error(error);
  void stop(1);
});
