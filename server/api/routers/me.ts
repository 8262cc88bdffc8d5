import "server-only";
import { z } from "zod";
import { getMe, setLocale } from "../../domain/identity/me.service";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const meRouter = createTRPCRouter({
  get: protectedProcedure.input(z.object({}).optional()).query(({ ctx }) => getMe(ctx.db, ctx.session)),
  setLocale: protectedProcedure
    .input(z.object({ locale: z.enum(["ru", "en"]) }))
    .mutation(({ ctx, input }) => setLocale(ctx.db, ctx.session.id, input.locale)),
});
