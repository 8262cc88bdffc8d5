import { describe, expect, it } from "vitest";
import { runBillRun } from "../../server/domain/billing/bill-run.service";
import { currentCycle } from "../../server/domain/billing/cycle";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { demoCustomer, generatedSubscriber } from "./helpers/money";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

/** Issues next cycle's bills (dated at the coming cycle start), so they are ISSUED and not yet due. */
async function freshBill(identifier: string) {
  const db = testDb();
  const runAt = currentCycle(1, new Date()).end;
  await runBillRun(db, runAt);
  const user = await db.user.findUniqueOrThrow({ where: { phone: identifier } });
  return db.bill.findFirstOrThrow({ where: { customerId: user.customerId!, issuedAt: runAt } });
}

describe("bill.pay", () => {
  it("takes partial payments ISSUED -> PARTIALLY_PAID -> PAID, and the balance follows", async () => {
    const db = testDb();
    const bill = await freshBill(DEMO.silver);
    const { customer } = await demoCustomer(DEMO.silver);
    const caller = await callerAs(DEMO.silver, { channel: "PWA" });
    expect(bill.status).toBe("ISSUED");

    const part = await caller.bill.pay({
      billId: bill.id,
      amountCents: 10_000,
      idempotencyKey: newIdempotencyKey("part"),
      paymentToken: "tok_mir_2201",
    });
    expect(part).toMatchObject({ status: "SUCCEEDED", amountCents: 10_000, cardLast4: "2201", channel: "PWA" });
    // The subscriber never sees how the payment is keyed or the reconcile job's bookkeeping.
    const internal = ["actorId", "idempotencyKey", "reconcileAttempts", "nextReconcileAt", "needsReviewAt"];
    for (const key of internal) expect(part).not.toHaveProperty(key);
    for (const key of internal) expect((await caller.bill.payments())[0]).not.toHaveProperty(key);
    expect((await caller.bill.byId({ id: bill.id })).status).toBe("PARTIALLY_PAID");
    const afterPart = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(afterPart.balanceCents).toBe(customer.balanceCents - 10_000);

    const rest = await caller.bill.pay({ billId: bill.id, idempotencyKey: newIdempotencyKey("rest") });
    expect(rest.amountCents).toBe(bill.totalCents - 10_000);
    const paid = await caller.bill.byId({ id: bill.id });
    expect(paid).toMatchObject({ status: "PAID", paidCents: bill.totalCents, amountDueCents: 0 });
    expect(paid.payments.map((payment) => payment.amountCents)).toEqual([bill.totalCents - 10_000, 10_000]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).balanceCents).toBe(
      customer.balanceCents - bill.totalCents,
    );
    expect(
      await db.interaction.count({
        where: {
          customerId: customer.id,
          type: "PAYMENT",
          channel: "PWA",
          data: { path: ["billId"], equals: bill.id },
        },
      }),
    ).toBe(2);

    expect(
      Object.keys(
        await fieldErrorsOf(
          caller.bill.pay({ billId: bill.id, amountCents: 100, idempotencyKey: newIdempotencyKey("again") }),
        ),
      ),
    ).toEqual(["billId"]);
  });

  it("keeps an overdue bill OVERDUE until it is paid in full", async () => {
    const db = testDb();
    const { customer } = await demoCustomer(DEMO.bronze);
    const overdue = await db.bill.findFirstOrThrow({
      where: { customerId: customer.id, status: "OVERDUE" },
      orderBy: { issuedAt: "asc" },
    });
    const caller = await callerAs(DEMO.bronze);
    await caller.bill.pay({ billId: overdue.id, amountCents: 1_000, idempotencyKey: newIdempotencyKey("od1") });
    expect((await db.bill.findUniqueOrThrow({ where: { id: overdue.id } })).status).toBe("OVERDUE");
    await caller.bill.pay({ billId: overdue.id, idempotencyKey: newIdempotencyKey("od2") });
    const paid = await db.bill.findUniqueOrThrow({ where: { id: overdue.id } });
    expect(paid.status).toBe("PAID");
    expect(paid.paidAt).not.toBeNull();
  });

  it("stores a declined payment and changes neither the bill nor the balance", async () => {
    const db = testDb();
    const bill = await freshBill(DEMO.platinum);
    const { customer } = await demoCustomer(DEMO.platinum);
    const caller = await callerAs(DEMO.platinum);
    const byAmount = await caller.bill.pay({
      billId: bill.id,
      amountCents: 5_013,
      idempotencyKey: newIdempotencyKey("dec1"),
    });
    const byToken = await caller.bill.pay({
      billId: bill.id,
      idempotencyKey: newIdempotencyKey("dec2"),
      paymentToken: "tok_insufficient_funds",
    });
    expect(byAmount).toMatchObject({ status: "DECLINED", failureReason: "amount_declined" });
    expect(byToken).toMatchObject({ status: "DECLINED", failureReason: "insufficient_funds" });
    expect(await db.payment.count({ where: { billId: bill.id, status: "DECLINED" } })).toBe(2);
    const after = await db.bill.findUniqueOrThrow({ where: { id: bill.id } });
    expect(after).toMatchObject({ paidCents: 0, status: "ISSUED" });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).balanceCents).toBe(
      customer.balanceCents,
    );
  });

  it("returns the same payment for the same key, also for concurrent duplicates, and charges once", async () => {
    const db = testDb();
    const bill = await freshBill(DEMO.bronze);
    const caller = await callerAs(DEMO.bronze);
    const idempotencyKey = newIdempotencyKey("dup");
    const first = await caller.bill.pay({ billId: bill.id, amountCents: 2_000, idempotencyKey });
    const replay = await caller.bill.pay({ billId: bill.id, amountCents: 2_000, idempotencyKey });
    expect(replay.id).toBe(first.id);

    const raceKey = newIdempotencyKey("race");
    const racing = await Promise.all(
      Array.from({ length: 6 }, () =>
        caller.bill.pay({ billId: bill.id, amountCents: 3_000, idempotencyKey: raceKey }),
      ),
    );
    expect(new Set(racing.map((payment) => payment.id)).size).toBe(1);
    expect(racing.every((payment) => payment.status === "SUCCEEDED")).toBe(true);
    expect(await db.payment.count({ where: { billId: bill.id } })).toBe(2);
    expect((await db.bill.findUniqueOrThrow({ where: { id: bill.id } })).paidCents).toBe(5_000);
  });

  it("never pays more than is due when different keys race for the whole bill", async () => {
    const db = testDb();
    const phone = await generatedSubscriber(1);
    const bill = await freshBill(phone);
    const caller = await callerAs(phone);
    const due = bill.totalCents - bill.paidCents;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        caller.bill.pay({ billId: bill.id, idempotencyKey: newIdempotencyKey(`whole-${i}`) }),
      ),
    );
    const succeeded = results.filter((result) => result.status === "fulfilled" && result.value.status === "SUCCEEDED");
    expect(succeeded).toHaveLength(1);
    for (const result of results)
      if (result.status === "rejected")
        expect(["CONFLICT", "BAD_REQUEST"]).toContain((result.reason as { code: string }).code);
    const after = await db.bill.findUniqueOrThrow({ where: { id: bill.id } });
    expect(after.paidCents).toBe(due);
    expect(after.status).toBe("PAID");
  });

  it("refuses bad input naming the field and changes nothing", async () => {
    const db = testDb();
    const phone = await generatedSubscriber(2);
    const bill = await freshBill(phone);
    const caller = await callerAs(phone);
    const before = await db.payment.count();
    expect(
      Object.keys(
        await fieldErrorsOf(
          caller.bill.pay({ billId: bill.id, amountCents: 0, idempotencyKey: newIdempotencyKey("zero") }),
        ),
      ),
    ).toEqual(["amountCents"]);
    expect(
      Object.keys(
        await fieldErrorsOf(
          caller.bill.pay({ billId: bill.id, amountCents: 10.5, idempotencyKey: newIdempotencyKey("frac") }),
        ),
      ),
    ).toEqual(["amountCents"]);
    expect(
      Object.keys(
        await fieldErrorsOf(
          caller.bill.pay({
            billId: bill.id,
            amountCents: bill.totalCents + 1,
            idempotencyKey: newIdempotencyKey("over"),
          }),
        ),
      ),
    ).toEqual(["amountCents"]);
    expect(Object.keys(await fieldErrorsOf(caller.bill.pay({ billId: bill.id, idempotencyKey: "short" })))).toEqual([
      "idempotencyKey",
    ]);
    // A card number is not a token: refused before anything is stored or sent anywhere.
    expect(
      Object.keys(
        await fieldErrorsOf(
          caller.bill.pay({
            billId: bill.id,
            idempotencyKey: newIdempotencyKey("pan"),
            paymentToken: "4111111111111111",
          }),
        ),
      ),
    ).toEqual(["paymentToken"]);
    expect(await db.payment.count()).toBe(before);
    const stored = await db.$kysely
      .selectFrom("Payment")
      .select((eb) => eb.cast<number>(eb.fn.countAll(), "integer").as("hits"))
      .where((eb) => eb(eb.cast(eb.fn.toJson("Payment"), "text"), "like", "%4111111111111111%"))
      .executeTakeFirstOrThrow();
    expect(stored.hits).toBe(0);
  });

  it("answers NOT_FOUND for another customer's bill, FORBIDDEN for other roles, UNAUTHORIZED anonymously", async () => {
    const db = testDb();
    const bill = await freshBill(DEMO.platinum);
    await expect(
      (await callerAs(DEMO.silver)).bill.pay({ billId: bill.id, idempotencyKey: newIdempotencyKey("foreign") }),
    ).toHaveTRPCCode("NOT_FOUND");
    await expect(
      (await callerAs(DEMO.silver)).bill.pay({ billId: "bil_missing", idempotencyKey: newIdempotencyKey("missing") }),
    ).toHaveTRPCCode("NOT_FOUND");
    for (const login of [DEMO.agent1, DEMO.dealer1, DEMO.admin]) {
      await expect(
        (await callerAs(login)).bill.pay({ billId: bill.id, idempotencyKey: newIdempotencyKey("role") }),
      ).toHaveTRPCCode("FORBIDDEN");
      await expect((await callerAs(login)).bill.payments()).toHaveTRPCCode("FORBIDDEN");
    }
    await expect(
      (await callerAs(null)).bill.pay({ billId: bill.id, idempotencyKey: newIdempotencyKey("anon") }),
    ).toHaveTRPCCode("UNAUTHORIZED");
    expect((await db.bill.findUniqueOrThrow({ where: { id: bill.id } })).paidCents).toBe(0);
  });

  it("lists only the caller's payments, newest first", async () => {
    const { customer } = await demoCustomer(DEMO.silver);
    const payments = await (await callerAs(DEMO.silver)).bill.payments({ limit: 50 });
    expect(payments.length).toBeGreaterThan(0);
    expect(payments.every((payment) => payment.customerId === customer.id)).toBe(true);
    const times = payments.map((payment) => payment.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
