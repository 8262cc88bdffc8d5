import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { newSubscriber } from "./helpers/partner";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";

type Registered = { customerId: string; orderId: string; accountNumber: string; msisdn: string };
let ofDealer1: Registered;
let ofDealer2: Registered;
let partner1: string;
let partner2: string;

async function register(dealerLogin: string, lastName: string): Promise<Registered> {
  const dealer = await callerAs(dealerLogin);
  const [number] = (await dealer.partner.availableNumbers({ limit: 40 })).filter((n) => !n.isReservedByMe);
  await dealer.partner.reserveNumber({ msisdn: number!.msisdn });
  const registered = await dealer.partner.registerSubscriber({
    customer: newSubscriber({ lastName }),
    tariffId: "trf_smart",
    msisdn: number!.msisdn,
    idempotencyKey: newIdempotencyKey("reg"),
  });
  return { ...registered, msisdn: registered.msisdn! };
}

beforeAll(async () => {
  const db = testDb();
  partner1 = (await db.user.findUniqueOrThrow({ where: { email: DEMO.dealer1 } })).partnerId!;
  partner2 = (await db.user.findUniqueOrThrow({ where: { email: DEMO.dealer2 } })).partnerId!;
  ofDealer1 = await register(DEMO.dealer1, "Первушина");
  ofDealer2 = await register(DEMO.dealer2, "Вторушина");
});

async function allPages<T extends { id: string }>(
  load: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

describe("partner.customers", () => {
  it("lists the dealer's own customers only, newest first, with what a dealer needs and no money", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer1);
    const items = await allPages((cursor) => dealer.partner.customers({ cursor, limit: 10 }));
    expect(items.length).toBe(await db.customer.count({ where: { partnerId: partner1 } }));
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    const owners = await db.customer.findMany({
      where: { id: { in: items.map((item) => item.id) } },
      select: { partnerId: true },
    });
    expect(owners.every((owner) => owner.partnerId === partner1)).toBe(true);
    expect(items.map((item) => item.id)).not.toContain(ofDealer2.customerId);

    const newest = items[0]!;
    expect(newest).toMatchObject({
      id: ofDealer1.customerId,
      accountNumber: ofDealer1.accountNumber,
      name: "Анна Первушина",
      msisdn: ofDealer1.msisdn,
      status: "ACTIVE",
      isActivated: false,
    });
    expect(newest.tariff?.code).toBe("SMART");
    const keys = JSON.stringify(items);
    for (const secret of ["balanceCents", "bills", "payments", "documentNumber", "birthDate", "valueScore"]) {
      expect(keys).not.toContain(secret);
    }
  });

  it("finds a customer by name, account number or phone, within the dealer's own", async () => {
    const one = await callerAs(DEMO.dealer1);
    const two = await callerAs(DEMO.dealer2);
    expect((await one.partner.customers({ search: "первуш" })).items.map((i) => i.id)).toEqual([ofDealer1.customerId]);
    expect((await one.partner.customers({ search: ofDealer1.accountNumber })).items.map((i) => i.id)).toEqual([
      ofDealer1.customerId,
    ]);
    expect(
      (await one.partner.customers({ search: ofDealer1.msisdn.replace("+7", "8") })).items.map((i) => i.id),
    ).toEqual([ofDealer1.customerId]);
    expect((await two.partner.customers({ search: "Первушина" })).items).toEqual([]);
    expect((await two.partner.customers({ search: ofDealer1.accountNumber })).items).toEqual([]);
  });
});

describe("partner.orders", () => {
  it("lists the dealer's own orders only, with number, tariff, status and date", async () => {
    const db = testDb();
    const two = await callerAs(DEMO.dealer2);
    const items = await allPages((cursor) => two.partner.orders({ cursor, limit: 20 }));
    expect(items.length).toBe(await db.order.count({ where: { partnerId: partner2 } }));
    expect(items.map((item) => item.id)).not.toContain(ofDealer1.orderId);
    expect(items[0]).toMatchObject({
      id: ofDealer2.orderId,
      msisdn: ofDealer2.msisdn,
      status: "COMPLETED",
      customer: { id: ofDealer2.customerId, accountNumber: ofDealer2.accountNumber, name: "Анна Вторушина" },
      isActivated: false,
    });
    expect(items[0]!.tariff.code).toBe("SMART");
    expect(items[0]!.createdAt).toBeInstanceOf(Date);
  });
});

describe("partner.orderContract", () => {
  it("renders the contract PDF for the dealer's own order, in Russian or English", async () => {
    const one = await callerAs(DEMO.dealer1);
    for (const locale of ["ru", "en"] as const) {
      const contract = await one.partner.orderContract({ orderId: ofDealer1.orderId, locale });
      const pdf = Buffer.from(contract.contentBase64, "base64");
      expect(contract.contentType).toBe("application/pdf");
      expect(contract.fileName).toBe(`contract-${ofDealer1.accountNumber}.pdf`);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(10_000); // embedded DejaVu subset
    }
  });

  it("answers NOT_FOUND for another dealer's order and for an unknown id", async () => {
    const two = await callerAs(DEMO.dealer2);
    await expect(two.partner.orderContract({ orderId: ofDealer1.orderId })).toHaveTRPCCode("NOT_FOUND");
    await expect(two.partner.orderContract({ orderId: "ord_missing" })).toHaveTRPCCode("NOT_FOUND");
  });
});

describe("partner.figures", () => {
  it("counts the dealer's own registrations per day and per month, without gaps", async () => {
    const db = testDb();
    const one = await callerAs(DEMO.dealer1);
    const figures = await one.partner.figures({});
    expect(figures.perDay).toHaveLength(30);
    expect(figures.perMonth).toHaveLength(12);
    expect(figures.today).toBeGreaterThanOrEqual(1);
    expect(figures.thisMonth).toBeGreaterThanOrEqual(figures.today);
    expect(figures.customers).toBe(await db.customer.count({ where: { partnerId: partner1 } }));

    const monthStart = new Date(`${figures.perMonth[11]!.month}-01T00:00:00+03:00`);
    expect(figures.thisMonth).toBe(
      await db.order.count({ where: { partnerId: partner1, createdAt: { gte: monthStart } } }),
    );

    // A registration by the other dealer moves only the other dealer's figures.
    const before = await (await callerAs(DEMO.dealer2)).partner.figures({});
    await register(DEMO.dealer1, "Третьякова");
    expect((await one.partner.figures({})).today).toBe(figures.today + 1);
    expect((await (await callerAs(DEMO.dealer2)).partner.figures({})).today).toBe(before.today);
  });
});

describe("role walls", () => {
  it("answers FORBIDDEN to every other role on every partner procedure", async () => {
    for (const who of [DEMO.platinum, DEMO.agent1, DEMO.admin]) {
      const caller = await callerAs(who);
      const calls = [
        caller.partner.tariffs({}),
        caller.partner.customers({}),
        caller.partner.orders({}),
        caller.partner.figures({}),
        caller.partner.creditCheck({ documentNumber: "4510 123456", birthDate: "1990-01-01", tariffId: "trf_start" }),
        caller.partner.orderContract({ orderId: ofDealer1.orderId }),
        caller.partner.reissueActivationCode({ orderId: ofDealer1.orderId, idempotencyKey: "reissue-12345678" }),
      ];
      for (const call of calls) await expect(call).toHaveTRPCCode("FORBIDDEN");
    }
    await expect((await callerAs(null)).partner.customers({})).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("partner.tariffs", () => {
  it("offers only tariffs sold to new customers: mobile ones, then home internet (no retired or segment-only ones)", async () => {
    const tariffs = await (await callerAs(DEMO.dealer1)).partner.tariffs({});
    const codes = tariffs.map((tariff) => `${tariff.kind}:${tariff.code}`);
    expect(codes).toEqual([
      "MOBILE:START",
      "MOBILE:FAMILY",
      "MOBILE:SMART",
      "MOBILE:SMART_PLUS",
      "MOBILE:UNLIMITED",
      "HOME_INTERNET:HOME_100",
      "HOME_INTERNET:HOME_500",
      "HOME_INTERNET:HOME_GIGA",
    ]);
  });
});
