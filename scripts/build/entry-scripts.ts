/**
 * Compiles the two production entry points into dist/: dist/start.js (`npm start`: the embedded
 * database, migrations, the demo seed, the job runner, and the web server as a child process)
 * and dist/serve.js (the web server). Each is one ES module file; packages stay imports, and so
 * does every module under server/: it is loaded from the compiled `@selfcare/server` package
 * (scripts/build/server-package.ts), never copied in, so a process holds one copy of each.
 */
import path from "node:path";
import * as esbuild from "esbuild";
import { SERVER_DIR } from "./server-package";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const DIST_DIR = path.join(ROOT, "dist");
export const ENTRY_SCRIPTS = { start: "scripts/start.ts", serve: "scripts/serve.ts" } as const;

/** `../server/auth/password` (from prisma/seed, say) becomes `@selfcare/server/auth/password`. */
const serverFromPackage: esbuild.Plugin = {
  name: "server-from-package",
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(SERVER_DIR + path.sep)) return undefined;
      const subpath = path.relative(SERVER_DIR, resolved.path).replace(/\.ts$/, "").split(path.sep).join("/");
      return { path: `@selfcare/server/${subpath}`, external: true };
    });
  },
};

export function entryScriptOptions(): esbuild.BuildOptions {
  return {
    entryPoints: Object.entries(ENTRY_SCRIPTS).map(([name, file]) => ({ in: path.join(ROOT, file), out: name })),
    outdir: DIST_DIR,
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: true,
    sourcesContent: false,
    plugins: [serverFromPackage],
    logLevel: "warning",
  };
}

export async function buildEntryScripts(): Promise<void> {
  await esbuild.build(entryScriptOptions());
}
