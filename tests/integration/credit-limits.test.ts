import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { creditPeriodStarts } from "../../server/domain/billing/adjustment-rules";
import type { RoutingPolicyConfig } from "../../server/domain/routing/policy.schema";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";

let silverId: string;
let platinumId: string;
let adminId: string;

beforeAll(async () => {
  [silverId, platinumId, adminId] = await Promise.all([
    customerIdOf(DEMO.silver),
    customerIdOf(DEMO.platinum),
    userIdOf(DEMO.admin),
  ]);
});

// Every test starts with fresh budgets: the credits so far count as a supervisor's decisions.
beforeEach(async () => {
  await testDb().billAdjustment.updateMany({
    where: { status: "APPLIED", decidedById: null },
    data: { decidedById: adminId, decidedAt: new Date() },
  });
});

/** Saves the limits as a new policy version, as a supervisor does on the routing page. */
async function saveLimits(limits: Partial<RoutingPolicyConfig>) {
  const admin = await callerAs(DEMO.admin);
  const current = await admin.admin.policy.get();
  const config = { ...current.config, agentCreditLimitCents: 50_000, ...limits };
  return admin.admin.policy.save({ config, baseVersion: current.version, idempotencyKey: newIdempotencyKey("limits") });
}

/** Makes these limits the ones in force (a new version unless they already are). */
async function setLimits(limits: Partial<RoutingPolicyConfig>) {
  try {
    await saveLimits(limits);
  } catch (error) {
    if (!(error instanceof Error) || error.message !== "Nothing changed") throw error;
  }
}

/** Bills of the customer that can take a credit of `cents`, newest first. */
async function billsOf(customerId: string, count: number, cents = 60_000) {
  const bills = await testDb().bill.findMany({
    where: { customerId, status: { not: "CANCELLED" }, totalCents: { gte: cents } },
    orderBy: { issuedAt: "desc" },
    take: count,
  });
  expect(bills).toHaveLength(count);
  return bills;
}

async function credit(agent: string, billId: string, cents: number) {
  const caller = await callerAs(agent);
  return caller.agent.adjustBill({
    billId,
    amountCents: -cents,
    reason: "Компенсация за перебои связи",
    idempotencyKey: newIdempotencyKey("credit"),
  });
}

describe("the supervisor's policy", () => {
  it("has the two limits with defaults, and saving them is audited with before and after", async () => {
    const admin = await callerAs(DEMO.admin);
    const current = await admin.admin.policy.get();
    expect(current.config).toMatchObject({
      agentDailyCreditLimitCents: 300_000,
      customerMonthlyCreditLimitCents: 100_000,
    });
    expect(current.defaults).toMatchObject({
      agentDailyCreditLimitCents: 300_000,
      customerMonthlyCreditLimitCents: 100_000,
    });

    const saved = await saveLimits({ agentDailyCreditLimitCents: 250_000, customerMonthlyCreditLimitCents: 90_000 });
    expect(saved.changed).toEqual(["agentDailyCreditLimitCents", "customerMonthlyCreditLimitCents"]);
    const entry = await testDb().auditLog.findFirstOrThrow({
      where: { action: "routingPolicy.save", entityId: saved.id },
    });
    expect(entry.actorId).toBe(adminId);
    expect(entry.before).toMatchObject({ config: { agentDailyCreditLimitCents: 300_000 } });
    expect(entry.after).toMatchObject({
      config: { agentDailyCreditLimitCents: 250_000, customerMonthlyCreditLimitCents: 90_000 },
    });
  });

  it("refuses a negative limit naming the field", async () => {
    const admin = await callerAs(DEMO.admin);
    const current = await admin.admin.policy.get();
    await expect(
      admin.admin.policy.save({
        config: { ...current.config, agentDailyCreditLimitCents: -1 },
        baseVersion: current.version,
        idempotencyKey: newIdempotencyKey("limits"),
      }),
    ).toHaveTRPCCode("BAD_REQUEST");
  });
});

describe("agent.adjustBill: credits per agent a day", () => {
  it("sends the credit that would pass the agent's daily total to approval, whatever the customer", async () => {
    await setLimits({ agentDailyCreditLimitCents: 100_000, customerMonthlyCreditLimitCents: 10_000_000 });
    const [silverBill] = await billsOf(silverId, 1);
    const [first, second] = await billsOf(platinumId, 2);
    expect((await credit(DEMO.agent1, silverBill!.id, 40_000)).status).toBe("APPLIED");
    expect((await credit(DEMO.agent1, first!.id, 40_000)).status).toBe("APPLIED");

    const totalBefore = (await testDb().bill.findUniqueOrThrow({ where: { id: second!.id } })).totalCents;
    const over = await credit(DEMO.agent1, second!.id, 30_000);
    expect(over.status).toBe("PENDING_APPROVAL");
    expect((await testDb().bill.findUniqueOrThrow({ where: { id: second!.id } })).totalCents).toBe(totalBefore);
    const entry = await testDb().auditLog.findFirstOrThrow({
      where: { action: "bill.adjust.requestApproval", entityId: over.id },
    });
    expect(entry.after).toMatchObject({
      decision: expect.stringMatching(/80000 kopecks already credited by this agent today/),
    });

    // Another agent has a budget of their own; a charge is not a credit.
    expect((await credit(DEMO.agent2, second!.id, 30_000)).status).toBe("APPLIED");
    const charge = await (
      await callerAs(DEMO.agent1)
    ).agent.adjustBill({
      billId: first!.id,
      amountCents: 5_000,
      reason: "Возврат ошибочной скидки",
      idempotencyKey: newIdempotencyKey("charge"),
    });
    expect(charge.status).toBe("APPLIED");
  });

  it("applies the credit on a supervisor's approval, and an approved credit leaves the agent's budget alone", async () => {
    await setLimits({ agentDailyCreditLimitCents: 50_000, customerMonthlyCreditLimitCents: 10_000_000 });
    const [one, two] = await billsOf(platinumId, 2);
    expect((await credit(DEMO.agent1, one!.id, 30_000)).status).toBe("APPLIED");
    const pending = await credit(DEMO.agent1, two!.id, 30_000);
    expect(pending.status).toBe("PENDING_APPROVAL");

    const before = await testDb().bill.findUniqueOrThrow({ where: { id: two!.id } });
    const admin = await callerAs(DEMO.admin);
    const approved = await admin.admin.approvals.approve({ adjustmentId: pending.id, note: "Подтверждено" });
    expect(approved).toMatchObject({ status: "APPLIED", decidedBy: { id: adminId } });
    const after = await testDb().bill.findUniqueOrThrow({ where: { id: two!.id } });
    expect(after.totalCents).toBe(before.totalCents - 30_000);
    expect(await testDb().auditLog.count({ where: { action: "billAdjustment.approve", entityId: pending.id } })).toBe(
      1,
    );

    // 30,000 of the agent's own today; the approved 30,000 was the supervisor's call.
    expect((await credit(DEMO.agent1, one!.id, 20_000)).status).toBe("APPLIED");
    expect((await credit(DEMO.agent1, two!.id, 1)).status).toBe("PENDING_APPROVAL");
  });

  it("holds under parallel credits: together they cannot slip under the limit", async () => {
    await setLimits({ agentDailyCreditLimitCents: 100_000, customerMonthlyCreditLimitCents: 10_000_000 });
    const bills = [...(await billsOf(silverId, 2)), ...(await billsOf(platinumId, 2))];
    const results = await Promise.all(bills.map((bill) => credit(DEMO.agent1, bill.id, 30_000)));
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual(["APPLIED", "APPLIED", "APPLIED", "PENDING_APPROVAL"]);
  });
});

describe("agent.adjustBill: credits per customer a month", () => {
  it("counts every agent's credits to the customer this month, and only this month", async () => {
    await setLimits({ agentDailyCreditLimitCents: 10_000_000, customerMonthlyCreditLimitCents: 70_000 });
    const [one, two, three] = await billsOf(silverId, 3);
    const firstCredit = await credit(DEMO.agent1, one!.id, 40_000);
    expect(firstCredit.status).toBe("APPLIED");
    const over = await credit(DEMO.agent2, two!.id, 30_001);
    expect(over.status).toBe("PENDING_APPROVAL");
    const entry = await testDb().auditLog.findFirstOrThrow({
      where: { action: "bill.adjust.requestApproval", entityId: over.id },
    });
    expect(entry.after).toMatchObject({
      decision: expect.stringMatching(/40000 kopecks already credited to this customer this month/),
    });
    // Another customer is not affected.
    const [platinumBill] = await billsOf(platinumId, 1);
    expect((await credit(DEMO.agent2, platinumBill!.id, 30_001)).status).toBe("APPLIED");

    // The first credit moved into last month (Moscow time): this month's budget is whole again.
    const { monthStart } = creditPeriodStarts(new Date());
    await testDb().billAdjustment.update({
      where: { id: firstCredit.id },
      data: { createdAt: new Date(monthStart.getTime() - 60_000) },
    });
    expect((await credit(DEMO.agent2, three!.id, 50_000)).status).toBe("APPLIED");
  });

  it("holds under parallel credits from two agents", async () => {
    await setLimits({ agentDailyCreditLimitCents: 10_000_000, customerMonthlyCreditLimitCents: 70_000 });
    const bills = await billsOf(platinumId, 3);
    const results = await Promise.all([
      credit(DEMO.agent1, bills[0]!.id, 30_000),
      credit(DEMO.agent2, bills[1]!.id, 30_000),
      credit(DEMO.agent1, bills[2]!.id, 30_000),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["APPLIED", "APPLIED", "PENDING_APPROVAL"]);
    const applied = await testDb().billAdjustment.aggregate({
      where: { bill: { customerId: platinumId }, status: "APPLIED", decidedById: null },
      _sum: { amountCents: true },
    });
    expect(applied._sum.amountCents).toBe(-60_000);
  });
});
