import { beforeAll, describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { readTRPCError } from "../../app/_lib/trpc-error";
import { appRouter } from "../../server/api/root";
import { ACCESS, callProcedure, inputKeys, LOGIN, refusalFor, type Caller, type Who } from "./helpers/role-table";
import { callerAs, customerIdOf, DEMO, sessionFor, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";

const callers = {} as Record<Who, Caller>;

describe("the role table", () => {
  it("lists every procedure of the router, and nothing else", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThanOrEqual(100);
    expect(Object.keys(ACCESS).sort()).toEqual(procedures);
  });
});

describe("every procedure, as every kind of caller", () => {
  beforeAll(async () => {
    for (const who of Object.keys(LOGIN) as Who[]) callers[who] = await callerAs(LOGIN[who], { ip: "203.0.113.77" });
  });

  it.each(Object.keys(LOGIN) as Who[])("%s meets exactly the walls the table sets", async (who) => {
    const auditBefore = await testDb().auditLog.count();
    const wrong: string[] = [];
    for (const [path, access] of Object.entries(ACCESS)) {
      const refusal = refusalFor(access, who);
      const outcome = await callProcedure(callers[who], path).then(
        () => "OK",
        (error: unknown) => readTRPCError(error).code ?? "NOT_A_TRPC_ERROR",
      );
      if (refusal) {
        if (outcome !== refusal) wrong.push(`${path}: ${outcome}, expected ${refusal}`);
      } else if (!["OK", "BAD_REQUEST", "NOT_FOUND", "CONFLICT", "TOO_MANY_REQUESTS"].includes(outcome)) {
        // Through the wall, an empty input is judged on its merits, never with a 500.
        wrong.push(`${path}: ${outcome} once through the wall`);
      }
    }
    expect(wrong).toEqual([]);
    if (who !== "supervisor") {
      // Refused calls write nothing (a supervisor's empty inputs are all refused as input too).
      expect(await testDb().auditLog.count()).toBe(auditBefore);
    }
  });

  it("a staff member who has not set up the second factor reaches nothing but its enrolment", async () => {
    const admin = await callerAs(DEMO.admin);
    await admin.admin.users.create({
      role: "AGENT",
      name: "Новый Агент",
      email: "walls.new.agent@selfcare.test",
      password: "a-long-password-1",
      locale: "ru",
      idempotencyKey: newIdempotencyKey("walls"),
    });
    const pending = await callerAs("walls.new.agent@selfcare.test");
    const wrong: string[] = [];
    for (const [path, access] of Object.entries(ACCESS)) {
      if (!["agent", "partner", "admin", "subscriber"].includes(access)) continue;
      const outcome = await callProcedure(pending, path).then(
        () => "OK",
        (error: unknown) => readTRPCError(error).code,
      );
      if (outcome !== "FORBIDDEN") wrong.push(`${path}: ${outcome}`);
    }
    expect(wrong).toEqual([]);
    expect(await pending.secondFactor.status()).toMatchObject({ enrolled: false });
  });
});

/** Ids that belong to the subscriber (silver) or to the first dealer, asked for by someone else. */
type Fixtures = {
  billId: string;
  requestId: string;
  lineId: string;
  tariffId: string;
  changeId: string;
  sessionId: string;
  articleId: string;
  orderId: string;
  reservedMsisdn: string;
  passkeyId: string;
  addonPurchaseId: string;
  esimReplacementId: string;
  pickupReplacementId: string;
  incidentId: string;
};

/**
 * Every procedure a subscriber or dealer reaches that takes an id of something owned, with an input
 * naming the other subscriber's (or the other dealer's) thing: NOT_FOUND, never the thing.
 */
const FOREIGN: Record<string, { as: Who; input: (f: Fixtures) => unknown }> = {
  "request.byId": { as: "otherSubscriber", input: (f) => ({ id: f.requestId }) },
  "request.addMessage": { as: "otherSubscriber", input: (f) => ({ requestId: f.requestId, body: "Здравствуйте" }) },
  "request.markSolved": { as: "otherSubscriber", input: (f) => ({ requestId: f.requestId }) },
  "request.escalate": { as: "otherSubscriber", input: (f) => ({ requestId: f.requestId }) },
  "request.reopen": { as: "otherSubscriber", input: (f) => ({ requestId: f.requestId, comment: "Снова" }) },
  "request.rate": { as: "otherSubscriber", input: (f) => ({ requestId: f.requestId, score: 5 }) },
  "request.create": {
    as: "otherSubscriber",
    input: (f) => ({
      category: "BILLING_QUESTION",
      subject: "Чужая линия",
      description: "Вопрос по чужой линии",
      lineId: f.lineId,
      idempotencyKey: newIdempotencyKey("walls"),
    }),
  },
  "bill.byId": { as: "otherSubscriber", input: (f) => ({ id: f.billId }) },
  "bill.explain": { as: "otherSubscriber", input: (f) => ({ id: f.billId }) },
  "bill.recordView": { as: "otherSubscriber", input: (f) => ({ billId: f.billId }) },
  "bill.pdf": { as: "otherSubscriber", input: (f) => ({ id: f.billId }) },
  "bill.pay": {
    as: "otherSubscriber",
    input: (f) => ({ billId: f.billId, idempotencyKey: newIdempotencyKey("walls") }),
  },
  "tariff.list": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId }) },
  "tariff.recommend": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId }) },
  "line.block": {
    as: "otherSubscriber",
    input: (f) => ({ lineId: f.lineId, reason: "LOST", idempotencyKey: newIdempotencyKey("walls") }),
  },
  "line.unblock": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId }) },
  "line.suspendPreview": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId, until: "2100-01-01" }) },
  "line.suspend": {
    as: "otherSubscriber",
    input: (f) => ({ lineId: f.lineId, until: "2100-01-01", idempotencyKey: newIdempotencyKey("walls") }),
  },
  "line.resume": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId }) },
  "line.setSpendLimit": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId, limitCents: 100_000 }) },
  "tariff.changes": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId }) },
  "tariff.previewChange": {
    as: "otherSubscriber",
    input: (f) => ({ lineId: f.lineId, tariffId: f.tariffId, effective: "NEXT_CYCLE" }),
  },
  "tariff.change": {
    as: "otherSubscriber",
    input: (f) => ({
      lineId: f.lineId,
      tariffId: f.tariffId,
      effective: "NEXT_CYCLE",
      idempotencyKey: newIdempotencyKey("walls"),
    }),
  },
  "tariff.cancelChange": { as: "otherSubscriber", input: (f) => ({ changeId: f.changeId }) },
  "addon.list": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId }) },
  "addon.preview": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId, addonId: "add_minutes_300" }) },
  "addon.buy": {
    as: "otherSubscriber",
    input: (f) => ({ lineId: f.lineId, addonId: "add_minutes_300", idempotencyKey: newIdempotencyKey("walls") }),
  },
  "addon.mine": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId }) },
  "addon.setAutoRenew": { as: "otherSubscriber", input: (f) => ({ purchaseId: f.addonPurchaseId, autoRenew: false }) },
  "addon.roaming": { as: "otherSubscriber", input: (f) => ({ country: "DE", lineId: f.lineId }) },
  "account.signOutSession": { as: "otherSubscriber", input: (f) => ({ id: f.sessionId }) },
  "passkey.remove": { as: "otherSubscriber", input: (f) => ({ id: f.passkeyId }) },
  "knowledge.recordView": {
    as: "otherSubscriber",
    input: (f) => ({ articleId: f.articleId, requestId: f.requestId }),
  },
  "knowledge.feedback": {
    as: "otherSubscriber",
    input: (f) => ({ articleId: f.articleId, helpful: true, requestId: f.requestId }),
  },
  "partner.orderContract": { as: "otherDealer", input: (f) => ({ orderId: f.orderId }) },
  "partner.reissueActivationCode": {
    as: "otherDealer",
    input: (f) => ({ orderId: f.orderId, idempotencyKey: newIdempotencyKey("walls") }),
  },
  "sim.replace": {
    as: "otherSubscriber",
    input: (f) => ({ lineId: f.lineId, kind: "ESIM", idempotencyKey: newIdempotencyKey("walls") }),
  },
  "sim.status": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId }) },
  "sim.esimCode": { as: "otherSubscriber", input: (f) => ({ replacementId: f.esimReplacementId }) },
  "partner.simReplacements.complete": {
    as: "otherDealer",
    input: (f) => ({
      replacementId: f.pickupReplacementId,
      iccid: "89014103211118510720",
      documentLast4: "0000",
      identityChecked: true,
    }),
  },
  "sim.cancelReplacement": { as: "otherSubscriber", input: (f) => ({ lineId: f.lineId }) },
  "incident.subscribe": { as: "otherSubscriber", input: (f) => ({ incidentId: f.incidentId }) },
};

/** Inputs with an id-like key whose thing is not anyone's own (public catalogue, or the caller's alone). */
const NOT_OWNED: Record<string, string> = {
  "knowledge.article": "articles are public to every signed-in role",
  "request.suggest": "suggests articles for a text; its line is only a hint",
  "partner.reserveNumber": "free pool numbers belong to nobody until reserved",
  "push.unsubscribe": "an endpoint is matched within the caller's own devices (tested below)",
  "secondFactor.confirmEnrolment": "the caller's own enrolment",
  "partner.creditCheck": "checks a person by document for a tariff of the public catalogue",
  "partner.releaseNumber": "answers {released: false} alike for a free number and another dealer's (tested below)",
};

describe("foreign ids", () => {
  const fixtures = {} as Fixtures;

  beforeAll(async () => {
    const db = testDb();
    const customerId = await customerIdOf(DEMO.silver);
    const bill = await db.bill.findFirstOrThrow({ where: { customerId }, select: { id: true } });
    const line = await db.line.findFirstOrThrow({
      where: { customerId },
      select: { id: true, tariffId: true, msisdn: true },
    });
    const tariff = await db.tariff.findFirstOrThrow({ where: { id: { not: line.tariffId } }, select: { id: true } });
    const article = await db.knowledgeArticle.findFirstOrThrow({ select: { id: true } });
    const silver = await callerAs(DEMO.silver);
    const created = await silver.request.create({
      category: "BILLING_QUESTION",
      subject: "Вопрос по счёту",
      description: "Почему сумма выросла?",
      idempotencyKey: newIdempotencyKey("walls"),
    });
    const change = await db.tariffChange.create({
      data: {
        lineId: line.id,
        customerId,
        fromTariffId: line.tariffId,
        toTariffId: tariff.id,
        effective: "NEXT_CYCLE",
        status: "PENDING",
        effectiveAt: new Date(Date.now() + 7 * 86_400_000),
        requestedById: await userIdOf(DEMO.silver),
        idempotencyKey: newIdempotencyKey("walls"),
      },
      select: { id: true },
    });
    const dealer1 = await db.user.findUniqueOrThrow({ where: { email: DEMO.dealer1 } });
    const order = await db.order.create({
      data: {
        partnerId: dealer1.partnerId!,
        createdById: dealer1.id,
        customerId,
        tariffId: line.tariffId,
        msisdn: line.msisdn,
        idempotencyKey: newIdempotencyKey("walls"),
      },
      select: { id: true },
    });
    const dealerCaller = await callerAs(DEMO.dealer1);
    const [free] = await dealerCaller.partner.availableNumbers({});
    await dealerCaller.partner.reserveNumber({ msisdn: free!.msisdn });
    const passkey = await db.passkey.create({
      data: {
        userId: await userIdOf(DEMO.silver),
        credentialId: `walls-${Date.now()}`,
        publicKey: Buffer.from([1]),
        deviceType: "singleDevice",
        name: "Silver's phone",
      },
      select: { id: true },
    });
    const purchase = await db.lineAddon.create({
      data: {
        lineId: line.id,
        customerId,
        addonId: "add_data_5gb",
        priceCents: 29_900,
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 30 * 86_400_000),
        autoRenew: true,
        boughtById: await userIdOf(DEMO.silver),
        idempotencyKey: newIdempotencyKey("walls"),
      },
      select: { id: true },
    });
    // Closed replacements: they name silver's line without holding it open for other tests.
    const replacement = (kind: "ESIM" | "PHYSICAL") =>
      db.simReplacement.create({
        data: {
          lineId: line.id,
          kind,
          status: "CANCELLED",
          pickupPartnerId: kind === "PHYSICAL" ? dealer1.partnerId : null,
          orderedById: dealer1.id,
          channel: "WEB",
          idempotencyKey: newIdempotencyKey("walls"),
        },
        select: { id: true },
      });
    // An incident on silver's line alone, already resolved, so no other test's request joins it.
    const incident = await db.incident.create({
      data: {
        services: ["VOICE"],
        cells: ["WALLS-C0001"],
        status: "RESOLVED",
        startedAt: new Date(Date.now() - 2 * 3_600_000),
        resolvedAt: new Date(Date.now() - 3_600_000),
        messageRu: "Авария",
        messageEn: "Outage",
        affectedLines: 1,
        lines: { create: { lineId: line.id, customerId } },
      },
      select: { id: true },
    });
    Object.assign(fixtures, {
      incidentId: incident.id,
      esimReplacementId: (await replacement("ESIM")).id,
      pickupReplacementId: (await replacement("PHYSICAL")).id,
      addonPurchaseId: purchase.id,
      passkeyId: passkey.id,
      billId: bill.id,
      requestId: created.id,
      lineId: line.id,
      tariffId: tariff.id,
      changeId: change.id,
      sessionId: (await sessionFor(DEMO.silver)).sessionId,
      articleId: article.id,
      orderId: order.id,
      reservedMsisdn: free!.msisdn,
    });
  });

  it("every owned-id procedure a subscriber or dealer reaches is in the table", () => {
    const missing = Object.entries(ACCESS)
      .filter(([, access]) => ["subscriber", "partner", "signedIn"].includes(access))
      .map(([path]) => path)
      .filter((path) => inputKeys(path).some((key) => /(^id$|Id$|^msisdn$)/.test(key)))
      .filter((path) => !FOREIGN[path] && !NOT_OWNED[path]);
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(FOREIGN))("%s with another's id: NOT_FOUND", async (path) => {
    const { as, input } = FOREIGN[path]!;
    const caller = await callerAs(LOGIN[as]);
    await expect(callProcedure(caller, path, input(fixtures)), path).toHaveTRPCCode("NOT_FOUND");
  });

  it("another dealer's reservation stays when the other dealer releases it", async () => {
    const dealer2 = await callerAs(DEMO.dealer2);
    expect(await dealer2.partner.releaseNumber({ msisdn: fixtures.reservedMsisdn })).toMatchObject({ released: false });
    const pool = await testDb().numberPool.findUniqueOrThrow({ where: { msisdn: fixtures.reservedMsisdn } });
    const dealer1 = await testDb().user.findUniqueOrThrow({ where: { email: DEMO.dealer1 } });
    expect(pool).toMatchObject({ status: "RESERVED", reservedByPartnerId: dealer1.partnerId });
  });

  it("another subscriber's push endpoint is not removed by unsubscribing it", async () => {
    const endpoint = `https://fcm.googleapis.com/fcm/send/walls-${Date.now()}`;
    const keys = {
      p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
      auth: "tBHItJI5svbpez7KI4CCXg",
    };
    const silver = await callerAs(DEMO.silver);
    await silver.push.subscribe({ endpoint, keys }).catch(() => undefined);
    const before = await testDb().pushSubscription.count({ where: { endpoint } });
    const bronze = await callerAs(DEMO.bronze);
    await bronze.push.unsubscribe({ endpoint }).catch(() => undefined);
    expect(await testDb().pushSubscription.count({ where: { endpoint } })).toBe(before);
  });
});

/** Keys of routing and agent work that stay inside: a subscriber's answer never carries them. */
const INTERNAL_KEYS = new Set([
  "segment",
  "segmentAtCreation",
  "routingReasons",
  "internal",
  "assignedToId",
  "valueScore",
]);
const SEGMENT_NAMES = /\b(PLATINUM|GOLD|SILVER|BRONZE)\b/;

function internalLeaks(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => internalLeaks(item, `${path}[${i}]`));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, inner]) => [
      ...(INTERNAL_KEYS.has(key) ? [`${path}.${key}`] : []),
      ...internalLeaks(inner, `${path}.${key}`),
    ]);
  }
  return typeof value === "string" && SEGMENT_NAMES.test(value) ? [`${path} = ${value}`] : [];
}

describe("subscriber-facing answers", () => {
  it("carry no internal routing data: no segment, no agents' reasons, no internal notes", async () => {
    const subscriber = await callerAs(DEMO.bronze, { ip: "203.0.113.78" });
    const created = await subscriber.request.create({
      category: "COMPLAINT",
      subject: "Жалоба на обслуживание",
      description: "Долго ждал ответа в салоне связи.",
      idempotencyKey: newIdempotencyKey("walls"),
    });
    const agent = await callerAs(DEMO.agent1);
    await agent.agent.claim({ requestId: created.id }).catch(() => undefined);
    const note = "Внутренняя заметка: клиент BRONZE, не предлагать скидку";
    await agent.agent.reply({ requestId: created.id, body: note, internal: true });
    // The agent sees the note and the segment; the subscriber sees neither.
    const agentView = JSON.stringify(await agent.agent.request({ requestId: created.id }));
    expect(agentView).toContain(note);
    expect(agentView).toContain("BRONZE");

    const answers = {
      create: created,
      byId: await subscriber.request.byId({ id: created.id }),
      list: await subscriber.request.list({}),
      // The segment decides routing and offers; the subscriber's own pages never name it.
      summary: await subscriber.account.summary(),
      me: await subscriber.me.get(),
      bills: await subscriber.bill.list({}),
    };
    expect(internalLeaks(answers)).toEqual([]);
    expect(JSON.stringify(answers)).not.toContain(note);
  });
});
