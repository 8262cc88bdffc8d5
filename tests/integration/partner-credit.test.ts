import { describe, expect, it } from "vitest";
import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from "../../server/domain/partner/credit-policy.schema";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { freshPassport, newSubscriber } from "./helpers/partner";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { readTRPCError } from "../../app/_lib/trpc-error";
import { fieldErrorsOf } from "./helpers/trpc-errors";

function birthDateForAge(age: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y - age, m - 1, d - 10)).toISOString().slice(0, 10);
}

async function freeNumber(offset: number): Promise<string> {
  const numbers = await (await callerAs(DEMO.dealer1)).partner.availableNumbers({ limit: 60 });
  return numbers.filter((n) => !n.isReservedByMe)[offset]!.msisdn;
}

async function setPolicy(policy: unknown) {
  await testDb().setting.upsert({
    where: { key: "creditPolicy" },
    create: { key: "creditPolicy", value: policy as object },
    update: { value: policy as object },
  });
}

let nextAccount = 5;

/** An earlier account (a different seeded customer each time) with this passport, in the state the test needs. */
async function earlierAccount(state: { balanceCents?: number; overdue?: boolean; birthDate?: string }) {
  const db = testDb();
  const documentNumber = freshPassport();
  const birthDate = state.birthDate ?? "1985-03-09";
  const customer = await db.customer.findFirstOrThrow({
    where: { partnerId: null, login: { phone: { not: DEMO.platinum } } },
    orderBy: { accountNumber: "asc" },
    skip: nextAccount++,
  });
  await db.customer.update({
    where: { id: customer.id },
    data: { documentNumber, birthDate: new Date(`${birthDate}T00:00:00Z`), balanceCents: state.balanceCents ?? 0 },
  });
  if (state.overdue) {
    const bill = await db.bill.findFirstOrThrow({ where: { customerId: customer.id }, orderBy: { issuedAt: "desc" } });
    await db.bill.update({ where: { id: bill.id }, data: { status: "OVERDUE" } });
  } else {
    await db.bill.updateMany({ where: { customerId: customer.id, status: "OVERDUE" }, data: { status: "PAID" } });
  }
  return { documentNumber, birthDate, customerId: customer.id };
}

describe("partner.creditCheck and the credit check in registration", () => {
  it("shows the deposit and credit limit from the default policy by age and tariff fee", async () => {
    const dealer = await callerAs(DEMO.dealer1);
    const young = await dealer.partner.creditCheck({
      documentNumber: freshPassport(),
      birthDate: birthDateForAge(19),
      tariffId: "trf_smart",
    });
    expect(young).toMatchObject({
      approved: true,
      age: 19,
      monthlyFeeCents: 55_000,
      depositCents: 55_000,
      creditLimitCents: 0,
      currency: "RUB",
    });
    const adult = await dealer.partner.creditCheck({
      documentNumber: freshPassport(),
      birthDate: birthDateForAge(40),
      tariffId: "trf_smart",
    });
    expect(adult).toMatchObject({ approved: true, depositCents: 0, creditLimitCents: 50_000 });
    const expensive = await dealer.partner.creditCheck({
      documentNumber: freshPassport(),
      birthDate: birthDateForAge(40),
      tariffId: "trf_unlimited",
    });
    expect(expensive).toMatchObject({ approved: true, depositCents: 110_000, creditLimitCents: 50_000 });
  });

  it("follows the policy saved in the creditPolicy setting, and keeps the terms on the order", async () => {
    const policy: CreditPolicy = {
      ...DEFAULT_CREDIT_POLICY,
      rules: [
        { minAge: 18, ageBelow: null, minMonthlyFeeCents: 0, depositPercentOfFee: 200, creditLimitCents: 12_300 },
      ],
    };
    await setPolicy(policy);
    try {
      const dealer = await callerAs(DEMO.dealer1);
      const documentNumber = freshPassport();
      const birthDate = birthDateForAge(33);
      const check = await dealer.partner.creditCheck({ documentNumber, birthDate, tariffId: "trf_start" });
      expect(check).toMatchObject({ approved: true, depositCents: 70_000, creditLimitCents: 12_300 });

      const result = await dealer.partner.registerSubscriber({
        customer: newSubscriber({ documentNumber, birthDate }),
        tariffId: "trf_start",
        msisdn: await freeNumber(0),
        idempotencyKey: newIdempotencyKey("reg"),
      });
      expect(result).toMatchObject({ depositCents: 70_000, creditLimitCents: 12_300 });
      const order = await testDb().order.findUniqueOrThrow({ where: { id: result.orderId } });
      expect(order).toMatchObject({ depositCents: 70_000, creditLimitCents: 12_300 });
    } finally {
      await testDb().setting.delete({ where: { key: "creditPolicy" } });
    }
  });

  it("falls back to the defaults when the saved policy is broken", async () => {
    await setPolicy({ rules: "nonsense" });
    try {
      const check = await (
        await callerAs(DEMO.dealer1)
      ).partner.creditCheck({
        documentNumber: freshPassport(),
        birthDate: birthDateForAge(19),
        tariffId: "trf_start",
      });
      expect(check).toMatchObject({ approved: true, depositCents: 35_000, creditLimitCents: 0 });
    } finally {
      await testDb().setting.delete({ where: { key: "creditPolicy" } });
    }
  });

  it("refuses a passport with unpaid debt on an earlier account, with the reason, and creates nothing", async () => {
    const db = testDb();
    const debtor = await earlierAccount({ balanceCents: 45_000 });
    const dealer = await callerAs(DEMO.dealer1);
    const check = await dealer.partner.creditCheck({
      documentNumber: debtor.documentNumber,
      birthDate: debtor.birthDate,
      tariffId: "trf_start",
    });
    expect(check.approved).toBe(false);
    expect(check.refusals).toEqual(["UNPAID_DEBT"]);
    expect(check.reasons[0]).toMatch(/unpaid debt/);

    const msisdn = await freeNumber(1);
    const customers = await db.customer.count();
    const fields = await fieldErrorsOf(
      dealer.partner.registerSubscriber({
        customer: newSubscriber({ documentNumber: debtor.documentNumber, birthDate: debtor.birthDate }),
        tariffId: "trf_start",
        msisdn,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    );
    expect(fields["customer.documentNumber"]).toMatch(/unpaid debt/);
    expect(await db.customer.count()).toBe(customers);
    expect((await db.numberPool.findUniqueOrThrow({ where: { msisdn } })).status).toBe("FREE");
  });

  it("refuses a passport with overdue bills, and one registered to another birth date", async () => {
    const dealer = await callerAs(DEMO.dealer2);
    const overdue = await earlierAccount({ overdue: true });
    const check = await dealer.partner.creditCheck({
      documentNumber: overdue.documentNumber,
      birthDate: overdue.birthDate,
      tariffId: "trf_start",
    });
    expect(check.refusals).toContain("OVERDUE_BILLS");

    const clean = await earlierAccount({ birthDate: "1979-07-01" });
    const same = await dealer.partner.creditCheck({
      documentNumber: clean.documentNumber,
      birthDate: "1979-07-01",
      tariffId: "trf_start",
    });
    expect(same).toMatchObject({ approved: true, refusals: [] });
    const other = await dealer.partner.creditCheck({
      documentNumber: clean.documentNumber,
      birthDate: "1980-07-01",
      tariffId: "trf_start",
    });
    expect(other.refusals).toEqual(["DOCUMENT_HOLDER_MISMATCH"]);
  });

  it("validates its input like the registration", async () => {
    const dealer = await callerAs(DEMO.dealer1);
    const fields = await fieldErrorsOf(
      dealer.partner.creditCheck({ documentNumber: "12", birthDate: birthDateForAge(10), tariffId: "trf_start" }),
    );
    expect(Object.keys(fields).sort()).toEqual(["birthDate", "documentNumber"]);
    await expect(
      dealer.partner.creditCheck({
        documentNumber: freshPassport(),
        birthDate: "1990-01-01",
        tariffId: "trf_classic",
      }),
    ).toHaveTRPCCode("BAD_REQUEST");
  });
});

describe("partner.creditCheck abuse limit", () => {
  it("allows 60 checks per dealer in 10 minutes, then answers TOO_MANY_REQUESTS with when to retry; other dealers are not affected", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer2);
    const input = { documentNumber: freshPassport(), birthDate: birthDateForAge(40), tariffId: "trf_start" };
    await db.rateLimit.deleteMany({}); // the checks of the tests above count too
    for (let batch = 0; batch < 6; batch++) {
      const checks = await Promise.all(Array.from({ length: 10 }, () => dealer.partner.creditCheck(input)));
      expect(checks.every((check) => check.approved)).toBe(true);
    }
    const before = Date.now();
    const refusal = readTRPCError(await dealer.partner.creditCheck(input).catch((error: unknown) => error));
    expect(refusal).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAt: expect.any(Date) });
    const waitMs = refusal.retryAt!.getTime() - before;
    expect(waitMs).toBeGreaterThan(9 * 60 * 1000);
    expect(waitMs).toBeLessThanOrEqual(10 * 60 * 1000 + 2000);

    // The counter lives in PostgreSQL (shared by every app instance), one row per dealer.
    const partner = await db.user.findUniqueOrThrow({ where: { email: DEMO.dealer2 }, select: { partnerId: true } });
    expect(
      (await db.rateLimit.findUniqueOrThrow({ where: { key: `creditCheck:${partner.partnerId}` } })).points,
    ).toBeGreaterThan(60);
    expect((await (await callerAs(DEMO.dealer1)).partner.creditCheck(input)).approved).toBe(true);

    // A window that has passed starts afresh.
    await db.rateLimit.update({
      where: { key: `creditCheck:${partner.partnerId}` },
      data: { expire: new Date(Date.now() - 1000) },
    });
    expect((await dealer.partner.creditCheck(input)).approved).toBe(true);
  });

  it("counts a registration's own credit check in the same allowance; a replay is not counted and still answers", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer1);
    const partner = await db.user.findUniqueOrThrow({ where: { email: DEMO.dealer1 }, select: { partnerId: true } });
    const key = `creditCheck:${partner.partnerId}`;
    await db.rateLimit.deleteMany({ where: { key } });
    const documentNumber = freshPassport();
    const birthDate = birthDateForAge(40);
    const registration = {
      customer: newSubscriber({ documentNumber, birthDate }),
      tariffId: "trf_start",
      msisdn: await freeNumber(1),
      idempotencyKey: newIdempotencyKey("reg"),
    };
    const first = await dealer.partner.registerSubscriber(registration);
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key } })).points).toBe(1);

    // The allowance used up by checks: the next registration is refused before anything is created.
    await db.rateLimit.update({ where: { key }, data: { points: 60 } });
    const orders = await db.order.count();
    const msisdn = await freeNumber(2);
    await expect(
      dealer.partner.registerSubscriber({
        customer: newSubscriber({ documentNumber: freshPassport(), birthDate }),
        tariffId: "trf_start",
        msisdn,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    ).toHaveTRPCCode("TOO_MANY_REQUESTS");
    expect(await db.order.count()).toBe(orders);

    // Retrying the registration that went through still gets its answer.
    expect(await dealer.partner.registerSubscriber(registration)).toMatchObject({ orderId: first.orderId });
    await db.rateLimit.deleteMany({ where: { key } });
  });
});
