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
  | "SPEND_LIMIT";

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
