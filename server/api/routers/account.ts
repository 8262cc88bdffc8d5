import "server-only";
import { z } from "zod";
import { getAccountSummary } from "../../domain/account/account.service";
import { changePasswordInput } from "../../domain/identity/auth.schema";
import { changePassword } from "../../domain/identity/password-reset.service";
import { signOutSessionInput } from "../../domain/identity/sessions.schema";
import { listOwnSessions, signOutOtherSessions, signOutOwnSession } from "../../domain/identity/sessions.service";
import { createTRPCRouter, protectedProcedure, sessionOwnerOf as ownerOf, subscriberProcedure } from "../trpc";

const noInput = z.object({}).optional();

export const accountRouter = createTRPCRouter({
  summary: subscriberProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => getAccountSummary(ctx.db, ctx.customerId)),

  /** The caller's signed-in devices (every role): `{items: [{id, current, device, ip, lastSeenAt}]}`. */
  sessions: protectedProcedure.input(noInput).query(({ ctx }) => listOwnSessions(ctx.db, ownerOf(ctx))),
  signOutSession: protectedProcedure
    .input(signOutSessionInput)
    .mutation(({ ctx, input }) => signOutOwnSession(ctx.db, ownerOf(ctx), input)),
  signOutOthers: protectedProcedure.input(noInput).mutation(({ ctx }) => signOutOtherSessions(ctx.db, ownerOf(ctx))),
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
