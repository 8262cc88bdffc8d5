/**
 * Compiles server/ into the `@selfcare/server` package that every production process loads:
 * Next.js (listed in `serverExternalPackages`, so its pages and route handlers `require` it
 * instead of bundling a copy) and the HTTP server (dist/serve.js). Both then resolve the same
 * files, so each server module (the database pool, the session-token cache, the rate limiters)
 * exists once in the process.
 *
 * Each .ts file becomes one CommonJS file with the same relative path, so the compiled modules
 * are the source modules, one to one. Where the output lives is decided by Turbopack: it keeps
 * a package external only when the file it resolves to has a real path inside a node_modules
 * folder (a workspace symlink to server/ is followed and then bundled). So the output goes to
 * node_modules/.selfcare-server (npm leaves hidden folders in node_modules alone) and
 * server/dist, where the package's `exports` point, is a link to it. Types come from the
 * source (`exports` condition `types`), so type-checking needs no build.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const SERVER_DIR = path.join(ROOT, "server");
/** Server texts (messages/{ru,en}/server.json) are data the translator needs: they are inlined. */
const MESSAGES_DIR = path.join(ROOT, "messages");
export const SERVER_OUT_DIR = path.join(ROOT, "node_modules/.selfcare-server");
const SERVER_DIST_LINK = path.join(SERVER_DIR, "dist");

/** The source files of the package: every .ts file under server/ except tests, declarations and the output link. */
export function serverSourceFiles(dir = SERVER_DIR): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...serverSourceFiles(file));
    else if (entry.isFile() && /(?<!\.test|\.d)\.ts$/.test(entry.name)) files.push(file);
  }
  return files;
}

/**
 * `server-only` throws when it is loaded outside React's server environment, which a plain
 * Node process is: in compiled code it is an empty module. (Next.js bundles it into its own
 * server output, where it is also empty.)
 */
export const emptyServerOnly: esbuild.Plugin = {
  name: "empty-server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty-module" }));
    build.onLoad({ filter: /.*/, namespace: "empty-module" }, () => ({ contents: "" }));
  },
};

/**
 * One output file per source file: relative imports stay imports of the compiled neighbour
 * (`./client` -> `./client.js`), packages stay `require`s. The sources are loaded from a
 * namespace of their own, so esbuild gives default imports of CommonJS packages the same
 * `__esModule` interop as Next.js's bundler (under Node's ESM rules, `import Credentials from
 * "next-auth/providers/credentials"` would be the module object, not the function).
 */
const onePerFile: esbuild.Plugin = {
  name: "one-file-per-module",
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
      if (args.kind === "entry-point") return { path: path.resolve(args.path), namespace: "server-source" };
      if (!args.path.startsWith(".")) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      if (resolved.path.startsWith(MESSAGES_DIR + path.sep) && resolved.path.endsWith(".json"))
        return { path: resolved.path };
      if (!resolved.path.startsWith(SERVER_DIR + path.sep))
        return { errors: [{ text: `${args.importer} imports ${args.path}, which is outside server/` }] };
      let specifier = path.relative(path.dirname(args.importer), resolved.path).replace(/\.ts$/, ".js");
      if (!specifier.startsWith(".")) specifier = `./${specifier}`;
      return { path: specifier, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: "server-source" }, (args) => ({
      contents: readFileSync(args.path, "utf8"),
      loader: "ts",
      resolveDir: path.dirname(args.path),
      watchFiles: [args.path],
    }));
  },
};

function buildOptions(outdir = SERVER_OUT_DIR): esbuild.BuildOptions {
  return {
    entryPoints: serverSourceFiles(),
    outdir,
    outbase: SERVER_DIR,
    bundle: true,
    packages: "external",
    format: "cjs",
    platform: "node",
    target: "node20",
    sourcemap: true,
    sourcesContent: false,
    // The only use is finding the project folder (server/db/migrate.ts); CommonJS has __dirname.
    // Any other `import.meta` would be empty in CommonJS: it fails the build instead.
    define: { "import.meta.dirname": "__dirname" },
    logOverride: { "empty-import-meta": "error" },
    plugins: [emptyServerOnly, onePerFile],
    logLevel: "warning",
  };
}

/** The compiled package's own manifest: CommonJS, whatever the project's `type` is. */
function writeOutputManifest(outdir = SERVER_OUT_DIR) {
  writeFileSync(
    path.join(outdir, "package.json"),
    `${JSON.stringify({ private: true, type: "commonjs", description: "Compiled from server/: do not edit" }, null, 2)}\n`,
  );
}

function linkDist() {
  const target = path.relative(SERVER_DIR, SERVER_OUT_DIR);
  const existing = lstatSync(SERVER_DIST_LINK, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) return;
  if (existing) rmSync(SERVER_DIST_LINK, { recursive: true, force: true });
  symlinkSync(target, SERVER_DIST_LINK, "dir");
}

/**
 * Compiles server/ from scratch (files deleted from the source disappear from the output), next
 * to the current output, which it then replaces in one rename: a server that is running (a
 * second `npm start` on the same checkout) never sees a half-written package.
 */
export async function buildServerPackage(): Promise<void> {
  const next = `${SERVER_OUT_DIR}.next`;
  const previous = `${SERVER_OUT_DIR}.previous`;
  for (const dir of [next, previous]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  await esbuild.build(buildOptions(next));
  writeOutputManifest(next);
  if (existsSync(SERVER_OUT_DIR)) renameSync(SERVER_OUT_DIR, previous);
  renameSync(next, SERVER_OUT_DIR);
  rmSync(previous, { recursive: true, force: true });
  linkDist();
}

/** Whether the compiled package is there (the link, the manifest and a module every process loads). */
export function hasServerPackage(): boolean {
  return (
    existsSync(path.join(SERVER_OUT_DIR, "package.json")) && existsSync(path.join(SERVER_DIST_LINK, "db/client.js"))
  );
}

/**
 * `npm run dev` (scripts/dev-server.ts): compiles server/ again on every change (esbuild's
 * incremental watch, which also builds once at the start) and reports each build. A file added
 * under server/ needs a restart; a deleted one stays in the output until the next full build.
 */
export async function watchServerPackage(onBuilt: (ok: boolean) => void): Promise<esbuild.BuildContext> {
  mkdirSync(SERVER_OUT_DIR, { recursive: true });
  writeOutputManifest();
  linkDist();
  const options = buildOptions();
  const report: esbuild.Plugin = {
    name: "report",
    setup: (build) => build.onEnd((result) => onBuilt(result.errors.length === 0)),
  };
  const context = await esbuild.context({ ...options, plugins: [...options.plugins!, report] });
  await context.watch();
  return context;
}
