import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";

/**
 * The one logger of the server: JSON lines in production, pino-pretty in development (a
 * devDependency, so it is optional), the level from LOG_LEVEL (default info). Every line written
 * while serving a request carries its `requestId`, and every line of a background job its
 * `jobId` and `task`, through AsyncLocalStorage, so routers, domain services and db code log
 * plainly. Secrets are redacted and PostgreSQL's row data never reaches a line (see below).
 */

export type LogBindings = { requestId?: string; jobId?: string; task?: string };

const scope = new AsyncLocalStorage<LogBindings>();

/** Runs `work` with `bindings` on every log line written inside it, however deep the calls go. */
export function runWithLogBindings<T>(bindings: LogBindings, work: () => T): T {
  return scope.run({ ...scope.getStore(), ...bindings }, work);
}

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return runWithLogBindings({ requestId }, work);
}

/** The request id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

export const REQUEST_ID_HEADER = "x-request-id";

/** A caller's id is kept when it is short and plain (a proxy's or a client's correlation id). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function newRequestId(): string {
  return randomUUID();
}

/** The incoming `x-request-id` when it is safe to log and echo, else a new one. */
export function requestIdFrom(headers: { get(name: string): string | null }): string {
  const incoming = headers.get(REQUEST_ID_HEADER)?.trim();
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : newRequestId();
}

// Redaction. Keys whose values are secrets or personal documents, wherever they sit in a logged
// object, up to four levels down (pino's paths take one level per wildcard).
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "confirmPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "sessionToken",
  "csrfToken",
  "paymentToken",
  "cardToken",
  "secret",
  "totp",
  "otp",
  // The staff second factor's enrolment: the secret inside the URI and the sealed copy, the recovery codes.
  "otpauthUri",
  "secretSealed",
  "recoveryCodes",
  "smsCode",
  "activationCode",
  "cookie",
  "cookies",
  "set-cookie",
  "authorization",
  "pan",
  "cardNumber",
  "cvc",
  "cvv",
  "documentNumber",
  "passport",
  "passportNumber",
];
/**
 * `code` is a secret only where a person typed it (a one-time or activation code in a procedure's
 * input or a sign-in form); elsewhere it is an error code worth keeping (tRPC's, PostgreSQL's).
 */
const INPUT_CONTAINERS = ["input", "body", "credentials"];
const MAX_DEPTH = 4;

function pathTo(key: string, depth: number): string {
  const wildcards = "*.".repeat(depth);
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${wildcards}${key}` : `${wildcards.slice(0, -1)}["${key}"]`;
}

const REDACTED_PATHS = [
  ...SECRET_KEYS.flatMap((key) => Array.from({ length: MAX_DEPTH }, (_, depth) => pathTo(key, depth))),
  ...INPUT_CONTAINERS.flatMap((container) =>
    Array.from({ length: MAX_DEPTH - 1 }, (_, depth) => `${pathTo(container, depth)}.code`),
  ),
];

// PostgreSQL puts the whole offending row into CHECK and NOT NULL violations ("Failing row
// contains (…)") and the key's value into unique and foreign-key ones ("Key (email)=(…)"): customer
// data. Errors are logged without `detail` (and `where`, the statement's context), at any depth:
// pg's own error, Prisma's DriverAdapterError (its `cause` is pg's fields) and P2010
// (`meta.driverAdapterError`). Whatever slips past, the last hook cuts from the written line.
const ROW_DATA_FIELDS = new Set(["detail", "where", "internalQuery"]);
const FAILING_ROW = /Failing row contains \(/;
const FAILING_ROW_IN_JSON = /Failing row contains \((?:[^"\\]|\\.)*/g;

// Up to the next stack frame, or to the end: row data may span lines.
const FAILING_ROW_IN_TEXT = /Failing row contains \([\s\S]*?(?=\n\s+at |$)/g;

function scrubText(text: string): string {
  return FAILING_ROW.test(text) ? text.replace(FAILING_ROW_IN_TEXT, "Failing row contains [redacted]") : text;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * An error as a plain object for a log line: type, message, stack, its own fields and causes,
 * without row data. Only errors, arrays and plain objects are followed: an object of a class (pg's
 * `client` on a connection error, a socket) is named, not walked.
 */
function serializeError(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (typeof value === "function") return undefined;
  if (typeof value !== "object" || value === null) return value;
  if (depth > 6) return "[deeper]";
  if (Array.isArray(value)) return value.map((item) => serializeError(item, depth + 1));
  if (!(value instanceof Error) && !isPlainObject(value)) return `[${value.constructor?.name ?? "object"}]`;
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    out.type = value.constructor.name;
    out.message = scrubText(value.message);
    if (value.stack) out.stack = scrubText(value.stack);
  }
  for (const [key, field] of Object.entries(value)) {
    if (ROW_DATA_FIELDS.has(key) || field === undefined) continue;
    out[key] = serializeError(field, depth + 1);
  }
  if (value instanceof Error && value.cause !== undefined && !("cause" in out)) {
    out.cause = serializeError(value.cause, depth + 1);
  }
  return out;
}

/** The written line, with any row data left in it cut out (the line stays valid JSON). */
function scrubFailingRows(line: string): string {
  return line.includes("Failing row contains")
    ? line.replace(FAILING_ROW_IN_JSON, "Failing row contains [redacted]")
    : line;
}

function levelFrom(value: string | undefined): string {
  const level = value?.trim().toLowerCase();
  return level && (level === "silent" || level in pino.levels.values) ? level : "info";
}

type PrettyFactory = (options: Record<string, unknown>) => DestinationStream;

/** pino-pretty in development (NODE_ENV=development), when it is installed; JSON otherwise. */
function prettyStream(): DestinationStream | undefined {
  // Only in development (`npm run dev`): production, tests and scripts write JSON lines.
  if (process.env.NODE_ENV !== "development") return undefined;
  try {
    // Resolved from the project (the working directory of every launcher): this module runs as
    // ESM from source and as CommonJS from the compiled package, so it has no path of its own to use.
    const pretty = createRequire(path.join(process.cwd(), "package.json"))("pino-pretty") as PrettyFactory;
    return pretty({ translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname", sync: true });
  } catch {
    return undefined;
  }
}

function logOptions(level = process.env.LOG_LEVEL): LoggerOptions {
  return {
    level: levelFrom(level),
    // A copy: pino merges each call's fields into what the mixin returns.
    mixin: () => ({ ...scope.getStore() }),
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
    hooks: { streamWrite: scrubFailingRows },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

/** A logger with the server's options; tests pass a destination to read what was written. */
export function createLogger(options: { destination?: DestinationStream; level?: string } = {}): Logger {
  const destination = options.destination ?? prettyStream();
  const settings = logOptions(options.level);
  return destination ? pino(settings, destination) : pino(settings);
}

export const log = createLogger();
