import "server-only";
import {
  blockLineInput,
  resumeLineInput,
  suspendLineInput,
  suspendPreviewInput,
  unblockLineInput,
} from "../../domain/line/line.schema";
import {
  blockLine,
  previewLineSuspension,
  resumeLine,
  suspendLine,
  unblockLine,
  type LineActor,
} from "../../domain/line/line-controls.service";
import { setSpendLimitInput } from "../../domain/spend/spend.schema";
import { setSpendLimit } from "../../domain/spend/spend.service";
import { createTRPCRouter, subscriberProcedure } from "../trpc";

type SubscriberCtx = {
  customerId: string;
  session: { id: string };
  channel: LineActor["channel"];
  ip: string;
  locale: string;
};

const actorOf = (ctx: SubscriberCtx): LineActor => ({
  customerId: ctx.customerId,
  userId: ctx.session.id,
  channel: ctx.channel,
  ip: ctx.ip,
  locale: ctx.locale,
});

/** The subscriber's controls of their own lines; each change is a provisioning command the network applies. */
export const lineRouter = createTRPCRouter({
  block: subscriberProcedure.input(blockLineInput).mutation(({ ctx, input }) => blockLine(ctx.db, actorOf(ctx), input)),
  unblock: subscriberProcedure
    .input(unblockLineInput)
    .mutation(({ ctx, input }) => unblockLine(ctx.db, actorOf(ctx), input)),
  suspendPreview: subscriberProcedure
    .input(suspendPreviewInput)
    .query(({ ctx, input }) => previewLineSuspension(ctx.db, ctx.customerId, input)),
  suspend: subscriberProcedure
    .input(suspendLineInput)
    .mutation(({ ctx, input }) => suspendLine(ctx.db, actorOf(ctx), input)),
  resume: subscriberProcedure
    .input(resumeLineInput)
    .mutation(({ ctx, input }) => resumeLine(ctx.db, actorOf(ctx), input)),
  setSpendLimit: subscriberProcedure
    .input(setSpendLimitInput)
    .mutation(({ ctx, input }) => setSpendLimit(ctx.db, actorOf(ctx), input)),
});
