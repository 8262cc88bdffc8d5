/**
 * The port through which the domain sends a text message. Two adapters:
 * - the development outbox (`OUTBOX`): the message stays in the SmsMessage table, where the
 *   supervisor reads it (admin.sms.list, /admin/sms);
 * - an HTTP provider (`HTTP`, http-sms-sender.ts), configured by environment.
 * sms.service.ts picks one (SMS_PROVIDER_URL first, then the outbox where it is allowed).
 */
export type SmsSendResult = { via: SmsVia };
export type SmsVia = "OUTBOX" | "HTTP";

export type OutgoingSms = { to: string; text: string };

export type SmsSender = {
  via: SmsVia;
  /** Resolves when the provider took the message; rejects (without the text) when it did not. */
  send(message: OutgoingSms): Promise<void>;
};

/** The outbox "sends" by keeping the message: the row written when it was queued is the outbox. */
export const outboxSender: SmsSender = { via: "OUTBOX", send: async () => {} };

export type HttpSmsConfig = {
  url: string;
  /** One header, e.g. `Authorization: Bearer abc`; its value is a secret. */
  authHeader?: { name: string; value: string };
  /** The request body with `{{to}}`, `{{text}}` and `{{sender}}` placeholders. */
  bodyTemplate: string;
  sender: string;
  timeoutMs: number;
  /** Further tries after the first, on a timeout, a network error, 429 or 5xx. */
  retries: number;
};

export const DEFAULT_BODY_TEMPLATE = '{"to":"{{to}}","text":"{{text}}","sender":"{{sender}}"}';

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? Math.min(parsed, max) : fallback;
}

/**
 * The HTTP provider's settings from the environment, or null when SMS_PROVIDER_URL is unset.
 * A malformed URL or auth header throws at once: a misconfigured provider must not look like
 * "no provider".
 */
export function readHttpSmsConfig(env: Record<string, string | undefined>): HttpSmsConfig | null {
  const url = env.SMS_PROVIDER_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\//.test(url)) throw new Error("SMS_PROVIDER_URL must be an http(s) URL");
  let authHeader: HttpSmsConfig["authHeader"];
  const rawAuth = env.SMS_PROVIDER_AUTH?.trim();
  if (rawAuth) {
    const colon = rawAuth.indexOf(":");
    if (colon <= 0) throw new Error("SMS_PROVIDER_AUTH must be `Header-Name: value`");
    authHeader = { name: rawAuth.slice(0, colon).trim(), value: rawAuth.slice(colon + 1).trim() };
  }
  return {
    url,
    authHeader,
    bodyTemplate: env.SMS_PROVIDER_BODY?.trim() || DEFAULT_BODY_TEMPLATE,
    sender: env.SMS_SENDER?.trim() || "Selfcare",
    timeoutMs: positiveInt(env.SMS_PROVIDER_TIMEOUT_MS, 5000, 60_000) || 5000,
    retries: positiveInt(env.SMS_PROVIDER_RETRIES, 2, 5),
  };
}

/** Whether the development outbox is switched on explicitly (it also is on a demo database). */
export function isOutboxRequested(env: Record<string, string | undefined>): boolean {
  return env.SMS_OUTBOX === "1";
}
