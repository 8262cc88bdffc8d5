import "server-only";
import { z } from "zod";
import { listMyIncidents, subscribeToIncident } from "../../domain/incident/incident-subscriber.service";
import { subscribeInput } from "../../domain/incident/incident.schema";
import { createTRPCRouter, subscriberProcedure } from "../trpc";

/** The subscriber reading, as the incident services scope and record it. */
const viewer = subscriberProcedure.use(({ ctx, next }) =>
  next({
    ctx: { viewer: { userId: ctx.session.id, customerId: ctx.customerId, locale: ctx.locale, channel: ctx.channel } },
  }),
);

/** Network incidents as the subscriber sees them (issue 17). */
export const incidentRouter = createTRPCRouter({
  forMe: viewer.input(z.object({}).optional()).query(({ ctx }) => listMyIncidents(ctx.db, ctx.viewer)),
  subscribe: viewer.input(subscribeInput).mutation(({ ctx, input }) => subscribeToIncident(ctx.db, ctx.viewer, input)),
});
