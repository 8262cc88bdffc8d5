import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { createSubscriber } from "./helpers/push-service";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const vapid = webpush.generateVAPIDKeys();
const saved = { ...process.env };

beforeAll(() => {
  process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
  process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
  delete process.env.PUSH_SERVICE_HOSTS;
});
afterAll(() => {
  process.env = saved;
});

let counter = 0;
/** A subscription as Chrome makes it: an FCM endpoint and fresh keys. */
function chromeSubscription() {
  const { endpoint, keys } = createSubscriber(
    `https://fcm.googleapis.com/fcm/send/test-${++counter}-${Math.random().toString(36).slice(2)}`,
  );
  return { endpoint, keys };
}

describe("push.publicKey", () => {
  it("gives a signed-in user the VAPID public key to subscribe with", async () => {
    expect(await (await callerAs(DEMO.silver)).push.publicKey()).toEqual({ publicKey: vapid.publicKey });
  });

  it("is UNAUTHORIZED without a session", async () => {
    await expect((await callerAs(null)).push.publicKey()).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("push.subscribe", () => {
  it("registers the browser, and the user sees it among their devices", async () => {
    const caller = await callerAs(DEMO.platinum);
    const subscription = chromeSubscription();
    const device = await caller.push.subscribe({
      ...subscription,
      userAgent: "Mozilla/5.0 (Linux; Android 14) Chrome/131",
    });
    expect(device.service).toBe("fcm.googleapis.com");
    const { items } = await caller.push.devices();
    expect(items.map((item) => item.endpoint)).toContain(subscription.endpoint);
    const row = await testDb().pushSubscription.findUniqueOrThrow({ where: { endpoint: subscription.endpoint } });
    expect(row.p256dh).toBe(subscription.keys.p256dh);
    expect(row.userAgent).toContain("Android");
  });

  it("is safe to replay: the same subscription twice is one row", async () => {
    const caller = await callerAs(DEMO.platinum);
    const subscription = chromeSubscription();
    const first = await caller.push.subscribe(subscription);
    const second = await caller.push.subscribe(subscription);
    expect(second.id).toBe(first.id);
    expect(await testDb().pushSubscription.count({ where: { endpoint: subscription.endpoint } })).toBe(1);
  });

  it("is safe to race: concurrent subscriptions of one browser are one row", async () => {
    const caller = await callerAs(DEMO.bronze);
    const subscription = chromeSubscription();
    const results = await Promise.all(Array.from({ length: 6 }, () => caller.push.subscribe(subscription)));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await testDb().pushSubscription.count({ where: { endpoint: subscription.endpoint } })).toBe(1);
  });

  it("moves a browser to whoever subscribes it last, so the previous user's pushes stop there", async () => {
    const platinum = await callerAs(DEMO.platinum);
    const silver = await callerAs(DEMO.silver);
    const subscription = chromeSubscription();
    await platinum.push.subscribe(subscription);
    await silver.push.subscribe(subscription);
    expect((await platinum.push.devices()).items.map((item) => item.endpoint)).not.toContain(subscription.endpoint);
    expect((await silver.push.devices()).items.map((item) => item.endpoint)).toContain(subscription.endpoint);
  });

  it.each([
    ["endpoint", { endpoint: "not a url" }],
    ["endpoint", { endpoint: "https://169.254.169.254/latest/meta-data" }],
    ["endpoint", { endpoint: "http://fcm.googleapis.com/fcm/send/plain-http" }],
    ["keys.p256dh", { keys: { p256dh: "too-short", auth: "AAAAAAAAAAAAAAAAAAAAAA" } }],
    ["keys.p256dh", { keys: { p256dh: Buffer.alloc(65, 7).toString("base64url"), auth: "AAAAAAAAAAAAAAAAAAAAAA" } }],
    ["keys.auth", { keys: { p256dh: createSubscriber("x").keys.p256dh, auth: "!!!" } }],
    [
      "keys.auth",
      { keys: { p256dh: createSubscriber("x").keys.p256dh, auth: Buffer.alloc(32).toString("base64url") } },
    ],
  ])("refuses a bad %s with BAD_REQUEST naming it, and stores nothing", async (field, override) => {
    const caller = await callerAs(DEMO.silver);
    const before = await testDb().pushSubscription.count();
    const fields = await fieldErrorsOf(caller.push.subscribe({ ...chromeSubscription(), ...override }));
    expect(Object.keys(fields)).toContain(field);
    expect(await testDb().pushSubscription.count()).toBe(before);
  });

  it("keeps the ten most recent devices of a user", async () => {
    const caller = await callerAs(DEMO.agent2);
    const endpoints: string[] = [];
    for (let i = 0; i < 12; i++) {
      const subscription = chromeSubscription();
      endpoints.push(subscription.endpoint);
      await caller.push.subscribe(subscription);
    }
    const kept = (await caller.push.devices()).items.map((item) => item.endpoint);
    expect(kept).toHaveLength(10);
    expect(kept).not.toContain(endpoints[0]);
    expect(kept).not.toContain(endpoints[1]);
    expect(kept).toContain(endpoints[11]);
  });

  it("is UNAUTHORIZED without a session", async () => {
    await expect((await callerAs(null)).push.subscribe(chromeSubscription())).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("push.unsubscribe", () => {
  it("stops push to the browser, and repeating it is harmless", async () => {
    const caller = await callerAs(DEMO.silver);
    const subscription = chromeSubscription();
    await caller.push.subscribe(subscription);
    expect(await caller.push.unsubscribe({ endpoint: subscription.endpoint })).toEqual({ removed: true });
    expect(await caller.push.unsubscribe({ endpoint: subscription.endpoint })).toEqual({ removed: false });
    expect(await testDb().pushSubscription.count({ where: { endpoint: subscription.endpoint } })).toBe(0);
  });

  it("never removes another user's device", async () => {
    const platinum = await callerAs(DEMO.platinum);
    const bronze = await callerAs(DEMO.bronze);
    const subscription = chromeSubscription();
    await platinum.push.subscribe(subscription);
    expect(await bronze.push.unsubscribe({ endpoint: subscription.endpoint })).toEqual({ removed: false });
    expect((await platinum.push.devices()).items.map((item) => item.endpoint)).toContain(subscription.endpoint);
  });

  it("is UNAUTHORIZED without a session", async () => {
    await expect(
      (await callerAs(null)).push.unsubscribe({ endpoint: "https://fcm.googleapis.com/fcm/send/x" }),
    ).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("push.devices", () => {
  it("lists only the caller's devices", async () => {
    const dealer = await callerAs(DEMO.dealer1);
    const admin = await callerAs(DEMO.admin);
    const mine = chromeSubscription();
    const theirs = chromeSubscription();
    await dealer.push.subscribe(mine);
    await admin.push.subscribe(theirs);
    const { items, nextCursor } = await dealer.push.devices();
    expect(items.map((item) => item.endpoint)).toEqual([mine.endpoint]);
    expect(nextCursor).toBeNull();
  });

  it("is UNAUTHORIZED without a session", async () => {
    await expect((await callerAs(null)).push.devices()).toHaveTRPCCode("UNAUTHORIZED");
  });
});
