import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { createEscalation } from "./helpers/agent-fixtures";
import { testDb } from "./helpers/db";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const SECRET = "INTERNAL: customer sounded angry, check the retention budget first";

let silverId: string;
let bronzeId: string;
let agent1Id: string;
let silverLoginId: string;

beforeAll(async () => {
  [silverId, bronzeId, agent1Id, silverLoginId] = await Promise.all([
    customerIdOf(DEMO.silver),
    customerIdOf(DEMO.bronze),
    userIdOf(DEMO.agent1),
    userIdOf(DEMO.silver),
  ]);
});

describe("agent.reply", () => {
  it("sends a public reply: claims the request, records the first response, moves it on, notifies the subscriber", async () => {
    const db = testDb();
    const request = await createEscalation({ customerId: silverId, category: "TECHNICAL_FAULT" });
    const agent = await callerAs(DEMO.agent1, { ip: "10.0.0.5" });
    const message = await agent.agent.reply({
      requestId: request.id,
      body: "Проверили базовую станцию, перезагрузите телефон.",
      idempotencyKey: newIdempotencyKey("pub"),
    });
    expect(message).toMatchObject({ internal: false, authorKind: "AGENT", authorId: agent1Id });

    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({ status: "IN_PROGRESS", assignedToId: agent1Id });
    expect(stored.firstResponseAt?.getTime()).toBe(message.createdAt.getTime());
    expect(stored.claimedAt).not.toBeNull();

    const notification = await db.notification.findFirstOrThrow({
      where: { userId: silverLoginId, kind: "AGENT_REPLY", url: `/requests/${request.id}` },
    });
    expect(notification.body).toContain("перезагрузите телефон");
    const contact = await db.interaction.findFirstOrThrow({ where: { requestId: request.id, type: "AGENT_REPLY" } });
    expect(contact).toMatchObject({ channel: "PHONE", actorId: agent1Id, customerId: silverId });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: request.id, action: "request.reply" } });
    expect(audit).toMatchObject({ actorId: agent1Id, ip: "10.0.0.5" });
    expect(audit.before).toMatchObject({ status: "QUEUED", assignedToId: null, firstResponseAt: null });
    expect(audit.after).toMatchObject({ status: "IN_PROGRESS", assignedToId: agent1Id });

    // The subscriber sees it in their request.
    const seen = await (await callerAs(DEMO.silver)).request.byId({ id: request.id });
    expect(seen.messages.map((m) => m.body)).toContain("Проверили базовую станцию, перезагрузите телефон.");
  });

  it("keeps the first response time at the first reply, and can wait for the customer", async () => {
    const request = await createEscalation({ customerId: silverId });
    const agent = await callerAs(DEMO.agent1);
    const first = await agent.agent.reply({ requestId: request.id, body: "Первый ответ" });
    await agent.agent.reply({ requestId: request.id, body: "Уточните модель телефона", waitForCustomer: true });
    const stored = await testDb().serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.status).toBe("WAITING_CUSTOMER");
    expect(stored.firstResponseAt?.getTime()).toBe(first.createdAt.getTime());
  });

  it("marks the SLA breached when the first response comes after the due time", async () => {
    const request = await createEscalation({ customerId: bronzeId, slaDueAt: new Date(Date.now() - 60_000) });
    await (await callerAs(DEMO.agent2)).agent.reply({ requestId: request.id, body: "Извините за ожидание" });
    expect((await testDb().serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).slaBreached).toBe(true);
  });

  it("replays the same key as the same message, once", async () => {
    const request = await createEscalation({ customerId: silverId });
    const agent = await callerAs(DEMO.agent1);
    const input = { requestId: request.id, body: "Один раз", idempotencyKey: newIdempotencyKey("replay") };
    const [a, b] = await Promise.all([agent.agent.reply(input), agent.agent.reply(input)]);
    const c = await agent.agent.reply(input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await testDb().requestMessage.count({ where: { requestId: request.id, body: "Один раз" } })).toBe(1);
    expect(await testDb().notification.count({ where: { url: `/requests/${request.id}`, kind: "AGENT_REPLY" } })).toBe(
      1,
    );
  });

  it("refuses a public reply on a request another agent holds, and bad input", async () => {
    const request = await createEscalation({ customerId: silverId });
    await (await callerAs(DEMO.agent1)).agent.claim({ requestId: request.id });
    const other = await callerAs(DEMO.agent2);
    await expect(other.agent.reply({ requestId: request.id, body: "Я тоже отвечу" })).toHaveTRPCCode("CONFLICT");
    // A colleague may still leave an internal note.
    await expect(
      other.agent.reply({ requestId: request.id, body: "Подсказка коллеге", internal: true }),
    ).resolves.toMatchObject({ internal: true });
    await expect(other.agent.reply({ requestId: request.id, body: "   " })).toHaveTRPCCode("BAD_REQUEST");
    await expect(other.agent.reply({ requestId: "req_missing", body: "x", internal: true })).toHaveTRPCCode(
      "NOT_FOUND",
    );
  });
});

describe("internal notes", () => {
  it("never reach the subscriber through any procedure", async () => {
    const db = testDb();
    const request = await createEscalation({ customerId: silverId, category: "CANCEL_CONTRACT" });
    const agent = await callerAs(DEMO.agent1);
    await agent.agent.reply({
      requestId: request.id,
      body: "Здравствуйте! Разбираемся.",
      idempotencyKey: newIdempotencyKey("n1"),
    });
    const note = await agent.agent.reply({
      requestId: request.id,
      body: SECRET,
      internal: true,
      idempotencyKey: newIdempotencyKey("n2"),
    });
    expect(note.internal).toBe(true);

    // Agents see the note; the request did not move and the subscriber was not notified of it.
    const forAgent = await agent.agent.request({ requestId: request.id });
    expect(forAgent.messages.find((m) => m.id === note.id)).toMatchObject({ internal: true, body: SECRET });
    expect(await db.notification.count({ where: { body: { contains: "retention budget" } } })).toBe(0);

    const subscriber = await callerAs(DEMO.silver);
    const seen: unknown[] = [];
    seen.push(await subscriber.request.byId({ id: request.id }));
    seen.push(await subscriber.request.list({}));
    seen.push(await subscriber.request.list({ state: "open" }));
    seen.push(
      await subscriber.request.addMessage({
        requestId: request.id,
        body: "Жду ответа",
        idempotencyKey: newIdempotencyKey("cust"),
      }),
    );
    seen.push(await subscriber.request.escalate({ requestId: request.id }));
    seen.push(await subscriber.request.markSolved({ requestId: request.id }));
    seen.push(await subscriber.request.rate({ requestId: request.id, score: 4 }));
    seen.push(await subscriber.request.reopen({ requestId: request.id, comment: "Вопрос не решён" }));
    seen.push(await subscriber.account.summary());
    const json = JSON.stringify(seen);
    expect(json).toContain("Здравствуйте! Разбираемся.");
    expect(json).not.toContain("retention budget");
    expect(json).not.toContain(note.id);

    // Every subscriber-facing request procedure was exercised above.
    const { appRouter } = await import("../../server/api/root");
    const requestProcedures = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("request."));
    expect(requestProcedures.sort()).toEqual(
      [
        "request.addMessage",
        "request.byId",
        "request.create",
        "request.escalate",
        "request.list",
        "request.markSolved",
        "request.rate",
        "request.reopen",
        "request.suggest",
      ].sort(),
    );
  });
});

describe("agent.resolve", () => {
  it("resolves with a code and a note the subscriber sees; records the times; notifies; audits", async () => {
    const db = testDb();
    const request = await createEscalation({ customerId: silverId, category: "BILL_DISPUTE" });
    const agent = await callerAs(DEMO.agent1);
    await agent.agent.claim({ requestId: request.id });
    await agent.agent.reply({ requestId: request.id, body: "Проверяем начисления" });
    const resolved = await agent.agent.resolve({
      requestId: request.id,
      resolutionCode: "CREDIT_ISSUED",
      note: "Начисление ошибочное, вернули 150 ₽.",
    });
    expect(resolved).toMatchObject({
      status: "RESOLVED",
      resolutionCode: "CREDIT_ISSUED",
      resolutionNote: "Начисление ошибочное, вернули 150 ₽.",
    });

    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.claimedAt!.getTime()).toBeLessThanOrEqual(stored.firstResponseAt!.getTime());
    expect(stored.firstResponseAt!.getTime()).toBeLessThanOrEqual(stored.resolvedAt!.getTime());

    const subscriberView = await (await callerAs(DEMO.silver)).request.byId({ id: request.id });
    expect(subscriberView.status).toBe("RESOLVED");
    expect(subscriberView.messages.map((m) => m.body)).toContain("Начисление ошибочное, вернули 150 ₽.");
    const notification = await db.notification.findFirstOrThrow({
      where: { userId: silverLoginId, kind: "REQUEST_STATUS", url: `/requests/${request.id}` },
    });
    expect(notification.title).toContain(String(request.number));
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: request.id, action: "request.resolve" } });
    expect(audit.before).toMatchObject({ status: "IN_PROGRESS", resolvedAt: null });
    expect(audit.after).toMatchObject({ status: "RESOLVED", resolutionCode: "CREDIT_ISSUED" });
    expect(
      await db.interaction.count({ where: { requestId: request.id, type: "REQUEST_RESOLVED", channel: "PHONE" } }),
    ).toBe(1);

    // Resolving again changes nothing.
    await agent.agent.resolve({ requestId: request.id, resolutionCode: "EXPLAINED", note: "Снова" });
    const again = await db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(again.resolutionCode).toBe("CREDIT_ISSUED");
    expect(again.resolvedAt).toEqual(stored.resolvedAt);
  });

  it("refuses an unknown resolution code or an empty note, naming the field, and changes nothing", async () => {
    const request = await createEscalation({ customerId: bronzeId });
    const agent = await callerAs(DEMO.agent1);
    const bad = agent.agent.resolve({ requestId: request.id, resolutionCode: "MAGIC" as "FIXED", note: "x" });
    expect(Object.keys(await fieldErrorsOf(bad))).toContain("resolutionCode");
    await expect(agent.agent.resolve({ requestId: request.id, resolutionCode: "FIXED", note: "  " })).toHaveTRPCCode(
      "BAD_REQUEST",
    );
    expect((await testDb().serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("QUEUED");
  });

  it("refuses to resolve a request another agent holds", async () => {
    const request = await createEscalation({ customerId: bronzeId });
    await (await callerAs(DEMO.agent2)).agent.claim({ requestId: request.id });
    await expect(
      (await callerAs(DEMO.agent1)).agent.resolve({ requestId: request.id, resolutionCode: "FIXED", note: "Готово" }),
    ).toHaveTRPCCode("CONFLICT");
  });
});

describe("canned responses", () => {
  it("come in the customer's language with placeholders filled from their data", async () => {
    const request = await createEscalation({ customerId: silverId });
    const customer = await testDb().customer.findUniqueOrThrow({ where: { id: silverId } });
    const agent = await callerAs(DEMO.agent1);
    const ru = await agent.agent.cannedResponses({ requestId: request.id });
    expect(ru.locale).toBe(customer.locale === "en" ? "en" : "ru");
    const greeting = (await agent.agent.cannedResponses({ requestId: request.id, locale: "ru" })).items.find(
      (item) => item.code === "GREETING",
    );
    expect(greeting?.body).toContain(`Здравствуйте, ${customer.firstName}!`);
    expect(greeting?.body).toContain(`№${request.number}`);
    expect(greeting?.body).not.toMatch(/\{\w+\}/);
    const en = await agent.agent.cannedResponses({ requestId: request.id, locale: "en" });
    expect(en.items.find((item) => item.code === "CREDIT_ISSUED")?.body).toContain(customer.accountNumber);
    expect(en.items.length).toBe(ru.items.length);
  });
});
