import "server-only";
import { z } from "zod";
import { registerPasskeyInput, removePasskeyInput } from "../../domain/identity/passkey.schema";
import {
  listPasskeys,
  passkeyRegistrationOptions,
  registerPasskey,
  removePasskey,
} from "../../domain/identity/passkey.service";
import { createTRPCRouter, sessionOwnerOf, signedInProcedure } from "../trpc";

const noInput = z.object({}).optional();

/** The caller's own passkeys (every role; staff after their second factor). */
export const passkeyRouter = createTRPCRouter({
  /** Options for the browser's `startRegistration()`. */
  registrationOptions: signedInProcedure
    .input(noInput)
    .mutation(({ ctx }) => passkeyRegistrationOptions(ctx.db, ctx.session)),
  register: signedInProcedure
    .input(registerPasskeyInput)
    .mutation(({ ctx, input }) => registerPasskey(ctx.db, sessionOwnerOf(ctx), input)),
  /** `{items: [{id, name, createdAt, lastUsedAt}]}`, only the caller's. */
  list: signedInProcedure.input(noInput).query(({ ctx }) => listPasskeys(ctx.db, ctx.session)),
  remove: signedInProcedure
    .input(removePasskeyInput)
    .mutation(({ ctx, input }) => removePasskey(ctx.db, sessionOwnerOf(ctx), input)),
});
