import "server-only";
import { searchArticles } from "../../domain/knowledge/search-articles.service";
import { createRequest } from "../../domain/request/create-request.service";
import {
  addCustomerMessage,
  escalateRequest,
  markRequestSolved,
  rateRequest,
  reopenRequest,
} from "../../domain/request/request-actions.service";
import { getRequestDetail, listRequests } from "../../domain/request/request-read.service";
import {
  addMessageInput,
  createRequestInput,
  escalateInput,
  listRequestsInput,
  markSolvedInput,
  rateInput,
  reopenInput,
  requestByIdInput,
  suggestInput,
} from "../../domain/request/request.schema";
import { createTRPCRouter, subscriberProcedure } from "../trpc";

/** The subscriber asking, as the request services scope and record it. */
const subscriber = subscriberProcedure.use(({ ctx, next }) =>
  next({
    ctx: {
      requester: { userId: ctx.session.id, customerId: ctx.customerId, channel: ctx.channel, locale: ctx.locale },
    },
  }),
);

export const requestRouter = createTRPCRouter({
  suggest: subscriber.input(suggestInput).query(({ ctx, input }) =>
    searchArticles(ctx.db, {
      text: input.text,
      category: input.category,
      locale: input.locale ?? ctx.locale,
      limit: 5,
      fillWithCategory: true,
    }),
  ),
  create: subscriber
    .input(createRequestInput)
    .mutation(({ ctx, input }) => createRequest(ctx.db, ctx.requester, input)),
  list: subscriber.input(listRequestsInput).query(({ ctx, input }) => listRequests(ctx.db, ctx.requester, input ?? {})),
  byId: subscriber.input(requestByIdInput).query(({ ctx, input }) => getRequestDetail(ctx.db, ctx.requester, input.id)),
  addMessage: subscriber
    .input(addMessageInput)
    .mutation(({ ctx, input }) => addCustomerMessage(ctx.db, ctx.requester, input)),
  markSolved: subscriber
    .input(markSolvedInput)
    .mutation(({ ctx, input }) => markRequestSolved(ctx.db, ctx.requester, input)),
  escalate: subscriber.input(escalateInput).mutation(({ ctx, input }) => escalateRequest(ctx.db, ctx.requester, input)),
  reopen: subscriber.input(reopenInput).mutation(({ ctx, input }) => reopenRequest(ctx.db, ctx.requester, input)),
  rate: subscriber.input(rateInput).mutation(({ ctx, input }) => rateRequest(ctx.db, ctx.requester, input)),
});
