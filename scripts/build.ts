/**
 * `npm run build`: everything production runs, compiled.
 *
 *   1. server/ -> the `@selfcare/server` package, one CommonJS file per module
 *      (node_modules/.selfcare-server, linked as server/dist; scripts/build/server-package.ts)
 *   2. scripts/start.ts and scripts/serve.ts -> dist/start.js and dist/serve.js
 *      (scripts/build/entry-scripts.ts)
 *   3. `next build` into NEXT_DIST_DIR (default .next), then a check that its server output
 *      bundles no stateful server module of its own (scripts/build/next-output.ts)
 *   4. the service worker, public/sw.js, which precaches the build's static files (scripts/build-sw.ts)
 *
 *   tsx scripts/build.ts               all four
 *   tsx scripts/build.ts --node        1 and 2 (`npm run dev` runs this)
 *   tsx scripts/build.ts --if-needed   what is missing or stale (`npm start` runs this): 1 and 2 when
 *                                      a file under server/, scripts/, prisma/seed/ or messages/ is newer than
 *                                      them, 3 when there is no build, 4 when it is older than the build
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { buildEntryScripts, DIST_DIR, ENTRY_SCRIPTS } from "./build/entry-scripts";
import { checkNextOutput, problemsOf } from "./build/next-output";
import { buildServerPackage, hasServerPackage, SERVER_OUT_DIR } from "./build/server-package";

const ROOT = path.resolve(import.meta.dirname, "..");
const distDir = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");
const buildIdFile = path.join(distDir, "BUILD_ID");
const serviceWorker = path.join(ROOT, "public/sw.js");
/** The sources of steps 1 and 2. */
const NODE_SOURCES = ["server", "scripts", "prisma/seed", "messages"];

const log = (line: string) => console.log(`[build] ${line}`);
const mtime = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.isFile() && /\.(ts|mts|json)$/.test(entry.name)) newest = Math.max(newest, mtime(file) ?? 0);
  }
  return newest;
}

function nodeSideIsCurrent(): boolean {
  if (!hasServerPackage()) return false;
  const outputs = [
    path.join(SERVER_OUT_DIR, "package.json"),
    ...Object.keys(ENTRY_SCRIPTS).map((name) => path.join(DIST_DIR, `${name}.js`)),
  ];
  const oldestOutput = Math.min(...outputs.map((file) => mtime(file) ?? 0));
  return NODE_SOURCES.every((dir) => newestSource(path.join(ROOT, dir)) <= oldestOutput);
}

async function buildNodeSide() {
  const started = Date.now();
  await buildServerPackage();
  await buildEntryScripts();
  log(`server/ -> @selfcare/server, dist/start.js, dist/serve.js (${Date.now() - started} ms)`);
}

function buildNext() {
  log(`next build into ${path.relative(ROOT, distDir)}`);
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  const report = checkNextOutput(distDir);
  const problems = problemsOf(report);
  if (problems) throw new Error(`Next.js's server output holds server code of its own:\n  ${problems.join("\n  ")}`);
  log(
    `${report.maps} server chunks checked: no server module bundled, ${report.packageReferences} load @selfcare/server`,
  );
}

async function buildWorker() {
  // Loaded only when needed: Workbox's build tools take a second to load, on every `npm start`.
  const { buildServiceWorker } = await import("./build-sw");
  const { count, size, buildId } = await buildServiceWorker();
  log(`public/sw.js for build ${buildId}: ${count} files precached (${(size / 1024).toFixed(0)} kB)`);
}

/** `--if-needed`: builds what is missing or stale (see above); `npm start`, the benchmarks and Lighthouse run it. */
export async function buildIfNeeded() {
  if (!nodeSideIsCurrent()) await buildNodeSide();
  const hadBuild = existsSync(buildIdFile);
  if (!hadBuild) {
    log("no production build yet: building it (once)");
    buildNext();
  }
  if (!hadBuild || (mtime(serviceWorker) ?? 0) < mtime(buildIdFile)!) await buildWorker();
}

async function main(mode: string | undefined) {
  if (mode === "--node") return buildNodeSide();
  if (mode === "--if-needed") return buildIfNeeded();
  if (mode) throw new Error(`Unknown option ${mode}: use --node or --if-needed, or nothing for a full build`);
  await buildNodeSide();
  buildNext();
  await buildWorker();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((error: unknown) => {
    console.error(`[build] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
