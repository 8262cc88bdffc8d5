import "server-only";
import { cancelSimReplacementInput, esimCodeInput, replaceSimInput, simStatusInput } from "../../domain/sim/sim.schema";
import { cancelSimReplacement } from "../../domain/sim/sim-cancel.service";
import { downloadEsimCode, getSimStatus, replaceSim } from "../../domain/sim/sim-replacement.service";
import { createTRPCRouter, subscriberProcedure } from "../trpc";

/** SIM replacement: a new physical SIM picked up at a dealer, or an eSIM shown once as a QR code. */
export const simRouter = createTRPCRouter({
  replace: subscriberProcedure
    .input(replaceSimInput)
    .mutation(({ ctx, input }) =>
      replaceSim(ctx.db, { customerId: ctx.customerId, userId: ctx.session.id, channel: ctx.channel }, input),
    ),
  status: subscriberProcedure
    .input(simStatusInput)
    .query(({ ctx, input }) => getSimStatus(ctx.db, ctx.customerId, input)),
  // A mutation: answering the code uses up its one download.
  esimCode: subscriberProcedure
    .input(esimCodeInput)
    .mutation(({ ctx, input }) => downloadEsimCode(ctx.db, ctx.customerId, input)),
  cancelReplacement: subscriberProcedure
    .input(cancelSimReplacementInput)
    .mutation(({ ctx, input }) =>
      cancelSimReplacement(ctx.db, { customerId: ctx.customerId, userId: ctx.session.id, channel: ctx.channel }, input),
    ),
});
