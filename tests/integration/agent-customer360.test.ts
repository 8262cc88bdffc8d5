import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withKysely, type Database } from "../../server/db/client";
import { getCustomer360 } from "../../server/domain/agent/customer-360.service";
import { callerAs, customerIdOf, DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";

let platinumId: string;
let bronzeId: string;

beforeAll(async () => {
  [platinumId, bronzeId] = await Promise.all([customerIdOf(DEMO.platinum), customerIdOf(DEMO.bronze)]);
});

describe("agent.customer360", () => {
  it("holds everything about the customer in one answer", async () => {
    const view = await (await callerAs(DEMO.agent1)).agent.customer360({ customerId: platinumId });
    expect(view.customer).toMatchObject({
      id: platinumId,
      firstName: "Андрей",
      lastName: "Соколов",
      documentNumberMasked: "•••• ••8275",
    });
    expect(JSON.stringify(view)).not.toContain("4503 418275");
    expect(view.customer.personalManager?.name).toBe("Мария Ковалёва");
    expect(view.customer.login).toMatchObject({ phone: DEMO.platinum, isActivated: true });
    expect(view.customer.tenureMonths).toBeGreaterThan(100);
    expect(view.value).toMatchObject({ segment: "PLATINUM" });
    expect(view.value.score).toBeGreaterThanOrEqual(80);

    expect(view.lines.map((line) => line.msisdn)).toEqual(
      expect.arrayContaining([DEMO.platinum, "+79001000011", "+79001000021"]),
    );
    expect(view.lines.some((line) => line.kind === "HOME_INTERNET")).toBe(true);
    for (const line of view.lines) {
      expect(line.tariff.monthlyFeeCents).toBeGreaterThan(0);
      expect(Number.isInteger(line.usage.dataMb.used)).toBe(true);
    }
    const usedSomething = view.lines.some((line) => line.usage.dataMb.used > 0 || line.usage.minutes.used > 0);
    expect(usedSomething).toBe(true);

    expect(view.bills.length).toBe(12);
    const issued = view.bills.map((bill) => bill.issuedAt.getTime());
    expect(issued).toEqual([...issued].sort((a, b) => b - a));
    for (const bill of view.bills) {
      expect(bill.totalCents).toBe(bill.subtotalCents + bill.taxCents);
      expect(bill.lines.length).toBeGreaterThan(0);
    }
    expect(view.payments.length).toBeGreaterThan(0);
    expect(
      view.payments.every((payment) => view.bills.some((bill) => bill.id === payment.billId) || payment.billNumber),
    ).toBe(true);
    expect(view.requests.length).toBeGreaterThan(0);
    expect(view.interactions.length).toBeGreaterThan(0);
    const channels = new Set(view.interactions.map((interaction) => interaction.channel));
    expect(channels.size).toBeGreaterThan(1);
    const times = view.interactions.map((interaction) => interaction.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("shows the same usage, balance and bills the subscriber sees", async () => {
    const view = await (await callerAs(DEMO.agent1)).agent.customer360({ customerId: platinumId });
    const summary = await (await callerAs(DEMO.platinum)).account.summary();
    expect(view.customer.balanceCents).toBe(summary.balanceCents);
    expect(view.cycle.end).toEqual(summary.nextBillDate);
    for (const line of summary.lines) {
      const seen = view.lines.find((candidate) => candidate.id === line.id);
      expect(seen?.usage.minutes.used).toBe(line.usage.minutes.used);
      expect(seen?.usage.sms.used).toBe(line.usage.sms.used);
      expect(seen?.usage.dataMb.used).toBe(line.usage.dataMb.used);
      expect(seen?.tariff.id).toBe(line.tariff.id);
    }
    const bills = await (await callerAs(DEMO.platinum)).bill.list({ limit: 12 });
    expect(view.bills.map((bill) => bill.id)).toEqual(bills.items.map((bill: { id: string }) => bill.id));
    expect(view.bills[0]!.issuedAt).toEqual(bills.items[0]!.issuedAt);
  });

  it("pages the contact history further back", async () => {
    const agent = await callerAs(DEMO.agent1);
    const first = await agent.agent.interactions({ customerId: platinumId, limit: 10 });
    expect(first.nextCursor).not.toBeNull();
    const second = await agent.agent.interactions({ customerId: platinumId, limit: 10, cursor: first.nextCursor! });
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(20);
    expect(second.items[0]!.at.getTime()).toBeLessThanOrEqual(first.items[9]!.at.getTime());
    await expect(agent.agent.interactions({ customerId: platinumId, cursor: "nope" })).toHaveTRPCCode("BAD_REQUEST");
  });

  it("shows an agent's own actions in the timeline, on channel PHONE", async () => {
    const db = testDb();
    const bill = await db.bill.findFirstOrThrow({ where: { customerId: bronzeId }, orderBy: { issuedAt: "desc" } });
    const agent = await callerAs(DEMO.agent2);
    await agent.agent.adjustBill({
      billId: bill.id,
      amountCents: -1_000,
      reason: "Goodwill",
      idempotencyKey: newIdempotencyKey("t360"),
    });
    const view = await agent.agent.customer360({ customerId: bronzeId });
    expect(view.interactions[0]).toMatchObject({
      channel: "PHONE",
      type: "BILL_ADJUSTED",
      actor: { name: "Алексей Орлов" },
    });
    expect(view.bills.find((b) => b.id === bill.id)?.adjustments).toEqual([
      expect.objectContaining({ amountCents: -1_000, status: "APPLIED" }),
    ]);
  });

  it("answers NOT_FOUND for a customer that does not exist", async () => {
    await expect((await callerAs(DEMO.agent1)).agent.customer360({ customerId: "cus_missing" })).toHaveTRPCCode(
      "NOT_FOUND",
    );
  });

  describe("SQL statements per call", () => {
    let pool: pg.Pool;
    let counted: Database;
    let statements = 0;

    beforeAll(() => {
      pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });
      pool.on("error", () => {});
      const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
      prisma.$on("query", () => {
        statements += 1;
      });
      counted = withKysely(prisma);
    });
    afterAll(async () => {
      await counted.$disconnect();
    });

    async function count(customerId: string) {
      statements = 0;
      await getCustomer360(counted, customerId);
      return statements;
    }

    it("is one statement for a customer with a long history as for a new one (no query per row)", async () => {
      expect(await count(platinumId)).toBe(1);
      expect(await count(bronzeId)).toBe(1);
    });
  });
});

describe("agent.searchCustomers", () => {
  it.each([
    ["+79001000001"],
    ["+7 900 100-00-01"],
    ["8 (900) 100-00-01"],
    ["89001000001"],
    ["9001000001"],
    ["+7 900 100-00-11"],
  ])("finds the platinum customer by the phone %s", async (query) => {
    const { items } = await (await callerAs(DEMO.agent1)).agent.searchCustomers({ query });
    expect(items.map((item) => item.id)).toEqual([platinumId]);
  });

  it("finds by account number and by name in any case and order", async () => {
    const platinum = await testDb().customer.findUniqueOrThrow({ where: { id: platinumId } });
    const agent = await callerAs(DEMO.agent1);
    expect((await agent.agent.searchCustomers({ query: platinum.accountNumber })).items.map((i) => i.id)).toEqual([
      platinumId,
    ]);
    for (const query of ["Соколов Андрей", "андрей соколов", "соколов андр"]) {
      const { items } = await agent.agent.searchCustomers({ query });
      expect(items.map((i) => i.id)).toContain(platinumId);
      expect(
        items.every(
          (i) => /^соколов/i.test(i.lastName) || /^соколов/i.test(i.firstName) || /^соколов/i.test(i.middleName ?? ""),
        ),
      ).toBe(true);
    }
  });

  it.each([
    ["a surname alone (the usual case)", "Соколов"],
    ["a first name alone", "Андрей"],
    ["a surname in another case", "СОКОЛОВ"],
    ["the start of a surname", "соко"],
    ["a surname with stray punctuation", "Соколов,"],
    ["two words", "Соколов Андрей"],
    ["two words the other way round", "андрей соколов"],
  ])("finds the platinum customer by %s", async (_label, query) => {
    const { items } = await (await callerAs(DEMO.agent1)).agent.searchCustomers({ query });
    expect(items.map((i) => i.id)).toContain(platinumId);
  });

  it.each([["!!"], ["%%"], ["__"], [", ,"], ["''"], ["--"]])(
    "answers an empty list for a query of no letters (%s), never a 500",
    async (query) => {
      const { items } = await (await callerAs(DEMO.agent1)).agent.searchCustomers({ query });
      expect(items).toEqual([]);
    },
  );

  it("finds by e-mail in any case", async () => {
    const { items } = await (await callerAs(DEMO.agent1)).agent.searchCustomers({ query: "Andrey.Sokolov@EXAMPLE.ru" });
    expect(items.map((i) => i.id)).toEqual([platinumId]);
  });

  it("finds nobody for an unknown number, and refuses a one-letter query", async () => {
    const agent = await callerAs(DEMO.agent1);
    expect((await agent.agent.searchCustomers({ query: "+7 999 000-00-00" })).items).toEqual([]);
    await expect(agent.agent.searchCustomers({ query: "a" })).toHaveTRPCCode("BAD_REQUEST");
  });
});
