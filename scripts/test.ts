/**
 * `npm test`: unit, integration (real embedded PostgreSQL) and end-to-end (Playwright with
 * Debian's Chromium against a production build on a fresh demo database), in that order.
 * `npm test -- unit|integration|e2e` runs one layer. Ends with "N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const REPORTS = path.join(ROOT, ".data/test-reports");
const only = process.argv[2];
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };

function finish(code: number): never {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

function step(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`=== ${title}: ${ok ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  return ok;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  totals.failed += stats?.unexpected ?? 0;
  totals.skipped += stats?.skipped ?? 0;
}

function vitest(project: string) {
  const output = path.join(REPORTS, `${project}.json`);
  rmSync(output, { force: true });
  const ok = step(`${project} tests`, bin("vitest"), [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${output}`,
  ]);
  countVitest(output);
  if (!ok) finish(1);
}

mkdirSync(REPORTS, { recursive: true });
if (!only || only === "unit") vitest("unit");
if (!only || only === "integration") vitest("integration");
if (!only || only === "e2e") {
  // The compiled server, the entry scripts, `next build` (checked for bundled server code) and the service worker.
  if (process.env.SKIP_BUILD !== "1" && !step("production build", bin("tsx"), ["scripts/build.ts"])) finish(1);
  rmSync(path.join(ROOT, `.data/e2e-${process.env.E2E_PORT ?? 3100}`), { recursive: true, force: true });
  const output = path.join(REPORTS, "e2e.json");
  rmSync(output, { force: true });
  const ok = step("end-to-end tests", bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  countPlaywright(output);
  if (!ok) finish(1);
}
finish(0);
