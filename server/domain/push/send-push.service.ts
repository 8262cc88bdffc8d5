import "server-only";
import webpush from "web-push";
import type { Database } from "../../db/client";
import { enqueueJob } from "../job-queue/enqueue.service";
import { isAllowedPushEndpoint, pushServiceHosts } from "./endpoint-policy";
import {
  buildPushMessage,
  classifyPushFailure,
  MAX_PUSH_ATTEMPTS,
  pushRetryDelayMs,
  type PushOutcome,
} from "./push-message";
import { readVapidConfig, type VapidConfig } from "./vapid";

type Subscription = { id: string; endpoint: string; p256dh: string; auth: string };

/** Sends one encrypted message; rejects with `statusCode` when the push service refuses it. */
export type PushSender = (subscription: Subscription, payload: string, vapid: VapidConfig) => Promise<unknown>;

/** A day: a phone that is off overnight still gets the bill in the morning. */
const TTL_SECONDS = 24 * 60 * 60;

/** Thrown for a push service's refusal, with its HTTP status. */
class PushServiceError extends Error {
  constructor(
    readonly statusCode: number,
    body: string,
  ) {
    super(`push service answered ${statusCode}: ${body.slice(0, 200)}`);
  }
}

/**
 * web-push encrypts the payload (RFC 8291, aes128gcm) and signs the VAPID header (RFC 8292);
 * fetch carries it, with a timeout, so a slow push service never holds a worker.
 */
const sendWithWebPush: PushSender = async (subscription, payload, vapid) => {
  const request = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    payload,
    { vapidDetails: vapid, TTL: TTL_SECONDS, contentEncoding: "aes128gcm", urgency: "normal" },
  );
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
  const response = await fetch(request.endpoint, {
    method: request.method,
    headers,
    body: request.body ? new Uint8Array(request.body) : undefined,
    redirect: "error",
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new PushServiceError(response.status, await response.text().catch(() => ""));
};

function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === "number" ? code : undefined;
}

export type PushDeliveryReport = { delivered: number; removed: number; retrying: number; dropped: number };

/**
 * The `push:send` job: encrypts the notification for each of its user's devices (RFC 8291,
 * aes128gcm, signed with VAPID) and posts it to the push service. Dead subscriptions (404/410)
 * are deleted; devices whose service was busy or down get a later job of their own, so a retry
 * never repeats a push that already arrived.
 */
export async function sendNotificationPush(
  db: Database,
  job: { notificationId: string; subscriptionIds?: string[]; attempt?: number },
  options: { send?: PushSender; now?: Date; log?: (line: string) => void } = {},
): Promise<PushDeliveryReport> {
  const report: PushDeliveryReport = { delivered: 0, removed: 0, retrying: 0, dropped: 0 };
  const vapid = readVapidConfig();
  if (!vapid) {
    options.log?.("push: no VAPID keys configured, nothing sent");
    return report;
  }
  const notification = await db.notification.findUnique({
    where: { id: job.notificationId },
    select: { id: true, userId: true, kind: true, title: true, body: true, url: true },
  });
  if (!notification) return report;

  const subscriptions = await db.pushSubscription.findMany({
    where: { userId: notification.userId, ...(job.subscriptionIds ? { id: { in: job.subscriptionIds } } : {}) },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
  const payload = JSON.stringify(buildPushMessage(notification));
  const send = options.send ?? sendWithWebPush;
  const hosts = pushServiceHosts();

  const outcomes = await Promise.all(
    subscriptions.map(async (subscription): Promise<[Subscription, PushOutcome]> => {
      if (!isAllowedPushEndpoint(subscription.endpoint, hosts)) return [subscription, "DROP"];
      try {
        await send(subscription, payload, vapid);
        return [subscription, "DELIVERED"];
      } catch (error) {
        const outcome = classifyPushFailure(statusCodeOf(error));
        options.log?.(
          `push: ${new URL(subscription.endpoint).host} answered ${statusCodeOf(error) ?? "nothing"}: ${outcome}`,
        );
        return [subscription, outcome];
      }
    }),
  );
  const idsWith = (outcome: PushOutcome) => outcomes.filter(([, result]) => result === outcome).map(([sub]) => sub.id);

  const gone = idsWith("GONE");
  if (gone.length > 0) report.removed = (await db.pushSubscription.deleteMany({ where: { id: { in: gone } } })).count;
  report.delivered = idsWith("DELIVERED").length;
  report.dropped = idsWith("DROP").length;
  if (report.delivered > 0) {
    await db.notification.updateMany({
      where: { id: notification.id, sentAt: null },
      data: { sentAt: options.now ?? new Date() },
    });
  }

  const retry = idsWith("RETRY");
  const attempt = job.attempt ?? 1;
  if (retry.length > 0 && attempt < MAX_PUSH_ATTEMPTS) {
    const runAt = new Date((options.now ?? new Date()).getTime() + pushRetryDelayMs(attempt));
    await enqueueJob(
      db,
      "push:send",
      { notificationId: notification.id, subscriptionIds: retry, attempt: attempt + 1 },
      { runAt },
    );
    report.retrying = retry.length;
  } else {
    report.dropped += retry.length;
  }
  return report;
}
