import "server-only";
import { activateAccount } from "../../domain/partner/activation.service";
import { activationSchema } from "../../domain/partner/activation.schema";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** Public: a subscriber registered by a dealer sets a password with the activation code. */
export const activationRouter = createTRPCRouter({
  activate: publicProcedure
    .input(activationSchema)
    .mutation(({ ctx, input }) => activateAccount(ctx.db, { ...input, ip: ctx.ip, channel: ctx.channel })),
});
