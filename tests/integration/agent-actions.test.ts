import { beforeAll, describe, expect, it } from "vitest";
import { applyAdjustment } from "../../server/domain/billing/adjustment.service";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { createEscalation } from "./helpers/agent-fixtures";
import { testDb } from "./helpers/db";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const LIMIT = 50_000; // agentCreditLimitCents of the seeded routing policy

let silverId: string;
let platinumId: string;
let agent1Id: string;
let adminId: string;

beforeAll(async () => {
  [silverId, platinumId, agent1Id, adminId] = await Promise.all([
    customerIdOf(DEMO.silver),
    customerIdOf(DEMO.platinum),
    userIdOf(DEMO.agent1),
    userIdOf(DEMO.admin),
  ]);
  const policy = await testDb().routingPolicy.findFirstOrThrow({ orderBy: { version: "desc" } });
  expect((policy.config as { agentCreditLimitCents: number }).agentCreditLimitCents).toBe(LIMIT);
});

/** A bill of the customer big enough for the amounts these tests move, newest first. */
async function billOf(customerId: string, skip = 0) {
  return testDb().bill.findFirstOrThrow({
    where: { customerId, status: { not: "CANCELLED" }, totalCents: { gte: 60_000 } },
    orderBy: { issuedAt: "desc" },
    skip,
  });
}

describe("agent.adjustBill", () => {
  it("applies a credit within the agent's limit: bill line, totals, status, balance, audit and contact", async () => {
    const db = testDb();
    const bill = await billOf(silverId);
    const customerBefore = await db.customer.findUniqueOrThrow({ where: { id: silverId } });
    const agent = await callerAs(DEMO.agent1, { ip: "10.9.8.7" });

    const adjustment = await agent.agent.adjustBill({
      billId: bill.id,
      amountCents: -12_345,
      reason: "Двойное списание за роуминг",
      idempotencyKey: newIdempotencyKey("within"),
    });
    expect(adjustment).toMatchObject({
      status: "APPLIED",
      amountCents: -12_345,
      billId: bill.id,
      requestedById: agent1Id,
    });

    const after = await db.bill.findUniqueOrThrow({ where: { id: bill.id }, include: { lines: true } });
    expect(after.subtotalCents).toBe(bill.subtotalCents - 12_345);
    expect(after.totalCents).toBe(bill.totalCents - 12_345);
    expect(after.taxCents).toBe(bill.taxCents);
    expect(after.totalCents).toBe(after.subtotalCents + after.taxCents);
    expect(after.lines).toContainEqual(
      expect.objectContaining({ kind: "ADJUSTMENT", amountCents: -12_345, description: "Двойное списание за роуминг" }),
    );
    const expectedStatus =
      after.paidCents >= after.totalCents
        ? "PAID"
        : after.dueAt < new Date()
          ? "OVERDUE"
          : after.paidCents > 0
            ? "PARTIALLY_PAID"
            : "ISSUED";
    expect(after.status).toBe(expectedStatus);
    const customerAfter = await db.customer.findUniqueOrThrow({ where: { id: silverId } });
    expect(customerAfter.balanceCents).toBe(customerBefore.balanceCents - 12_345);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "bill.adjust", entityId: bill.id } });
    expect(audit).toMatchObject({ actorId: agent1Id, actorRole: "AGENT", ip: "10.9.8.7", entityType: "Bill" });
    expect(audit.before).toMatchObject({
      totalCents: bill.totalCents,
      subtotalCents: bill.subtotalCents,
      balanceCents: customerBefore.balanceCents,
    });
    expect(audit.after).toMatchObject({
      totalCents: bill.totalCents - 12_345,
      balanceCents: customerBefore.balanceCents - 12_345,
    });
    const contact = await db.interaction.findFirstOrThrow({ where: { customerId: silverId, type: "BILL_ADJUSTED" } });
    expect(contact).toMatchObject({ channel: "PHONE", actorId: agent1Id });
  });

  it("turns an adjustment above the limit into an approval request that changes nothing until approved", async () => {
    const db = testDb();
    const bill = await billOf(platinumId, 2);
    const balanceBefore = (await db.customer.findUniqueOrThrow({ where: { id: platinumId } })).balanceCents;
    const agent = await callerAs(DEMO.agent1);

    const pending = await agent.agent.adjustBill({
      billId: bill.id,
      amountCents: -(LIMIT + 1),
      reason: "Компенсация за аварию",
      idempotencyKey: newIdempotencyKey("above"),
    });
    expect(pending.status).toBe("PENDING_APPROVAL");
    const untouched = await db.bill.findUniqueOrThrow({ where: { id: bill.id }, include: { lines: true } });
    expect(untouched.totalCents).toBe(bill.totalCents);
    expect(untouched.lines.some((line) => line.kind === "ADJUSTMENT" && line.amountCents === -(LIMIT + 1))).toBe(false);
    expect((await db.customer.findUniqueOrThrow({ where: { id: platinumId } })).balanceCents).toBe(balanceBefore);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "bill.adjust.requestApproval", entityId: pending.id },
    });
    expect(audit.after).toMatchObject({ status: "PENDING_APPROVAL", amountCents: -(LIMIT + 1) });

    // The supervisor's approval goes through applyAdjustment; applying twice changes nothing more.
    const approved = await db.$transaction((tx) =>
      applyAdjustment(tx, pending.id, { decidedById: adminId, decisionReason: "Outage confirmed" }),
    );
    expect(approved.changed).toBe(true);
    expect(approved.adjustment).toMatchObject({ status: "APPLIED", decidedById: adminId });
    expect(approved.after.totalCents).toBe(bill.totalCents - (LIMIT + 1));
    const again = await db.$transaction((tx) => applyAdjustment(tx, pending.id, { decidedById: adminId }));
    expect(again.changed).toBe(false);
    expect((await db.bill.findUniqueOrThrow({ where: { id: bill.id } })).totalCents).toBe(
      bill.totalCents - (LIMIT + 1),
    );
    expect((await db.customer.findUniqueOrThrow({ where: { id: platinumId } })).balanceCents).toBe(
      balanceBefore - (LIMIT + 1),
    );
  });

  it("does not let an agent get around the limit by splitting a credit", async () => {
    const bill = await billOf(platinumId);
    const agent = await callerAs(DEMO.agent2);
    const first = await agent.agent.adjustBill({
      billId: bill.id,
      amountCents: -30_000,
      reason: "Часть компенсации",
      idempotencyKey: newIdempotencyKey("split1"),
    });
    const second = await agent.agent.adjustBill({
      billId: bill.id,
      amountCents: -30_000,
      reason: "Вторая часть",
      idempotencyKey: newIdempotencyKey("split2"),
    });
    expect(first.status).toBe("APPLIED");
    expect(second.status).toBe("PENDING_APPROVAL");
  });

  it("lets a supervisor adjust above the agents' limit at once", async () => {
    const bill = await billOf(platinumId, 1);
    const adjustment = await (
      await callerAs(DEMO.admin)
    ).agent.adjustBill({
      billId: bill.id,
      amountCents: -(LIMIT * 2),
      reason: "Goodwill credit",
      idempotencyKey: newIdempotencyKey("admin"),
    });
    expect(adjustment).toMatchObject({ status: "APPLIED", decidedById: adminId });
  });

  it("replays the same key as the same adjustment with no second effect, also when sent twice at once", async () => {
    const db = testDb();
    const bill = await billOf(silverId, 1);
    const agent = await callerAs(DEMO.agent1);
    const input = {
      billId: bill.id,
      amountCents: -5_000,
      reason: "Повторная отправка",
      idempotencyKey: newIdempotencyKey("replay"),
    };
    const [a, b] = await Promise.all([agent.agent.adjustBill(input), agent.agent.adjustBill(input)]);
    const c = await agent.agent.adjustBill(input);
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect(
      await db.billAdjustment.count({ where: { requestedById: agent1Id, idempotencyKey: input.idempotencyKey } }),
    ).toBe(1);
    const after = await db.bill.findUniqueOrThrow({ where: { id: bill.id } });
    expect(after.totalCents).toBe(bill.totalCents - 5_000);
    expect(await db.auditLog.count({ where: { action: "bill.adjust", entityId: bill.id } })).toBe(1);
    // The same key for a different adjustment is refused rather than silently answered.
    await expect(agent.agent.adjustBill({ ...input, amountCents: -6_000 })).toHaveTRPCCode("CONFLICT");
  });

  it("refuses bad input with BAD_REQUEST naming the field, and changes nothing", async () => {
    const db = testDb();
    const bill = await billOf(silverId, 2);
    const agent = await callerAs(DEMO.agent1);
    const attempt = (input: Record<string, unknown>) =>
      agent.agent.adjustBill({
        billId: bill.id,
        amountCents: -100,
        reason: "Причина",
        idempotencyKey: newIdempotencyKey("bad"),
        ...input,
      } as never);
    await expect(attempt({ amountCents: 0 })).toHaveTRPCCode("BAD_REQUEST");
    await expect(attempt({ amountCents: 10.5 })).toHaveTRPCCode("BAD_REQUEST");
    await expect(attempt({ reason: "" })).toHaveTRPCCode("BAD_REQUEST");
    await expect(attempt({ idempotencyKey: "short" })).toHaveTRPCCode("BAD_REQUEST");
    expect(Object.keys(await fieldErrorsOf(attempt({ amountCents: -(bill.totalCents + 1) })))).toEqual(["amountCents"]);
    await expect(attempt({ billId: "bill_missing" })).toHaveTRPCCode("NOT_FOUND");
    // A request of another customer cannot be tied to this bill.
    const foreign = await createEscalation({ customerId: platinumId });
    expect(Object.keys(await fieldErrorsOf(attempt({ requestId: foreign.id })))).toEqual(["requestId"]);
    const after = await db.bill.findUniqueOrThrow({ where: { id: bill.id } });
    expect(after.totalCents).toBe(bill.totalCents);
  });
});

describe("agent.changeTariff", () => {
  it("shows the subscriber's preview, changes the tariff on channel PHONE, audits it, and replays safely", async () => {
    const db = testDb();
    const line = await db.line.findFirstOrThrow({ where: { customerId: silverId, kind: "MOBILE", status: "ACTIVE" } });
    const agent = await callerAs(DEMO.agent1);
    const options = await agent.agent.tariffOptions({ lineId: line.id });
    const target = options.items.find((tariff) => tariff.eligible && tariff.kind === "MOBILE");
    expect(target, "an eligible tariff for the silver customer's line").toBeDefined();

    const preview = await agent.agent.previewTariffChange({
      lineId: line.id,
      tariffId: target!.id,
      effective: "NEXT_CYCLE",
    });
    const subscriberPreview = await (
      await callerAs(DEMO.silver)
    ).tariff.previewChange({ lineId: line.id, tariffId: target!.id, effective: "NEXT_CYCLE" });
    expect(preview.eligible).toBe(true);
    expect(preview).toMatchObject({
      prorationCreditCents: subscriberPreview.prorationCreditCents,
      prorationChargeCents: subscriberPreview.prorationChargeCents,
      effectiveAt: subscriberPreview.effectiveAt,
    });

    const input = {
      lineId: line.id,
      tariffId: target!.id,
      effective: "NEXT_CYCLE" as const,
      idempotencyKey: newIdempotencyKey("tariff"),
    };
    // Sent twice at once (a double click), then retried: one change, one audit entry.
    const [change, twin] = await Promise.all([agent.agent.changeTariff(input), agent.agent.changeTariff(input)]);
    expect(twin.id).toBe(change.id);
    expect(change).toMatchObject({
      status: "PENDING",
      toTariffId: target!.id,
      customerId: silverId,
      channel: "PHONE",
      requestedById: agent1Id,
    });
    const replay = await agent.agent.changeTariff(input);
    expect(replay.id).toBe(change.id);
    expect(await db.tariffChange.count({ where: { lineId: line.id, status: "PENDING" } })).toBe(1);

    const audits = await db.auditLog.findMany({ where: { action: "tariff.change", entityId: line.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ tariffId: line.tariffId, pendingChange: null });
    expect(audits[0]!.after).toMatchObject({ changeId: change.id, toTariffId: target!.id, status: "PENDING" });
    expect(
      await db.interaction.count({ where: { customerId: silverId, type: "TARIFF_CHANGE", channel: "PHONE" } }),
    ).toBeGreaterThan(0);

    // A second change while one is pending is refused, as it is for the subscriber.
    await expect(agent.agent.changeTariff({ ...input, idempotencyKey: newIdempotencyKey("tariff2") })).toHaveTRPCCode(
      "CONFLICT",
    );
  });

  it("answers NOT_FOUND for a line that does not exist", async () => {
    const agent = await callerAs(DEMO.agent1);
    await expect(agent.agent.tariffOptions({ lineId: "lin_missing" })).toHaveTRPCCode("NOT_FOUND");
    await expect(
      agent.agent.changeTariff({
        lineId: "lin_missing",
        tariffId: "x",
        effective: "IMMEDIATE",
        idempotencyKey: newIdempotencyKey("nf"),
      }),
    ).toHaveTRPCCode("NOT_FOUND");
  });
});
