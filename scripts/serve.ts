/**
 * The web server: one Node HTTP server around Next.js, whose request listener
 * (server/http/request-listener.ts) sets the security headers, answers tRPC calls itself and
 * hands the rest to Next.js. The same entry in production and in development:
 *
 *   node dist/serve.js          production (compiled by scripts/build.ts; `npm start` runs it)
 *   node dist/serve.js --dev    development (`npm run dev`, through scripts/dev-server.ts)
 *
 * Server code comes from the compiled `@selfcare/server` package, which Next.js loads too
 * (`serverExternalPackages`), so the process holds one copy of each server module.
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { closeDb } from "@selfcare/server/db/client";
import { makeGraceful } from "@selfcare/server/http/graceful";
import { createRequestListener } from "@selfcare/server/http/request-listener";

const ROOT = path.resolve(import.meta.dirname, "..");
const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
/** How long a stop (SIGTERM, a deploy) waits for the requests in flight before cutting them. */
const shutdownDeadlineMs = (Number(process.env.SHUTDOWN_DEADLINE_SECONDS) || 25) * 1000;

async function main() {
  const app = next({ dev: isDev, dir: ROOT, port });
  await app.prepare();
  const listener = createRequestListener({
    handleWithNext: app.getRequestHandler(),
    // In development Next.js serves its own files, which change under the same names.
    distDir: isDev ? undefined : path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next"),
  });
  const server = http.createServer(listener);
  const graceful = makeGraceful(server);
  server.listen(port, () => console.log(`[serve] ready on http://localhost:${port}${isDev ? " (development)" : ""}`));

  // A stop answers the requests in flight (up to the deadline), then closes Next.js and the pool.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log(`[serve] stopping: ${graceful.inFlight()} request(s) in flight`);
    const { drained } = await graceful.shutdown(shutdownDeadlineMs);
    if (!drained) console.log(`[serve] cut the requests still running after ${shutdownDeadlineMs / 1000} s`);
    await app.close().catch(() => {});
    await closeDb().catch(() => {});
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error("[serve] could not start:", error);
  process.exit(1);
});
