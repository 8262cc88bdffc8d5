import "server-only";
import type { Channel } from "@prisma/client";
import { sql } from "kysely";
import type { Database } from "../../db/client";
import { notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";

/** A customer looking at the same bill again within this window is one view (a reload, a second tab). */
export const BILL_VIEW_DEDUP_MS = 30 * 60 * 1000;

/**
 * `bill.recordView`: the bill page shows the bill, so its viewing is an interaction on the
 * caller's channel, once per bill in `BILL_VIEW_DEDUP_MS`, also for two calls at once. A
 * foreign or missing bill is NOT_FOUND.
 */
export async function recordBillView(
  db: Database,
  input: { billId: string; customerId: string; actorId: string; channel: Channel; now?: Date },
): Promise<{ recorded: boolean }> {
  const now = input.now ?? new Date();
  const bill = await db.bill.findFirst({
    where: { id: input.billId, customerId: input.customerId },
    select: { id: true },
  });
  if (!bill) throw notFound("Bill");
  return db.$transaction(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`bill-view:${input.customerId}:${bill.id}:${input.channel}`}))::text`.execute(
      tx.$kysely,
    );
    const recent = await tx.interaction.findFirst({
      where: {
        customerId: input.customerId,
        type: "BILL_VIEWED",
        channel: input.channel,
        at: { gte: new Date(now.getTime() - BILL_VIEW_DEDUP_MS) },
        data: { path: ["billId"], equals: bill.id },
      },
      select: { id: true },
    });
    if (recent) return { recorded: false };
    await recordInteraction(tx, {
      customerId: input.customerId,
      channel: input.channel,
      type: "BILL_VIEWED",
      actorId: input.actorId,
      data: { billId: bill.id },
      at: now,
    });
    return { recorded: true };
  });
}
