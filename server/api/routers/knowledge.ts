import "server-only";
import { giveArticleFeedback, readArticle, recordArticleView } from "../../domain/knowledge/article.service";
import {
  articleBySlugInput,
  articleFeedbackInput,
  articleViewInput,
  searchArticlesInput,
} from "../../domain/knowledge/knowledge.schema";
import { searchArticles } from "../../domain/knowledge/search-articles.service";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const reader = protectedProcedure.use(({ ctx, next }) =>
  next({ ctx: { reader: { userId: ctx.session.id, customerId: ctx.session.customerId, channel: ctx.channel } } }),
);

/** The knowledge base for everyone signed in: subscribers read and rate, agents look things up. */
export const knowledgeRouter = createTRPCRouter({
  search: reader.input(searchArticlesInput).query(({ ctx, input }) =>
    searchArticles(ctx.db, {
      text: input.query,
      category: input.category,
      locale: input.locale ?? ctx.locale,
      limit: input.limit ?? 10,
      fillWithCategory: false,
    }),
  ),
  article: reader
    .input(articleBySlugInput)
    .query(({ ctx, input }) => readArticle(ctx.db, ctx.reader, { ...input, locale: input.locale ?? ctx.locale })),
  /** The page calls it once it shows the article: `knowledge.article` is a GET and writes nothing. */
  recordView: reader.input(articleViewInput).mutation(({ ctx, input }) => recordArticleView(ctx.db, ctx.reader, input)),
  feedback: reader
    .input(articleFeedbackInput)
    .mutation(({ ctx, input }) => giveArticleFeedback(ctx.db, ctx.reader, input)),
});
