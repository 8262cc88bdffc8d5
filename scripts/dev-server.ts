/**
 * The web server of `npm run dev` (started by scripts/start.ts --dev): `node dist/serve.js --dev`,
 * the production entry with Next.js in development mode. Next.js reloads app/ by itself; server
 * code is the compiled `@selfcare/server` package, loaded once per process, so this watcher
 * compiles server/ (and scripts/serve.ts) again on every change and restarts the server after
 * each successful build. The job runner in the orchestrator keeps the code it started with.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import * as esbuild from "esbuild";
import { entryScriptOptions } from "./build/entry-scripts";
import { watchServerPackage } from "./build/server-package";

const ROOT = path.resolve(import.meta.dirname, "..");
let server: ChildProcess | undefined;
let pending = 2; // the first build of each watcher
let restarting: Promise<void> = Promise.resolve();
let timer: NodeJS.Timeout | undefined;
let stopping = false;

function startServer() {
  const child = spawn(process.execPath, ["dist/serve.js", "--dev"], { cwd: ROOT, stdio: "inherit" });
  child.on("exit", (code) => {
    if (!stopping && child === server)
      console.log(`[dev] the web server stopped (exit ${code}); it starts again on the next change`);
  });
  server = child;
}

async function stopServer() {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function onBuilt(ok: boolean) {
  if (pending > 0) {
    if (--pending === 0) startServer();
    return;
  }
  if (!ok) return;
  // One restart for a burst of writes (a save that touches several files).
  clearTimeout(timer);
  timer = setTimeout(() => {
    restarting = restarting.then(async () => {
      if (stopping) return;
      console.log("[dev] server code changed: restarting the web server");
      await stopServer();
      startServer();
    });
  }, 100);
}

const serverPackage = await watchServerPackage(onBuilt);
const entryOptions = entryScriptOptions();
const entries = await esbuild.context({
  ...entryOptions,
  plugins: [
    ...entryOptions.plugins!,
    { name: "report", setup: (build) => build.onEnd((r) => onBuilt(r.errors.length === 0)) },
  ],
});
await entries.watch();

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    stopping = true;
    clearTimeout(timer);
    void Promise.all([serverPackage.dispose(), entries.dispose(), stopServer()]).finally(() => process.exit(0));
  });
