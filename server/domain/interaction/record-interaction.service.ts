import "server-only";
import type { Channel, Prisma } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";

type Writer = Pick<Database, "interaction"> | Transaction;

/**
 * Every contact on every channel lands in one history per customer (DESIGN.md: one identity and
 * one interaction history across web, PWA, phone agent and dealer). Types are verbs in
 * SCREAMING_SNAKE_CASE: BILL_VIEWED, BILL_PDF_DOWNLOADED, PAYMENT, TARIFF_CHANGE, REQUEST_CREATED...
 */
export async function recordInteraction(
  db: Writer,
  entry: {
    customerId: string;
    channel: Channel;
    type: string;
    actorId?: string | null;
    requestId?: string | null;
    data?: Prisma.InputJsonValue;
    at?: Date;
  },
): Promise<void> {
  await db.interaction.create({
    data: {
      customerId: entry.customerId,
      channel: entry.channel,
      type: entry.type,
      actorId: entry.actorId ?? null,
      requestId: entry.requestId ?? null,
      data: entry.data,
      at: entry.at,
    },
  });
}
