import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { REGISTRATION_MESSAGES } from "../../server/domain/partner/registration-rules";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { newSubscriber } from "./helpers/partner";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

/** A contact phone nobody signs in with yet. */
function freshContactPhone(): string {
  return `+7958${randomInt(1_000_000, 10_000_000)}`;
}

function homeOrder(overrides: Record<string, unknown> = {}) {
  return {
    kind: "HOME_INTERNET" as const,
    customer: newSubscriber({ firstName: "Ирина", lastName: "Домашняя", phone: "" }),
    tariffId: "trf_home_500",
    contactPhone: freshContactPhone(),
    installationAddress: "",
    idempotencyKey: newIdempotencyKey("reg"),
    ...overrides,
  };
}

describe("partner.registerSubscriber for home internet", () => {
  it("creates the customer, a home-internet line at the registration address with a service id, and a login on the contact phone", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer1);
    const freeBefore = await db.numberPool.count({ where: { status: "FREE" } });
    const input = homeOrder();
    const result = await dealer.partner.registerSubscriber(input);

    expect(result).toMatchObject({
      kind: "HOME_INTERNET",
      msisdn: null,
      serviceId: `lin_${result.accountNumber}_1`,
      installationAddress: input.customer.address,
      loginPhone: input.contactPhone,
      tariff: { code: "HOME_500" },
    });
    expect(result.activationCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const line = await db.line.findUniqueOrThrow({ where: { id: result.serviceId! } });
    expect(line).toMatchObject({
      kind: "HOME_INTERNET",
      msisdn: null,
      address: input.customer.address,
      tariffId: "trf_home_500",
      customerId: result.customerId,
    });
    // Where the service lives, for outages: the address's building and access node in its region.
    expect(line.cells).toEqual([]);
    expect(line.accessNode).toMatch(new RegExp(`^${line.serviceRegion}-N\\d{3}$`));
    expect(line.building).toMatch(new RegExp(`^${line.serviceRegion}-B\\d{5}$`));
    const login = await db.user.findUniqueOrThrow({ where: { customerId: result.customerId } });
    expect(login).toMatchObject({ role: "SUBSCRIBER", phone: input.contactPhone, passwordHash: null });
    expect((await db.customer.findUniqueOrThrow({ where: { id: result.customerId } })).phone).toBe(input.contactPhone);
    expect(await db.order.findUniqueOrThrow({ where: { id: result.orderId } })).toMatchObject({
      kind: "HOME_INTERNET",
      msisdn: null,
      lineId: line.id,
    });
    // No number was taken from the pool.
    expect(await db.numberPool.count({ where: { status: "FREE" } })).toBe(freeBefore);
    expect(
      await db.interaction.count({
        where: { customerId: result.customerId, channel: "PARTNER", type: "SUBSCRIBER_REGISTERED" },
      }),
    ).toBe(1);

    // The dealer's order list says what was sold and where.
    const orders = await dealer.partner.orders({});
    expect(orders.items.find((order) => order.id === result.orderId)).toMatchObject({
      kind: "HOME_INTERNET",
      msisdn: null,
      serviceId: line.id,
      installationAddress: input.customer.address,
    });

    // The subscriber activates with the contact phone and signs in with it.
    const activated = await (
      await callerAs(null, { ip: "10.7.0.1" })
    ).activation.activate({
      identifier: input.contactPhone,
      code: result.activationCode!,
      password: "home-secret-42",
    });
    expect(activated).toMatchObject({ phone: input.contactPhone, accountNumber: result.accountNumber });
  });

  it("installs at another address when given, and the contract PDF names the service", async () => {
    const dealer = await callerAs(DEMO.dealer1);
    const result = await dealer.partner.registerSubscriber(
      homeOrder({ installationAddress: "141400, г. Химки, ул. Мира, д. 3, кв. 5", tariffId: "trf_home_100" }),
    );
    expect(result.installationAddress).toBe("141400, г. Химки, ул. Мира, д. 3, кв. 5");
    const contract = await dealer.partner.orderContract({ orderId: result.orderId, locale: "en" });
    expect(Buffer.from(contract.contentBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("answers a replay with the same customer and creates nothing twice; racing duplicates make one customer", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer2);
    const input = homeOrder();
    const first = await dealer.partner.registerSubscriber(input);
    const replay = await dealer.partner.registerSubscriber(input);
    expect(replay).toMatchObject({
      customerId: first.customerId,
      orderId: first.orderId,
      serviceId: first.serviceId,
      activationCode: first.activationCode,
    });

    const raced = homeOrder();
    const results = await Promise.allSettled(Array.from({ length: 3 }, () => dealer.partner.registerSubscriber(raced)));
    const customers = new Set(
      results.flatMap((result) => (result.status === "fulfilled" ? [result.value.customerId] : [])),
    );
    expect(customers.size).toBe(1);
    expect(await db.customer.count({ where: { documentNumber: raced.customer.documentNumber } })).toBe(1);
    expect(await db.user.count({ where: { phone: raced.contactPhone } })).toBe(1);

    // The same key for a SIM card order is a client bug.
    const numbers = (await dealer.partner.availableNumbers({ limit: 5 })).filter((n) => !n.isReservedByMe);
    const { contactPhone: _phone, installationAddress: _address, ...rest } = input;
    await expect(
      dealer.partner.registerSubscriber({
        ...rest,
        kind: "MOBILE",
        tariffId: "trf_start",
        msisdn: numbers[0]!.msisdn,
      }),
    ).toHaveTRPCCode("CONFLICT");
  });

  it("refuses a contact phone that is already a login with CONFLICT on contactPhone, and creates nothing", async () => {
    const db = testDb();
    const customersBefore = await db.customer.count();
    const error = await (
      await callerAs(DEMO.dealer1)
    ).partner
      .registerSubscriber(homeOrder({ contactPhone: "8 900 100-00-02" }))
      .catch((caught: unknown) => caught as { code: string; cause?: { fields?: Record<string, string> } });
    expect(error).toMatchObject({
      code: "CONFLICT",
      cause: { fields: { contactPhone: REGISTRATION_MESSAGES.contactPhoneTaken } },
    });
    expect(await db.customer.count()).toBe(customersBefore);
  });

  it("refuses a tariff of the other kind, a missing contact phone and a bad installation address, naming the field", async () => {
    const dealer = await callerAs(DEMO.dealer1);
    expect(await fieldErrorsOf(dealer.partner.registerSubscriber(homeOrder({ tariffId: "trf_smart" })))).toEqual({
      tariffId: REGISTRATION_MESSAGES.tariffNotHome,
    });
    const numbers = (await dealer.partner.availableNumbers({ limit: 5 })).filter((n) => !n.isReservedByMe);
    expect(
      await fieldErrorsOf(
        dealer.partner.registerSubscriber({
          customer: newSubscriber(),
          tariffId: "trf_home_100",
          msisdn: numbers[0]!.msisdn,
          idempotencyKey: newIdempotencyKey("reg"),
        }),
      ),
    ).toEqual({ tariffId: REGISTRATION_MESSAGES.tariffNotMobile });
    expect(
      (await fieldErrorsOf(dealer.partner.registerSubscriber(homeOrder({ contactPhone: "" }))))["contactPhone"],
    ).toBe(REGISTRATION_MESSAGES.contactPhoneRequired);
    expect(
      (await fieldErrorsOf(dealer.partner.registerSubscriber(homeOrder({ installationAddress: "Химки" }))))[
        "installationAddress"
      ],
    ).toBe(REGISTRATION_MESSAGES.addressTooShort);
  });

  it("lists home-internet tariffs sold to new customers, with their kind", async () => {
    const tariffs = await (await callerAs(DEMO.dealer1)).partner.tariffs({});
    expect(tariffs.filter((tariff) => tariff.kind === "HOME_INTERNET").map((tariff) => tariff.code)).toEqual([
      "HOME_100",
      "HOME_500",
      "HOME_GIGA",
    ]);
    expect(tariffs.some((tariff) => tariff.kind === "MOBILE")).toBe(true);
  });
});
