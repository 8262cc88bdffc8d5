import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError, type AnyTRPCRouter, type inferRouterContext } from "@trpc/server";
import { resolveResponse } from "@trpc/server/http";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "../domain/http-limits";

export { MAX_BATCH_SIZE, MAX_BODY_BYTES };

type Options<TRouter extends AnyTRPCRouter> = {
  router: TRouter;
  /** Where the procedures start: `/api/trpc/` answers `/api/trpc/bill.list`. */
  basePath: string;
  createContext: (request: IncomingMessage, headers: Headers) => Promise<inferRouterContext<TRouter>>;
};

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith(":")) continue;
    if (typeof value === "string") headers.append(name, value);
    else for (const item of value ?? []) headers.append(name, item);
  }
  return headers;
}

const tooLarge = () =>
  new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The request body is over ${MAX_BODY_BYTES} bytes` });

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      // The rest is drained unread, so the refusal can still be answered.
      request.off("data", onData);
      request.resume();
      reject(tooLarge());
    };
    request.on("data", onData);
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * tRPC's request resolver behind a plain `node:http` handler, for the non-streaming links the app
 * uses (`httpBatchLink`). tRPC's own Node adapter gives every Request an AbortSignal and pipes the
 * answer through web streams; undici then keeps each request alive in a FinalizationRegistry
 * until a full garbage collection, so at a few hundred calls a second the old generation filled
 * with dead requests and the collections paused the server (`npm run bench:bills`, half-load p99).
 * Here the Request has no signal and the answer is written as one buffer. A client that hangs
 * up does not cancel a query already running; each is one short statement or transaction.
 */
export function createTrpcNodeHandler<TRouter extends AnyTRPCRouter>(options: Options<TRouter>) {
  return async function handleTrpc(
    request: IncomingMessage,
    response: ServerResponse,
    /** The declared Content-Length is over the limit (server/http/request-listener.ts): refused unread. */
    { isBodyTooLarge = false }: { isBodyTooLarge?: boolean } = {},
  ): Promise<void> {
    const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`);
    const headers = headersOf(request);
    let body: string | undefined;
    let error: TRPCError | null = null;
    if (isBodyTooLarge) {
      error = tooLarge();
      // The connection closes after the answer, so the unread body is never taken in.
      response.setHeader("Connection", "close");
    } else if (request.method !== "GET" && request.method !== "HEAD") {
      try {
        body = await readBody(request);
      } catch (cause) {
        error =
          cause instanceof TRPCError
            ? cause
            : new TRPCError({ code: "BAD_REQUEST", message: "The request body could not be read", cause });
      }
    }
    const answer = await resolveResponse({
      router: options.router,
      req: new Request(url, { method: request.method, headers, body }),
      path: url.pathname.slice(options.basePath.length),
      // A bigger batch is refused whole with 400 BAD_REQUEST before any call in it runs.
      maxBatchSize: MAX_BATCH_SIZE,
      error,
      createContext: () => options.createContext(request, headers),
    });
    response.statusCode = answer.status;
    for (const [name, value] of answer.headers) if (name !== "set-cookie") response.setHeader(name, value);
    const cookies = answer.headers.getSetCookie();
    if (cookies.length > 0) response.setHeader("set-cookie", cookies);
    response.end(Buffer.from(await answer.arrayBuffer()));
  };
}
