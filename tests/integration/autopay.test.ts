import { describe, expect, it } from "vitest";
import { runBillRun } from "../../server/domain/billing/bill-run.service";
import { currentCycle } from "../../server/domain/billing/cycle";
import { AUTOPAY_ATTEMPTS, autopayKeyOf, chargeBillByAutopay } from "../../server/domain/payment/autopay.service";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { demoCustomer } from "./helpers/money";
import { fieldErrorsOf } from "./helpers/trpc-errors";

/** An unpaid bill of the demo customer with nothing paid or being paid on it. */
async function unpaidBillOf(phone: typeof DEMO.platinum | typeof DEMO.bronze) {
  const { customer } = await demoCustomer(phone);
  const bill = await testDb().bill.findFirst({
    where: { customerId: customer.id, status: { in: ["ISSUED", "OVERDUE"] }, paidCents: 0, payments: { none: {} } },
    orderBy: { issuedAt: "desc" },
  });
  if (bill) return bill;
  return testDb().bill.create({
    data: {
      number: `AUTOPAY-${phone.slice(-4)}`,
      customerId: customer.id,
      periodStart: new Date(Date.UTC(2030, 0, 1)),
      periodEnd: new Date(Date.UTC(2030, 0, 31)),
      issuedAt: new Date(),
      dueAt: new Date(Date.now() + 14 * 86_400_000),
      subtotalCents: 50_000,
      taxCents: 10_000,
      totalCents: 60_000,
      status: "ISSUED",
    },
  });
}

async function queuedAutopay(billId: string) {
  return testDb().$queryRaw<{ key: string; run_at: Date }[]>`
    SELECT key, run_at FROM graphile_worker.jobs WHERE task_identifier = 'autopay:charge' AND key LIKE ${`autopay:${billId}:%`}
    ORDER BY key`;
}

describe("autopay", () => {
  it("keeps only the provider's reference, brand and last four digits, and refuses a card the bank declines", async () => {
    const subscriber = await callerAs(DEMO.silver);
    expect(await subscriber.autopay.get()).toEqual({ enabled: false, card: null, enabledAt: null });

    const refused = await fieldErrorsOf(subscriber.autopay.enable({ cardToken: "tok_declined" }));
    expect(Object.keys(refused)).toEqual(["cardToken"]);
    const { customer } = await demoCustomer(DEMO.silver);
    expect(await testDb().autopaySetting.findUnique({ where: { customerId: customer.id } })).toBeNull();
    expect(Object.keys(await fieldErrorsOf(subscriber.autopay.enable({ cardToken: "4242424242424242" })))).toEqual([
      "cardToken",
    ]);

    const enabled = await subscriber.autopay.enable({ cardToken: "tok_visa_4242" });
    expect(enabled).toMatchObject({ enabled: true, card: { brand: "visa", last4: "4242" } });
    // A retried enable with the same card changes nothing.
    await subscriber.autopay.enable({ cardToken: "tok_visa_4242" });
    const row = await testDb().autopaySetting.findUniqueOrThrow({ where: { customerId: customer.id } });
    expect(row).toMatchObject({ cardRef: "card_visa_4242", cardBrand: "visa", cardLast4: "4242", enabled: true });
    expect(await testDb().interaction.count({ where: { customerId: customer.id, type: "AUTOPAY_ENABLED" } })).toBe(1);

    expect(await subscriber.autopay.disable()).toMatchObject({ enabled: false, card: { last4: "4242" } });
    expect(await subscriber.autopay.disable()).toMatchObject({ enabled: false });
  });

  it("pays a bill once however often its job runs, and tells the subscriber", async () => {
    const subscriber = await callerAs(DEMO.platinum);
    await subscriber.autopay.enable({ cardToken: "tok_mastercard_4444" });
    const bill = await unpaidBillOf(DEMO.platinum);
    const { customer } = await demoCustomer(DEMO.platinum);
    const notificationsBefore = await testDb().notification.count({ where: { kind: "PAYMENT" } });

    const outcomes = await Promise.all([
      chargeBillByAutopay(testDb(), { billId: bill.id, attempt: 1 }),
      chargeBillByAutopay(testDb(), { billId: bill.id, attempt: 1 }),
    ]);
    expect(outcomes).toContain("PAID");
    expect(await chargeBillByAutopay(testDb(), { billId: bill.id, attempt: 1 })).toBe("SKIPPED");

    const payments = await testDb().payment.findMany({ where: { billId: bill.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      status: "SUCCEEDED",
      idempotencyKey: autopayKeyOf(bill.id, 1),
      amountCents: bill.totalCents,
      cardLast4: "4444",
      customerId: customer.id,
    });
    expect(await testDb().testProviderCharge.count({ where: { idempotencyKey: { contains: bill.id } } })).toBe(1);
    expect((await testDb().bill.findUniqueOrThrow({ where: { id: bill.id } })).status).toBe("PAID");
    expect(await testDb().notification.count({ where: { kind: "PAYMENT" } })).toBe(notificationsBefore + 1);
  });

  it("tries a declined card again a day later, a bounded number of times, then tells the subscriber to pay by hand", async () => {
    const subscriber = await callerAs(DEMO.bronze);
    // Saved without trouble, declined when charged.
    await subscriber.autopay.enable({ cardToken: "tok_visa_0341" });
    const bill = await unpaidBillOf(DEMO.bronze);
    const now = new Date();

    expect(await chargeBillByAutopay(testDb(), { billId: bill.id, attempt: 1, now })).toBe("RETRY_SCHEDULED");
    const [retry] = await queuedAutopay(bill.id);
    expect(retry!.key).toBe(autopayKeyOf(bill.id, 2));
    expect(retry!.run_at.getTime()).toBeGreaterThan(now.getTime() + 23 * 3_600_000);

    for (let attempt = 2; attempt < AUTOPAY_ATTEMPTS; attempt++) {
      expect(await chargeBillByAutopay(testDb(), { billId: bill.id, attempt, now })).toBe("RETRY_SCHEDULED");
    }
    const before = await testDb().notification.count({ where: { kind: "PAYMENT" } });
    expect(await chargeBillByAutopay(testDb(), { billId: bill.id, attempt: AUTOPAY_ATTEMPTS, now })).toBe("DECLINED");
    expect(await testDb().notification.count({ where: { kind: "PAYMENT" } })).toBe(before + 1);
    const payments = await testDb().payment.findMany({ where: { billId: bill.id }, orderBy: { createdAt: "asc" } });
    expect(payments.map((p) => p.status)).toEqual(Array(AUTOPAY_ATTEMPTS).fill("DECLINED"));
    expect((await testDb().bill.findUniqueOrThrow({ where: { id: bill.id } })).paidCents).toBe(0);
  });

  it("charges nothing once it is turned off", async () => {
    const subscriber = await callerAs(DEMO.bronze);
    await subscriber.autopay.enable({ cardToken: "tok_visa_4242" });
    await subscriber.autopay.disable();
    const bill = await testDb().bill.create({
      data: {
        number: "AUTOPAY-OFF-1",
        customerId: (await demoCustomer(DEMO.bronze)).customer.id,
        periodStart: new Date(Date.UTC(2031, 5, 1)),
        periodEnd: new Date(Date.UTC(2031, 5, 30)),
        issuedAt: new Date(),
        dueAt: new Date(Date.now() + 14 * 86_400_000),
        subtotalCents: 1_000,
        taxCents: 200,
        totalCents: 1_200,
        status: "ISSUED",
      },
    });
    expect(await chargeBillByAutopay(testDb(), { billId: bill.id, attempt: 1 })).toBe("SKIPPED");
    expect(await testDb().payment.count({ where: { billId: bill.id } })).toBe(0);
  });

  it("is queued by the bill run for the new bills of customers who have it on, on their issue date", async () => {
    const subscriber = await callerAs(DEMO.silver);
    await subscriber.autopay.enable({ cardToken: "tok_visa_4242" });
    const { customer } = await demoCustomer(DEMO.silver);
    const cycle = currentCycle(customer.billingDay, new Date());
    const runAt = new Date(cycle.end.getTime() + 5 * 60_000);
    await runBillRun(testDb(), runAt);

    const bill = await testDb().bill.findFirstOrThrow({ where: { customerId: customer.id, periodStart: cycle.start } });
    const jobs = await queuedAutopay(bill.id);
    expect(jobs.map((job) => job.key)).toEqual([autopayKeyOf(bill.id, 1)]);
    expect(jobs[0]!.run_at.getTime()).toBe(runAt.getTime());
    // A customer without autopay gets no such job.
    const other = await testDb().bill.findFirstOrThrow({
      where: { periodStart: cycle.start, customer: { autopay: null } },
    });
    expect(await queuedAutopay(other.id)).toEqual([]);
  });
});
