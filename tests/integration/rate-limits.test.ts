import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ABUSE_LIMITS, pointsOf } from "../../server/domain/abuse/abuse-limits.service";
import { callerAs, DEMO, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { createSubscriber } from "./helpers/push-service";
import { clearRequests } from "./helpers/requests";

// The integration project raises these budgets for suites that open many requests
// (vitest.config.ts); here they are cleared, so the real defaults are what is tested.
const BUDGET_VARIABLES = [
  "RATE_LIMIT_REQUESTS_PER_HOUR",
  "RATE_LIMIT_MESSAGES_PER_HOUR",
  "RATE_LIMIT_PUSH_SUBSCRIPTIONS_PER_HOUR",
];

beforeAll(async () => {
  for (const name of BUDGET_VARIABLES) vi.stubEnv(name, "");
  vi.stubEnv("PUSH_SERVICE_HOSTS", "");
  for (const phone of [DEMO.bronze, DEMO.silver, DEMO.platinum]) await clearRequests(phone);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

function newRequest(category: "TECHNICAL_FAULT" | "OTHER" = "OTHER") {
  return {
    category,
    subject: "The internet is slow",
    description: "Pages take a minute to open since yesterday evening.",
    idempotencyKey: randomUUID(),
  };
}

async function requestCountOf(phone: string) {
  const createdById = await userIdOf(phone);
  return testDb().serviceRequest.count({ where: { createdById } });
}

describe("budgets", () => {
  it("defaults to 10 requests, 60 messages and 10 push subscriptions per user an hour", () => {
    expect(ABUSE_LIMITS.requestCreate).toMatchObject({ points: 10, duration: 3600 });
    expect(ABUSE_LIMITS.requestMessage).toMatchObject({ points: 60, duration: 3600 });
    expect(ABUSE_LIMITS.pushSubscribe).toMatchObject({ points: 10, duration: 3600 });
    expect([pointsOf("requestCreate"), pointsOf("requestMessage"), pointsOf("pushSubscribe")]).toEqual([10, 60, 10]);
  });

  it("takes a budget from its environment variable, and ignores one that is not a positive integer", () => {
    vi.stubEnv("RATE_LIMIT_MESSAGES_PER_HOUR", "25");
    expect(pointsOf("requestMessage")).toBe(25);
    for (const value of ["0", "-3", "2.5", "many"]) {
      vi.stubEnv("RATE_LIMIT_MESSAGES_PER_HOUR", value);
      expect(pointsOf("requestMessage")).toBe(60);
    }
    vi.stubEnv("RATE_LIMIT_MESSAGES_PER_HOUR", "");
  });
});

describe("request.create", () => {
  it("refuses the 11th request in an hour with TOO_MANY_REQUESTS and a time to retry, and saves nothing", async () => {
    const bronze = await callerAs(DEMO.bronze);
    const first = newRequest();
    await bronze.request.create(first);
    for (let i = 1; i < 10; i++) await bronze.request.create(newRequest());
    expect(await requestCountOf(DEMO.bronze)).toBe(10);

    const refused = bronze.request.create(newRequest());
    await expect(refused).toHaveTRPCCode("TOO_MANY_REQUESTS");
    await expect(refused).rejects.toThrow(/try again after \d{4}-\d{2}-\d{2}T/);
    expect(await requestCountOf(DEMO.bronze)).toBe(10);

    // Over the budget, a replay of an earlier key still answers its request.
    const replayed = await bronze.request.create(first);
    expect(replayed.number).toBeGreaterThan(0);
    expect(await requestCountOf(DEMO.bronze)).toBe(10);
  });

  it("counts per subscriber: another subscriber is not affected", async () => {
    const silver = await callerAs(DEMO.silver);
    const created = await silver.request.create(newRequest());
    expect(created.id).toBeTruthy();
  });

  it("does not count replays, nor the racing duplicates of one key", async () => {
    const platinum = await callerAs(DEMO.platinum);
    const input = newRequest();
    await platinum.request.create(input);
    for (let i = 0; i < 12; i++) await platinum.request.create(input);
    await Promise.all(Array.from({ length: 5 }, () => platinum.request.create(input)));
    const raced = newRequest();
    await Promise.all(Array.from({ length: 5 }, () => platinum.request.create(raced)));
    // Two requests so far: eight more fit in the hour.
    for (let i = 0; i < 8; i++) await platinum.request.create(newRequest());
    expect(await requestCountOf(DEMO.platinum)).toBe(10);
    await expect(platinum.request.create(newRequest())).toHaveTRPCCode("TOO_MANY_REQUESTS");
  });
});

describe("request.addMessage", () => {
  it("refuses the 61st message in an hour, answers replays, and leaves another subscriber alone", async () => {
    const silver = await callerAs(DEMO.silver);
    const request = await silver.request.create(newRequest("TECHNICAL_FAULT"));
    const keys = Array.from({ length: 60 }, () => randomUUID());
    for (const [i, key] of keys.entries()) {
      await silver.request.addMessage({
        requestId: request.id,
        body: `Still slow, check ${i + 1}`,
        idempotencyKey: key,
      });
    }
    // Replays of sent messages are not counted, even at the limit.
    const replay = await silver.request.addMessage({
      requestId: request.id,
      body: "Still slow, check 1",
      idempotencyKey: keys[0],
    });
    expect(replay.body).toBe("Still slow, check 1");

    const refused = silver.request.addMessage({
      requestId: request.id,
      body: "One more",
      idempotencyKey: randomUUID(),
    });
    await expect(refused).toHaveTRPCCode("TOO_MANY_REQUESTS");
    await expect(silver.request.addMessage({ requestId: request.id, body: "Without a key" })).toHaveTRPCCode(
      "TOO_MANY_REQUESTS",
    );
    expect(await testDb().requestMessage.count({ where: { requestId: request.id } })).toBe(60);

    const bronze = await callerAs(DEMO.bronze);
    const bronzeRequest = await testDb().serviceRequest.findFirstOrThrow({
      where: { createdById: await userIdOf(DEMO.bronze) },
      select: { id: true, status: true },
    });
    await testDb().serviceRequest.update({ where: { id: bronzeRequest.id }, data: { status: "QUEUED" } });
    const message = await bronze.request.addMessage({ requestId: bronzeRequest.id, body: "Hello" });
    expect(message.body).toBe("Hello");
  });
});

describe("push.subscribe", () => {
  let counter = 0;
  const device = () => {
    const { endpoint, keys } = createSubscriber(
      `https://fcm.googleapis.com/fcm/send/limit-${++counter}-${randomUUID()}`,
    );
    return { endpoint, keys };
  };

  it("refuses an 11th new device in an hour, re-registers a known one freely, and counts per user", async () => {
    const platinum = await callerAs(DEMO.platinum);
    const devices = Array.from({ length: 10 }, device);
    for (const subscription of devices) await platinum.push.subscribe(subscription);
    // The profile page registers the same device again on every visit: not counted.
    for (let i = 0; i < 5; i++) await platinum.push.subscribe(devices[9]!);

    const extra = device();
    await expect(platinum.push.subscribe(extra)).toHaveTRPCCode("TOO_MANY_REQUESTS");
    expect(await testDb().pushSubscription.count({ where: { endpoint: extra.endpoint } })).toBe(0);
    // New keys for a known endpoint are a new registration, so they count too.
    const rekeyed = { endpoint: devices[0]!.endpoint, keys: device().keys };
    await expect(platinum.push.subscribe(rekeyed)).toHaveTRPCCode("TOO_MANY_REQUESTS");

    const silver = await callerAs(DEMO.silver);
    expect((await silver.push.subscribe(device())).service).toBe("fcm.googleapis.com");
  });
});
