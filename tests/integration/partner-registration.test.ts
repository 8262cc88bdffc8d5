import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../server/domain/identity/password";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { freshPassport, newSubscriber } from "./helpers/partner";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

async function freeNumber(offset = 0): Promise<string> {
  const numbers = await (await callerAs(DEMO.dealer1)).partner.availableNumbers({ limit: 60 });
  const number = numbers.filter((n) => !n.isReservedByMe)[offset];
  if (!number) throw new Error("no free number");
  return number.msisdn;
}

function yearsAgo(years: number, days = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d + days)).toISOString().slice(0, 10);
}

describe("partner.registerSubscriber", () => {
  it("creates the customer, the line on the pool number, the login, the order and the PARTNER interaction", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer1);
    const dealerUser = await db.user.findUniqueOrThrow({ where: { email: DEMO.dealer1 } });
    const msisdn = await freeNumber();
    await dealer.partner.reserveNumber({ msisdn });

    const result = await dealer.partner.registerSubscriber({
      customer: newSubscriber({ email: "Anna.Smirnova@Example.ru" }),
      tariffId: "trf_smart",
      msisdn,
      idempotencyKey: newIdempotencyKey("reg"),
    });

    expect(result.accountNumber).toMatch(/^\d{10}$/);
    expect(result.activationCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(result.msisdn).toBe(msisdn);
    expect(result.contractUrl).toBe(`/partner/orders/${result.orderId}/contract`);

    const customer = await db.customer.findUniqueOrThrow({
      where: { id: result.customerId },
      include: { lines: { include: { tariff: true } }, login: true, orders: true },
    });
    expect(customer.partnerId).toBe(dealerUser.partnerId);
    expect(customer.accountNumber).toBe(result.accountNumber);
    expect(customer.email).toBe("anna.smirnova@example.ru");
    expect(customer.phone).toBe("+79165551234");
    expect(customer.segment).toBe("BRONZE");
    expect(customer.lines).toHaveLength(1);
    expect(customer.lines[0]).toMatchObject({ msisdn, status: "ACTIVE", kind: "MOBILE" });
    // Where the service lives, for outages: a home region and two neighbouring cells in it.
    const { serviceRegion, cells } = customer.lines[0]!;
    expect(cells).toHaveLength(2);
    expect(cells.every((cell) => cell.startsWith(`${serviceRegion}-C`))).toBe(true);
    expect(customer.lines[0]!.tariff.code).toBe("SMART");
    expect(customer.login).toMatchObject({ role: "SUBSCRIBER", phone: msisdn, passwordHash: null });
    expect(customer.login!.activationExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    expect(await verifyPassword(customer.login!.activationCodeHash!, result.activationCode!)).toBe(true);
    expect(customer.orders).toHaveLength(1);
    expect(customer.orders[0]).toMatchObject({
      id: result.orderId,
      partnerId: dealerUser.partnerId,
      createdById: dealerUser.id,
      msisdn,
    });

    const pool = await db.numberPool.findUniqueOrThrow({ where: { msisdn } });
    expect(pool.status).toBe("ASSIGNED");
    expect(pool.reservedUntil).toBeNull();

    // The agent sees the registration in the customer's history, on the PARTNER channel.
    const view = await (await callerAs(DEMO.agent1)).agent.customer360({ customerId: result.customerId });
    expect(view.interactions).toEqual(
      expect.arrayContaining([expect.objectContaining({ channel: "PARTNER", type: "SUBSCRIBER_REGISTERED" })]),
    );
    const audit = await db.auditLog.findFirst({
      where: { entityId: result.customerId, action: "partner.registerSubscriber" },
    });
    expect(audit?.actorId).toBe(dealerUser.id);
    const scoring = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM graphile_worker.jobs
      WHERE task_identifier = 'value:recompute' AND key = ${`value:recompute:${result.customerId}`}`;
    expect(Number(scoring[0]?.count)).toBe(1);
  });

  it("registers a free number picked without reserving it first (the contract's two calls)", async () => {
    const dealer = await callerAs(DEMO.dealer2);
    const [number] = await dealer.partner.availableNumbers({});
    const result = await dealer.partner.registerSubscriber({
      customer: newSubscriber(),
      tariffId: "trf_start",
      msisdn: number!.msisdn,
      idempotencyKey: newIdempotencyKey("reg"),
    });
    expect(result.customerId).toBeTruthy();
    expect((await dealer.partner.availableNumbers({})).map((n) => n.msisdn)).not.toContain(number!.msisdn);
  });

  it("answers a replay with the same customer and code, and creates nothing twice", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer1);
    const input = {
      customer: newSubscriber(),
      tariffId: "trf_family",
      msisdn: await freeNumber(1),
      idempotencyKey: newIdempotencyKey("reg"),
    };
    const first = await dealer.partner.registerSubscriber(input);
    const again = await dealer.partner.registerSubscriber(input);
    expect(again).toEqual(first);
    expect(await db.customer.count({ where: { documentNumber: input.customer.documentNumber } })).toBe(1);
    expect(await db.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await db.interaction.count({ where: { customerId: first.customerId, type: "SUBSCRIBER_REGISTERED" } })).toBe(
      1,
    );
  });

  it("refuses the same key for a different registration with CONFLICT", async () => {
    const dealer = await callerAs(DEMO.dealer1);
    const key = newIdempotencyKey("reg");
    await dealer.partner.registerSubscriber({
      customer: newSubscriber(),
      tariffId: "trf_start",
      msisdn: await freeNumber(2),
      idempotencyKey: key,
    });
    const other = dealer.partner.registerSubscriber({
      customer: newSubscriber(),
      tariffId: "trf_start",
      msisdn: await freeNumber(3),
      idempotencyKey: key,
    });
    await expect(other).toHaveTRPCCode("CONFLICT");
  });

  it("lets exactly one of two racing registrations for one number win; the other gets CONFLICT", async () => {
    const db = testDb();
    const msisdn = await freeNumber(4);
    const [one, two] = await Promise.all([callerAs(DEMO.dealer1), callerAs(DEMO.dealer2)]);
    const outcomes = await Promise.allSettled([
      one.partner.registerSubscriber({
        customer: newSubscriber(),
        tariffId: "trf_start",
        msisdn,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
      two.partner.registerSubscriber({
        customer: newSubscriber(),
        tariffId: "trf_start",
        msisdn,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
      one.partner.registerSubscriber({
        customer: newSubscriber(),
        tariffId: "trf_start",
        msisdn,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const lost = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((outcome) => (outcome.reason as { code: string }).code)).toEqual(["CONFLICT", "CONFLICT"]);
    expect(await db.line.count({ where: { msisdn } })).toBe(1);
    expect(await db.order.count({ where: { msisdn } })).toBe(1);
  });

  it("answers concurrent duplicates of one request with one customer", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer2);
    const input = {
      customer: newSubscriber(),
      tariffId: "trf_start",
      msisdn: await freeNumber(5),
      idempotencyKey: newIdempotencyKey("reg"),
    };
    const results = await Promise.all([1, 2, 3].map(() => dealer.partner.registerSubscriber(input)));
    expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
    expect(await db.customer.count({ where: { documentNumber: input.customer.documentNumber } })).toBe(1);
  });

  it.each([
    ["under 18", { birthDate: yearsAgo(18, 1) }, "customer.birthDate", /at least 18/],
    ["born in the future", { birthDate: yearsAgo(0, 2) }, "customer.birthDate", /future/],
    ["a malformed passport", { documentNumber: "4510 12345" }, "customer.documentNumber", /passport/],
    ["an empty first name", { firstName: "" }, "customer.firstName", /name/],
    ["an empty last name", { lastName: "  " }, "customer.lastName", /name/],
    ["digits in a name", { lastName: "Иванов2" }, "customer.lastName", /letters/],
  ])("refuses %s with BAD_REQUEST naming the field, and changes nothing", async (_label, change, field, message) => {
    const db = testDb();
    const msisdn = await freeNumber(6);
    const before = await db.customer.count();
    const fields = await fieldErrorsOf(
      (await callerAs(DEMO.dealer1)).partner.registerSubscriber({
        customer: newSubscriber(change),
        tariffId: "trf_start",
        msisdn,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    );
    expect(fields[field]).toMatch(message);
    expect(await db.customer.count()).toBe(before);
    expect((await db.numberPool.findUniqueOrThrow({ where: { msisdn } })).status).not.toBe("ASSIGNED");
  });

  it.each([
    ["retired", "trf_classic"],
    ["not sold to new customers", "trf_loyal"],
    ["open only to top segments", "trf_premium"],
    ["home internet, not mobile", "trf_home_100"],
    ["unknown", "trf_nope"],
  ])("refuses a tariff that is %s with BAD_REQUEST on tariffId", async (_label, tariffId) => {
    const fields = await fieldErrorsOf(
      (await callerAs(DEMO.dealer1)).partner.registerSubscriber({
        customer: newSubscriber(),
        tariffId,
        msisdn: await freeNumber(6),
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    );
    expect(Object.keys(fields)).toEqual(["tariffId"]);
  });

  it("refuses a number outside the pool with BAD_REQUEST on msisdn", async () => {
    const dealer = await callerAs(DEMO.dealer1);
    const outside = await fieldErrorsOf(
      dealer.partner.registerSubscriber({
        customer: newSubscriber(),
        tariffId: "trf_start",
        msisdn: "+79161234567",
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    );
    expect(outside.msisdn).toMatch(/not in the operator's pool/);
  });

  it("is FORBIDDEN for subscribers and agents, UNAUTHORIZED without a session", async () => {
    const input = {
      customer: newSubscriber(),
      tariffId: "trf_start",
      msisdn: await freeNumber(7),
      idempotencyKey: newIdempotencyKey("reg"),
    };
    for (const who of [DEMO.platinum, DEMO.agent1, DEMO.admin]) {
      await expect((await callerAs(who)).partner.registerSubscriber(input)).toHaveTRPCCode("FORBIDDEN");
    }
    await expect((await callerAs(null)).partner.registerSubscriber(input)).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("partner.reissueActivationCode", () => {
  it("gives a new code that replaces the old one, for the dealer's own order only", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer1);
    const registered = await dealer.partner.registerSubscriber({
      customer: newSubscriber({ documentNumber: freshPassport() }),
      tariffId: "trf_start",
      msisdn: await freeNumber(8),
      idempotencyKey: newIdempotencyKey("reg"),
    });
    await expect(
      (await callerAs(DEMO.dealer2)).partner.reissueActivationCode({
        orderId: registered.orderId,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    ).toHaveTRPCCode("NOT_FOUND");

    await new Promise((resolve) => setTimeout(resolve, 5));
    const reissued = await dealer.partner.reissueActivationCode({
      orderId: registered.orderId,
      idempotencyKey: newIdempotencyKey("reg"),
    });
    expect(reissued.activationCode).not.toBe(registered.activationCode);
    const login = await db.user.findUniqueOrThrow({ where: { customerId: registered.customerId } });
    expect(await verifyPassword(login.activationCodeHash!, reissued.activationCode)).toBe(true);
    expect(await verifyPassword(login.activationCodeHash!, registered.activationCode!)).toBe(false);
  });

  it("answers a replay with the same key with the same code and issues nothing new", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer1);
    const registered = await dealer.partner.registerSubscriber({
      customer: newSubscriber({ documentNumber: freshPassport() }),
      tariffId: "trf_start",
      msisdn: await freeNumber(9),
      idempotencyKey: newIdempotencyKey("reg"),
    });
    const key = newIdempotencyKey("reg");
    const first = await dealer.partner.reissueActivationCode({ orderId: registered.orderId, idempotencyKey: key });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const replay = await dealer.partner.reissueActivationCode({ orderId: registered.orderId, idempotencyKey: key });
    expect(replay).toMatchObject({
      activationCode: first.activationCode,
      activationExpiresAt: first.activationExpiresAt,
      replayed: true,
    });
    const login = await db.user.findUniqueOrThrow({ where: { customerId: registered.customerId } });
    expect(await verifyPassword(login.activationCodeHash!, first.activationCode)).toBe(true);
    expect(
      await db.interaction.count({ where: { customerId: registered.customerId, type: "ACTIVATION_CODE_REISSUED" } }),
    ).toBe(1);

    // The same key for another order is a client bug, not a silent replay.
    const other = await dealer.partner.registerSubscriber({
      customer: newSubscriber({ documentNumber: freshPassport() }),
      tariffId: "trf_start",
      msisdn: await freeNumber(10),
      idempotencyKey: newIdempotencyKey("reg"),
    });
    await expect(dealer.partner.reissueActivationCode({ orderId: other.orderId, idempotencyKey: key })).toHaveTRPCCode(
      "CONFLICT",
    );

    // A new key issues a new code; the earlier one stops working.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await dealer.partner.reissueActivationCode({
      orderId: registered.orderId,
      idempotencyKey: newIdempotencyKey("reg"),
    });
    expect(second.activationCode).not.toBe(first.activationCode);
    const after = await db.user.findUniqueOrThrow({ where: { customerId: registered.customerId } });
    expect(await verifyPassword(after.activationCodeHash!, second.activationCode)).toBe(true);
    expect(await verifyPassword(after.activationCodeHash!, first.activationCode)).toBe(false);
  });

  it("makes one change when duplicates with one key race", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer1);
    const registered = await dealer.partner.registerSubscriber({
      customer: newSubscriber({ documentNumber: freshPassport() }),
      tariffId: "trf_start",
      msisdn: await freeNumber(11),
      idempotencyKey: newIdempotencyKey("reg"),
    });
    const key = newIdempotencyKey("reg");
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        dealer.partner.reissueActivationCode({ orderId: registered.orderId, idempotencyKey: key }),
      ),
    );
    expect(new Set(results.map((result) => result.activationCode)).size).toBe(1);
    const login = await db.user.findUniqueOrThrow({ where: { customerId: registered.customerId } });
    expect(await verifyPassword(login.activationCodeHash!, results[0]!.activationCode)).toBe(true);
    expect(
      await db.interaction.count({ where: { customerId: registered.customerId, type: "ACTIVATION_CODE_REISSUED" } }),
    ).toBe(1);
    expect(await db.auditLog.count({ where: { action: "partner.reissueActivationCode", entityId: login.id } })).toBe(1);
  });
});
