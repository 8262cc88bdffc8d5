import "server-only";
import type { Role } from "@prisma/client";
import { z } from "zod";
import { checkCreditForDealer, listSellableTariffs } from "../../domain/partner/credit-check.service";
import { getOrderContract } from "../../domain/partner/contract.service";
import { getPartnerFigures, listPartnerCustomers, listPartnerOrders } from "../../domain/partner/dealer.service";
import { listAvailableNumbers, releaseNumber, reserveNumber } from "../../domain/partner/number-pool.service";
import {
  availableNumbersInput,
  creditCheckInput,
  figuresInput,
  numberInput,
  orderIdInput,
  partnerListInput,
  registerSubscriberInput,
  reissueActivationCodeInput,
} from "../../domain/partner/partner.schema";
import { reissueActivationCode } from "../../domain/partner/activation-reissue.service";
import { registerSubscriber } from "../../domain/partner/registration.service";
import { completePickupInput, pickupListInput } from "../../domain/sim/sim.schema";
import { completePickup, listPickups } from "../../domain/sim/sim-pickup.service";
import { createTRPCRouter, partnerProcedure } from "../trpc";

type PartnerCtx = { partnerId: string; session: { id: string; role: Role }; ip: string };

const dealerOf = (ctx: PartnerCtx) => ({
  partnerId: ctx.partnerId,
  userId: ctx.session.id,
  role: ctx.session.role,
  ip: ctx.ip,
});

export const partnerRouter = createTRPCRouter({
  tariffs: partnerProcedure.input(z.object({}).optional()).query(({ ctx }) => listSellableTariffs(ctx.db)),
  availableNumbers: partnerProcedure
    .input(availableNumbersInput)
    .query(({ ctx, input }) => listAvailableNumbers(ctx.db, { partnerId: ctx.partnerId, ...input })),
  reserveNumber: partnerProcedure
    .input(numberInput)
    .mutation(({ ctx, input }) => reserveNumber(ctx.db, { partnerId: ctx.partnerId, msisdn: input.msisdn })),
  releaseNumber: partnerProcedure
    .input(numberInput)
    .mutation(({ ctx, input }) => releaseNumber(ctx.db, { partnerId: ctx.partnerId, msisdn: input.msisdn })),
  // Read-only, but a mutation so the passport number travels in a POST body, never in a URL (logs, proxies).
  creditCheck: partnerProcedure
    .input(creditCheckInput)
    .mutation(({ ctx, input }) => checkCreditForDealer(ctx.db, { partnerId: ctx.partnerId }, input)),
  registerSubscriber: partnerProcedure
    .input(registerSubscriberInput)
    .mutation(({ ctx, input }) => registerSubscriber(ctx.db, dealerOf(ctx), input)),
  reissueActivationCode: partnerProcedure
    .input(reissueActivationCodeInput)
    .mutation(({ ctx, input }) => reissueActivationCode(ctx.db, dealerOf(ctx), input)),
  customers: partnerProcedure
    .input(partnerListInput)
    .query(({ ctx, input }) => listPartnerCustomers(ctx.db, { partnerId: ctx.partnerId, ...input })),
  orders: partnerProcedure
    .input(partnerListInput)
    .query(({ ctx, input }) => listPartnerOrders(ctx.db, { partnerId: ctx.partnerId, ...input })),
  figures: partnerProcedure
    .input(figuresInput)
    .query(({ ctx, input }) => getPartnerFigures(ctx.db, { partnerId: ctx.partnerId, ...input })),
  orderContract: partnerProcedure
    .input(orderIdInput.extend({ locale: z.enum(["ru", "en"]).optional() }))
    .query(({ ctx, input }) =>
      getOrderContract(ctx.db, {
        partnerId: ctx.partnerId,
        orderId: input.orderId,
        locale: input.locale ?? ctx.locale,
      }),
    ),
  simReplacements: createTRPCRouter({
    list: partnerProcedure
      .input(pickupListInput)
      .query(({ ctx, input }) => listPickups(ctx.db, { partnerId: ctx.partnerId, ...input })),
    complete: partnerProcedure
      .input(completePickupInput)
      .mutation(({ ctx, input }) => completePickup(ctx.db, dealerOf(ctx), input)),
  }),
});
