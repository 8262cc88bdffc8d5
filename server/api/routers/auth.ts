import "server-only";
import { z } from "zod";
import { resetPasswordWithLink } from "../../domain/admin/staff-password-link.service";
import { requestCodeInput, resetPasswordInput, resetPasswordWithLinkInput } from "../../domain/identity/auth.schema";
import { passkeySignInOptions } from "../../domain/identity/passkey.service";
import { requestCode } from "../../domain/identity/one-time-code.service";
import { resetPasswordWithCode } from "../../domain/identity/password-reset.service";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** Public: getting in without a password (one-time SMS codes) and getting back in. */
export const authRouter = createTRPCRouter({
  requestCode: publicProcedure
    .input(requestCodeInput)
    .mutation(({ ctx, input }) =>
      requestCode(ctx.db, { ...input, ip: ctx.ip, locale: ctx.locale, channel: ctx.channel }),
    ),
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPasswordWithCode(ctx.db, { ...input, ip: ctx.ip, channel: ctx.channel })),
  /** `{challengeId, options}` for the browser's `startAuthentication()`; the answer signs in as the credentials' `passkey`. */
  passkeyOptions: publicProcedure
    .input(z.object({}).optional())
    .mutation(({ ctx }) => passkeySignInOptions(ctx.db, { ip: ctx.ip })),
  /** A staff member's new password, with the one-time link a supervisor made. */
  resetPasswordWithLink: publicProcedure
    .input(resetPasswordWithLinkInput)
    .mutation(({ ctx, input }) => resetPasswordWithLink(ctx.db, { ...input, ip: ctx.ip })),
});
