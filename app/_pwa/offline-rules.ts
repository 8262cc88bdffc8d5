import { OUTBOX_PROCEDURES, type OutboxProcedure } from "./sw-protocol";

/**
 * The subscriber's own views, readable offline from what was last loaded. Nothing else is kept:
 * agent, dealer and supervisor pages show other people's data and are never cached on a device.
 */
const OFFLINE_READABLE_PATHS = [
  /^\/dashboard$/,
  /^\/bills$/,
  /^\/bills\/[^/]+$/,
  /^\/requests$/,
  // A request's page, and /requests/new, so a request can be written offline.
  /^\/requests\/[^/]+$/,
  /^\/tariffs$/,
  /^\/profile$/,
];

export function isOfflineReadablePath(pathname: string): boolean {
  return OFFLINE_READABLE_PATHS.some((pattern) => pattern.test(pathname));
}

/** A React Server Components request of the App Router (client navigation or refresh). */
export function isRscRequest(url: URL, headers: Headers): boolean {
  return headers.get("rsc") === "1" || url.searchParams.has("_rsc");
}

/** Prefetches carry only part of a page (its loading state); they are never cached. */
export function isPrefetchRequest(headers: Headers): boolean {
  return headers.has("next-router-prefetch") || headers.has("next-router-segment-prefetch");
}

/**
 * One cache entry per page and kind. `_rsc` is a cache-busting hash of the router state, different
 * for each place a navigation starts from, so it is dropped; HTML and RSC entries live in separate
 * caches, and an RSC key is marked too, so the two can never be mistaken for one another.
 */
export function pageCacheKey(url: URL, kind: "html" | "rsc"): string {
  const key = new URL(url.pathname, url.origin);
  const params = [...url.searchParams.entries()]
    .filter(([name]) => name !== "_rsc")
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [name, value] of params) key.searchParams.append(name, value);
  if (kind === "rsc") key.searchParams.set("__rsc", "1");
  return key.toString();
}

export type OutboxMutation = {
  procedure: OutboxProcedure;
  isBatch: boolean;
  idempotencyKey: string | null;
  summary: string;
  requestId?: string;
};

const SUMMARY_LENGTH = 80;

function summarize(text: unknown): string {
  const flat = typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
  return flat.length > SUMMARY_LENGTH ? `${flat.slice(0, SUMMARY_LENGTH - 1)}…` : flat;
}

/**
 * A tRPC mutation that may wait in the outbox: one procedure of OUTBOX_PROCEDURES, sent alone
 * (`/api/trpc/request.create`, batched with `?batch=1` or not), with an object input.
 */
export function parseOutboxMutation(url: URL, body: string): OutboxMutation | null {
  if (!url.pathname.startsWith("/api/trpc/")) return null;
  const procedure = decodeURIComponent(url.pathname.slice("/api/trpc/".length));
  if (!(OUTBOX_PROCEDURES as readonly string[]).includes(procedure)) return null;
  const isBatch = url.searchParams.get("batch") === "1";
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const envelope = isBatch ? (parsed as Record<string, unknown> | null)?.["0"] : parsed;
  const input = (envelope as { json?: unknown } | null)?.json;
  if (typeof input !== "object" || input === null) return null;
  const fields = input as Record<string, unknown>;
  const key = fields.idempotencyKey;
  return {
    procedure: procedure as OutboxProcedure,
    isBatch,
    idempotencyKey: typeof key === "string" && key.length >= 8 && key.length <= 100 ? key : null,
    summary: summarize(procedure === "request.create" ? fields.subject : fields.body),
    requestId: typeof fields.requestId === "string" ? fields.requestId : undefined,
  };
}

export type DeliveryOutcome = "DELIVERED" | "NEEDS_SIGN_IN" | "RETRY" | "REJECTED";

/**
 * What the server's answer to a replay means for the item. 401: the session ended, keep it and
 * ask to sign in. 408, 429, 5xx: try again later. Any other refusal (400, 403, 404, 409) will not
 * change by retrying: the item stays, marked, for the user to read and discard.
 */
export function deliveryOutcome(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return "DELIVERED";
  if (status === 401) return "NEEDS_SIGN_IN";
  if (status === 408 || status === 429 || status >= 500) return "RETRY";
  return "REJECTED";
}

type TrpcEnvelope = { result?: { data?: { json?: unknown } }; error?: { json?: { message?: unknown } } };

function firstEnvelope(json: unknown, isBatch: boolean): TrpcEnvelope | undefined {
  return (isBatch ? (Array.isArray(json) ? json[0] : undefined) : json) as TrpcEnvelope | undefined;
}

/** The id of what the server created (the request, the message), from a tRPC response body. */
export function resultIdOf(json: unknown, isBatch: boolean): string | undefined {
  const data = firstEnvelope(json, isBatch)?.result?.data?.json as { id?: unknown } | undefined;
  return typeof data?.id === "string" ? data.id : undefined;
}

/** The server's reason for refusing, from a tRPC error body. */
export function errorMessageOf(json: unknown, isBatch: boolean): string | undefined {
  const message = firstEnvelope(json, isBatch)?.error?.json?.message;
  return typeof message === "string" ? message : undefined;
}

/**
 * The worker's answer to a mutation it kept in the outbox: a tRPC error (503, SERVICE_UNAVAILABLE)
 * whose message says it will be sent, so any form shows it; `data.queued` tells a form that knows.
 */
export function queuedResponseBody(input: {
  procedure: string;
  isBatch: boolean;
  message: string;
  outboxId: string;
}): string {
  const error = {
    json: {
      message: input.message,
      code: -32603,
      data: {
        code: "SERVICE_UNAVAILABLE",
        httpStatus: 503,
        path: input.procedure,
        queued: true,
        outboxId: input.outboxId,
      },
    },
  };
  return JSON.stringify(input.isBatch ? [{ error }] : { error });
}
