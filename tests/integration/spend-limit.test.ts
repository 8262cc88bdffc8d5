import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { handleUsagePost } from "../../server/api/usage-api";
import { currentCycle } from "../../server/domain/billing/cycle";
import { checkSpendOfLines, evaluateLockedLine, resetSpendCycles } from "../../server/domain/spend/spend-check.service";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";
import { applyPendingCommands } from "./helpers/provisioning";
import { withKysely, type Database } from "../../server/db/client";
import { getAccountSummary } from "../../server/domain/account/account.service";

const TOKEN = "spend-usage-token-0123456789";
const ROAMING_PASS = "add_roam_europe_1d"; // 499.00 ₽, on every tariff

async function mobileLineOf(phone: string) {
  return testDb().line.findFirstOrThrow({
    where: { customerId: await customerIdOf(phone), kind: "MOBILE" },
    include: { tariff: true, customer: true },
    orderBy: { activatedAt: "asc" },
  });
}

/** The line starts the test with nothing spent this cycle: the seed's usage and purchases of the cycle moved out. */
async function clearCycleSpend(lineId: string) {
  const line = await testDb().line.findUniqueOrThrow({ where: { id: lineId }, include: { customer: true } });
  const cycle = currentCycle(line.customer.billingDay, new Date());
  await testDb().usageRecord.deleteMany({ where: { lineId, date: { gte: cycle.start } } });
  await testDb().lineAddon.updateMany({
    where: { lineId, createdAt: { gte: cycle.start } },
    data: { createdAt: new Date(cycle.start.getTime() - 86_400_000) },
  });
  return cycle;
}

async function spendOf(phone: string, lineId: string) {
  const summary = await (await callerAs(phone)).account.summary();
  return summary.lines.find((line) => line.id === lineId)!.spendLimit;
}

async function queuedSpendChecks(lineId: string) {
  const { rows } = await sql<{ payload: { lineIds: string[] } }>`
    SELECT j.payload FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE t.identifier = 'spend:check'`.execute(testDb().$kysely);
  return rows.filter((row) => row.payload.lineIds.includes(lineId));
}

const buy = async (phone: string, lineId: string) =>
  (await callerAs(phone)).addon.buy({ lineId, addonId: ROAMING_PASS, idempotencyKey: newIdempotencyKey("spend") });

describe("line.setSpendLimit", () => {
  it("sets, replays, races and removes the cap, recording one interaction per change", async () => {
    const caller = await callerAs(DEMO.bronze);
    const line = await mobileLineOf(DEMO.bronze);
    await clearCycleSpend(line.id);
    const set = await caller.line.setSpendLimit({ lineId: line.id, limitCents: 100_000 });
    expect(set).toMatchObject({ limitCents: 100_000, spentCents: 0, leftCents: 100_000, barred: false, alert: null });
    await caller.line.setSpendLimit({ lineId: line.id, limitCents: 100_000, idempotencyKey: newIdempotencyKey("s") });
    const [a, b] = await Promise.all([
      caller.line.setSpendLimit({ lineId: line.id, limitCents: 150_000 }),
      caller.line.setSpendLimit({ lineId: line.id, limitCents: 150_000 }),
    ]);
    expect([a.limitCents, b.limitCents]).toEqual([150_000, 150_000]);
    const customerId = await customerIdOf(DEMO.bronze);
    expect(await testDb().interaction.count({ where: { customerId, type: "SPEND_LIMIT_SET", channel: "WEB" } })).toBe(
      2,
    );
    expect(await spendOf(DEMO.bronze, line.id)).toMatchObject({ limitCents: 150_000, spentCents: 0 });

    await caller.line.setSpendLimit({ lineId: line.id, limitCents: null });
    expect(await spendOf(DEMO.bronze, line.id)).toMatchObject({ limitCents: null, barred: false, alert: null });
    expect(await testDb().interaction.count({ where: { customerId, type: "SPEND_LIMIT_REMOVED" } })).toBe(1);
    // No cap means no bar: nothing was sent to the network.
    expect(
      await testDb().provisioningCommand.count({
        where: { lineId: line.id, kind: { in: ["SPEND_BAR", "SPEND_UNBAR"] } },
      }),
    ).toBe(0);
  });

  it("answers NOT_FOUND for a foreign line and BAD_REQUEST with the field for a bad amount", async () => {
    const caller = await callerAs(DEMO.bronze);
    const foreign = await mobileLineOf(DEMO.platinum);
    await expect(caller.line.setSpendLimit({ lineId: foreign.id, limitCents: 1_000 })).toHaveTRPCCode("NOT_FOUND");
    expect((await testDb().line.findUniqueOrThrow({ where: { id: foreign.id } })).spendLimitCents).toBeNull();
    const own = await mobileLineOf(DEMO.bronze);
    for (const limitCents of [-1, 10.5, 1e12]) {
      await expect(caller.line.setSpendLimit({ lineId: own.id, limitCents })).toHaveTRPCCode("BAD_REQUEST");
    }
  });
});

describe("spending limit alerts and bar", () => {
  it("alerts at 80% once, bars at 100% and refuses purchases, and unbars when the cap is raised or the cycle turns", async () => {
    const db = testDb();
    const caller = await callerAs(DEMO.silver);
    const line = await mobileLineOf(DEMO.silver);
    const cycle = await clearCycleSpend(line.id);
    const userId = await userIdOf(DEMO.silver);
    await caller.line.setSpendLimit({ lineId: line.id, limitCents: 60_000 });

    // 499 of 600 is 83%: the purchase fits, and its check job raises the 80% alert.
    await buy(DEMO.silver, line.id);
    expect(await queuedSpendChecks(line.id)).toHaveLength(1);
    await checkSpendOfLines(db, [line.id]);
    await checkSpendOfLines(db, [line.id]);
    expect(await db.spendAlert.findMany({ where: { lineId: line.id }, select: { threshold: true } })).toEqual([
      { threshold: 80 },
    ]);
    expect(await db.notification.count({ where: { userId, kind: "SPEND_LIMIT" } })).toBe(1);
    const texts = await db.smsMessage.findMany({ where: { to: line.msisdn!, body: { contains: "80%" } } });
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toMatch(/499[.,]00 .*600[.,]00/);
    expect(await spendOf(DEMO.silver, line.id)).toMatchObject({
      limitCents: 60_000,
      spentCents: 49_900,
      leftCents: 10_100,
      alert: 80,
      barred: false,
    });

    // A second pass would take the spend over the cap: refused, saying what is left.
    const refused = buy(DEMO.silver, line.id);
    await expect(refused).toHaveTRPCCode("PRECONDITION_FAILED");
    await expect(buy(DEMO.silver, line.id)).rejects.toThrow(/101[.,]00/);

    // Lowered below the spend: 100% at once, and the network bars the extras.
    await caller.line.setSpendLimit({ lineId: line.id, limitCents: 40_000 });
    const bar = await db.provisioningCommand.findFirstOrThrow({ where: { lineId: line.id, kind: "SPEND_BAR" } });
    expect(bar.sourceKey).toBe(`spend-bar:${line.id}:${cycle.start.toISOString().slice(0, 10)}`);
    expect(await spendOf(DEMO.silver, line.id)).toMatchObject({ alert: 100, barred: false, pending: true });
    await applyPendingCommands(line.id);
    expect(await spendOf(DEMO.silver, line.id)).toMatchObject({ alert: 100, barred: true, pending: false });
    expect(await db.notification.count({ where: { userId, kind: "SPEND_LIMIT" } })).toBe(2);
    await expect(buy(DEMO.silver, line.id)).toHaveTRPCCode("PRECONDITION_FAILED");
    await checkSpendOfLines(db, [line.id]);
    expect(await db.provisioningCommand.count({ where: { lineId: line.id, kind: "SPEND_BAR" } })).toBe(1);

    // Raised above the spend: unbarred, and a purchase goes through.
    await caller.line.setSpendLimit({ lineId: line.id, limitCents: 200_000 });
    expect(await db.provisioningCommand.count({ where: { lineId: line.id, kind: "SPEND_UNBAR" } })).toBe(1);
    await applyPendingCommands(line.id);
    expect(await spendOf(DEMO.silver, line.id)).toMatchObject({ barred: false, alert: null, spentCents: 49_900 });
    await buy(DEMO.silver, line.id);

    // Barred again, then the cycle turns: the spend starts from zero and the bar lifts.
    await caller.line.setSpendLimit({ lineId: line.id, limitCents: 50_000 });
    await applyPendingCommands(line.id);
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).spendBarredAt).not.toBeNull();
    expect(await db.provisioningCommand.count({ where: { lineId: line.id, kind: "SPEND_BAR" } })).toBe(2);
    expect(await resetSpendCycles(db)).toBe(0);
    expect(await resetSpendCycles(db, new Date(cycle.end.getTime() + 3_600_000))).toBe(1);
    await applyPendingCommands(line.id);
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).spendBarredAt).toBeNull();
  });
});

describe("usage ingestion and the spending limit", () => {
  let previousToken: string | undefined;
  beforeAll(() => {
    previousToken = process.env.USAGE_API_TOKEN;
    process.env.USAGE_API_TOKEN = TOKEN;
  });
  afterAll(() => {
    process.env.USAGE_API_TOKEN = previousToken;
  });

  const post = (records: unknown[]) =>
    handleUsagePost(
      new Request("http://localhost/api/usage", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ records }),
      }),
      testDb(),
    );

  it("a batch that takes a capped line past 80% queues one check, whose job raises the alert", async () => {
    const db = testDb();
    const line = await testDb().line.findFirstOrThrow({
      where: {
        customerId: await customerIdOf(DEMO.platinum),
        kind: "MOBILE",
        status: "ACTIVE",
        tariff: { minutes: { not: null }, minuteCents: { gt: 0 } },
      },
      include: { tariff: true },
    });
    await clearCycleSpend(line.id);
    const { minuteCents, minutes } = line.tariff;
    expect(minutes).not.toBeNull();
    expect(minuteCents).toBeGreaterThan(0);
    await (await callerAs(DEMO.platinum)).line.setSpendLimit({ lineId: line.id, limitCents: 10 * minuteCents });

    const at = new Date().toISOString();
    // The allowance and 9 minutes more: 90% of a cap of 10 minutes' overage.
    const calls = [
      { id: `spend-cdr-a-${line.id}`, msisdn: line.msisdn, kind: "VOICE", amount: minutes! * 60, at },
      { id: `spend-cdr-b-${line.id}`, msisdn: line.msisdn, kind: "VOICE", amount: 9 * 60, at },
    ];
    expect(await queuedSpendChecks(line.id)).toHaveLength(0);
    expect((await post(calls)).status).toBe(200);
    expect((await post(calls)).status).toBe(200);
    const jobs = await queuedSpendChecks(line.id);
    expect(jobs).toHaveLength(1);
    expect(await db.spendAlert.count({ where: { lineId: line.id } })).toBe(0);

    await checkSpendOfLines(db, jobs[0]!.payload.lineIds);
    expect(
      await db.spendAlert.findMany({ where: { lineId: line.id }, select: { threshold: true, spentCents: true } }),
    ).toEqual([{ threshold: 80, spentCents: 9 * minuteCents }]);
    expect(await db.notification.count({ where: { userId: await userIdOf(DEMO.platinum), kind: "SPEND_LIMIT" } })).toBe(
      1,
    );
  });

  it("a batch for lines without a cap queues no check", async () => {
    const line = await mobileLineOf(DEMO.bronze);
    await (await callerAs(DEMO.bronze)).line.setSpendLimit({ lineId: line.id, limitCents: null });
    const at = new Date().toISOString();
    expect((await post([{ id: `spend-sms-${line.id}`, msisdn: line.msisdn, kind: "SMS", amount: 1, at }])).status).toBe(
      200,
    );
    expect(await queuedSpendChecks(line.id)).toHaveLength(0);
  });
});

describe("the spending limit's SMS alert", () => {
  it("is queued in the alert's own transaction: rolled back with it, and sent exactly once when checks race", async () => {
    const db = testDb();
    const line = await mobileLineOf(DEMO.platinum);
    await clearCycleSpend(line.id);
    await db.spendAlert.deleteMany({ where: { lineId: line.id } });
    // 499 of 500: past 80%, not yet 100%.
    await db.line.update({ where: { id: line.id }, data: { spendLimitCents: 50_000, spendBarredAt: null } });
    await buy(DEMO.platinum, line.id);
    const alertTexts = () => db.smsMessage.count({ where: { to: line.msisdn!, body: { contains: "80%" } } });
    const before = await alertTexts();

    // Inside the transaction that records the alert, its SMS is already there; a rollback takes both away.
    const rolledBack = db.$transaction(async (tx) => {
      expect(await evaluateLockedLine(tx, line.id, new Date())).toBe(1);
      expect(await tx.spendAlert.count({ where: { lineId: line.id, threshold: 80 } })).toBe(1);
      expect(await tx.smsMessage.count({ where: { to: line.msisdn!, body: { contains: "80%" } } })).toBe(before + 1);
      throw new Error("crash after the alert");
    });
    await expect(rolledBack).rejects.toThrow("crash after the alert");
    expect(await db.spendAlert.count({ where: { lineId: line.id } })).toBe(0);
    expect(await alertTexts()).toBe(before);

    await Promise.all([checkSpendOfLines(db, [line.id]), checkSpendOfLines(db, [line.id])]);
    await checkSpendOfLines(db, [line.id]);
    expect(await db.spendAlert.count({ where: { lineId: line.id, threshold: 80 } })).toBe(1);
    const texts = await db.smsMessage.findMany({
      where: { to: line.msisdn!, body: { contains: "80%" } },
      orderBy: { createdAt: "asc" },
    });
    expect(texts).toHaveLength(before + 1);
    const { rows } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM graphile_worker._private_jobs WHERE key = ${`sms:${texts.at(-1)!.id}`}`.execute(
      db.$kysely,
    );
    expect(rows[0]!.count).toBe(1);
    await db.line.update({ where: { id: line.id }, data: { spendLimitCents: null } });
  });
});

describe("agent.setSpendLimit", () => {
  it("sets the customer's cap on their behalf, audited once per key, and a replay changes nothing", async () => {
    const agent = await callerAs(DEMO.agent1);
    const line = await mobileLineOf(DEMO.bronze);
    const key = newIdempotencyKey("agent-spend");
    const [first, raced] = await Promise.all([
      agent.agent.setSpendLimit({ lineId: line.id, limitCents: 70_000, idempotencyKey: key }),
      agent.agent.setSpendLimit({ lineId: line.id, limitCents: 70_000, idempotencyKey: key }),
    ]);
    expect([first.limitCents, raced.limitCents]).toEqual([70_000, 70_000]);
    await agent.agent.setSpendLimit({ lineId: line.id, limitCents: 90_000, idempotencyKey: newIdempotencyKey("a2") });
    const replay = await agent.agent.setSpendLimit({ lineId: line.id, limitCents: 70_000, idempotencyKey: key });
    expect(replay.limitCents).toBe(90_000);
    const entries = await testDb().auditLog.findMany({
      where: { action: "spend.setLimit", entityId: line.id },
      orderBy: { at: "asc" },
    });
    expect(entries.map((entry) => [entry.before, entry.after])).toEqual([
      [{ spendLimitCents: null }, { spendLimitCents: 70_000 }],
      [{ spendLimitCents: 70_000 }, { spendLimitCents: 90_000 }],
    ]);
    const customerId = await customerIdOf(DEMO.bronze);
    expect(await testDb().interaction.count({ where: { customerId, type: "SPEND_LIMIT_SET", channel: "PHONE" } })).toBe(
      2,
    );
    const view = await agent.agent.customer360({ customerId });
    expect(view.lines.find((candidate) => candidate.id === line.id)?.spendLimitCents).toBe(90_000);
    await expect(
      agent.agent.setSpendLimit({ lineId: "no-such-line", limitCents: 1, idempotencyKey: newIdempotencyKey("x") }),
    ).toHaveTRPCCode("NOT_FOUND");
    await expect(
      (await callerAs(DEMO.bronze)).agent.setSpendLimit({ lineId: line.id, limitCents: 1, idempotencyKey: key }),
    ).toHaveTRPCCode("FORBIDDEN");
  });
});

describe("account.summary with a capped line", () => {
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
    const summary = await getAccountSummary(counted, customerId);
    return { statements, summary };
  }

  it("rates the cycle once: a cap adds only the cap's own reads, and shows the same spend as the check", async () => {
    const line = await mobileLineOf(DEMO.bronze);
    await testDb().line.updateMany({
      where: { customerId: line.customerId },
      data: { spendLimitCents: null, spendBarredAt: null },
    });
    const uncapped = await count(line.customerId);
    await testDb().line.update({ where: { id: line.id }, data: { spendLimitCents: 1_000_000 } });
    const capped = await count(line.customerId);
    // The cap's figures: the line and its customer, the cycle's purchases, the latest bar command (no rating again).
    expect(capped.statements - uncapped.statements).toBeLessThanOrEqual(4);
    const { spendLimitView } = await import("../../server/domain/spend/spend.service");
    const rated = await spendLimitView(testDb(), line.id);
    expect(capped.summary.lines.find((candidate) => candidate.id === line.id)!.spendLimit).toMatchObject({
      limitCents: 1_000_000,
      spentCents: rated.spentCents,
    });
    await testDb().line.update({ where: { id: line.id }, data: { spendLimitCents: null } });
  });
});
