import type { PushMessage } from "./push.schema";

const MAX_TITLE = 120;
const MAX_BODY = 600;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Only a path of this site may be opened from a notification: never another origin. */
export function safeNotificationUrl(url: string | null | undefined): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.includes("\\")) return "/";
  return url;
}

/** The payload for one notification row. */
export function buildPushMessage(notification: {
  id: string;
  kind: string;
  title: string;
  body: string;
  url: string | null;
}): PushMessage {
  return {
    id: notification.id,
    kind: notification.kind,
    title: truncate(notification.title, MAX_TITLE),
    body: truncate(notification.body, MAX_BODY),
    url: safeNotificationUrl(notification.url),
  };
}

export type PushOutcome = "DELIVERED" | "GONE" | "RETRY" | "DROP";

/**
 * What a push service's answer means for the subscription (RFC 8030 §5, §7.3; RFC 8292):
 * 404/410 — the subscription is dead, forget it; 429 and 5xx (or no answer) — try again later;
 * anything else (400 malformed, 403 key mismatch, 413 too large) — this message will never go.
 */
export function classifyPushFailure(statusCode: number | undefined): Exclude<PushOutcome, "DELIVERED"> {
  if (statusCode === 404 || statusCode === 410) return "GONE";
  if (statusCode === undefined || statusCode === 429 || statusCode >= 500) return "RETRY";
  return "DROP";
}

export const MAX_PUSH_ATTEMPTS = 5;

/** 30 s, 2 min, 8 min, 32 min, then hourly. */
export function pushRetryDelayMs(attempt: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempt - 1), 60 * 60 * 1000);
}
