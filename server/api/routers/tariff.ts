import "server-only";
import {
  cancelTariffChangeInput,
  changeTariffInput,
  lineChangesInput,
  previewTariffChangeInput,
  recommendTariffInput,
  tariffListInput,
} from "../../domain/tariff/tariff.schema";
import {
  cancelTariffChange,
  changeTariff,
  listTariffChanges,
  previewTariffChange,
} from "../../domain/tariff/tariff-change.service";
import { listTariffs, recommendForLine } from "../../domain/tariff/tariff.service";
import { createTRPCRouter, protectedProcedure, subscriberProcedure } from "../trpc";

export const tariffRouter = createTRPCRouter({
  list: protectedProcedure.input(tariffListInput).query(({ ctx, input }) =>
    listTariffs(ctx.db, {
      viewer: { role: ctx.session.role, customerId: ctx.session.customerId },
      lineId: input?.lineId,
    }),
  ),
  recommend: subscriberProcedure
    .input(recommendTariffInput)
    .query(({ ctx, input }) => recommendForLine(ctx.db, { customerId: ctx.customerId, lineId: input.lineId })),
  previewChange: subscriberProcedure
    .input(previewTariffChangeInput)
    .query(({ ctx, input }) => previewTariffChange(ctx.db, { ...input, customerId: ctx.customerId })),
  change: subscriberProcedure
    .input(changeTariffInput)
    .mutation(({ ctx, input }) =>
      changeTariff(ctx.db, { ...input, customerId: ctx.customerId, actorId: ctx.session.id, channel: ctx.channel }),
    ),
  cancelChange: subscriberProcedure.input(cancelTariffChangeInput).mutation(({ ctx, input }) =>
    cancelTariffChange(ctx.db, {
      changeId: input.changeId,
      customerId: ctx.customerId,
      actorId: ctx.session.id,
      channel: ctx.channel,
    }),
  ),
  changes: subscriberProcedure
    .input(lineChangesInput)
    .query(({ ctx, input }) => listTariffChanges(ctx.db, { customerId: ctx.customerId, lineId: input?.lineId })),
});
