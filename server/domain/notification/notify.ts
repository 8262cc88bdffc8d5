import type { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";

type Writer = Pick<Database, "notification"> | Prisma.TransactionClient;

export type NotificationKind = "BILL_ISSUED" | "AGENT_REPLY" | "REQUEST_STATUS" | "SLA_BREACH" | "PAYMENT" | "TARIFF_CHANGE";

/** Tells a user something happened: a row they see in the portal (push delivery builds on it). */
export async function notify(
  db: Writer,
  userId: string,
  notification: { kind: NotificationKind; title: string; body: string; url?: string },
) {
  return db.notification.create({ data: { userId, ...notification } });
}
