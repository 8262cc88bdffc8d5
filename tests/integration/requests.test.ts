import { beforeEach, describe, expect, it } from "vitest";
import { callerAs, customerIdOf, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { clearRequests } from "./helpers/requests";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const DAY = 24 * 60 * 60 * 1000;

const billingQuestion = () => ({
  category: "BILLING_QUESTION" as const,
  subject: "Почему счёт больше обычного",
  description: "В этом месяце счёт больше, чем обычно. Почему?",
  idempotencyKey: newIdempotencyKey("test"),
});

beforeEach(async () => {
  for (const phone of [DEMO.bronze, DEMO.silver, DEMO.platinum]) await clearRequests(phone);
});

describe("request.create", () => {
  it("answers with the routing, articles that might solve it and the bill explainer", async () => {
    const created = await (await callerAs(DEMO.bronze)).request.create(billingQuestion());
    expect(created.number).toBeGreaterThan(0);
    expect(created.status).toBe("SELF_SERVICE");
    expect(created.suggestedArticles.length).toBeGreaterThan(0);
    expect(created.suggestedArticles[0]!.categories).toContain("BILLING_QUESTION");
    expect(created.suggestedArticles[0]!.title).toBe("Почему счёт больше обычного");
    const latestBill = await testDb().bill.findFirstOrThrow({
      where: { customerId: await customerIdOf(DEMO.bronze) },
      orderBy: { issuedAt: "desc" },
    });
    expect(created.actions[0]).toEqual({ kind: "BILL_EXPLAINER", href: `/bills/${latestBill.id}` });
  });

  it("replays: the same key answers the same request and creates one", async () => {
    const caller = await callerAs(DEMO.bronze);
    const input = billingQuestion();
    const first = await caller.request.create(input);
    const again = await caller.request.create(input);
    expect(again.id).toBe(first.id);
    expect(again.number).toBe(first.number);
    expect(await testDb().serviceRequest.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it("races: concurrent duplicates create one request and all get it", async () => {
    const caller = await callerAs(DEMO.silver);
    const input = billingQuestion();
    const results = await Promise.all(Array.from({ length: 6 }, () => caller.request.create(input)));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await testDb().serviceRequest.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await testDb().interaction.count({ where: { requestId: results[0]!.id, type: "REQUEST_CREATED" } })).toBe(1);
  });

  it.each([
    ["subject", { subject: "x".repeat(151) }],
    ["subject", { subject: "  " }],
    ["description", { description: "y".repeat(4001) }],
    ["description", { description: "short" }],
    ["idempotencyKey", { idempotencyKey: "short" }],
    ["category", { category: "WHATEVER" }],
    ["disputedAmountCents", { category: "BILL_DISPUTE", disputedAmountCents: 12.5 }],
  ])("refuses a bad %s with BAD_REQUEST naming it, and saves nothing", async (field, override) => {
    const caller = await callerAs(DEMO.bronze);
    const customerId = await customerIdOf(DEMO.bronze);
    const fields = Object.keys(
      await fieldErrorsOf(caller.request.create({ ...billingQuestion(), ...override } as never)),
    );
    expect(fields).toContain(field);
    expect(await testDb().serviceRequest.count({ where: { customerId } })).toBe(0);
  });

  it("refuses a disputed amount above the bill's total, and a foreign line or bill as NOT_FOUND", async () => {
    const db = testDb();
    const bronze = await callerAs(DEMO.bronze);
    const bill = await db.bill.findFirstOrThrow({ where: { customerId: await customerIdOf(DEMO.bronze) } });
    const dispute = { ...billingQuestion(), category: "BILL_DISPUTE" as const, billId: bill.id };
    expect(
      Object.keys(await fieldErrorsOf(bronze.request.create({ ...dispute, disputedAmountCents: bill.totalCents + 1 }))),
    ).toEqual(["disputedAmountCents"]);
    const platinumLine = await db.line.findFirstOrThrow({ where: { customerId: await customerIdOf(DEMO.platinum) } });
    const platinumBill = await db.bill.findFirstOrThrow({ where: { customerId: await customerIdOf(DEMO.platinum) } });
    await expect(bronze.request.create({ ...billingQuestion(), lineId: platinumLine.id })).toHaveTRPCCode("NOT_FOUND");
    await expect(bronze.request.create({ ...billingQuestion(), billId: platinumBill.id })).toHaveTRPCCode("NOT_FOUND");
    expect(await db.serviceRequest.count({ where: { customerId: await customerIdOf(DEMO.bronze) } })).toBe(0);
    const ok = await bronze.request.create({ ...dispute, disputedAmountCents: bill.totalCents });
    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: ok.id } });
    expect(stored.billId).toBe(bill.id);
    expect(stored.disputedAmountCents).toBe(bill.totalCents);
  });

  it("records the contact as an interaction on its channel", async () => {
    const created = await (await callerAs(DEMO.bronze, { channel: "PWA" })).request.create(billingQuestion());
    const interaction = await testDb().interaction.findFirstOrThrow({
      where: { requestId: created.id, type: "REQUEST_CREATED" },
    });
    expect(interaction.channel).toBe("PWA");
    expect((await testDb().serviceRequest.findUniqueOrThrow({ where: { id: created.id } })).channel).toBe("PWA");
  });
});

describe("permissions", () => {
  it.each([DEMO.agent1, DEMO.dealer1, DEMO.admin])("%s cannot use request.* (FORBIDDEN)", async (identifier) => {
    const caller = await callerAs(identifier);
    await expect(caller.request.create(billingQuestion())).toHaveTRPCCode("FORBIDDEN");
    await expect(caller.request.list()).toHaveTRPCCode("FORBIDDEN");
    await expect(caller.request.suggest({ category: "OTHER", text: "x" })).toHaveTRPCCode("FORBIDDEN");
  });

  it("anonymous callers are UNAUTHORIZED", async () => {
    const caller = await callerAs(null);
    await expect(caller.request.create(billingQuestion())).toHaveTRPCCode("UNAUTHORIZED");
    await expect(caller.request.byId({ id: "x" })).toHaveTRPCCode("UNAUTHORIZED");
  });

  it("another subscriber's request is NOT_FOUND for reading and for every action, and stays unchanged", async () => {
    const created = await (await callerAs(DEMO.bronze)).request.create(billingQuestion());
    const other = await callerAs(DEMO.silver);
    const requestId = created.id;
    await expect(other.request.byId({ id: requestId })).toHaveTRPCCode("NOT_FOUND");
    await expect(other.request.markSolved({ requestId })).toHaveTRPCCode("NOT_FOUND");
    await expect(other.request.escalate({ requestId })).toHaveTRPCCode("NOT_FOUND");
    await expect(other.request.addMessage({ requestId, body: "hello" })).toHaveTRPCCode("NOT_FOUND");
    await expect(other.request.rate({ requestId, score: 1 })).toHaveTRPCCode("NOT_FOUND");
    await expect(other.request.reopen({ requestId, comment: "again" })).toHaveTRPCCode("NOT_FOUND");
    const stored = await testDb().serviceRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stored.status).toBe("SELF_SERVICE");
    expect(stored.csat).toBeNull();
  });
});

describe("request.list and request.byId", () => {
  it("lists only the caller's requests, newest first, page by page", async () => {
    const bronze = await callerAs(DEMO.bronze);
    const silver = await callerAs(DEMO.silver);
    const mine = [];
    for (let i = 0; i < 3; i++)
      mine.push(await bronze.request.create({ ...billingQuestion(), subject: `Мой вопрос ${i}` }));
    await silver.request.create({ ...billingQuestion(), subject: "Чужой вопрос" });

    const first = await bronze.request.list({ limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual([mine[2]!.id, mine[1]!.id]);
    expect(first.nextCursor).toBe(mine[0]!.id);
    const second = await bronze.request.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.id)).toEqual([mine[0]!.id]);
    expect(second.nextCursor).toBeNull();
    const all = await bronze.request.list();
    expect(all.items.every((item) => item.subject.startsWith("Мой вопрос"))).toBe(true);
    // The seeded history of other customers is never listed.
    const customerId = await customerIdOf(DEMO.bronze);
    const ids = new Set(
      (await testDb().serviceRequest.findMany({ where: { customerId }, select: { id: true } })).map((row) => row.id),
    );
    expect(all.items.every((item) => ids.has(item.id))).toBe(true);
  });

  it("never shows an agent's internal note to the subscriber", async () => {
    const db = testDb();
    const bronze = await callerAs(DEMO.bronze);
    const created = await bronze.request.create({ ...billingQuestion(), category: "COMPLAINT" });
    const agent = await db.user.findUniqueOrThrow({ where: { email: DEMO.agent1 } });
    await db.requestMessage.createMany({
      data: [
        {
          requestId: created.id,
          authorId: agent.id,
          authorKind: "AGENT",
          body: "INTERNAL: customer is rude",
          internal: true,
        },
        {
          requestId: created.id,
          authorId: agent.id,
          authorKind: "AGENT",
          body: "Здравствуйте! Разбираемся.",
          internal: false,
        },
      ],
    });
    const detail = await bronze.request.byId({ id: created.id });
    expect(detail.messages.map((message) => message.body)).toEqual(["Здравствуйте! Разбираемся."]);
    expect(detail.messages[0]!.authorName).toBe(agent.name.split(" ")[0]);
    const listed = await bronze.request.list();
    const item = listed.items.find((entry) => entry.id === created.id)!;
    expect(item.messages.some((message) => message.body.includes("INTERNAL"))).toBe(false);
    expect(JSON.stringify(listed)).not.toContain("INTERNAL");
    expect(JSON.stringify(detail)).not.toContain("INTERNAL");
  });

  it("shows the status timeline and the promised response time", async () => {
    const bronze = await callerAs(DEMO.bronze);
    const created = await bronze.request.create({ ...billingQuestion(), category: "NO_SERVICE", subject: "Нет связи" });
    const detail = await bronze.request.byId({ id: created.id });
    expect(detail.events.map((event) => event.status)).toEqual(["NEW", "QUEUED"]);
    expect(detail.routing.slaDueAt).toEqual(created.routing.slaDueAt);
    expect(detail.routing.reasonCodes[0]).toBe("OUTAGE");
    expect(detail.can).toMatchObject({ addMessage: true, escalate: false, rate: false });
  });
});

describe("self-service: solved, or a person", () => {
  it("marks a self-service request solved: resolved, deflected, the article counted helpful; a replay changes nothing", async () => {
    const db = testDb();
    const bronze = await callerAs(DEMO.bronze, { channel: "PWA" });
    const created = await bronze.request.create(billingQuestion());
    const article = created.suggestedArticles[0]!;
    const solved = await bronze.request.markSolved({ requestId: created.id, articleId: article.id });
    expect(solved.status).toBe("RESOLVED");
    expect(solved.deflected).toBe(true);
    const again = await bronze.request.markSolved({ requestId: created.id, articleId: article.id });
    expect(again.status).toBe("RESOLVED");
    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: created.id }, include: { events: true } });
    expect(stored.resolutionCode).toBe("SELF_SERVICE_SOLVED");
    expect(stored.events.filter((event) => event.status === "RESOLVED")).toHaveLength(1);
    const user = await db.user.findUniqueOrThrow({ where: { phone: DEMO.bronze } });
    const feedback = await db.articleFeedback.findUniqueOrThrow({
      where: { articleId_userId: { articleId: article.id, userId: user.id } },
    });
    expect(feedback.helpful).toBe(true);
    const interactions = await db.interaction.findMany({ where: { requestId: created.id, type: "REQUEST_SOLVED" } });
    expect(interactions).toHaveLength(1);
    expect(interactions[0]!.channel).toBe("PWA");
  });

  it("escalates to a person: queued with a new SLA and the reason; a replay changes nothing", async () => {
    const db = testDb();
    const bronze = await callerAs(DEMO.bronze);
    const created = await bronze.request.create(billingQuestion());
    expect(created.routing.slaDueAt).toBeNull();
    const escalated = await bronze.request.escalate({ requestId: created.id, comment: "Статьи не помогли" });
    expect(escalated.status).toBe("QUEUED");
    expect(escalated.routing.decision).toBe("AGENT_QUEUE");
    expect(escalated.routing.reasonCodes).toContain("ASKED_FOR_PERSON");
    expect(escalated.routing.slaDueAt!.getTime()).toBeGreaterThan(Date.now());
    expect(escalated.messages.map((message) => message.body)).toEqual(["Статьи не помогли"]);
    const again = await bronze.request.escalate({ requestId: created.id });
    expect(again.routing.slaDueAt).toEqual(escalated.routing.slaDueAt);
    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: created.id }, include: { events: true } });
    expect(stored.escalatedAt).not.toBeNull();
    expect(stored.events.filter((event) => event.status === "QUEUED")).toHaveLength(1);
    expect(await db.interaction.count({ where: { requestId: created.id, type: "REQUEST_ESCALATED" } })).toBe(1);
    // Escalated, it is not counted as deflected when later solved.
    const solved = await bronze.request.markSolved({ requestId: created.id });
    expect(solved.status).toBe("RESOLVED");
    expect(solved.deflected).toBe(false);
  });

  it("cannot write into self-service (ask for a person first) nor escalate a resolved request", async () => {
    const bronze = await callerAs(DEMO.bronze);
    const created = await bronze.request.create(billingQuestion());
    await expect(bronze.request.addMessage({ requestId: created.id, body: "Алло?" })).toHaveTRPCCode("CONFLICT");
    await bronze.request.markSolved({ requestId: created.id });
    await expect(bronze.request.escalate({ requestId: created.id })).toHaveTRPCCode("CONFLICT");
  });
});

describe("conversation, rating and reopening", () => {
  it("adds a message once per idempotency key and answers an agent's question back to them", async () => {
    const db = testDb();
    const bronze = await callerAs(DEMO.bronze);
    const created = await bronze.request.create({
      ...billingQuestion(),
      category: "TECHNICAL_FAULT",
      subject: "Не работает интернет",
    });
    const agent = await db.user.findUniqueOrThrow({ where: { email: DEMO.agent2 } });
    await db.serviceRequest.update({
      where: { id: created.id },
      data: { status: "WAITING_CUSTOMER", assignedToId: agent.id },
    });
    const input = {
      requestId: created.id,
      body: "Перезагрузил телефон, не помогло.",
      idempotencyKey: newIdempotencyKey("test"),
    };
    const [first, second] = await Promise.all([bronze.request.addMessage(input), bronze.request.addMessage(input)]);
    expect(second.id).toBe(first.id);
    const detail = await bronze.request.byId({ id: created.id });
    expect(detail.messages.map((message) => message.body)).toEqual([input.body]);
    expect(detail.messages[0]!.isMine).toBe(true);
    expect(detail.status).toBe("IN_PROGRESS");
    expect(await db.notification.count({ where: { userId: agent.id, url: `/agent/requests/${created.id}` } })).toBe(1);
    expect(
      Object.keys(await fieldErrorsOf(bronze.request.addMessage({ requestId: created.id, body: "z".repeat(4001) }))),
    ).toEqual(["body"]);
  });

  it("rates only after resolution, 1 to 5", async () => {
    const bronze = await callerAs(DEMO.bronze);
    const created = await bronze.request.create({ ...billingQuestion(), category: "COMPLAINT" });
    await expect(bronze.request.rate({ requestId: created.id, score: 5 })).toHaveTRPCCode("CONFLICT");
    await bronze.request.markSolved({ requestId: created.id });
    expect(Object.keys(await fieldErrorsOf(bronze.request.rate({ requestId: created.id, score: 6 })))).toEqual([
      "score",
    ]);
    const rated = await bronze.request.rate({ requestId: created.id, score: 4 });
    expect(rated.csat).toBe(4);
    expect((await bronze.request.rate({ requestId: created.id, score: 4 })).csat).toBe(4);
    expect(await testDb().interaction.count({ where: { requestId: created.id, type: "REQUEST_RATED" } })).toBe(1);
  });

  it("reopens within 7 days of resolution, not after", async () => {
    const db = testDb();
    const bronze = await callerAs(DEMO.bronze);
    const created = await bronze.request.create(billingQuestion());
    await bronze.request.markSolved({ requestId: created.id });
    const reopened = await bronze.request.reopen({ requestId: created.id, comment: "Опять списали деньги" });
    expect(reopened.status).toBe("REOPENED");
    expect(reopened.deflected).toBe(false);
    expect(reopened.routing.slaDueAt).not.toBeNull();
    expect(reopened.messages.at(-1)!.body).toBe("Опять списали деньги");

    const late = await bronze.request.create({ ...billingQuestion(), category: "TARIFF_CHANGE" });
    await bronze.request.markSolved({ requestId: late.id });
    await db.serviceRequest.update({ where: { id: late.id }, data: { resolvedAt: new Date(Date.now() - 8 * DAY) } });
    await expect(bronze.request.reopen({ requestId: late.id, comment: "Снова" })).toHaveTRPCCode("CONFLICT");
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: late.id } })).status).toBe("RESOLVED");
  });
});
