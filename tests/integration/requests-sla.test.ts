import { runOnce } from "graphile-worker";
import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { closeFinishedRequests } from "../../server/domain/request/auto-close.service";
import { watchSla } from "../../server/domain/request/sla-watch.service";
import { taskList } from "../../server/jobs/tasks";
import { enqueueJob } from "../../server/domain/job-queue/enqueue.service";
import { callerAs, DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";
import { clearRequests } from "./helpers/requests";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function queuedRequest(category: "NO_SERVICE" | "COMPLAINT" = "COMPLAINT") {
  const created = await (
    await callerAs(DEMO.bronze)
  ).request.create({
    category,
    subject: "Жалоба на обслуживание",
    description: "Очень долго жду ответа оператора.",
    idempotencyKey: newIdempotencyKey("test"),
  });
  return created.id;
}

/** Puts a request's SLA clock so that `minutesLeft` of a `window`-minute SLA remain. */
async function setClock(id: string, window: number, minutesLeft: number, extra: Record<string, unknown> = {}) {
  const now = Date.now();
  await testDb().serviceRequest.update({
    where: { id },
    data: {
      createdAt: new Date(now - (window - minutesLeft) * MINUTE),
      slaDueAt: new Date(now + minutesLeft * MINUTE),
      ...extra,
    },
  });
}

beforeEach(async () => {
  await clearRequests(DEMO.bronze);
  // Only this file's requests take part; the seeded history is out of the watch's way.
  await testDb().serviceRequest.updateMany({ where: { slaBreached: false }, data: { slaBreached: true } });
  await testDb().notification.deleteMany({ where: { kind: "SLA_BREACH" } });
});

describe("sla:watch", () => {
  it("leaves a request with time to spare alone", async () => {
    const id = await queuedRequest();
    await setClock(id, 480, 300);
    expect(await watchSla(testDb())).toEqual({ warned: 0, breached: 0 });
    expect((await testDb().serviceRequest.findUniqueOrThrow({ where: { id } })).priority).toBe(2);
  });

  it("raises the priority once near the due time and tells the queue", async () => {
    const db = testDb();
    const id = await queuedRequest();
    await setClock(id, 480, 60);
    expect(await watchSla(db)).toEqual({ warned: 1, breached: 0 });
    const warned = await db.serviceRequest.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(warned.priority).toBe(1);
    expect(warned.slaWarnedAt).not.toBeNull();
    expect(warned.slaBreached).toBe(false);
    expect(warned.events.some((event) => event.note === "SLA due soon: priority raised to 1")).toBe(true);
    const agents = await db.user.findMany({ where: { role: "AGENT" } });
    const notices = await db.notification.findMany({ where: { kind: "SLA_BREACH" } });
    expect(notices.map((notice) => notice.userId).sort()).toEqual(agents.map((agent) => agent.id).sort());
    expect(notices[0]!.body).toContain(`#${warned.number}`);
    // A second run does nothing more.
    expect(await watchSla(db)).toEqual({ warned: 0, breached: 0 });
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id } })).priority).toBe(1);
  });

  it("flags a breach and tells the assigned agent", async () => {
    const db = testDb();
    const agent = await db.user.findUniqueOrThrow({ where: { email: DEMO.agent2 } });
    const id = await queuedRequest();
    await setClock(id, 480, -1, { status: "ASSIGNED", assignedToId: agent.id });
    expect(await watchSla(db)).toEqual({ warned: 0, breached: 1 });
    const breached = await db.serviceRequest.findUniqueOrThrow({ where: { id } });
    expect(breached.slaBreached).toBe(true);
    expect(breached.priority).toBe(1);
    const notices = await db.notification.findMany({ where: { kind: "SLA_BREACH" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      userId: agent.id,
      url: `/agent/requests/${id}`,
      title: `Request #${breached.number}: SLA breached`,
    });
    expect(await watchSla(db)).toEqual({ warned: 0, breached: 0 });
  });

  it("does not count a request that got its first response, or one waiting for the customer", async () => {
    const db = testDb();
    const answered = await queuedRequest();
    await setClock(answered, 480, -5, { status: "IN_PROGRESS", firstResponseAt: new Date() });
    const waiting = await queuedRequest("NO_SERVICE");
    await setClock(waiting, 120, -5, { status: "WAITING_CUSTOMER" });
    expect(await watchSla(db)).toEqual({ warned: 0, breached: 0 });
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: answered } })).slaBreached).toBe(false);
  });

  it("runs from the queue every minute", async () => {
    const db = testDb();
    const id = await queuedRequest();
    await setClock(id, 480, -1);
    await enqueueJob(db, "sla:watch", {});
    process.env.DATABASE_URL = testDatabaseUrl();
    await runOnce({ connectionString: testDatabaseUrl(), taskList });
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id } })).slaBreached).toBe(true);
  });
});

describe("request:close-finished", () => {
  it("closes resolved requests after the reopen window and abandoned self-service ones", async () => {
    const db = testDb();
    const bronze = await callerAs(DEMO.bronze);
    const ask = (subject: string, category: "TARIFF_CHANGE" | "ROAMING" | "OTHER") =>
      bronze.request.create({
        category,
        subject,
        description: "Как сменить тариф на более дешёвый?",
        idempotencyKey: newIdempotencyKey("test"),
      });
    const old = await ask("Старая заявка", "TARIFF_CHANGE");
    await bronze.request.markSolved({ requestId: old.id });
    await db.serviceRequest.update({ where: { id: old.id }, data: { resolvedAt: new Date(Date.now() - 8 * DAY) } });
    const recent = await ask("Новая заявка", "ROAMING");
    await bronze.request.markSolved({ requestId: recent.id });
    const abandoned = await ask("Брошенная заявка", "OTHER");
    expect(abandoned.status).toBe("SELF_SERVICE");
    await db.$kysely
      .updateTable("ServiceRequest")
      .set({ updatedAt: sql<Date>`now() - interval '8 days'` })
      .where("id", "=", abandoned.id)
      .execute();

    await closeFinishedRequests(db);
    const status = async (id: string) => (await db.serviceRequest.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(old.id)).toBe("CLOSED");
    expect(await status(recent.id)).toBe("RESOLVED");
    expect(await status(abandoned.id)).toBe("CLOSED");
    const closedEvent = await db.requestEvent.findFirstOrThrow({ where: { requestId: old.id, status: "CLOSED" } });
    expect(closedEvent.note).toBe("Closed automatically 7 days after resolution");
    // Closed, it can be rated but not reopened.
    expect((await bronze.request.byId({ id: old.id })).can).toMatchObject({ rate: true, reopen: false });
  });
});
