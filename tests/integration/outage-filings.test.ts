import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { limitKey } from "../../server/domain/abuse/abuse-limits.service";
import { getActivePolicy } from "../../server/domain/routing/policy.service";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { generatedSubscriber } from "./helpers/money";

// During an outage, filings that join the incident are written together (outage-filing.service.ts):
// what each subscriber gets, and what is stored, must be what the one-by-one path gives.

const HOUR = 3_600_000;
const FIRST_SUBSCRIBER = 40;
const SUBSCRIBERS = 6;

type Subscriber = { phone: string; userId: string; customerId: string; lineId: string; cell: string };

let subscribers: Subscriber[];
let incidentId: string;

async function affectedSubscriber(n: number): Promise<Subscriber> {
  const phone = await generatedSubscriber(n);
  const customerId = await customerIdOf(phone);
  const line = await testDb().line.findFirstOrThrow({
    where: { customerId, kind: "MOBILE", status: "ACTIVE" },
    orderBy: { activatedAt: "asc" },
  });
  return { phone, userId: await userIdOf(phone), customerId, lineId: line.id, cell: line.cells[0]! };
}

function noService(lineId: string, idempotencyKey = newIdempotencyKey("no-service")) {
  return {
    category: "NO_SERVICE" as const,
    subject: "Нет связи",
    description: "С утра нет связи и мобильного интернета.",
    lineId,
    idempotencyKey,
  };
}

async function usesOf(userId: string): Promise<number> {
  const row = await testDb().rateLimit.findUnique({ where: { key: limitKey("requestCreate", userId) } });
  return row?.points ?? 0;
}

beforeAll(async () => {
  subscribers = await Promise.all(
    Array.from({ length: SUBSCRIBERS }, (_, i) => affectedSubscriber(FIRST_SUBSCRIBER + i)),
  );
  const admin = await callerAs(DEMO.admin);
  const incident = await admin.admin.incidents.declare({
    services: ["VOICE", "MOBILE_DATA"],
    area: { cells: [...new Set(subscribers.map((subscriber) => subscriber.cell))] },
    startedAt: new Date(Date.now() - HOUR),
    message: { ru: "Авария на базовых станциях", en: "Cell sites down" },
    idempotencyKey: newIdempotencyKey("declare"),
  });
  incidentId = incident.id;
});

afterAll(async () => {
  // Other suites in this worker's database file "no service" on their own lines.
  await (await callerAs(DEMO.admin)).admin.incidents.resolve({ id: incidentId });
  vi.unstubAllEnvs();
});

describe("filings that join a known outage at once", () => {
  it("each get their own request on the incident, stored as the one-by-one path stores it", async () => {
    const [a, b, ...rest] = subscribers as [Subscriber, Subscriber, ...Subscriber[]];
    const usesBefore = new Map(
      await Promise.all(subscribers.map(async (s) => [s.userId, await usesOf(s.userId)] as const)),
    );
    const callers = new Map(
      await Promise.all(subscribers.map(async (s) => [s.userId, await callerAs(s.phone)] as const)),
    );
    const aKey = newIdempotencyKey("a");
    const filings = [
      // A taps twice (the same key), B files two different requests, the rest once each.
      { by: a, input: noService(a.lineId, aKey) },
      { by: a, input: noService(a.lineId, aKey) },
      { by: b, input: noService(b.lineId) },
      { by: b, input: { ...noService(b.lineId), category: "TECHNICAL_FAULT" as const } },
      ...rest.map((s) => ({ by: s, input: noService(s.lineId) })),
    ];
    const answers = await Promise.all(filings.map(({ by, input }) => callers.get(by.userId)!.request.create(input)));

    for (const answer of answers) {
      expect(answer).toMatchObject({ incidentId, status: "SELF_SERVICE", suggestedArticles: [], actions: [] });
      expect(answer.routing).toMatchObject({ decision: "SELF_SERVICE", slaDueAt: null, reasonCodes: ["OUTAGE_KNOWN"] });
      expect(answer.routing.reasons).toHaveLength(1);
    }
    expect(answers[1]!.id).toBe(answers[0]!.id);
    const ids = new Set(answers.map((answer) => answer.id));
    expect(ids.size).toBe(filings.length - 1);
    expect(new Set(answers.map((answer) => answer.number)).size).toBe(ids.size);
    // One request per subscriber was written by the batch (its ids are `req_…`, not Prisma's
    // cuids); B's second waited for B's first and took the one-by-one path, as a repeat contact.
    expect(new Set(answers.filter((answer) => answer.id.startsWith("req_")).map((answer) => answer.id)).size).toBe(
      SUBSCRIBERS,
    );

    // One use of the hourly budget per request created; the replayed tap costs nothing.
    expect(await usesOf(a.userId)).toBe(usesBefore.get(a.userId)! + 1);
    expect(await usesOf(b.userId)).toBe(usesBefore.get(b.userId)! + 2);
    for (const s of rest) expect(await usesOf(s.userId)).toBe(usesBefore.get(s.userId)! + 1);

    const policy = await getActivePolicy(testDb());
    const stored = await testDb().serviceRequest.findMany({
      where: { id: { in: [...ids] } },
      include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] }, interactions: true, customer: true },
    });
    expect(stored).toHaveLength(ids.size);
    for (const request of stored) {
      expect(request).toMatchObject({
        incidentId,
        status: "SELF_SERVICE",
        decision: "SELF_SERVICE",
        channel: "WEB",
        slaDueAt: null,
        assignedToId: null,
        routingReasonCodes: ["OUTAGE_KNOWN"],
        segmentAtCreation: request.customer.segment,
        policyVersion: policy.version,
      });
      expect(request.routingReasons).toEqual([expect.stringContaining("known network incident")]);
      expect(request.events.map((event) => [event.status, event.actorId, event.note])).toEqual([
        ["NEW", request.createdById, null],
        ["SELF_SERVICE", null, "Offered knowledge articles"],
      ]);
      expect(request.interactions).toEqual([
        expect.objectContaining({
          type: "REQUEST_CREATED",
          channel: "WEB",
          actorId: request.createdById,
          customerId: request.customerId,
          data: {
            category: request.category,
            decision: "SELF_SERVICE",
            priority: request.priority,
            reasonCodes: ["OUTAGE_KNOWN"],
            incidentId,
          },
        }),
      ]);
    }

    // The subscriber sees it as any other request; agents see one incident, not the requests.
    const detail = await callers.get(a.userId)!.request.byId({ id: answers[0]!.id });
    expect(detail.events.map((event) => event.status)).toEqual(["NEW", "SELF_SERVICE"]);
    expect(detail.incident).toMatchObject({ id: incidentId, status: "ACTIVE" });
    const queue = await (await callerAs(DEMO.agent1)).agent.queue({});
    expect(queue.items.map((item) => item.id).filter((id) => ids.has(id))).toEqual([]);
    const board = await (await callerAs(DEMO.admin)).admin.incidents.list();
    expect(board.items.find((item) => item.id === incidentId)).toMatchObject({ attachedRequests: ids.size });

    // A later replay of a key answers the same request, and costs nothing.
    const replay = await callers.get(a.userId)!.request.create(noService(a.lineId, aKey));
    expect(replay.id).toBe(answers[0]!.id);
    expect(await usesOf(a.userId)).toBe(usesBefore.get(a.userId)! + 1);
  });

  it("refuse the subscriber over the hourly budget and file the others; a foreign line is NOT_FOUND", async () => {
    const [spent, fresh, other] = subscribers.slice(-3) as [Subscriber, Subscriber, Subscriber];
    // The budget is what `spent` has already used this hour (one request, in the test above).
    const budget = await usesOf(spent.userId);
    expect(budget).toBeGreaterThan(0);
    vi.stubEnv("RATE_LIMIT_REQUESTS_PER_HOUR", String(budget));
    await testDb().rateLimit.deleteMany({ where: { key: limitKey("requestCreate", fresh.userId) } });
    const before = await testDb().serviceRequest.count({ where: { incidentId } });

    const [spentCaller, freshCaller, otherCaller] = await Promise.all([
      callerAs(spent.phone),
      callerAs(fresh.phone),
      callerAs(other.phone),
    ]);
    const [refused, filed, foreign] = await Promise.allSettled([
      spentCaller.request.create(noService(spent.lineId)),
      freshCaller.request.create(noService(fresh.lineId)),
      otherCaller.request.create(noService(fresh.lineId)),
    ]);
    expect(refused).toMatchObject({
      status: "rejected",
      reason: {
        code: "TOO_MANY_REQUESTS",
        message: expect.stringMatching(/^Too many requests opened; try again after/),
      },
    });
    expect(filed).toMatchObject({ status: "fulfilled", value: { incidentId } });
    expect(foreign).toMatchObject({ status: "rejected", reason: { code: "NOT_FOUND" } });

    expect(await testDb().serviceRequest.count({ where: { incidentId } })).toBe(before + 1);
    expect(await testDb().serviceRequest.count({ where: { createdById: other.userId, lineId: fresh.lineId } })).toBe(0);
    // The refused attempt counts, as the store counts it on the one-by-one path.
    expect(await usesOf(spent.userId)).toBe(budget + 1);
    expect(await usesOf(fresh.userId)).toBe(1);
    vi.unstubAllEnvs();
  });

  it("route a fault on a line the incident does not touch as usual", async () => {
    const bystander = await affectedSubscriber(FIRST_SUBSCRIBER + SUBSCRIBERS + 1);
    const covered = await testDb().incidentLine.count({ where: { incidentId, customerId: bystander.customerId } });
    expect(covered).toBe(0);
    const [bystanderCaller, subscriberCaller] = await Promise.all([
      callerAs(bystander.phone),
      callerAs(subscribers[0]!.phone),
    ]);
    const [mine, theirs] = await Promise.all([
      bystanderCaller.request.create(noService(bystander.lineId)),
      subscriberCaller.request.create({ ...noService(subscribers[0]!.lineId), category: "TECHNICAL_FAULT" }),
    ]);
    expect(mine.incidentId).toBeNull();
    expect(mine.routing.decision).not.toBe("SELF_SERVICE");
    expect(mine.routing.reasonCodes).not.toContain("OUTAGE_KNOWN");
    expect(theirs.incidentId).toBe(incidentId);
  });
});
