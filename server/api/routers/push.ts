import "server-only";
import { z } from "zod";
import { safeText } from "../../domain/input.schema";
import { pushSubscribeInput, pushUnsubscribeInput } from "../../domain/push/push.schema";
import { getPushPublicKey, listPushDevices, subscribePush, unsubscribePush } from "../../domain/push/push.service";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const pushRouter = createTRPCRouter({
  publicKey: protectedProcedure.input(z.object({}).optional()).query(() => getPushPublicKey()),
  devices: protectedProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => listPushDevices(ctx.db, ctx.session.id)),
  subscribe: protectedProcedure
    .input(pushSubscribeInput.extend({ userAgent: safeText({ max: 300, trim: false }).optional() }))
    .mutation(({ ctx, input }) => subscribePush(ctx.db, { ...input, userId: ctx.session.id })),
  unsubscribe: protectedProcedure
    .input(pushUnsubscribeInput)
    .mutation(({ ctx, input }) => unsubscribePush(ctx.db, { userId: ctx.session.id, endpoint: input.endpoint })),
});
