import "server-only";
import type { Database, Transaction } from "../../db/client";
import { enqueuePushFor } from "../push/enqueue-push.service";

type Writer = Pick<Database, "notification" | "$kysely"> | Transaction;

export type NotificationKind =
  | "BILL_ISSUED"
  | "AGENT_REPLY"
  | "REQUEST_STATUS"
  | "SLA_BREACH"
  | "PAYMENT"
  | "TARIFF_CHANGE"
  | "ADDON_PURCHASE"
  | "LINE_STATUS"
  | "SPEND_LIMIT"
  | "INCIDENT"
  | "OUTAGE_CREDIT";

/**
 * Tells a user something happened: a row they see in the portal, and a web push to their
 * subscribed devices (the `push:send` job, queued in the same transaction as the row).
 */
export async function notify(
  db: Writer,
  userId: string,
  notification: { kind: NotificationKind; title: string; body: string; url?: string },
) {
  const row = await db.notification.create({ data: { userId, ...notification } });
  await enqueuePushFor(db, row);
  return row;
}

/** Tells the customer's login, if they have one, in its own language (`build` gets the locale). */
export async function notifyCustomer(
  tx: Transaction,
  customerId: string,
  build: (locale: string) => Parameters<typeof notify>[2],
) {
  const login = await tx.user.findUnique({ where: { customerId }, select: { id: true, locale: true } });
  if (login) await notify(tx, login.id, build(login.locale));
}

/**
 * Many notifications at once (a bill run, an incident's thousands of subscribers): the rows in
 * one statement, and a push job only for users with a device subscribed.
 */
export async function notifyMany(
  tx: Transaction,
  notifications: { userId: string; kind: NotificationKind; title: string; body: string; url?: string }[],
) {
  if (!notifications.length) return;
  const rows = await tx.notification.createManyAndReturn({ data: notifications, select: { id: true, userId: true } });
  const subscribed = await tx.pushSubscription.findMany({
    where: { userId: { in: rows.map((row) => row.userId) } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const withDevice = new Set(subscribed.map((row) => row.userId));
  for (const row of rows) if (withDevice.has(row.userId)) await enqueuePushFor(tx, row);
}
