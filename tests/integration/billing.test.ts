import { runOnce } from "graphile-worker";
import { beforeAll, describe, expect, it } from "vitest";
import { taxOn } from "../../server/domain/billing/bill-math";
import { billCustomers, markOverdueBills, planBillRun, runBillRun } from "../../server/domain/billing/bill-run.service";
import { currentCycle } from "../../server/domain/billing/cycle";
import { enqueueJob } from "../../server/domain/job-queue/enqueue.service";
import { taskList } from "../../server/jobs/tasks";
import { callerAs, DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";
import { demoCustomer } from "./helpers/money";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";
import { applyPendingCommands } from "./helpers/provisioning";

const DAY = 86_400_000;
const cycle = currentCycle(1, new Date());
/** The coming cycle start: the bill run then bills the current cycle. */
const runAt = new Date(cycle.end.getTime() + 5 * 60_000);

describe("the monthly bill run", () => {
  let billed = 0;
  let silverChange: { prorationCreditCents: number; prorationChargeCents: number } | null = null;
  let platinumBalanceBefore = 0;

  beforeAll(async () => {
    const db = testDb();
    // Facts this cycle must show on the bills: an immediate tariff change and heavy data use.
    const silver = await demoCustomer(DEMO.silver);
    const startLine = silver.line("+79001000013");
    silverChange = await (
      await callerAs(DEMO.silver)
    ).tariff.change({
      lineId: startLine.id,
      tariffId: "trf_smart",
      effective: "IMMEDIATE",
      idempotencyKey: newIdempotencyKey("run-change"),
    });
    // The change is billed once the network has confirmed it.
    await applyPendingCommands(startLine.id);
    const bronze = await demoCustomer(DEMO.bronze);
    const bronzeLine = bronze.line(DEMO.bronze);
    await db.usageRecord.deleteMany({ where: { lineId: bronzeLine.id, date: { gte: cycle.start } } });
    await db.usageRecord.createMany({
      data: [0, 1, 2].map((i) => ({
        lineId: bronzeLine.id,
        date: new Date(cycle.start.getTime() + i * DAY),
        minutes: 10,
        sms: 0,
        dataMb: 2_000,
      })),
    });
    platinumBalanceBefore = (await demoCustomer(DEMO.platinum)).customer.balanceCents;
    billed = (await runBillRun(db, runAt)).billed;
  });

  it("bills every customer with service once, and a second run bills no one", async () => {
    const db = testDb();
    const expected = await db.customer.count({
      where: {
        status: { not: "CLOSED" },
        lines: { some: { status: { not: "TERMINATED" }, activatedAt: { lt: cycle.end } } },
      },
    });
    expect(billed).toBe(expected);
    expect(await db.bill.count({ where: { periodStart: cycle.start } })).toBe(expected);
    expect(await runBillRun(db, runAt)).toEqual({ billed: 0, skipped: 0 });
    expect(await planBillRun(db, runAt)).toEqual([]);
    // Even a slice run again directly (a retried job) skips the customers it already billed.
    const someone = await db.bill.findFirstOrThrow({ where: { periodStart: cycle.start } });
    expect(await billCustomers(db, { periodStart: cycle.start, customerIds: [someone.customerId] }, runAt)).toEqual({
      billed: 0,
      skipped: 1,
    });
    expect(await db.bill.count({ where: { periodStart: cycle.start } })).toBe(expected);
  });

  it("makes every bill's lines add up to its total, with tax from the configuration", async () => {
    const db = testDb();
    const bills = await db.bill.findMany({ where: { periodStart: cycle.start }, include: { lines: true } });
    for (const bill of bills) {
      expect(bill.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(bill.totalCents);
      expect(bill.taxCents).toBe(taxOn(bill.subtotalCents, 2000));
      expect(bill.lines.filter((line) => line.kind === "TAX")).toHaveLength(1);
      expect(bill.dueAt.getTime() - bill.issuedAt.getTime()).toBe(14 * DAY);
    }
  });

  it("charges the PLATINUM customer's four subscriptions, and raises the balance by the total", async () => {
    const db = testDb();
    const { customer } = await demoCustomer(DEMO.platinum);
    const bill = await db.bill.findFirstOrThrow({
      where: { customerId: customer.id, periodStart: cycle.start },
      include: { lines: true },
    });
    const fees = bill.lines
      .filter((line) => line.kind === "SUBSCRIPTION")
      .map((line) => line.amountCents)
      .sort((a, b) => a - b);
    expect(fees).toEqual([75_000, 110_000, 120_000, 250_000]);
    expect(bill.number).toBe(`${cycle.start.toISOString().slice(0, 7)}-${customer.accountNumber}`);
    const after = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(after.balanceCents).toBe(platinumBalanceBefore + bill.totalCents);
  });

  it("prices overage from the usage records", async () => {
    const db = testDb();
    const { customer } = await demoCustomer(DEMO.bronze);
    const bill = await db.bill.findFirstOrThrow({
      where: { customerId: customer.id, periodStart: cycle.start },
      include: { lines: true },
    });
    // START: 5 120 MB included, 6 000 MB used: 880 MB over = 9 started blocks of 100 MB at 15 ₽.
    const overage = bill.lines.filter((line) => line.kind === "OVERAGE");
    expect(overage.map((line) => [line.quantity, line.amountCents])).toEqual([[9, 9 * 1_500]]);
    expect(bill.subtotalCents).toBe(35_000 + 9 * 1_500);
  });

  it("bills an immediate tariff change as the old fee, its credit and the new charge", async () => {
    const db = testDb();
    const { customer, line } = await demoCustomer(DEMO.silver);
    const bill = await db.bill.findFirstOrThrow({
      where: { customerId: customer.id, periodStart: cycle.start },
      include: { lines: { where: { lineId: line("+79001000013").id } } },
    });
    const items = bill.lines.filter((item) => item.kind !== "OVERAGE").map((item) => [item.kind, item.amountCents]);
    expect(items).toEqual([
      ["SUBSCRIPTION", 35_000],
      ["PRORATION", -silverChange!.prorationCreditCents],
      ["PRORATION", silverChange!.prorationChargeCents],
    ]);
  });

  it("tells each subscriber their bill is ready, linking to it", async () => {
    const db = testDb();
    const { customer, user } = await demoCustomer(DEMO.platinum);
    const bill = await db.bill.findFirstOrThrow({ where: { customerId: customer.id, periodStart: cycle.start } });
    const notification = await db.notification.findFirstOrThrow({
      where: { userId: user.id, kind: "BILL_ISSUED", url: `/bills/${bill.id}` },
    });
    expect(notification.title.length).toBeGreaterThan(0);
  });

  it("explains the new bill against the previous one, line by line", async () => {
    const { customer } = await demoCustomer(DEMO.bronze);
    const db = testDb();
    const bill = await db.bill.findFirstOrThrow({ where: { customerId: customer.id, periodStart: cycle.start } });
    const explanation = await (await callerAs(DEMO.bronze)).bill.explain({ id: bill.id });
    expect(explanation.hasPrevious).toBe(true);
    expect(explanation.deltaCents).toBe(bill.totalCents - explanation.previousTotalCents);
    const changes = explanation.lines.flatMap((line) => line.changes);
    expect(changes.reduce((sum, change) => sum + change.deltaCents, 0)).toBe(explanation.deltaCents);
    expect(changes.map((change) => change.reason)).toContain("OVERAGE_NEW");
    await expect((await callerAs(DEMO.silver)).bill.explain({ id: bill.id })).toHaveTRPCCode("NOT_FOUND");
  });

  it("runs from the job queue: billing:run fans out into batches, one bill per customer and period", async () => {
    const db = testDb();
    // A month later the run bills the cycle that starts at runAt.
    const later = new Date(cycle.end.getTime() + 40 * DAY);
    const period = currentCycle(1, later);
    const nextStart = currentCycle(1, new Date(period.start.getTime() - 1)).start;
    expect(nextStart.toISOString()).toBe(cycle.end.toISOString());
    await enqueueJob(db, "billing:run", { at: period.start.toISOString() });
    await enqueueJob(db, "billing:run", { at: period.start.toISOString() });
    process.env.DATABASE_URL = testDatabaseUrl();
    await runOnce({ connectionString: testDatabaseUrl(), taskList });
    await runOnce({ connectionString: testDatabaseUrl(), taskList });
    expect(await db.bill.count({ where: { periodStart: cycle.end } })).toBe(billed);
    const left = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier LIKE 'billing:%'`;
    expect(Number(left[0]?.n)).toBe(0);
  });
});

describe("overdue bills", () => {
  it("marks unpaid bills past their due date OVERDUE and leaves paid ones alone", async () => {
    const db = testDb();
    const bills = await db.bill.findMany({ where: { periodStart: cycle.start }, take: 2, orderBy: { id: "asc" } });
    const [unpaid, paid] = bills;
    await db.bill.update({ where: { id: paid!.id }, data: { paidCents: paid!.totalCents, status: "PAID" } });
    const afterDue = new Date(unpaid!.dueAt.getTime() + 1);
    const earliest = await db.bill.findFirstOrThrow({
      where: { status: { in: ["ISSUED", "PARTIALLY_PAID"] } },
      orderBy: { dueAt: "asc" },
    });
    expect(await markOverdueBills(db, earliest.dueAt)).toBe(0);
    expect(await markOverdueBills(db, afterDue)).toBeGreaterThanOrEqual(1);
    expect((await db.bill.findUniqueOrThrow({ where: { id: unpaid!.id } })).status).toBe("OVERDUE");
    expect((await db.bill.findUniqueOrThrow({ where: { id: paid!.id } })).status).toBe("PAID");
  });
});

describe("bill.list", () => {
  it("lists only the caller's bills, newest first, a page at a time", async () => {
    const db = testDb();
    const { customer } = await demoCustomer(DEMO.platinum);
    const caller = await callerAs(DEMO.platinum);
    const all = await db.bill.findMany({
      where: { customerId: customer.id },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.bill.list>> = await caller.bill.list({ limit: 5, cursor });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((bill) => bill.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((bill) => bill.id));
    const firstPage = await caller.bill.list();
    expect(firstPage.items.every((bill) => all.some((own) => own.id === bill.id))).toBe(true);
  });

  it("refuses a limit outside 1..100 and a forged cursor with BAD_REQUEST naming the field", async () => {
    const caller = await callerAs(DEMO.silver);
    for (const limit of [0, 101, -1, 2.5])
      expect(Object.keys(await fieldErrorsOf(caller.bill.list({ limit })))).toEqual(["limit"]);
    expect(Object.keys(await fieldErrorsOf(caller.bill.list({ cursor: "not-a-cursor" })))).toEqual(["cursor"]);
    expect((await caller.bill.list({ limit: 100 })).items.length).toBeGreaterThan(0);
  });

  it("is FORBIDDEN for staff and dealers and UNAUTHORIZED anonymously", async () => {
    for (const login of [DEMO.agent1, DEMO.dealer1, DEMO.admin])
      await expect((await callerAs(login)).bill.list()).toHaveTRPCCode("FORBIDDEN");
    await expect((await callerAs(null)).bill.list()).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("bill.byId and bill.pdf", () => {
  it("shows a bill with lines, groups and payments; the page's recordView records one view per half hour", async () => {
    const db = testDb();
    const { customer } = await demoCustomer(DEMO.silver);
    const bill = await db.bill.findFirstOrThrow({
      where: { customerId: customer.id, payments: { some: {} } },
      orderBy: { issuedAt: "desc" },
    });
    const caller = await callerAs(DEMO.silver);
    const view = await caller.bill.byId({ id: bill.id });
    expect(view).toMatchObject({ id: bill.id, number: bill.number, totalCents: bill.totalCents });
    expect(view.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(bill.totalCents);
    expect(view.groups.reduce((sum, group) => sum + group.totalCents, 0)).toBe(bill.subtotalCents);
    expect(view.payments.length).toBeGreaterThan(0);
    await caller.bill.byId({ id: bill.id });
    expect(await caller.bill.recordView({ billId: bill.id })).toEqual({ recorded: true });
    expect(await caller.bill.recordView({ billId: bill.id })).toEqual({ recorded: false });
    expect(
      await db.interaction.count({
        where: {
          customerId: customer.id,
          type: "BILL_VIEWED",
          data: { path: ["billId"], equals: bill.id },
          at: { gte: new Date(Date.now() - 60_000) },
        },
      }),
    ).toBe(1);
  });

  it("renders the PDF for the owner in their language and records the download", async () => {
    const db = testDb();
    const { customer } = await demoCustomer(DEMO.platinum);
    const bill = await db.bill.findFirstOrThrow({ where: { customerId: customer.id }, orderBy: { issuedAt: "desc" } });
    const caller = await callerAs(DEMO.platinum, { channel: "PWA" });
    for (const locale of ["ru", "en"] as const) {
      const pdf = await caller.bill.pdf({ id: bill.id, locale });
      const bytes = Buffer.from(pdf.contentBase64, "base64");
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(bytes.toString("latin1")).toContain(`(${bill.number})`);
      expect(pdf.filename).toBe(`bill-${bill.number}.pdf`);
    }
    expect(
      await db.interaction.count({ where: { customerId: customer.id, type: "BILL_PDF_DOWNLOADED", channel: "PWA" } }),
    ).toBe(2);
  });

  it("answers NOT_FOUND for another customer's bill, FORBIDDEN for other roles", async () => {
    const db = testDb();
    const { customer } = await demoCustomer(DEMO.platinum);
    const bill = await db.bill.findFirstOrThrow({ where: { customerId: customer.id } });
    const silver = await callerAs(DEMO.silver);
    await expect(silver.bill.byId({ id: bill.id })).toHaveTRPCCode("NOT_FOUND");
    await expect(silver.bill.pdf({ id: bill.id })).toHaveTRPCCode("NOT_FOUND");
    for (const login of [DEMO.agent1, DEMO.dealer1, DEMO.admin]) {
      const caller = await callerAs(login);
      await expect(caller.bill.byId({ id: bill.id })).toHaveTRPCCode("FORBIDDEN");
      await expect(caller.bill.pdf({ id: bill.id })).toHaveTRPCCode("FORBIDDEN");
      await expect(caller.bill.explain({ id: bill.id })).toHaveTRPCCode("FORBIDDEN");
    }
  });
});

describe("account.summary", () => {
  it("shows balance, next bill date, lines with usage, 30 days of usage, and alerts", async () => {
    const db = testDb();
    const { customer, line } = await demoCustomer(DEMO.bronze);
    const bronzeLine = line(DEMO.bronze);
    const summary = await (await callerAs(DEMO.bronze)).account.summary();
    expect(summary.balanceCents).toBe(
      (await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).balanceCents,
    );
    expect(summary.nextBillDate.toISOString()).toBe(cycle.end.toISOString());
    const summaryLine = summary.lines.find((l) => l.id === bronzeLine.id)!;
    expect(summaryLine.tariff.code).toBe("START");
    expect(summaryLine.dailyUsage.length).toBeGreaterThan(0);
    expect(summaryLine.dailyUsage.length).toBeLessThanOrEqual(30);
    // 6 000 MB of 5 120 MB: over the allowance.
    expect(summary.alerts).toContainEqual(
      expect.objectContaining({ kind: "ALLOWANCE_EXCEEDED", lineId: bronzeLine.id, resource: "dataMb", percent: 117 }),
    );
    expect(summary.alerts.some((alert) => alert.kind === "OVERDUE_BILL")).toBe(true);
  });

  it("is FORBIDDEN for other roles", async () => {
    for (const login of [DEMO.agent1, DEMO.dealer1, DEMO.admin])
      await expect((await callerAs(login)).account.summary()).toHaveTRPCCode("FORBIDDEN");
  });
});
