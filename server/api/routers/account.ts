import "server-only";
import { z } from "zod";
import { getAccountSummary } from "../../domain/account/account.service";
import { createTRPCRouter, subscriberProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  summary: subscriberProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => getAccountSummary(ctx.db, ctx.customerId)),
});
