import "server-only";
import { z } from "zod";
import { limitSchema } from "../../domain/input.schema";
import { billByIdInput, billListInput, payBillInput, recordBillViewInput } from "../../domain/billing/billing.schema";
import { recordBillView } from "../../domain/billing/bill-view.service";
import { explainBillForCustomer, listBills, viewBill } from "../../domain/billing/bill.service";
import { getBillPdf } from "../../domain/billing/bill-document.service";
import { listPayments, payBill, toSubscriberPayment } from "../../domain/payment/payment.service";
import { createTRPCRouter, subscriberProcedure } from "../trpc";

export const billRouter = createTRPCRouter({
  list: subscriberProcedure
    .input(billListInput)
    .query(({ ctx, input }) =>
      listBills(ctx.db, { customerId: ctx.customerId, cursor: input?.cursor, limit: input?.limit }),
    ),
  byId: subscriberProcedure
    .input(billByIdInput)
    .query(({ ctx, input }) =>
      viewBill(ctx.db, { billId: input.id, customerId: ctx.customerId, locale: input.locale ?? ctx.locale }),
    ),
  /** The bill page calls it once it shows the bill: `bill.byId` is a GET and writes nothing. */
  recordView: subscriberProcedure.input(recordBillViewInput).mutation(({ ctx, input }) =>
    recordBillView(ctx.db, {
      billId: input.billId,
      customerId: ctx.customerId,
      actorId: ctx.session.id,
      channel: ctx.channel,
    }),
  ),
  explain: subscriberProcedure.input(billByIdInput).query(({ ctx, input }) =>
    explainBillForCustomer(ctx.db, {
      billId: input.id,
      customerId: ctx.customerId,
      locale: input.locale ?? ctx.locale,
    }),
  ),
  pdf: subscriberProcedure.input(billByIdInput).query(({ ctx, input }) =>
    getBillPdf(ctx.db, {
      billId: input.id,
      customerId: ctx.customerId,
      actorId: ctx.session.id,
      channel: ctx.channel,
      locale: input.locale ?? ctx.locale,
    }),
  ),
  pay: subscriberProcedure.input(payBillInput).mutation(({ ctx, input }) =>
    payBill(ctx.db, {
      ...input,
      customerId: ctx.customerId,
      actorId: ctx.session.id,
      channel: ctx.channel,
      locale: ctx.locale,
    }).then(toSubscriberPayment),
  ),
  payments: subscriberProcedure
    .input(z.object({ limit: limitSchema() }).optional())
    .query(async ({ ctx, input }) =>
      (await listPayments(ctx.db, { customerId: ctx.customerId, limit: input?.limit })).map(toSubscriberPayment),
    ),
});
