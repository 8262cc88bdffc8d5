import "server-only";
import type http from "node:http";

/**
 * How long a keep-alive connection may sit idle. Longer than the idle timeout of the usual load
 * balancers and clients (60 s), so the server is never the side that closes a connection a client
 * has just chosen to reuse: that race answers the client's request with ECONNRESET.
 */
export const KEEP_ALIVE_MS = 65_000;

export type GracefulServer = {
  /** Requests being answered now. */
  inFlight(): number;
  /**
   * Stops accepting connections, lets the requests in flight finish (up to `deadlineMs`, then cuts
   * what is left), and resolves once every connection is closed: `drained` is false when the deadline cut some.
   */
  shutdown(deadlineMs: number): Promise<{ drained: boolean }>;
};

/** Keep-alive and draining for a Node HTTP server (scripts/serve.ts; a deploy sends SIGTERM). */
export function makeGraceful(server: http.Server): GracefulServer {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Node requires the headers timeout to outlast the keep-alive one.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;

  let inFlight = 0;
  let stopping = false;
  let onIdle: (() => void) | undefined;

  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    inFlight += 1;
    // A connection that asks for another request after the drain began is told to close.
    if (stopping && !response.headersSent) response.setHeader("Connection", "close");
    response.once("close", () => {
      inFlight -= 1;
      if (stopping) {
        // The connection this response used is idle now: close it rather than keep it alive.
        server.closeIdleConnections();
        if (inFlight === 0) onIdle?.();
      }
    });
  });

  return {
    inFlight: () => inFlight,
    shutdown(deadlineMs) {
      stopping = true;
      return new Promise((resolve) => {
        let drained = true;
        const timer = setTimeout(() => {
          drained = false;
          server.closeAllConnections();
        }, deadlineMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve({ drained });
        });
        server.closeIdleConnections();
        onIdle = () => server.closeIdleConnections();
      });
    },
  };
}
