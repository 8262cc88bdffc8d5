/**
 * `npm run lighthouse`: Lighthouse 12 (node API) in Debian's Chromium, mobile emulation (the
 * default config: Moto G Power, simulated slow 4G and 4x CPU), 3 runs per page, on /sign-in and
 * on the subscriber dashboard signed in as +79001000001. Prints the median of each score and
 * metric, and the dashboard's first-load JavaScript (compressed) from the build manifests.
 *
 * LIGHTHOUSE_PAGES=dashboard measures one page only; LIGHTHOUSE_REPORT_DIR=dir keeps the reports.
 * LIGHTHOUSE_URL=http://host:port measures a running server; otherwise a production server is
 * started on LIGHTHOUSE_PORT (3570) with its own embedded database in .data/lighthouse.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { signIn } from "./session-cookie";
import { buildIfNeeded } from "./build";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const distDir = path.resolve(ROOT, process.env.NEXT_DIST_DIR ?? ".next");
const port = Number(process.env.LIGHTHOUSE_PORT ?? 3570);
const TARGETS = { performance: 90, accessibility: 95, "best-practices": 95, lcpMs: 2500, cls: 0.1, firstLoadKb: 170 };

type Measure = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /** Scripts the page requested before its load event, as transferred (compressed) in this run. */
  scriptKbBeforeLoad: number;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function startServer(): Promise<{ base: string; stop: () => Promise<void> }> {
  if (process.env.LIGHTHOUSE_URL) return { base: process.env.LIGHTHOUSE_URL.replace(/\/$/, ""), stop: async () => {} };
  const base = `http://localhost:${port}`;
  console.log(`[lighthouse] starting a production server on ${base} (.data/lighthouse)`);
  await buildIfNeeded();
  const server: ChildProcess = spawn(process.execPath, ["dist/start.js"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: ".data/lighthouse",
      EMBEDDED_PG_PORT: process.env.LIGHTHOUSE_PG_PORT ?? "55570",
      JOBS: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the server stopped while starting");
    if (
      await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    base,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    },
  };
}

async function measure(url: string, chromePort: number, cookie?: string): Promise<Measure> {
  const result = await lighthouse(url, {
    port: chromePort,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices"],
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  // LIGHTHOUSE_REPORT_DIR=dir keeps each run's full report (JSON) to see where the time went.
  if (process.env.LIGHTHOUSE_REPORT_DIR) {
    mkdirSync(process.env.LIGHTHOUSE_REPORT_DIR, { recursive: true });
    const name = `${new URL(url).pathname.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "root"}-${Date.now()}.json`;
    writeFileSync(path.join(process.env.LIGHTHOUSE_REPORT_DIR, name), JSON.stringify(result.lhr));
  }
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  if (result.lhr.finalDisplayedUrl !== url)
    throw new Error(`${url} ended at ${result.lhr.finalDisplayedUrl} (not signed in?)`);
  const failing = Object.values(audits).filter(
    (audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === "binary",
  );
  if (failing.length)
    console.log(`  failing audits on ${new URL(url).pathname}: ${failing.map((audit) => audit.id).join(", ")}`);
  const observedLoad =
    (audits.metrics?.details as { items?: { observedLoad?: number }[] } | undefined)?.items?.[0]?.observedLoad ??
    Infinity;
  const requests =
    (
      audits["network-requests"]?.details as
        { items?: { resourceType?: string; networkRequestTime?: number; transferSize?: number }[] } | undefined
    )?.items ?? [];
  const scriptBytes = requests
    .filter((request) => request.resourceType === "Script" && (request.networkRequestTime ?? Infinity) <= observedLoad)
    .reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  return {
    scriptKbBeforeLoad: scriptBytes / 1024,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcpMs: value("largest-contentful-paint"),
    tbtMs: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    fcpMs: value("first-contentful-paint"),
  };
}

/**
 * The JavaScript a first visit to the dashboard loads: the root main files of the build manifest
 * and every client entry of the dashboard's client reference manifest (root layout and error
 * boundary, the subscriber layout, its loading and error boundaries, the page), gzip and brotli
 * compressed. Chunks loaded later on purpose (next/dynamic: the usage chart, the offline pieces)
 * are not first-load JavaScript and are not counted.
 */
function dashboardFirstLoadJs(): { files: number; rawKb: number; gzipKb: number; brotliKb: number } {
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const manifestFile = path.join(distDir, "server/app/(subscriber)/dashboard/page_client-reference-manifest.js");
  const sandbox = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
  new Function("globalThis", readFileSync(manifestFile, "utf8"))(sandbox);
  const entries = Object.values(sandbox.__RSC_MANIFEST)[0]?.entryJSFiles ?? {};
  // A not-found page is a server component rendered only when a page is missing: its client
  // pieces are not in a dashboard's payload and are not loaded (the Lighthouse network log agrees).
  const loaded = Object.entries(entries).filter(([entry]) => !/\/not-found$/.test(entry));
  const files = new Set([...buildManifest.rootMainFiles, ...loaded.flatMap(([, entryFiles]) => entryFiles)]);
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const source = readFileSync(path.join(distDir, file));
    raw += source.length;
    gzip += gzipSync(source, { level: 6 }).length;
    brotli += brotliCompressSync(source, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files: files.size, rawKb: raw / 1024, gzipKb: gzip / 1024, brotliKb: brotli / 1024 };
}

function verdict(ok: boolean) {
  return ok ? "ok" : "BELOW TARGET";
}

async function main() {
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    throw new Error(`No production build in ${distDir}: run npm run build first`);
  const server = await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const cookie = await signIn(server.base, "+79001000001");
    const only = process.env.LIGHTHOUSE_PAGES?.split(",").map((name) => name.trim());
    const pages = [
      { name: "/sign-in", url: `${server.base}/sign-in`, cookie: undefined },
      { name: "/dashboard (signed in)", url: `${server.base}/dashboard`, cookie },
    ].filter((page) => !only || only.some((name) => page.url.endsWith(`/${name}`)));
    const rows: (Measure & { name: string })[] = [];
    for (const page of pages) {
      const runs: Measure[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const result = await measure(page.url, chrome.port, page.cookie);
        console.log(
          `[lighthouse] ${page.name} run ${run}: performance ${result.performance}, accessibility ${result.accessibility}, best practices ${result.bestPractices}, LCP ${Math.round(result.lcpMs)} ms`,
        );
        runs.push(result);
      }
      const pick = (key: keyof Measure) => median(runs.map((run) => run[key]));
      rows.push({
        name: page.name,
        performance: pick("performance"),
        accessibility: pick("accessibility"),
        bestPractices: pick("bestPractices"),
        lcpMs: pick("lcpMs"),
        tbtMs: pick("tbtMs"),
        cls: pick("cls"),
        fcpMs: pick("fcpMs"),
        scriptKbBeforeLoad: pick("scriptKbBeforeLoad"),
      });
    }

    console.log(
      `\nLighthouse ${RUNS > 1 ? `median of ${RUNS} runs` : "1 run"}, mobile emulation (Chromium ${await chromeVersion(chrome.port)}):`,
    );
    console.log("page                     perf  a11y  best-pr  LCP      TBT     CLS    FCP");
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(24)} ${String(row.performance).padStart(4)}  ${String(row.accessibility).padStart(4)}  ${String(row.bestPractices).padStart(7)}  ${`${(row.lcpMs / 1000).toFixed(2)} s`.padStart(7)}  ${`${Math.round(row.tbtMs)} ms`.padStart(6)}  ${row.cls.toFixed(3).padStart(5)}  ${`${(row.fcpMs / 1000).toFixed(2)} s`.padStart(6)}`,
      );
      console.log(
        `${"".padEnd(24)} scripts before load: ${row.scriptKbBeforeLoad.toFixed(1)} kB transferred; ${verdict(row.performance >= TARGETS.performance && row.accessibility >= TARGETS.accessibility && row.bestPractices >= TARGETS["best-practices"] && row.lcpMs <= TARGETS.lcpMs && row.cls <= TARGETS.cls)}`,
      );
    }
    const js = dashboardFirstLoadJs();
    console.log(
      // The production server (scripts/serve.ts) sends the build's scripts brotli-compressed to browsers that accept it.
      `\nDashboard first-load JS: ${js.files} files, ${js.rawKb.toFixed(0)} kB raw, ${js.gzipKb.toFixed(1)} kB gzip, ${js.brotliKb.toFixed(1)} kB brotli as served (target ≤ ${TARGETS.firstLoadKb} kB compressed: ${verdict(js.brotliKb <= TARGETS.firstLoadKb)})`,
    );
  } finally {
    await chrome.kill();
    await server.stop();
  }
}

async function chromeVersion(chromePort: number): Promise<string> {
  const version = (await (await fetch(`http://127.0.0.1:${chromePort}/json/version`)).json()) as { Browser?: string };
  return version.Browser?.replace(/^[^/]*\//, "") ?? "unknown";
}

main().catch((error) => {
  console.error("[lighthouse]", error instanceof Error ? error.message : error);
  process.exit(1);
});
