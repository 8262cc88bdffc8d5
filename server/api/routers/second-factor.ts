import "server-only";
import { z } from "zod";
import { confirmEnrolmentInput } from "../../domain/identity/second-factor.schema";
import {
  beginEnrolment,
  confirmEnrolment,
  demoCodeHint,
  getSecondFactorStatus,
} from "../../domain/identity/second-factor.service";
import { createTRPCRouter, publicProcedure, staffEnrolmentProcedure } from "../trpc";

const noInput = z.object({}).optional();

/** The staff second factor: enrolment (also while the session waits for it) and the demo's hint. */
export const secondFactorRouter = createTRPCRouter({
  status: staffEnrolmentProcedure.input(noInput).query(({ ctx }) => getSecondFactorStatus(ctx.db, ctx.session)),
  beginEnrolment: staffEnrolmentProcedure.input(noInput).mutation(({ ctx }) => beginEnrolment(ctx.db, ctx.session)),
  confirmEnrolment: staffEnrolmentProcedure
    .input(confirmEnrolmentInput)
    .mutation(({ ctx, input }) => confirmEnrolment(ctx.db, ctx.actor, input.code)),
  /** The public demo secret's current code; null unless the demo data is in use. */
  demoCode: publicProcedure.input(noInput).query(({ ctx }) => demoCodeHint(ctx.db)),
});
