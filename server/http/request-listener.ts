import "server-only";
import type http from "node:http";
import { createContextFromNode } from "../api/context";
import { appRouter } from "../api/root";
import { MAX_BODY_BYTES } from "../domain/http-limits";
import {
  CLIENT_IP_HEADER,
  CLIENT_PROTOCOL_HEADER,
  parseTrustedProxies,
  resolveClientAddress,
  resolveClientProtocol,
} from "../domain/identity/client-address";
import { log, REQUEST_ID_HEADER, requestIdFrom, runWithRequestId } from "../log";
import { contentSecurityPolicy, createNonce, securityHeadersFor } from "./security-headers";
import { createStaticBrotli } from "./static-brotli";
import { createTrpcNodeHandler } from "./trpc-node-handler";

export const TRPC_PATH = "/api/trpc/";

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<unknown>;

type Options = {
  /** Next.js's request handler: pages, next-auth, /api/health, the PDFs, other static files. */
  handleWithNext: Handler;
  /** The build folder (NEXT_DIST_DIR) whose scripts and styles are sent brotli-compressed; none in development. */
  distDir?: string;
  /** Which proxies' X-Forwarded-For to believe (README: `TRUSTED_PROXIES`); the environment's value by default. */
  trustedProxies?: string;
  /** 'unsafe-eval' in the scripts' policy, which `next dev` needs; never in production. By default: NODE_ENV is not production. */
  allowsEval?: boolean;
};

function headerValue(request: http.IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
}

/**
 * The one body limit for every path, checked before anything reads the body: a declared length
 * over MAX_BODY_BYTES is refused with 413 at once (pages, next-auth, health, tRPC). Outside tRPC a
 * body without a declared length (chunked, which no form or fetch of this app sends) is refused with
 * 411, because Next would read it unbounded; tRPC counts what it reads (server/http/trpc-node-handler.ts).
 */
function bodyRefusal(request: http.IncomingMessage, isTrpc: boolean): 411 | 413 | null {
  const declared = request.headers["content-length"];
  if (declared !== undefined) return Number(declared) > MAX_BODY_BYTES ? 413 : null;
  return request.headers["transfer-encoding"] !== undefined && !isTrpc ? 411 : null;
}

function refuseBody(request: http.IncomingMessage, response: http.ServerResponse, status: 411 | 413) {
  log.warn({ url: request.url, method: request.method, status }, "request body refused");
  const message =
    status === 413 ? `The request body is over ${MAX_BODY_BYTES} bytes` : "The request body needs a Content-Length";
  // The connection closes after the answer, so the unread body is never taken in.
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end(message);
}

function fail(response: http.ServerResponse, error: unknown) {
  log.error({ err: error, url: response.req?.url }, "request failed");
  if (!response.headersSent) response.statusCode = 500;
  response.end();
}

/**
 * The web server's request listener (scripts/serve.ts), in production and in development alike.
 * Every response gets the security headers here, and only here: pages, static files, tRPC
 * answers, errors (server/http/security-headers.ts: a Content-Security-Policy with a fresh nonce,
 * HSTS over https, Permissions-Policy and the rest). tRPC calls under /api/trpc/ go straight to the router through tRPC's request
 * resolver (server/http/trpc-node-handler.ts, with its body limit), which skips Next's request
 * routing, most of a small call's CPU (`npm run bench:bills`); the build's scripts and styles go
 * brotli-compressed to browsers that accept it; everything else goes to Next.js.
 */
export function createRequestListener(options: Options): http.RequestListener {
  // Parsed once, at start: a setting that does not parse stops the server instead of trusting wrong hops.
  const trust = parseTrustedProxies(options.trustedProxies ?? process.env.TRUSTED_PROXIES);
  const allowsEval = options.allowsEval ?? process.env.NODE_ENV !== "production";
  const handleTrpc = createTrpcNodeHandler({
    router: appRouter,
    basePath: TRPC_PATH,
    createContext: createContextFromNode,
  });
  const serveStaticBrotli = options.distDir ? createStaticBrotli(options.distDir) : null;
  const handleOthers = serveStaticBrotli
    ? async (request: http.IncomingMessage, response: http.ServerResponse) => {
        if (!(await serveStaticBrotli(request, response))) await options.handleWithNext(request, response);
      }
    : options.handleWithNext;

  return (request, response) => {
    // How the client reached us, from the socket and only a trusted proxy's X-Forwarded-Proto; like
    // the address below, whatever the caller sent under the internal header's name is replaced.
    const protocol = resolveClientProtocol({
      isTlsSocket: "encrypted" in request.socket && request.socket.encrypted === true,
      socketAddress: request.socket.remoteAddress,
      forwardedProto: request.headers["x-forwarded-proto"],
      trust,
    });
    request.headers[CLIENT_PROTOCOL_HEADER] = protocol;
    // A fresh nonce per response. Next.js reads it from the request's copy of the policy and puts it
    // on every script it renders; a policy the caller sent itself never reaches Next.js.
    const policy = contentSecurityPolicy(createNonce(), { allowsEval });
    request.headers["content-security-policy"] = policy;
    delete request.headers["content-security-policy-report-only"];
    for (const header of securityHeadersFor({ policy, isHttps: protocol === "https" })) {
      response.setHeader(header.key, header.value);
    }
    // One id per request, on every log line written while serving it and echoed to the caller.
    const requestId = requestIdFrom({ get: (name) => headerValue(request, name) });
    response.setHeader(REQUEST_ID_HEADER, requestId);
    // The one client address, from the socket and only the trusted hops of X-Forwarded-For, computed
    // before anything else reads the request; whatever the caller sent under the internal header's
    // name is replaced, so pages, next-auth's authorize() and tRPC all read an address it cannot forge.
    request.headers[CLIENT_IP_HEADER] = resolveClientAddress({
      socketAddress: request.socket.remoteAddress,
      forwardedFor: request.headers["x-forwarded-for"],
      trust,
    });
    runWithRequestId(requestId, () => {
      const isTrpc = request.url?.startsWith(TRPC_PATH) ?? false;
      const refusal = bodyRefusal(request, isTrpc);
      // tRPC answers its own refusal, in the error shape its clients read.
      if (refusal && !isTrpc) return refuseBody(request, response, refusal);
      const handled = isTrpc
        ? handleTrpc(request, response, { isBodyTooLarge: refusal === 413 })
        : handleOthers(request, response);
      handled.catch((error: unknown) => fail(response, error));
    });
  };
}
