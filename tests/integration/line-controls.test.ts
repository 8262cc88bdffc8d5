import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { billCustomers } from "../../server/domain/billing/bill-run.service";
import { currentCycle } from "../../server/domain/billing/cycle";
import { resumeDueSuspensions } from "../../server/domain/line/line-controls.service";
import { callerAs, customerIdOf, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { applyPendingCommands as applyPending } from "./helpers/provisioning";

async function mobileLineOf(phone: string) {
  return testDb().line.findFirstOrThrow({ where: { customerId: await customerIdOf(phone), kind: "MOBILE" } });
}

async function summaryLine(phone: string, lineId: string) {
  const summary = await (await callerAs(phone)).account.summary();
  return summary.lines.find((line) => line.id === lineId)!;
}

async function latestCodeTo(phone: string) {
  const message = await testDb().smsMessage.findFirstOrThrow({ where: { to: phone }, orderBy: { createdAt: "desc" } });
  return /\d{6}/.exec(message.body)![0];
}

describe("line.block and line.unblock", () => {
  it("blocks at once, shows the command in progress, and unblocks only with the SMS code", async () => {
    const caller = await callerAs(DEMO.bronze);
    const line = await mobileLineOf(DEMO.bronze);
    const key = newIdempotencyKey("block-bronze");
    const [first, raced] = await Promise.all([
      caller.line.block({ lineId: line.id, reason: "LOST", idempotencyKey: key }),
      caller.line.block({ lineId: line.id, reason: "LOST", idempotencyKey: key }),
    ]);
    const replay = await caller.line.block({ lineId: line.id, reason: "LOST", idempotencyKey: key });
    expect(raced.id).toBe(first.id);
    expect(replay.id).toBe(first.id);
    expect(await testDb().provisioningCommand.count({ where: { lineId: line.id, kind: "BLOCK" } })).toBe(1);

    const inProgress = await summaryLine(DEMO.bronze, line.id);
    expect(inProgress.status).toBe("ACTIVE");
    expect(inProgress.pendingCommands).toEqual([
      expect.objectContaining({ id: first.id, kind: "BLOCK", createdAt: expect.any(Date) }),
    ]);
    await expect(
      caller.line.block({ lineId: line.id, reason: "STOLEN", idempotencyKey: newIdempotencyKey("again") }),
    ).toHaveTRPCCode("CONFLICT");

    await applyPending(line.id);
    const blocked = await summaryLine(DEMO.bronze, line.id);
    expect(blocked).toMatchObject({ status: "BLOCKED", pendingCommands: [] });
    expect(
      await testDb().interaction.count({
        where: { customerId: await customerIdOf(DEMO.bronze), type: "LINE_BLOCKED", channel: "WEB" },
      }),
    ).toBe(1);

    expect(await caller.line.unblock({ lineId: line.id })).toMatchObject({ codeSent: true });
    const code = await latestCodeTo(DEMO.bronze);
    const wrong = code === "000000" ? "111111" : "000000";
    await expect(caller.line.unblock({ lineId: line.id, code: wrong })).toHaveTRPCCode("BAD_REQUEST");
    const unblocked = await caller.line.unblock({ lineId: line.id, code });
    expect(unblocked.command).toMatchObject({ kind: "UNBLOCK" });
    // The code is used: it cannot unblock a second time.
    await expect(caller.line.unblock({ lineId: line.id, code })).toHaveTRPCCode("BAD_REQUEST");
    await applyPending(line.id);
    expect((await summaryLine(DEMO.bronze, line.id)).status).toBe("ACTIVE");
  });

  it("a foreign line is NOT_FOUND for every control", async () => {
    const caller = await callerAs(DEMO.bronze);
    const foreign = await mobileLineOf(DEMO.platinum);
    const key = newIdempotencyKey("foreign");
    await expect(caller.line.block({ lineId: foreign.id, reason: "LOST", idempotencyKey: key })).toHaveTRPCCode(
      "NOT_FOUND",
    );
    await expect(caller.line.unblock({ lineId: foreign.id })).toHaveTRPCCode("NOT_FOUND");
    await expect(caller.line.suspendPreview({ lineId: foreign.id, until: "2100-01-01" })).toHaveTRPCCode("NOT_FOUND");
    await expect(caller.line.suspend({ lineId: foreign.id, until: "2100-01-01", idempotencyKey: key })).toHaveTRPCCode(
      "NOT_FOUND",
    );
    await expect(caller.line.resume({ lineId: foreign.id })).toHaveTRPCCode("NOT_FOUND");
    expect(await testDb().provisioningCommand.count({ where: { lineId: foreign.id } })).toBe(0);
  });
});

describe("line.suspend and line.resume", () => {
  const dayAfter = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it("previews, refuses beyond the yearly limit, suspends once per key and resumes", async () => {
    const caller = await callerAs(DEMO.silver);
    const line = await mobileLineOf(DEMO.silver);
    const preview = await caller.line.suspendPreview({ lineId: line.id, until: dayAfter(14) });
    expect(preview).toMatchObject({ days: 14, daysLeft: 90, feeCents: 0, reason: null });

    const tooLong = caller.line.suspend({
      lineId: line.id,
      until: dayAfter(91),
      idempotencyKey: newIdempotencyKey("l"),
    });
    await expect(tooLong).toHaveTRPCCode("BAD_REQUEST");
    await expect(
      caller.line.suspend({ lineId: line.id, until: dayAfter(0), idempotencyKey: newIdempotencyKey("t") }),
    ).toHaveTRPCCode("BAD_REQUEST");
    await expect(
      caller.line.suspend({ lineId: line.id, until: "14.03.2026", idempotencyKey: newIdempotencyKey("f") }),
    ).toHaveTRPCCode("BAD_REQUEST");

    const key = newIdempotencyKey("suspend-silver");
    const [first, second] = await Promise.all([
      caller.line.suspend({ lineId: line.id, until: dayAfter(14), idempotencyKey: key }),
      caller.line.suspend({ lineId: line.id, until: dayAfter(14), idempotencyKey: key }),
    ]);
    expect(second.id).toBe(first.id);
    await applyPending(line.id);
    const suspended = await summaryLine(DEMO.silver, line.id);
    expect(suspended.status).toBe("SUSPENDED");
    expect(suspended.suspendedUntil?.toISOString().slice(0, 10)).toBe(dayAfter(14));
    expect((await caller.line.suspendPreview({ lineId: line.id, until: dayAfter(1) })).daysLeft).toBe(76);

    // The chosen day comes: one RESUME, however often the job runs.
    const dayComes = new Date(Date.now() + 15 * 86_400_000);
    expect(await resumeDueSuspensions(testDb(), new Date())).toBe(0);
    expect(await resumeDueSuspensions(testDb(), dayComes)).toBe(1);
    expect(await resumeDueSuspensions(testDb(), dayComes)).toBe(0);
    await expect(caller.line.resume({ lineId: line.id })).toHaveTRPCCode("CONFLICT");
    await applyPending(line.id);
    expect(await summaryLine(DEMO.silver, line.id)).toMatchObject({ status: "ACTIVE", suspendedUntil: null });
  });

  it("resumes early on the subscriber's word", async () => {
    const caller = await callerAs(DEMO.platinum);
    const line = await mobileLineOf(DEMO.platinum);
    await caller.line.suspend({ lineId: line.id, until: dayAfter(30), idempotencyKey: newIdempotencyKey("p") });
    await applyPending(line.id);
    expect((await summaryLine(DEMO.platinum, line.id)).status).toBe("SUSPENDED");
    await caller.line.resume({ lineId: line.id });
    await expect(caller.line.resume({ lineId: line.id })).toHaveTRPCCode("CONFLICT");
    await applyPending(line.id);
    expect(await summaryLine(DEMO.platinum, line.id)).toMatchObject({ status: "ACTIVE", suspendedUntil: null });
  });
});

describe("the suspension fee", () => {
  it("is charged once, on the bill after the network confirmed the suspension, as previewed", async () => {
    const previous = process.env.SUSPENSION_FEE_PER_DAY_KOPECKS;
    process.env.SUSPENSION_FEE_PER_DAY_KOPECKS = "500";
    try {
      const db = testDb();
      const caller = await callerAs(DEMO.platinum);
      const customerId = await customerIdOf(DEMO.platinum);
      const line = await db.line.findFirstOrThrow({
        where: { customerId, kind: "MOBILE", msisdn: { not: DEMO.platinum } },
      });
      const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const preview = await caller.line.suspendPreview({ lineId: line.id, until });
      expect(preview).toMatchObject({ days: 10, feeCents: 5_000 });
      await caller.line.suspend({ lineId: line.id, until, idempotencyKey: newIdempotencyKey("fee") });
      await applyPending(line.id);

      const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
      const cycle = currentCycle(customer.billingDay, new Date());
      const runAt = new Date(cycle.end.getTime() + 5 * 60_000);
      const slice = { periodStart: cycle.start, customerIds: [customerId] };
      expect(await billCustomers(db, slice, runAt)).toMatchObject({ billed: 1 });
      expect(await billCustomers(db, slice, runAt)).toMatchObject({ billed: 0 });
      const next = currentCycle(customer.billingDay, new Date(cycle.end.getTime() + 86_400_000));
      await billCustomers(
        db,
        { periodStart: next.start, customerIds: [customerId] },
        new Date(next.end.getTime() + 60_000),
      );

      const fees = await db.billLine.findMany({
        where: { lineId: line.id, description: { startsWith: "Добровольная приостановка" } },
      });
      expect(fees).toEqual([
        expect.objectContaining({
          kind: "ONE_OFF",
          amountCents: 5_000,
          quantity: 10,
          description: expect.stringMatching(/^Добровольная приостановка номера: 10 дн\. с \d{2}\.\d{2} \(\+7 /),
        }),
      ]);
      const view = await caller.bill.byId({ id: fees[0]!.billId, locale: "en" });
      expect(view.lines.map((item) => item.description)).toContainEqual(
        expect.stringMatching(/^Voluntary suspension of the line: 10 days from \d{2}\.\d{2}/),
      );
    } finally {
      process.env.SUSPENSION_FEE_PER_DAY_KOPECKS = previous;
    }
  });
});
