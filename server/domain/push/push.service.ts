import "server-only";
import type { Database } from "../../db/client";
import { consumeOrThrow } from "../abuse/abuse-limits.service";
import { badRequest, isUniqueViolation } from "../errors";
import { isAllowedPushEndpoint, pushServiceHosts } from "./endpoint-policy";
import type { PushSubscribeInput } from "./push.schema";
import { readVapidConfig } from "./vapid";

/** Older devices beyond this many are forgotten when a user subscribes another one. */
export const MAX_DEVICES_PER_USER = 10;

function assertAllowedEndpoint(endpoint: string) {
  if (!isAllowedPushEndpoint(endpoint, pushServiceHosts())) {
    throw badRequest("endpoint", "Not a push service this portal delivers to");
  }
}

function assertPublicKey(p256dh: string) {
  // An uncompressed point on P-256 starts with 0x04.
  if (Buffer.from(p256dh, "base64url")[0] !== 0x04) {
    throw badRequest("keys.p256dh", "Must be an uncompressed P-256 public key");
  }
}

const deviceSelect = { id: true, endpoint: true, userAgent: true, createdAt: true } as const;

function toDevice(row: { id: string; endpoint: string; userAgent: string | null; createdAt: Date }) {
  return {
    id: row.id,
    endpoint: row.endpoint,
    service: new URL(row.endpoint).hostname,
    userAgent: row.userAgent,
    createdAt: row.createdAt,
  };
}

/**
 * Registers this browser for push. The endpoint identifies the browser, so subscribing again
 * (a retry, or another user signing in on the same device) updates the one row: replay-safe.
 * A device new to this user (or with new keys) costs one use of the user's hourly budget
 * (`pushSubscribe`); the profile page re-registering the same device on every visit costs none.
 */
export async function subscribePush(
  db: Database,
  input: PushSubscribeInput & { userId: string; userAgent?: string | null },
) {
  assertAllowedEndpoint(input.endpoint);
  assertPublicKey(input.keys.p256dh);
  const known = await db.pushSubscription.findUnique({
    where: { endpoint: input.endpoint },
    select: { userId: true, p256dh: true, auth: true },
  });
  const isReplay =
    known?.userId === input.userId && known.p256dh === input.keys.p256dh && known.auth === input.keys.auth;
  if (!isReplay) await consumeOrThrow(db, "pushSubscribe", input.userId);
  const data = {
    userId: input.userId,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  };
  const upsert = () =>
    db.pushSubscription.upsert({
      where: { endpoint: input.endpoint },
      create: { endpoint: input.endpoint, ...data },
      update: data,
      select: deviceSelect,
    });
  let row;
  try {
    row = await upsert();
  } catch (error) {
    // Two first subscriptions racing: the loser's insert hits the unique endpoint; now it updates.
    if (!isUniqueViolation(error)) throw error;
    row = await upsert();
  }
  await forgetOldestDevices(db, input.userId);
  return toDevice(row);
}

async function forgetOldestDevices(db: Database, userId: string) {
  const stale = await db.pushSubscription.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    skip: MAX_DEVICES_PER_USER,
    select: { id: true },
  });
  if (stale.length > 0) await db.pushSubscription.deleteMany({ where: { id: { in: stale.map((row) => row.id) } } });
}

/** Stops push to this browser. Only the caller's own row is touched; repeating it is harmless. */
export async function unsubscribePush(db: Database, input: { userId: string; endpoint: string }) {
  const { count } = await db.pushSubscription.deleteMany({ where: { userId: input.userId, endpoint: input.endpoint } });
  return { removed: count > 0 };
}

/** The caller's devices that receive push. */
const MAX_LISTED_DEVICES = 50;

export async function listPushDevices(db: Database, userId: string) {
  const rows = await db.pushSubscription.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: deviceSelect,
    // A person has a handful of browsers; the list stays bounded whatever was subscribed.
    take: MAX_LISTED_DEVICES,
  });
  return { items: rows.map(toDevice), nextCursor: null };
}

/** The application server key browsers subscribe with; null when push is not configured. */
export function getPushPublicKey() {
  return { publicKey: readVapidConfig()?.publicKey ?? null };
}
