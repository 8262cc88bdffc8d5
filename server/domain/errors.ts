export type AppErrorCode =
  "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "TOO_MANY_REQUESTS" | "PRECONDITION_FAILED";

/** The one error type of the domain; `server/api/trpc.ts` maps it to tRPC codes. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** For BAD_REQUEST: the failing fields and what is wrong with each. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found`);
}

export function badRequest(field: string, message: string): AppError {
  return new AppError("BAD_REQUEST", message, { [field]: message });
}

/** Prisma's unique-constraint violation (P2002), also when raised through a driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: string; cause?: { code?: string } };
  if (code === "P2002" || code === "23505") return true;
  const message = (error as { message?: string }).message ?? "";
  return cause?.code === "23505" || /Unique constraint failed|duplicate key value/.test(message);
}

/** Prisma's codes for a database it cannot reach or that went away (P1001 unreachable, P1002 timed out, P1017 closed, P2024 no free connection in time). */
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapter's kinds for the same. */
const UNREACHABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseUnavailable",
  "SocketTimeout",
  "ConnectionClosed",
  "TooManyConnections",
]);
/** PostgreSQL: shutting down or starting (57P0x), too many connections, a statement or an idle transaction timed out. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014", "25P03"]);
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|encountered a connection error and is not queryable|Unable to start a transaction in the given time/i;

/**
 * The database is down, restarting, overloaded or out of reach: the call may succeed in a moment,
 * so it is answered 503, not 500. Looks through Prisma's wrapping (its code, the driver adapter's
 * error and its cause) down to pg's and Node's own errors.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const { code, kind, originalCode, message, cause, meta } = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof code === "string") {
    if (UNREACHABLE_PRISMA_CODES.has(code) || NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    // Class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof kind === "string" && UNREACHABLE_ADAPTER_KINDS.has(kind)) return true;
  if (typeof originalCode === "string" && UNAVAILABLE_SQLSTATES.has(originalCode)) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(meta?.driverAdapterError, depth + 1);
}
