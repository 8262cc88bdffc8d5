import { runOnce } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { enqueueJob } from "../../server/domain/job-queue/enqueue.service";
import { taskList } from "../../server/jobs/tasks";
import { markOverdueBills } from "../../server/domain/billing/bill-run.service";
import {
  readBreakdown,
  recomputeAllValueScores,
  recomputeCustomerValue,
} from "../../server/domain/value/value.service";
import { callerAs, customerIdOf, DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";

const DAY = 24 * 60 * 60 * 1000;

async function queuedRescores(customerId: string): Promise<number> {
  const [row] = await testDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs AS job
      JOIN graphile_worker._private_tasks AS task ON task.id = job.task_id
     WHERE task.identifier = 'value:recompute' AND job.key = ${`value:recompute:${customerId}`} AND job.payload->>'customerId' = ${customerId}`;
  return row!.n;
}

describe("the seeded demo subscribers", () => {
  it.each([
    [DEMO.platinum, "PLATINUM"],
    [DEMO.bronze, "BRONZE"],
    [DEMO.silver, "SILVER"],
  ])(
    "%s is %s because of their data: the stored score is what their bills, lines and usage give",
    async (phone, segment) => {
      const db = testDb();
      const customerId = await customerIdOf(phone);
      const seeded = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
      expect(seeded.segment).toBe(segment);
      expect(seeded.valueComputedAt).not.toBeNull();
      const stored = readBreakdown(seeded.valueBreakdown)!;
      expect(stored.segment).toBe(segment);
      expect(stored.score).toBe(seeded.valueScore);
      // Recomputing from the data now gives the same segment.
      const fresh = await recomputeCustomerValue(db, customerId);
      expect(fresh.segment).toBe(segment);
      expect(Math.abs(fresh.score - seeded.valueScore)).toBeLessThanOrEqual(2);
    },
  );

  it("explains the PLATINUM score: high revenue, always on time, four services, long tenure", async () => {
    const value = await recomputeCustomerValue(testDb(), await customerIdOf(DEMO.platinum));
    expect(value.facts.activeLines).toBe(4);
    expect(value.facts.serviceKinds).toBe(2);
    expect(value.facts.overdueBills).toBe(0);
    expect(value.facts.paidOnTime).toBe(value.facts.dueBills);
    expect(value.parts.revenue.value).toBe(1);
    expect(value.parts.tenure.value).toBe(1);
    expect(value.score).toBeGreaterThanOrEqual(80);
  });

  it("explains the BRONZE score: new, one line, late and overdue bills", async () => {
    const value = await recomputeCustomerValue(testDb(), await customerIdOf(DEMO.bronze));
    expect(value.facts.activeLines).toBe(1);
    expect(value.facts.tenureMonths).toBeLessThan(6);
    expect(value.facts.overdueBills).toBeGreaterThan(0);
    expect(value.parts.discipline.value).toBe(0);
    expect(value.score).toBeLessThan(40);
  });
});

describe("recomputing on events", () => {
  it("an overdue bill lowers the score; paying it raises it again", async () => {
    const db = testDb();
    const customerId = await customerIdOf(DEMO.silver);
    const before = await recomputeCustomerValue(db, customerId);
    const bill = await db.bill.findFirstOrThrow({
      where: { customerId, status: "PAID" },
      orderBy: { issuedAt: "desc" },
    });
    await db.bill.update({ where: { id: bill.id }, data: { status: "OVERDUE", paidCents: 0, paidAt: null } });
    const overdue = await recomputeCustomerValue(db, customerId);
    expect(overdue.facts.overdueBills).toBe(before.facts.overdueBills + 1);
    expect(overdue.score).toBeLessThan(before.score);
    await db.bill.update({
      where: { id: bill.id },
      data: { status: bill.status, paidCents: bill.paidCents, paidAt: bill.paidAt },
    });
    expect((await recomputeCustomerValue(db, customerId)).score).toBe(before.score);
  });

  it("a new line raises product breadth, through the queued job", async () => {
    const db = testDb();
    const customerId = await customerIdOf(DEMO.bronze);
    const before = await recomputeCustomerValue(db, customerId);
    const tariff = await db.tariff.findFirstOrThrow({ where: { kind: "HOME_INTERNET", status: "ACTIVE" } });
    await db.line.create({
      data: { customerId, kind: "HOME_INTERNET", tariffId: tariff.id, address: "Москва, ул. Тестовая, 1" },
    });
    await enqueueJob(db, "value:recompute", { customerId }, { jobKey: `value:${customerId}` });
    process.env.DATABASE_URL = testDatabaseUrl();
    await runOnce({ connectionString: testDatabaseUrl(), taskList });
    const after = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    const breakdown = readBreakdown(after.valueBreakdown)!;
    expect(breakdown.facts.activeLines).toBe(2);
    expect(breakdown.facts.serviceKinds).toBe(2);
    expect(breakdown.parts.breadth.value).toBeGreaterThan(before.parts.breadth.value);
    expect(after.valueScore).toBeGreaterThan(before.score);
  });

  it("a payment queues the payer's rescore, once however many payments, and the job stores it", async () => {
    const db = testDb();
    const customerId = await customerIdOf(DEMO.bronze);
    const overdue = await db.bill.findFirstOrThrow({
      where: { customerId, status: "OVERDUE" },
      orderBy: { issuedAt: "asc" },
    });
    const caller = await callerAs(DEMO.bronze);
    await caller.bill.pay({ billId: overdue.id, amountCents: 1_000, idempotencyKey: "value-event-pay-1" });
    await caller.bill.pay({ billId: overdue.id, amountCents: 1_000, idempotencyKey: "value-event-pay-2" });
    expect(await queuedRescores(customerId)).toBe(1);

    const scoredAt = new Date();
    process.env.DATABASE_URL = testDatabaseUrl();
    await runOnce({ connectionString: testDatabaseUrl(), taskList });
    expect(await queuedRescores(customerId)).toBe(0);
    const after = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    expect(after.valueComputedAt!.getTime()).toBeGreaterThanOrEqual(scoredAt.getTime());
  });

  it("a declined payment queues nothing", async () => {
    const db = testDb();
    const customerId = await customerIdOf(DEMO.bronze);
    await db.$executeRaw`SELECT graphile_worker.remove_job(${`value:recompute:${customerId}`})`;
    const overdue = await db.bill.findFirstOrThrow({
      where: { customerId, status: "OVERDUE" },
      orderBy: { issuedAt: "asc" },
    });
    const caller = await callerAs(DEMO.bronze);
    const declined = await caller.bill.pay({
      billId: overdue.id,
      amountCents: 1_000,
      idempotencyKey: "value-event-decline",
      paymentToken: "tok_decline",
    });
    expect(declined.status).toBe("DECLINED");
    expect(await queuedRescores(customerId)).toBe(0);
  });

  it("marking bills overdue queues a rescore of each of their customers", async () => {
    const db = testDb();
    const customerId = await customerIdOf(DEMO.silver);
    const bill = await db.bill.findFirstOrThrow({
      where: { customerId, status: "PAID" },
      orderBy: { issuedAt: "desc" },
    });
    await db.bill.update({
      where: { id: bill.id },
      data: { status: "ISSUED", paidCents: 0, paidAt: null, dueAt: new Date(Date.now() - DAY) },
    });
    expect(await markOverdueBills(db)).toBeGreaterThanOrEqual(1);
    expect((await db.bill.findUniqueOrThrow({ where: { id: bill.id } })).status).toBe("OVERDUE");
    expect(await queuedRescores(customerId)).toBe(1);
  });

  it("reads weights and thresholds from the active routing policy", async () => {
    const db = testDb();
    const customerId = await customerIdOf(DEMO.silver);
    const active = await db.routingPolicy.findFirstOrThrow({ orderBy: { version: "desc" } });
    const config = active.config as Record<string, unknown>;
    await db.routingPolicy.create({
      data: {
        version: active.version + 1,
        config: {
          ...config,
          valueWeights: { revenue: 0, discipline: 0, breadth: 0, tenure: 1, growth: 0 },
          tenureForFullScoreMonths: 36,
        },
      },
    });
    try {
      const value = await recomputeCustomerValue(db, customerId);
      // Tenure alone: 35 of 36 months → 97.
      expect(value.score).toBe(Math.round((100 * value.facts.tenureMonths) / 36));
      expect(value.segment).toBe("PLATINUM");
      expect(value.policyVersion).toBe(active.version + 1);
    } finally {
      await db.routingPolicy.deleteMany({ where: { version: active.version + 1 } });
      await recomputeCustomerValue(db, customerId);
    }
  });
});

describe("the nightly recompute", () => {
  it("scores every customer, stores the breakdown, and gives new PLATINUM customers a personal manager", async () => {
    const db = testDb();
    const orphan = await db.customer.findFirstOrThrow({
      where: { segment: "PLATINUM", login: { phone: { not: DEMO.platinum } } },
    });
    await db.customer.update({ where: { id: orphan.id }, data: { personalManagerId: null } });
    const now = new Date();
    const result = await recomputeAllValueScores(db, { now });
    const total = await db.customer.count({ where: { status: { not: "CLOSED" } } });
    expect(result.customers).toBe(total);
    expect(Object.values(result.bySegment).reduce((a, b) => a + b, 0)).toBe(total);
    expect(await db.customer.count({ where: { valueComputedAt: { not: now } } })).toBe(
      await db.customer.count({ where: { status: "CLOSED" } }),
    );
    for (const segment of ["PLATINUM", "GOLD", "SILVER", "BRONZE"] as const) {
      expect(await db.customer.count({ where: { segment } })).toBe(result.bySegment[segment]);
    }
    expect(await db.customer.count({ where: { segment: "PLATINUM", personalManagerId: null } })).toBe(0);
    const sample = await db.customer.findFirstOrThrow({ where: { id: { not: orphan.id } }, orderBy: { id: "asc" } });
    const breakdown = readBreakdown(sample.valueBreakdown)!;
    expect(breakdown.score).toBe(sample.valueScore);
    expect(Object.keys(breakdown.parts).sort()).toEqual(["breadth", "discipline", "growth", "revenue", "tenure"]);
    expect(new Date(breakdown.computedAt).getTime()).toBe(now.getTime());
  });

  it("counts a bill unpaid past its due date as overdue even before the overdue job marks it", async () => {
    const db = testDb();
    const customerId = await customerIdOf(DEMO.platinum);
    const bill = await db.bill.findFirstOrThrow({ where: { customerId }, orderBy: { issuedAt: "desc" } });
    await db.bill.update({
      where: { id: bill.id },
      data: { paidCents: 0, paidAt: null, status: "ISSUED", dueAt: new Date(Date.now() - DAY) },
    });
    const value = await recomputeCustomerValue(db, customerId);
    expect(value.facts.overdueBills).toBe(1);
  });
});
