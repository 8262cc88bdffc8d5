import "server-only";
import { z } from "zod";
import { getAccountSummary } from "../../domain/account/account.service";
import { changePasswordInput } from "../../domain/identity/auth.schema";
import { changePassword } from "../../domain/identity/password-reset.service";
import { signOutSessionInput } from "../../domain/identity/sessions.schema";
import {
  listOwnSessions,
  signOutOtherSessions,
  signOutOwnSession,
  type SessionOwner,
} from "../../domain/identity/sessions.service";
import { createTRPCRouter, protectedProcedure, subscriberProcedure } from "../trpc";
import type { Context } from "../trpc";

const noInput = z.object({}).optional();

/** The signed-in user as the owner of their sessions (every role has some). */
function ownerOf(ctx: Context & { session: NonNullable<Context["session"]> }): SessionOwner {
  const { session } = ctx;
  return {
    id: session.id,
    role: session.role,
    ip: ctx.ip,
    customerId: session.customerId,
    sessionId: session.sessionId,
    channel: ctx.channel,
  };
}

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
