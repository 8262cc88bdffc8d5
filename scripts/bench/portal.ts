/**
 * The production server `npm start` runs, started on a bench database (`npm run bench:bills`,
 * `npm run bench:outage`); sessions on it come from ../session-cookie.ts.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { buildIfNeeded } from "../build";
import { SERVE_ARGS } from "../serve-args";
import { isListening } from "./bench-database";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function waitUntilHealthy(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in time`);
}

export type Portal = { base: string; stop: () => Promise<void> };

/**
 * Starts the production server on `databaseUrl` and `port` (the build in NEXT_DIST_DIR, default
 * .next, built first if there is none) and waits until `/api/health` answers.
 */
export async function startPortal(databaseUrl: string, port: number): Promise<Portal> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_DIST_DIR: distDir,
    PORT: String(port),
  };
  // The compiled server and entry scripts, and a production build if there is none.
  await buildIfNeeded();
  if (await isListening(port)) throw new Error(`port ${port} is busy (use --port)`);
  const app = spawn(process.execPath, SERVE_ARGS, { cwd: ROOT, env, stdio: "ignore" });
  const stop = async () => {
    if (app.exitCode !== null) return;
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(`${base}/api/health`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}
