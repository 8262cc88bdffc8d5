import "server-only";
import {
  addonListInput,
  buyAddonInput,
  myAddonsInput,
  previewAddonInput,
  roamingInput,
  setAutoRenewInput,
} from "../../domain/addon/addon.schema";
import {
  buyAddon,
  listAddons,
  myAddons,
  previewAddon,
  roamingCountries,
  roamingFor,
  setAutoRenew,
} from "../../domain/addon/addon.service";
import { createTRPCRouter, subscriberProcedure } from "../trpc";

export const addonRouter = createTRPCRouter({
  list: subscriberProcedure
    .input(addonListInput)
    .query(({ ctx, input }) => listAddons(ctx.db, { lineId: input.lineId, customerId: ctx.customerId })),
  preview: subscriberProcedure
    .input(previewAddonInput)
    .query(({ ctx, input }) => previewAddon(ctx.db, { ...input, customerId: ctx.customerId })),
  buy: subscriberProcedure
    .input(buyAddonInput)
    .mutation(({ ctx, input }) =>
      buyAddon(ctx.db, { ...input, customerId: ctx.customerId, actorId: ctx.session.id, channel: ctx.channel }),
    ),
  mine: subscriberProcedure
    .input(myAddonsInput)
    .query(({ ctx, input }) => myAddons(ctx.db, { lineId: input.lineId, customerId: ctx.customerId })),
  setAutoRenew: subscriberProcedure
    .input(setAutoRenewInput)
    .mutation(({ ctx, input }) =>
      setAutoRenew(ctx.db, { ...input, customerId: ctx.customerId, actorId: ctx.session.id, channel: ctx.channel }),
    ),
  roaming: subscriberProcedure
    .input(roamingInput.extend({ lineId: addonListInput.shape.lineId.optional() }))
    .query(({ ctx, input }) => roamingFor(ctx.db, { ...input, customerId: ctx.customerId })),
  countries: subscriberProcedure.query(({ ctx }) => roamingCountries(ctx.db)),
});
