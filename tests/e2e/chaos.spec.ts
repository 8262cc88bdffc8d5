import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { ChaosReport } from "../../scripts/chaos/chaos";

/**
 * A short round of `npm run chaos`: subscribers pay, change tariffs and open requests while
 * PostgreSQL restarts and the app is stopped with SIGTERM and started again. The app answers 503
 * while the database is away (never 500), recovers by itself, and every acknowledged write is in
 * the database exactly once, with money applied once; the job queue drains afterwards.
 */
test("a database restart and a deploy under load lose nothing and double nothing", async () => {
  test.setTimeout(420_000);
  const reportFile = path.join(mkdtempSync(path.join(os.tmpdir(), "chaos-")), "report.json");
  const round = spawn("node_modules/.bin/tsx", ["--import", "./scripts/empty-server-only.mjs", "scripts/chaos.ts"], {
    env: {
      ...process.env,
      CHAOS_PORT: String(Number(process.env.E2E_PORT ?? 3100) + 3),
      CHAOS_SECONDS: "25",
      CHAOS_DATABASE_RESTARTS: "1",
      CHAOS_APP_STOPS: "1",
      CHAOS_SUBSCRIBERS: "6",
      CHAOS_CUSTOMERS: "40",
      CHAOS_REPORT: reportFile,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  round.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  round.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => round.once("exit", resolve));
  expect(code, output).toBe(0);

  const report = JSON.parse(readFileSync(reportFile, "utf8")) as ChaosReport;
  expect(report.failures, output).toEqual([]);
  expect(report.violations, output).toEqual([]);
  expect(report.databaseRestarts, output).toBe(1);
  expect(report.appRestarts, output).toBe(1);
  expect(report.acknowledged.payments, output).toBeGreaterThan(0);
  expect(report.acknowledged.requests, output).toBeGreaterThan(0);
  expect(report.acknowledged.tariffChanges, output).toBeGreaterThan(0);
  expect(report.acknowledgedAfterLastDisruption, output).toBeGreaterThan(0);
  // The database was away: calls saw 503 or no answer, and were retried until answered.
  const refused = Object.values(report.calls).some((outcomes) => Object.keys(outcomes).some((o) => o !== "OK"));
  expect(refused, output).toBe(true);
  expect(report.jobsPending, output).toBe(0);
});
