import "server-only";
import { z } from "zod";
import { getAccountSummary } from "../../domain/account/account.service";
import { changePasswordInput } from "../../domain/identity/auth.schema";
import { changePassword } from "../../domain/identity/password-reset.service";
import { createTRPCRouter, protectedProcedure, subscriberProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  summary: subscriberProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => getAccountSummary(ctx.db, ctx.customerId)),
  /** After the current password or a fresh SMS code; ends the account's other sessions. */
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) =>
      changePassword(
        ctx.db,
        { userId: ctx.session.id, sessionId: ctx.session.sessionId, ip: ctx.ip, channel: ctx.channel },
        input,
      ),
    ),
});
