/**
 * Checks that Next.js's server output holds no stateful server module of its own: such a module
 * must come from the `@selfcare/server` package at run time (`serverExternalPackages`), or the
 * process would hold two copies of it (two database pools, two session caches, two rate
 * limiters) and the web server's tRPC calls would not share them with the pages.
 *
 * The evidence is the source maps Next.js writes beside its server chunks: they list every
 * module bundled into each chunk. Pure modules the pages share with the browser (zod schemas,
 * pure rules) may be bundled; a module under server/api, server/auth, server/db, server/jobs or
 * server/http, a `*.service.ts`, any module that imports "server-only", and any file of the
 * compiled package must not. `scripts/build.ts` runs this after every `next build`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const STATEFUL_FOLDERS = ["server/api/", "server/auth/", "server/db/", "server/jobs/", "server/http/"];
const COMPILED_PACKAGE = /(^|\/)(node_modules\/\.selfcare-server|server\/dist)\//;
/** How a chunk names the compiled package it loads at run time. */
const PACKAGE_REFERENCE = /require\("\.selfcare-server(-[0-9a-f]+)?\//;

export type BundledModule = { module: string; chunk: string; reason: string };

export type NextOutputReport = {
  /** Source maps read: none means nothing could be checked. */
  maps: number;
  /** Chunks that load the server package at run time. */
  packageReferences: number;
  bundled: BundledModule[];
};

type SourceMap = { sources?: string[]; sections?: { map: SourceMap }[] };

function filesUnder(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function sourcesOf(map: SourceMap): string[] {
  return [...(map.sources ?? []), ...(map.sections ?? []).flatMap((section) => sourcesOf(section.map))];
}

/** A map's source as a path from the project folder: `../../../server/db/client.ts` -> `server/db/client.ts`. */
function projectPath(source: string, mapFile: string, projectDir: string): string {
  const decoded = decodeURIComponent(source.replace(/^turbopack:\/\/\/\[project\]\//, ""));
  const absolute = path.isAbsolute(decoded) ? decoded : path.resolve(path.dirname(mapFile), decoded);
  return path.relative(projectDir, absolute).split(path.sep).join("/");
}

/** Why a bundled module must not be in Next's output, or null when it may. */
export function whyNotBundled(module: string, readSource: (module: string) => string | null): string | null {
  if (COMPILED_PACKAGE.test(module)) return "a file of the compiled @selfcare/server package";
  if (!module.startsWith("server/")) return null;
  if (STATEFUL_FOLDERS.some((folder) => module.startsWith(folder))) return `under ${module.split("/", 2).join("/")}/`;
  if (module.endsWith(".service.ts")) return "a service";
  if (/^\s*import\s+["']server-only["']/m.test(readSource(module) ?? "")) return 'it imports "server-only"';
  return null;
}

export function checkNextOutput(distDir: string, projectDir = ROOT): NextOutputReport {
  const serverDir = path.join(distDir, "server");
  const readSource = (module: string) => {
    const file = path.join(projectDir, module);
    return existsSync(file) ? readFileSync(file, "utf8") : null;
  };
  const bundled = new Map<string, BundledModule>();
  const maps = filesUnder(serverDir, ".js.map");
  for (const mapFile of maps) {
    const map = JSON.parse(readFileSync(mapFile, "utf8")) as SourceMap;
    for (const source of sourcesOf(map)) {
      const sourceModule = projectPath(source, mapFile, projectDir);
      if (bundled.has(sourceModule)) continue;
      const reason = whyNotBundled(sourceModule, readSource);
      if (reason)
        bundled.set(sourceModule, {
          module: sourceModule,
          chunk: path.relative(distDir, mapFile.slice(0, -4)),
          reason,
        });
    }
  }
  const packageReferences = filesUnder(serverDir, ".js").filter((file) =>
    PACKAGE_REFERENCE.test(readFileSync(file, "utf8")),
  ).length;
  return { maps: maps.length, packageReferences, bundled: [...bundled.values()] };
}

/** The report as the lines of an error, or null when the output is as it must be. */
export function problemsOf(report: NextOutputReport): string[] | null {
  const problems: string[] = [];
  if (report.maps === 0) problems.push("no source maps in the server output, so nothing could be checked");
  if (report.packageReferences === 0) problems.push("no server chunk loads the @selfcare/server package at run time");
  for (const { module, chunk, reason } of report.bundled)
    problems.push(`${module} is bundled into ${chunk} (${reason})`);
  return problems.length > 0 ? problems : null;
}
