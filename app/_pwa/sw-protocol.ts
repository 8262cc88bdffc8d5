/**
 * What the pages and the service worker (sw/sw.ts) agree on: cache and database names, the
 * messages they exchange, and the outbox item. Imported by both sides, so no React here.
 */

/** Runtime caches of the signed-in user's pages. Emptied on sign-in, sign-out and a change of user. */
export const USER_CACHES = {
  html: "selfcare-pages-html",
  rsc: "selfcare-pages-rsc",
} as const;

/** Every cache name that may hold a user's data (the precache holds only the build's static files). */
export function isUserCache(name: string): boolean {
  return name.startsWith("selfcare-");
}

export const PWA_DB_NAME = "selfcare-pwa";
export const PWA_DB_VERSION = 1;

/** Background Sync tag for the outbox. */
export const OUTBOX_SYNC_TAG = "selfcare-outbox";

/** Mutations that may be written offline and sent later; their input carries an idempotency key. */
export const OUTBOX_PROCEDURES = ["request.create", "request.addMessage"] as const;
export type OutboxProcedure = (typeof OUTBOX_PROCEDURES)[number];

export type OutboxStatus = "PENDING" | "NEEDS_SIGN_IN" | "REJECTED";

export type OutboxItem = {
  /** The idempotency key of the submission (or a generated one when the input has none). */
  id: string;
  /** Who wrote it: never sent with anyone else's session. */
  userId: string | null;
  procedure: OutboxProcedure;
  url: string;
  body: string;
  headers: [string, string][];
  /** A short text for the "waiting to send" list: the subject or the start of the message. */
  summary: string;
  /** For a message: the request it belongs to. */
  requestId?: string;
  createdAt: number;
  status: OutboxStatus;
  attempts: number;
  /** Why the server refused it (REJECTED). */
  error?: string;
};

/** The signed-in user as the pages announce it to the worker. */
export type PwaSession = { userId: string; locale: string };

/** Page → worker. */
export type ToWorkerMessage =
  /** `warmPages`: a subscriber, whose own views are fetched ahead for offline use. */
  | { type: "SESSION"; session: PwaSession; warmPages?: boolean }
  | { type: "SIGNED_OUT" }
  | { type: "FLUSH_OUTBOX" }
  | { type: "CACHED_AT"; path: string }
  | { type: "SKIP_WAITING" };

/** Worker → pages. */
export type FromWorkerMessage =
  | {
      type: "OUTBOX_CHANGED";
      delivered: { id: string; procedure: OutboxProcedure; summary: string; resultId?: string }[];
      needsSignIn: boolean;
    }
  | { type: "SERVED_FROM_CACHE"; path: string; cachedAt: number }
  /** The server answered after all, later than the timeout: the page can be refreshed. */
  | { type: "FRESH_AVAILABLE"; path: string };

/** The answer to CACHED_AT: when the page the client shows was stored, if it came from the cache. */
export type CachedAtReply = { cachedAt: number | null; hasFresh?: boolean };

/**
 * A subscriber's views kept fresh for offline use even if only reached by client-side navigation:
 * the installed app's start page, its shortcuts (Bills, New request), the request list.
 */
export const WARM_PATHS = ["/dashboard", "/bills", "/requests", "/requests/new"] as const;
/** How old a kept copy may get before it is fetched again in the background. */
export const WARM_AFTER_MS = 15 * 60 * 1000;

/** Header the worker stamps on cached copies. */
export const CACHED_AT_HEADER = "x-selfcare-cached-at";
/** Header on the worker's answer to a mutation it kept in the outbox. */
export const QUEUED_HEADER = "x-selfcare-queued";
