import { describe, expect, it } from "vitest";
import { searchArticles } from "../../server/domain/knowledge/search-articles.service";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

describe("full-text search", () => {
  it("finds Russian articles with the Russian configuration (word forms match)", async () => {
    // "счета" and "выше" are other forms than the title's "счёт"/"больше": stemming matches "счет".
    const hits = await searchArticles(testDb(), { text: "почему мой счет стал больше", locale: "ru", limit: 5 });
    expect(hits[0]?.slug).toBe("why-is-my-bill-higher");
    expect(hits.every((hit) => hit.locale === "ru")).toBe(true);
  });

  it("finds English articles with the English configuration (plural and -ing forms match)", async () => {
    const hits = await searchArticles(testDb(), { text: "disputing charges", locale: "en", limit: 5 });
    expect(hits[0]?.slug).toBe("disputing-a-charge");
    expect(hits[0]?.title).toBe("How to dispute a charge");
    expect(hits.every((hit) => hit.locale === "en")).toBe(true);
  });

  it("matches a word still being typed as a prefix", async () => {
    const typing = await searchArticles(testDb(), { text: "автопла", locale: "ru", limit: 5 });
    expect(typing.map((hit) => hit.slug)).toContain("paying-and-autopay");
    const finished = await searchArticles(testDb(), { text: "автопла ", locale: "ru", limit: 5 });
    expect(finished.map((hit) => hit.slug)).not.toContain("paying-and-autopay");
  });

  it("ranks the request's category higher", async () => {
    const text = "тариф счёт";
    const plain = await searchArticles(testDb(), { text, locale: "ru", limit: 10 });
    const boosted = await searchArticles(testDb(), { text, locale: "ru", limit: 10, category: "TARIFF_CHANGE" });
    expect(boosted[0]!.categories).toContain("TARIFF_CHANGE");
    const rankOf = (hits: typeof plain, slug: string) => hits.find((hit) => hit.slug === slug)!.rank;
    const tariffArticle = boosted[0]!.slug;
    expect(rankOf(boosted, tariffArticle)).toBeCloseTo(2 * rankOf(plain, tariffArticle), 3);
    expect(boosted.every((hit, i) => i === 0 || hit.rank <= boosted[i - 1]!.rank)).toBe(true);
  });

  it("finds nothing for words no article has, and is not fooled by query syntax", async () => {
    expect(await searchArticles(testDb(), { text: "зебра жираф", locale: "ru" })).toEqual([]);
    expect(
      await searchArticles(testDb(), { text: '\'); DROP TABLE "KnowledgeArticle"; -- !:* & |', locale: "en" }),
    ).toEqual([]);
    expect(await testDb().knowledgeArticle.count()).toBeGreaterThan(0);
  });
});

describe("request.suggest while typing", () => {
  it("answers in the subscriber's language, with the category's articles first when nothing is typed yet", async () => {
    const bronze = await callerAs(DEMO.bronze);
    const empty = await bronze.request.suggest({ category: "BILLING_QUESTION", text: "" });
    expect(empty.length).toBeGreaterThan(0);
    expect(
      empty.every((hit) => hit.locale === "ru" && hit.categories.includes("BILLING_QUESTION") && !hit.matched),
    ).toBe(true);
    const typed = await bronze.request.suggest({ category: "BILLING_QUESTION", text: "платёж не отобража" });
    expect(typed[0]!.slug).toBe("payment-not-showing");
    expect(typed[0]!.matched).toBe(true);
    const english = await bronze.request.suggest({
      category: "BILLING_QUESTION",
      text: "payment not showing",
      locale: "en",
    });
    expect(english[0]!.title).toBe("My payment is not showing");
  });

  it("refuses oversized text with BAD_REQUEST naming it", async () => {
    const bronze = await callerAs(DEMO.bronze);
    expect(
      Object.keys(await fieldErrorsOf(bronze.request.suggest({ category: "OTHER", text: "a".repeat(501) }))),
    ).toEqual(["text"]);
  });
});

describe("articles and feedback", () => {
  it("reads an article; the page's recordView counts the view and the contact", async () => {
    const db = testDb();
    const bronze = await callerAs(DEMO.bronze, { channel: "PWA" });
    const before = await db.knowledgeArticle.findFirstOrThrow({
      where: { slug: "how-to-read-your-bill", locale: "ru" },
    });
    const article = await bronze.knowledge.article({ slug: "how-to-read-your-bill" });
    expect(article.title).toBe("Как читать счёт");
    expect(article.body.length).toBeGreaterThan(100);
    expect((await db.knowledgeArticle.findUniqueOrThrow({ where: { id: before.id } })).viewCount).toBe(
      before.viewCount,
    );
    expect(await bronze.knowledge.recordView({ articleId: article.id })).toEqual({ counted: true });
    const after = await db.knowledgeArticle.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.viewCount).toBe(before.viewCount + 1);
    const customerId = (await db.user.findUniqueOrThrow({ where: { phone: DEMO.bronze } })).customerId!;
    const interaction = await db.interaction.findFirstOrThrow({
      where: { customerId, type: "ARTICLE_VIEWED" },
      orderBy: { at: "desc" },
    });
    expect(interaction.channel).toBe("PWA");
    expect((await bronze.knowledge.article({ slug: "how-to-read-your-bill", locale: "en" })).title).toBe(
      "How to read your bill",
    );
    await expect(bronze.knowledge.article({ slug: "no-such-article" })).toHaveTRPCCode("NOT_FOUND");
  });

  it("stores one 'did this help?' answer per user and article; answering again changes it", async () => {
    const db = testDb();
    const silver = await callerAs(DEMO.silver);
    const article = await db.knowledgeArticle.findFirstOrThrow({
      where: { slug: "changing-your-tariff", locale: "ru" },
    });
    await Promise.all([
      silver.knowledge.feedback({ articleId: article.id, helpful: false }),
      silver.knowledge.feedback({ articleId: article.id, helpful: false }),
    ]);
    expect((await silver.knowledge.article({ slug: "changing-your-tariff" })).helpful).toBe(false);
    await silver.knowledge.feedback({ articleId: article.id, helpful: true });
    const user = await db.user.findUniqueOrThrow({ where: { phone: DEMO.silver } });
    const rows = await db.articleFeedback.findMany({ where: { articleId: article.id, userId: user.id } });
    expect(rows.map((row) => row.helpful)).toEqual([true]);
    await expect(silver.knowledge.feedback({ articleId: "art_missing", helpful: true })).toHaveTRPCCode("NOT_FOUND");
  });

  it("does not link feedback or views to someone else's request", async () => {
    const db = testDb();
    const bronze = await callerAs(DEMO.bronze);
    const created = await bronze.request.create({
      category: "OTHER",
      subject: "Вопрос",
      description: "Просто вопрос про обслуживание.",
      idempotencyKey: newIdempotencyKey("test"),
    });
    const silver = await callerAs(DEMO.silver);
    const article = await db.knowledgeArticle.findFirstOrThrow({ where: { locale: "ru" } });
    await expect(
      silver.knowledge.feedback({ articleId: article.id, helpful: true, requestId: created.id }),
    ).toHaveTRPCCode("NOT_FOUND");
    await expect(silver.knowledge.article({ slug: article.slug, requestId: created.id })).toHaveTRPCCode("NOT_FOUND");
    await expect(silver.knowledge.recordView({ articleId: article.id, requestId: created.id })).toHaveTRPCCode(
      "NOT_FOUND",
    );
  });

  it("lets agents search but not anonymous callers", async () => {
    const agent = await callerAs(DEMO.agent1);
    expect((await agent.knowledge.search({ query: "roaming", locale: "en" })).length).toBeGreaterThan(0);
    await expect((await callerAs(null)).knowledge.search({ query: "roaming" })).toHaveTRPCCode("UNAUTHORIZED");
  });
});
