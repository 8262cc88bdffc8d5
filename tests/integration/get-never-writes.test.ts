import { describe, expect, it } from "vitest";
import { BILL_VIEW_DEDUP_MS } from "../../server/domain/billing/bill-view.service";
import { recordArticleView } from "../../server/domain/knowledge/article.service";
import { recordBillView } from "../../server/domain/billing/bill-view.service";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";

/**
 * Queries are GETs: a cross-site link (or a prefetch) can make a browser send them, so they must
 * not write. Reading a bill or an article writes nothing; the page records the view with a
 * mutation once it shows it (issue 15).
 */

/** Every row a view could write, and the article's counter. */
async function viewFootprint(articleId: string) {
  const db = testDb();
  const article = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: articleId } });
  return {
    interactions: await db.interaction.count(),
    articleViews: await db.articleView.count(),
    viewCount: article.viewCount,
  };
}

async function someArticle() {
  return testDb().knowledgeArticle.findFirstOrThrow({
    where: { published: true, locale: "ru" },
    orderBy: { slug: "asc" },
  });
}

describe("GET queries never write", () => {
  it("knowledge.article and bill.byId (and bill.explain) read without writing a row", async () => {
    const db = testDb();
    const article = await someArticle();
    const bill = await db.bill.findFirstOrThrow({ where: { customerId: await customerIdOf(DEMO.silver) } });
    const silver = await callerAs(DEMO.silver, { channel: "PWA" });
    const before = await viewFootprint(article.id);
    for (let i = 0; i < 3; i++) {
      await silver.knowledge.article({ slug: article.slug, locale: "ru" });
      await silver.bill.byId({ id: bill.id });
      await silver.bill.explain({ id: bill.id });
    }
    expect(await viewFootprint(article.id)).toEqual(before);
  });
});

describe("knowledge.recordView", () => {
  it("counts a subscriber's view once: the view, the article's counter and the contact", async () => {
    const db = testDb();
    const article = await someArticle();
    const bronze = await callerAs(DEMO.bronze, { channel: "PWA" });
    const before = await viewFootprint(article.id);
    expect(await bronze.knowledge.recordView({ articleId: article.id })).toEqual({ counted: true });
    expect(await bronze.knowledge.recordView({ articleId: article.id })).toEqual({ counted: false });
    expect(await viewFootprint(article.id)).toEqual({
      interactions: before.interactions + 1,
      articleViews: before.articleViews + 1,
      viewCount: before.viewCount + 1,
    });
    const contact = await db.interaction.findFirstOrThrow({
      where: { customerId: await customerIdOf(DEMO.bronze), type: "ARTICLE_VIEWED" },
      orderBy: { at: "desc" },
    });
    expect(contact).toMatchObject({ channel: "PWA", data: { articleId: article.id, slug: article.slug } });
  });

  it("counts two calls at once as one view", async () => {
    const article = await testDb().knowledgeArticle.findFirstOrThrow({
      where: { published: true, locale: "en" },
      orderBy: { slug: "asc" },
    });
    const silver = await callerAs(DEMO.silver);
    const before = await viewFootprint(article.id);
    const results = await Promise.all([1, 2, 3].map(() => silver.knowledge.recordView({ articleId: article.id })));
    expect(results.filter((result) => result.counted)).toHaveLength(1);
    expect((await viewFootprint(article.id)).viewCount).toBe(before.viewCount + 1);
  });

  it("counts again after half an hour", async () => {
    const db = testDb();
    const article = await testDb().knowledgeArticle.findFirstOrThrow({
      where: { published: true, locale: "ru" },
      orderBy: { slug: "desc" },
    });
    const reader = { userId: await userIdOf(DEMO.platinum), customerId: await customerIdOf(DEMO.platinum) };
    const at = new Date("2030-01-01T10:00:00Z");
    const count = () => db.articleView.count({ where: { articleId: article.id, customerId: reader.customerId } });
    const before = await count();
    await recordArticleView(db, { ...reader, channel: "WEB" }, { articleId: article.id }, at);
    await recordArticleView(db, { ...reader, channel: "WEB" }, { articleId: article.id }, new Date(+at + 60_000));
    expect(await count()).toBe(before + 1);
    await recordArticleView(db, { ...reader, channel: "WEB" }, { articleId: article.id }, new Date(+at + 31 * 60_000));
    expect(await count()).toBe(before + 2);
  });

  it("does not count staff reading, and refuses an unknown article", async () => {
    const article = await someArticle();
    const agent = await callerAs(DEMO.agent1);
    const before = await viewFootprint(article.id);
    expect(await agent.knowledge.recordView({ articleId: article.id })).toEqual({ counted: false });
    expect(await viewFootprint(article.id)).toEqual(before);
    await expect(agent.knowledge.recordView({ articleId: "art_missing" })).toHaveTRPCCode("NOT_FOUND");
    await expect((await callerAs(null)).knowledge.recordView({ articleId: article.id })).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("bill.recordView", () => {
  it("records a view once per bill and channel in half an hour", async () => {
    const db = testDb();
    const customerId = await customerIdOf(DEMO.platinum);
    const bill = await db.bill.findFirstOrThrow({ where: { customerId }, orderBy: { issuedAt: "asc" } });
    const views = (channel: "WEB" | "PWA") =>
      db.interaction.count({
        where: { customerId, type: "BILL_VIEWED", channel, data: { path: ["billId"], equals: bill.id } },
      });
    const before = { web: await views("WEB"), pwa: await views("PWA") };
    const web = await callerAs(DEMO.platinum);
    const pwa = await callerAs(DEMO.platinum, { channel: "PWA" });
    const results = await Promise.all([
      web.bill.recordView({ billId: bill.id }),
      web.bill.recordView({ billId: bill.id }),
      pwa.bill.recordView({ billId: bill.id }),
    ]);
    expect(results.filter((result) => result.recorded)).toHaveLength(2);
    expect({ web: await views("WEB"), pwa: await views("PWA") }).toEqual({ web: before.web + 1, pwa: before.pwa + 1 });

    const later = new Date(Date.now() + BILL_VIEW_DEDUP_MS + 60_000);
    const input = { billId: bill.id, customerId, actorId: await userIdOf(DEMO.platinum), channel: "WEB" as const };
    expect(await recordBillView(db, { ...input, now: later })).toEqual({ recorded: true });
  });

  it("answers NOT_FOUND for another customer's bill and writes nothing; FORBIDDEN for staff", async () => {
    const db = testDb();
    const foreign = await db.bill.findFirstOrThrow({ where: { customerId: await customerIdOf(DEMO.bronze) } });
    const before = await db.interaction.count();
    await expect((await callerAs(DEMO.platinum)).bill.recordView({ billId: foreign.id })).toHaveTRPCCode("NOT_FOUND");
    await expect((await callerAs(DEMO.agent1)).bill.recordView({ billId: foreign.id })).toHaveTRPCCode("FORBIDDEN");
    expect(await db.interaction.count()).toBe(before);
  });
});
