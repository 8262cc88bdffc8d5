/**
 * Builds the service worker after `next build`: esbuild bundles sw/sw.ts, then Workbox
 * `injectManifest` writes the precache list (the build's static files, icons, offline page)
 * into public/sw.js. `npm run build`, `npm start` and `npm test` run it after every build.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { injectManifest } from "workbox-build";

const ROOT = path.resolve(import.meta.dirname, "..");
const distDir = path.resolve(ROOT, process.env.NEXT_DIST_DIR ?? ".next");
const swDest = path.join(ROOT, "public/sw.js");

/** Files under public/ the worker keeps, with a revision from their content. */
const PUBLIC_ASSETS = [
  "offline.html",
  "icons/icon-192.png",
  "icons/icon-512.png",
  "icons/maskable-192.png",
  "icons/maskable-512.png",
  "icons/badge-96.png",
  "icons/favicon-32.png",
  "icons/apple-touch-icon.png",
];

function revisionOf(file: string): string {
  return createHash("sha256")
    .update(readFileSync(path.join(ROOT, "public", file)))
    .digest("hex")
    .slice(0, 16);
}

export async function buildServiceWorker(): Promise<{ count: number; size: number; buildId: string }> {
  const buildIdFile = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildIdFile)) throw new Error(`No Next.js build in ${distDir}: run next build first`);
  const buildId = readFileSync(buildIdFile, "utf8").trim();

  const workDir = await mkdtemp(path.join(os.tmpdir(), "selfcare-sw-"));
  try {
    const bundled = path.join(workDir, "sw.js");
    await build({
      entryPoints: [path.join(ROOT, "sw/sw.ts")],
      outfile: bundled,
      bundle: true,
      format: "iife",
      platform: "browser",
      target: ["chrome109", "firefox115", "safari16"],
      minify: true,
      sourcemap: false,
      // Workbox leaves its development logging out in production.
      define: { "process.env.NODE_ENV": '"production"', __BUILD_ID__: JSON.stringify(buildId) },
      logLevel: "warning",
    });
    const { count, size, warnings } = await injectManifest({
      swSrc: bundled,
      swDest,
      globDirectory: distDir,
      globPatterns: ["static/**/*.{js,css,woff2,woff,ttf,png,jpg,svg,webp,avif,ico}"],
      // Next.js serves <distDir>/static at /_next/static; the file names carry content hashes.
      modifyURLPrefix: { "static/": "/_next/static/" },
      dontCacheBustURLsMatching: /^\/_next\/static\//,
      additionalManifestEntries: PUBLIC_ASSETS.map((file) => ({ url: `/${file}`, revision: revisionOf(file) })),
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    });
    for (const warning of warnings) console.warn(`[sw] ${warning}`);
    return { count, size, buildId };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  buildServiceWorker()
    .then(({ count, size, buildId }) => {
      console.log(
        `[sw] public/sw.js for build ${buildId}: ${count} files precached (${(size / 1024).toFixed(0)} kB), ${Date.now() - started} ms`,
      );
    })
    .catch((error) => {
      console.error("[sw] build failed:", error);
      process.exit(1);
    });
}
