import { runOnce } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { runBillRun } from "../../server/domain/billing/bill-run.service";
import { currentCycle } from "../../server/domain/billing/cycle";
import { enqueueJob } from "../../server/domain/job-queue/enqueue.service";
import type { PaymentProvider } from "../../server/domain/payment/payment-provider";
import { payBill, providerKeyOf } from "../../server/domain/payment/payment.service";
import { reconcilePayments } from "../../server/domain/payment/reconcile.service";
import { MAX_RECONCILE_ATTEMPTS } from "../../server/domain/payment/reconcile-rules";
import { createTestPaymentProvider } from "../../server/domain/payment/test-provider.service";
import { taskList } from "../../server/jobs/tasks";
import { callerAs, DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";
import { generatedSubscriber } from "./helpers/money";

const LATER = () => new Date(Date.now() + 10 * 60_000);

async function freshBill(phone: string) {
  const db = testDb();
  const runAt = currentCycle(1, new Date()).end;
  await runBillRun(db, runAt);
  const user = await db.user.findUniqueOrThrow({ where: { phone } });
  const bill = await db.bill.findFirstOrThrow({ where: { customerId: user.customerId!, issuedAt: runAt } });
  return { bill, user };
}

/** A payment row as a crash or a provider timeout leaves it: the full amount, never settled. */
function unsettledPayment(
  bill: { id: string; totalCents: number },
  user: { id: string; customerId: string | null },
  status: "PENDING" | "UNKNOWN",
  key: string,
  createdAt?: Date,
) {
  return testDb().payment.create({
    data: {
      billId: bill.id,
      customerId: user.customerId!,
      amountCents: bill.totalCents,
      status,
      provider: "test",
      actorId: user.id,
      idempotencyKey: newIdempotencyKey(key),
      createdAt,
    },
  });
}

/** A provider that takes the charge and then times out before answering. */
function chargesThenTimesOut(): PaymentProvider {
  const real = createTestPaymentProvider(testDb());
  return {
    ...real,
    async charge(request) {
      await real.charge(request);
      throw new Error("timeout");
    },
  };
}

describe("a provider error", () => {
  it("leaves the payment UNKNOWN; another key gets CONFLICT, the same key the stored answer; reconcile ends PAID once", async () => {
    const db = testDb();
    const { bill, user } = await freshBill(DEMO.silver);
    const input = {
      customerId: user.customerId!,
      billId: bill.id,
      idempotencyKey: newIdempotencyKey("t-out"),
      actorId: user.id,
      channel: "WEB" as const,
    };
    const first = await payBill(db, input, chargesThenTimesOut());
    expect(first).toMatchObject({ status: "UNKNOWN", failureReason: "provider_unavailable" });
    expect((await payBill(db, input, chargesThenTimesOut())).id).toBe(first.id);

    const caller = await callerAs(DEMO.silver);
    await expect(
      caller.bill.pay({ billId: bill.id, idempotencyKey: newIdempotencyKey("again") }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/being confirmed with the bank|подтверждается банком/),
    });
    expect((await caller.bill.byId({ id: bill.id })).payments[0]).toMatchObject({ status: "UNKNOWN" });

    const [one, two] = await Promise.all([
      reconcilePayments(db, { now: LATER() }),
      reconcilePayments(db, { now: LATER() }),
    ]);
    expect(one.paid + two.paid).toBeGreaterThanOrEqual(1);
    const after = await db.bill.findUniqueOrThrow({ where: { id: bill.id } });
    expect(after).toMatchObject({ status: "PAID", paidCents: bill.totalCents });
    expect((await db.payment.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("SUCCEEDED");
    expect(await db.testProviderCharge.count({ where: { idempotencyKey: providerKeyOf(first) } })).toBe(1);
    expect(await reconcilePayments(db, { now: LATER() })).toMatchObject({ checked: 0 });
    expect((await db.bill.findUniqueOrThrow({ where: { id: bill.id } })).paidCents).toBe(bill.totalCents);
  });
});

describe("the payments:reconcile job", () => {
  it("settles a PENDING payment left by a crash after the charge to PAID once, and a second run changes nothing", async () => {
    const db = testDb();
    const { bill, user } = await freshBill(DEMO.bronze);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: user.customerId! } });
    const payment = await unsettledPayment(bill, user, "PENDING", "crash", new Date(Date.now() - 5 * 60_000));
    // The process charged the card and died before writing the answer.
    await createTestPaymentProvider(db).charge({
      amountCents: bill.totalCents,
      currency: "RUB",
      token: undefined,
      idempotencyKey: providerKeyOf(payment),
      description: "crash",
    });

    process.env.DATABASE_URL = testDatabaseUrl();
    for (let run = 0; run < 2; run += 1) {
      await enqueueJob(db, "payments:reconcile", {}, { jobKey: `reconcile-${run}` });
      await runOnce({ connectionString: testDatabaseUrl(), taskList });
    }
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("SUCCEEDED");
    expect(await db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({
      status: "PAID",
      paidCents: bill.totalCents,
    });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).balanceCents).toBe(
      customer.balanceCents - bill.totalCents,
    );
  });

  it("declines a payment the provider has no record of, and the bill can be paid again", async () => {
    const db = testDb();
    const phone = await generatedSubscriber(3);
    const { bill, user } = await freshBill(phone);
    const payment = await unsettledPayment(bill, user, "PENDING", "never", new Date(Date.now() - 5 * 60_000));
    const caller = await callerAs(phone);
    await expect(caller.bill.pay({ billId: bill.id, idempotencyKey: newIdempotencyKey("blocked") })).toHaveTRPCCode(
      "CONFLICT",
    );
    expect(await reconcilePayments(db)).toMatchObject({ declined: 1 });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "DECLINED",
      failureReason: "not_charged",
    });
    expect(await caller.bill.pay({ billId: bill.id, idempotencyKey: newIdempotencyKey("paid") })).toMatchObject({
      status: "SUCCEEDED",
    });
  });

  it("backs off while the provider does not answer and flags the payment for review once at the bound", async () => {
    const db = testDb();
    const phone = await generatedSubscriber(4);
    const { bill, user } = await freshBill(phone);
    const payment = await unsettledPayment(bill, user, "UNKNOWN", "silent");
    let asked = 0;
    const silent: PaymentProvider = {
      ...createTestPaymentProvider(db),
      async getPaymentStatus() {
        asked += 1;
        throw new Error("provider down");
      },
    };
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_RECONCILE_ATTEMPTS + 1; attempt += 1) {
      await reconcilePayments(db, { provider: silent, now });
      // Before the backoff has passed, the job does not ask again.
      await reconcilePayments(db, { provider: silent, now: new Date(now.getTime() + 1_000) });
      const row = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
      expect(row).toMatchObject({ status: "UNKNOWN", reconcileAttempts: attempt });
      expect(row.needsReviewAt !== null).toBe(attempt >= MAX_RECONCILE_ATTEMPTS);
      now = row.nextReconcileAt!;
    }
    expect(asked).toBe(MAX_RECONCILE_ATTEMPTS + 1);
    expect(
      await db.auditLog.count({ where: { action: "payment.needsReview", entityId: payment.id, actorId: null } }),
    ).toBe(1);
    expect(bill.status).toBe("ISSUED");
  });
});
