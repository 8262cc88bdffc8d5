import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

export type TRPCErrorCode = TRPC_ERROR_CODE_KEY;

/** What a page needs from a failed tRPC call. */
export type TRPCFailure = {
  /** tRPC's code; null when no tRPC answer came back (a network error, a bug in the page). */
  code: TRPCErrorCode | null;
  message: string;
  /** The fields at fault, as the errorFormatter in server/api/trpc.ts reports them: path → message. */
  fields: Record<string, string>;
  /** When a TOO_MANY_REQUESTS refusal may be retried, if the server said so. */
  retryAt: Date | null;
  /** The service worker kept the submission in its outbox (offline) and will send it later. */
  isQueued: boolean;
};

// `satisfies` makes the compiler list a code tRPC adds or removes.
const CODES = new Set(
  Object.keys({
    PARSE_ERROR: true,
    BAD_REQUEST: true,
    INTERNAL_SERVER_ERROR: true,
    NOT_IMPLEMENTED: true,
    BAD_GATEWAY: true,
    SERVICE_UNAVAILABLE: true,
    GATEWAY_TIMEOUT: true,
    UNAUTHORIZED: true,
    PAYMENT_REQUIRED: true,
    FORBIDDEN: true,
    NOT_FOUND: true,
    METHOD_NOT_SUPPORTED: true,
    TIMEOUT: true,
    CONFLICT: true,
    PRECONDITION_FAILED: true,
    PAYLOAD_TOO_LARGE: true,
    UNSUPPORTED_MEDIA_TYPE: true,
    UNPROCESSABLE_CONTENT: true,
    PRECONDITION_REQUIRED: true,
    TOO_MANY_REQUESTS: true,
    CLIENT_CLOSED_REQUEST: true,
  } satisfies Record<TRPCErrorCode, true>),
);

function isCode(value: unknown): value is TRPCErrorCode {
  return typeof value === "string" && CODES.has(value);
}

type Shape = {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  data?: { code?: unknown; fields?: unknown; queued?: unknown } | null;
};

function isFieldRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((message) => typeof message === "string")
  );
}

/**
 * The fields of a TRPCError thrown by a server-side caller (a route handler, a test), which never
 * went through the errorFormatter: a domain error's own fields, or a zod error's issues (the first
 * message of each path, as the errorFormatter picks it).
 */
function fieldsOfCause(cause: unknown): Record<string, string> {
  if (typeof cause !== "object" || cause === null) return {};
  const { fields, issues } = cause as { fields?: unknown; issues?: unknown };
  if (isFieldRecord(fields)) return fields;
  if (!Array.isArray(issues)) return {};
  const result: Record<string, string> = {};
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    const path = Array.isArray(issue.path) ? issue.path.join(".") : "";
    if (typeof issue.message === "string") result[path || "input"] ??= issue.message;
  }
  return result;
}

/** The server names the time in its message: "…; try again after 2026-11-26T10:15:00.000Z". */
function retryAtOf(message: string): Date | null {
  const match = /try again after (\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(message);
  const date = match ? new Date(match[1]!) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * Reads any error a tRPC call can end with: a TRPCClientError in the browser (its `data` shaped by
 * the server's errorFormatter), a TRPCError from a server-side caller, or anything else.
 */
export function readTRPCError(error: unknown): TRPCFailure {
  const shape = (typeof error === "object" && error !== null ? error : {}) as Shape;
  const message = typeof shape.message === "string" ? shape.message : "";
  const data = typeof shape.data === "object" && shape.data !== null ? shape.data : null;
  if (data) {
    return {
      code: isCode(data.code) ? data.code : null,
      message,
      fields: isFieldRecord(data.fields) ? data.fields : {},
      retryAt: retryAtOf(message),
      isQueued: data.queued === true,
    };
  }
  return {
    code: isCode(shape.code) ? shape.code : null,
    message,
    fields: isCode(shape.code) ? fieldsOfCause(shape.cause) : {},
    retryAt: retryAtOf(message),
    isQueued: false,
  };
}
