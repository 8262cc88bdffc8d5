import { runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { notify } from "../../server/domain/notification/notify.service";
import { sendNotificationPush } from "../../server/domain/push/send-push.service";
import { taskList } from "../../server/jobs/tasks";
import { callerAs, DEMO, userIdOf } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";
import { startLocalPushService, type TestSubscriber } from "./helpers/push-service";

const vapid = webpush.generateVAPIDKeys();
const saved = { ...process.env };
let service: Awaited<ReturnType<typeof startLocalPushService>>;

beforeAll(async () => {
  service = await startLocalPushService();
  process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
  process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
  process.env.VAPID_SUBJECT = "mailto:noc@operator.example";
  process.env.PUSH_SERVICE_HOSTS = "127.0.0.1";
});
afterAll(async () => {
  process.env = saved;
  await service.close();
});

/** Subscribes a fresh browser of this user on the local push service, through the API. */
async function subscribeDevice(identifier: string): Promise<TestSubscriber> {
  const subscriber = service.subscribe();
  await (await callerAs(identifier)).push.subscribe({ endpoint: subscriber.endpoint, keys: subscriber.keys });
  return subscriber;
}

async function queuedPushJobs() {
  return testDb().$queryRaw<
    { payload: { notificationId: string; subscriptionIds?: string[]; attempt?: number }; run_at: Date }[]
  >`
    SELECT jobs.payload, jobs.run_at
    FROM graphile_worker._private_jobs jobs JOIN graphile_worker._private_tasks tasks ON tasks.id = jobs.task_id
    WHERE tasks.identifier = 'push:send' ORDER BY jobs.id`;
}

async function runQueue() {
  process.env.DATABASE_URL = testDatabaseUrl();
  await runOnce({ connectionString: testDatabaseUrl(), taskList });
}

function receivedBy(subscriber: TestSubscriber) {
  const path = new URL(subscriber.endpoint).pathname;
  return service.received.filter((push) => push.path === path);
}

describe("web push of notifications", () => {
  it("delivers a bill notification to each of the user's devices, encrypted and signed as the protocol requires", async () => {
    const phone = await subscribeDevice(DEMO.platinum);
    const laptop = await subscribeDevice(DEMO.platinum);
    const userId = await userIdOf(DEMO.platinum);

    const notification = await notify(testDb(), userId, {
      kind: "BILL_ISSUED",
      title: "Счёт за ноябрь выставлен",
      body: "К оплате 1 250,00 ₽ до 15 декабря",
      url: "/bills/bill-123",
    });
    expect((await queuedPushJobs()).map((job) => job.payload.notificationId)).toEqual([notification.id]);

    await runQueue();

    expect(service.failures).toEqual([]);
    for (const device of [phone, laptop]) {
      const [push, ...more] = receivedBy(device);
      expect(more).toHaveLength(0);
      expect(JSON.parse(push!.payload)).toEqual({
        id: notification.id,
        kind: "BILL_ISSUED",
        title: "Счёт за ноябрь выставлен",
        body: "К оплате 1 250,00 ₽ до 15 декабря",
        url: "/bills/bill-123",
      });
      expect(push!.vapid).toMatchObject({
        aud: service.origin,
        sub: "mailto:noc@operator.example",
        publicKey: vapid.publicKey,
      });
      expect(Number(push!.headers.ttl)).toBeGreaterThan(0);
    }
    const row = await testDb().notification.findUniqueOrThrow({ where: { id: notification.id } });
    expect(row.sentAt).not.toBeNull();
    expect(await queuedPushJobs()).toEqual([]);
  });

  it("queues no job for a user with no device subscribed", async () => {
    const userId = await userIdOf(DEMO.dealer2);
    await notify(testDb(), userId, { kind: "REQUEST_STATUS", title: "t", body: "b", url: "/" });
    expect(await queuedPushJobs()).toEqual([]);
  });

  it("queues the job with the notification's transaction: a rollback leaves neither", async () => {
    await subscribeDevice(DEMO.silver);
    const userId = await userIdOf(DEMO.silver);
    const before = await testDb().notification.count({ where: { userId } });
    await testDb()
      .$transaction(async (tx) => {
        await notify(tx, userId, { kind: "AGENT_REPLY", title: "Ответ по заявке", body: "…", url: "/requests/r1" });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await testDb().notification.count({ where: { userId } })).toBe(before);
    expect(await queuedPushJobs()).toEqual([]);
  });

  it("deletes a subscription the push service says is gone (410, 404) and still delivers to the others", async () => {
    const live = await subscribeDevice(DEMO.bronze);
    const expired = await subscribeDevice(DEMO.bronze);
    const unknown = await subscribeDevice(DEMO.bronze);
    service.answer(expired, 410);
    service.answer(unknown, 404);
    const userId = await userIdOf(DEMO.bronze);

    await notify(testDb(), userId, { kind: "REQUEST_STATUS", title: "Заявка решена", body: "…", url: "/requests/r2" });
    await runQueue();

    expect(receivedBy(live)).toHaveLength(1);
    const left = await testDb().pushSubscription.findMany({ where: { userId }, select: { endpoint: true } });
    expect(left.map((row) => row.endpoint)).toEqual([live.endpoint]);
  });

  it("retries later only the device whose push service was down, never repeating a delivered push", async () => {
    const ok = await subscribeDevice(DEMO.agent1);
    const busy = await subscribeDevice(DEMO.agent1);
    service.answer(busy, 503);
    const userId = await userIdOf(DEMO.agent1);
    const busyRow = await testDb().pushSubscription.findUniqueOrThrow({ where: { endpoint: busy.endpoint } });

    const notification = await notify(testDb(), userId, { kind: "SLA_BREACH", title: "SLA", body: "…", url: "/agent" });
    const startedAt = Date.now();
    await runQueue();

    expect(receivedBy(ok)).toHaveLength(1);
    expect(receivedBy(busy)).toHaveLength(0);
    const [retry, ...others] = await queuedPushJobs();
    expect(others).toHaveLength(0);
    expect(retry!.payload).toEqual({ notificationId: notification.id, subscriptionIds: [busyRow.id], attempt: 2 });
    expect(retry!.run_at.getTime()).toBeGreaterThanOrEqual(startedAt + 25_000);

    // The service is back: the retry reaches the busy device once, and the other one is not pushed again.
    service.answer(busy, 201);
    const report = await sendNotificationPush(testDb(), retry!.payload);
    expect(report).toMatchObject({ delivered: 1, retrying: 0 });
    expect(receivedBy(busy)).toHaveLength(1);
    expect(receivedBy(ok)).toHaveLength(1);
    expect(await testDb().pushSubscription.count({ where: { id: busyRow.id } })).toBe(1);
  });

  it("never contacts an endpoint outside the allowed push services, even if one got into the table", async () => {
    const userId = await userIdOf(DEMO.admin);
    const stray = service.subscribe();
    await testDb().pushSubscription.create({
      data: {
        userId,
        endpoint: stray.endpoint.replace("127.0.0.1", "localhost"),
        p256dh: stray.keys.p256dh,
        auth: stray.keys.auth,
      },
    });
    const notification = await notify(testDb(), userId, { kind: "SLA_BREACH", title: "t", body: "b" });
    const report = await sendNotificationPush(testDb(), { notificationId: notification.id });
    expect(report).toEqual({ delivered: 0, removed: 0, retrying: 0, dropped: 1 });
    expect(receivedBy(stray)).toHaveLength(0);
  });
});
