import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "../../server/domain/errors";
import { testDb } from "./helpers/db";

async function demoLine(phone: string) {
  const user = await testDb().user.findUniqueOrThrow({ where: { phone } });
  const line = await testDb().line.findFirstOrThrow({
    where: { customerId: user.customerId! },
    include: { tariff: true },
  });
  const other = await testDb().tariff.findFirstOrThrow({ where: { id: { not: line.tariffId }, status: "ACTIVE" } });
  return { user, line, other };
}

describe("rules the database enforces", () => {
  it("allows at most one pending tariff change per line, even when two are written at once", async () => {
    const { user, line, other } = await demoLine("+79001000003");
    const change = (key: string) =>
      testDb().tariffChange.create({
        data: {
          lineId: line.id,
          customerId: user.customerId!,
          fromTariffId: line.tariffId,
          toTariffId: other.id,
          effective: "NEXT_CYCLE",
          effectiveAt: new Date(Date.UTC(2030, 0, 1)),
          requestedById: user.id,
          idempotencyKey: key,
        },
      });
    const results = await Promise.allSettled([change("race-a"), change("race-b")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(isUniqueViolation(rejected.reason)).toBe(true);

    // Once applied, a new pending change is allowed again.
    await testDb().tariffChange.updateMany({
      where: { lineId: line.id, status: "PENDING" },
      data: { status: "APPLIED" },
    });
    await expect(change("race-c")).resolves.toMatchObject({ status: "PENDING" });
  });

  it("keeps idempotency keys unique per actor, not globally", async () => {
    const bill = await testDb().bill.findFirstOrThrow({ where: { customer: { login: { phone: "+79001000002" } } } });
    const payer = await testDb().user.findUniqueOrThrow({ where: { phone: "+79001000002" } });
    const agent = await testDb().user.findUniqueOrThrow({ where: { email: "agent1@selfcare.test" } });
    const pay = (actorId: string) =>
      testDb().payment.create({
        data: {
          billId: bill.id,
          customerId: bill.customerId,
          amountCents: 100,
          status: "DECLINED",
          provider: "test",
          actorId,
          idempotencyKey: "same-key",
        },
      });
    await pay(payer.id);
    await expect(pay(agent.id)).resolves.toBeTruthy();
    const duplicate = await pay(payer.id).catch((error) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });

  it("refuses a bill whose total is not subtotal plus tax", async () => {
    const customer = await testDb().customer.findFirstOrThrow();
    const bill = (totalCents: number) =>
      testDb().bill.create({
        data: {
          number: `TEST-${totalCents}`,
          customerId: customer.id,
          periodStart: new Date(Date.UTC(2031, 0, 1)),
          periodEnd: new Date(Date.UTC(2031, 0, 31)),
          issuedAt: new Date(Date.UTC(2031, 1, 1)),
          dueAt: new Date(Date.UTC(2031, 1, 15)),
          subtotalCents: 1000,
          taxCents: 200,
          totalCents,
        },
      });
    await expect(bill(1100)).rejects.toThrow();
    await expect(bill(1200)).resolves.toMatchObject({ totalCents: 1200 });
  });
});
