/**
 * The production HTTP server, which `npm start` runs in place of `next start`: tRPC calls under
 * /api/trpc/ go straight to the router through tRPC's Node adapter; the build's scripts and styles
 * go brotli-compressed to browsers that accept it; everything else (pages, next-auth,
 * /api/health, the PDFs, other static files) goes to Next.js. The router, the context and
 * so the answers are the same as the App Router route (app/api/trpc), which `next dev` serves;
 * the direct path skips Next's request routing, most of a small call's CPU (`npm run bench:bills`).
 *
 *   PORT=3000 NEXT_DIST_DIR=.next tsx scripts/serve.ts   (after `next build`)
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { createContextFromNode } from "../server/api/context";
import { appRouter } from "../server/api/root";
import { SECURITY_HEADERS } from "../server/http/security-headers";
import { createStaticBrotli } from "../server/http/static-brotli";
import { createTrpcNodeHandler } from "../server/http/trpc-node-handler";

const ROOT = path.resolve(import.meta.dirname, "..");
const TRPC_PATH = "/api/trpc/";
const port = Number(process.env.PORT ?? 3000);

async function main() {
  const app = next({ dev: false, dir: ROOT, port });
  const handleWithNext = app.getRequestHandler();
  const handleTrpc = createTrpcNodeHandler({
    router: appRouter,
    basePath: TRPC_PATH,
    createContext: createContextFromNode,
  });
  const serveStaticBrotli = createStaticBrotli(path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next"));
  await app.prepare();

  const server = http.createServer((request, response) => {
    if (request.url?.startsWith(TRPC_PATH)) {
      for (const header of SECURITY_HEADERS) response.setHeader(header.key, header.value);
      handleTrpc(request, response).catch((error: unknown) => {
        console.error("[serve] tRPC call failed:", error);
        if (!response.headersSent) response.statusCode = 500;
        response.end();
      });
      return;
    }
    void serveStaticBrotli(request, response).then((served) => {
      if (!served) return handleWithNext(request, response);
    });
  });
  server.listen(port, () => console.log(`[serve] ready on http://localhost:${port}`));

  const stop = () => {
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error("[serve] could not start:", error);
  process.exit(1);
});
