import "server-only";
import { enableAutopayInput } from "../../domain/billing/billing.schema";
import { disableAutopay, enableAutopay, getAutopay } from "../../domain/payment/autopay.service";
import { createTRPCRouter, subscriberProcedure } from "../trpc";

/** Autopay of the caller's bills from a card on file (payment/autopay.service.ts). */
export const autopayRouter = createTRPCRouter({
  get: subscriberProcedure.query(({ ctx }) => getAutopay(ctx.db, ctx.customerId)),
  enable: subscriberProcedure.input(enableAutopayInput).mutation(({ ctx, input }) =>
    enableAutopay(ctx.db, {
      customerId: ctx.customerId,
      actorId: ctx.session.id,
      channel: ctx.channel,
      cardToken: input.cardToken,
    }),
  ),
  disable: subscriberProcedure.mutation(({ ctx }) =>
    disableAutopay(ctx.db, { customerId: ctx.customerId, actorId: ctx.session.id, channel: ctx.channel }),
  ),
});
