import { describe, expect, it } from "vitest";
import { currentCycle } from "../../server/domain/billing/cycle";
import { sendProvisioningCommand } from "../../server/domain/provisioning/provisioning.service";
import { prorateChange } from "../../server/domain/tariff/proration";
import { applyDueTariffChanges, changeTariff } from "../../server/domain/tariff/tariff-change.service";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { demoCustomer } from "./helpers/money";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { applyPendingCommands, workingNetwork } from "./helpers/provisioning";
import { fieldErrorsOf } from "./helpers/trpc-errors";

// SILVER: +79001000003 on SMART and +79001000013 on START. PLATINUM: PREMIUM, SMART_PLUS, UNLIMITED, HOME_GIGA.

describe("tariff.list", () => {
  it("judges every tariff for the subscriber's line, with reasons", async () => {
    const { line } = await demoCustomer(DEMO.silver);
    const smartLine = line("+79001000003");
    const result = await (await callerAs(DEMO.silver)).tariff.list({ lineId: smartLine.id });
    const byCode = new Map(result.items.map((tariff) => [tariff.code, tariff]));
    expect(byCode.get("SMART")).toMatchObject({ eligible: false, reasons: ["SAME_TARIFF"], isCurrent: true });
    expect(byCode.get("LOYAL")).toMatchObject({ eligible: true, reasons: [] });
    expect(byCode.get("SMART_PLUS")).toMatchObject({ eligible: true, reasons: [] });
    expect(byCode.get("PREMIUM")).toMatchObject({ eligible: false, reasons: ["SEGMENT_NOT_ALLOWED"] });
    expect(byCode.get("HOME_100")?.reasons).toEqual(["WRONG_SERVICE_KIND"]);
    expect(byCode.has("CLASSIC")).toBe(false);
    expect(result.nextCursor).toBeNull();
  });

  it("gives dealers the catalogue of what can be sold to a new subscriber", async () => {
    const result = await (await callerAs(DEMO.dealer1)).tariff.list();
    const byCode = new Map(result.items.map((tariff) => [tariff.code, tariff]));
    expect(byCode.get("START")).toMatchObject({ eligible: true });
    expect(byCode.get("LOYAL")).toMatchObject({ eligible: false, reasons: ["NOT_SOLD_TO_NEW_CUSTOMERS"] });
    expect(byCode.has("CLASSIC")).toBe(false);
  });

  it("answers NOT_FOUND for a line that is not the caller's, and UNAUTHORIZED without a session", async () => {
    const { line } = await demoCustomer(DEMO.platinum);
    await expect((await callerAs(DEMO.silver)).tariff.list({ lineId: line(DEMO.platinum).id })).toHaveTRPCCode(
      "NOT_FOUND",
    );
    await expect((await callerAs(DEMO.dealer1)).tariff.list({ lineId: line(DEMO.platinum).id })).toHaveTRPCCode(
      "NOT_FOUND",
    );
    await expect((await callerAs(null)).tariff.list()).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("tariff.previewChange", () => {
  it("shows the proration of an immediate change for the rest of the cycle", async () => {
    const { line } = await demoCustomer(DEMO.silver);
    const smartLine = line("+79001000003");
    const before = new Date();
    const preview = await (
      await callerAs(DEMO.silver)
    ).tariff.previewChange({ lineId: smartLine.id, tariffId: "trf_smart_plus", effective: "IMMEDIATE" });
    const expected = prorateChange({
      fromFeeCents: 55_000,
      toFeeCents: 75_000,
      effective: "IMMEDIATE",
      billingDay: 1,
      at: before,
    });
    expect(preview.eligible).toBe(true);
    expect(preview.reasons).toEqual([]);
    expect(preview.prorationCreditCents).toBe(expected.creditCents);
    expect(preview.prorationChargeCents).toBe(expected.chargeCents);
    expect(preview.prorationCreditCents).toBeGreaterThan(0);
    expect(preview.netCents).toBe(expected.chargeCents - expected.creditCents);
    expect(preview.monthlyDifferenceCents).toBe(20_000);
    expect(preview.effectiveAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it("shows no money for the next cycle, effective at the cycle start", async () => {
    const { line } = await demoCustomer(DEMO.silver);
    const preview = await (
      await callerAs(DEMO.silver)
    ).tariff.previewChange({ lineId: line("+79001000003").id, tariffId: "trf_loyal", effective: "NEXT_CYCLE" });
    expect(preview).toMatchObject({ eligible: true, prorationCreditCents: 0, prorationChargeCents: 0 });
    expect(preview.effectiveAt.toISOString()).toBe(currentCycle(1, new Date()).end.toISOString());
  });

  it("explains why a tariff is not available", async () => {
    const { line } = await demoCustomer(DEMO.silver);
    const preview = await (
      await callerAs(DEMO.silver)
    ).tariff.previewChange({ lineId: line("+79001000003").id, tariffId: "trf_premium", effective: "IMMEDIATE" });
    expect(preview.eligible).toBe(false);
    expect(preview.reasons).toEqual(["SEGMENT_NOT_ALLOWED"]);
  });

  it("refuses bad input naming the field, a foreign line with NOT_FOUND, other roles with FORBIDDEN", async () => {
    const silver = await callerAs(DEMO.silver);
    const own = (await demoCustomer(DEMO.silver)).line(DEMO.silver).id;
    const foreign = (await demoCustomer(DEMO.platinum)).line(DEMO.platinum).id;
    expect(
      Object.keys(
        await fieldErrorsOf(
          silver.tariff.previewChange({ lineId: own, tariffId: "trf_loyal", effective: "SOMETIME" as "IMMEDIATE" }),
        ),
      ),
    ).toEqual(["effective"]);
    await expect(
      silver.tariff.previewChange({ lineId: foreign, tariffId: "trf_loyal", effective: "IMMEDIATE" }),
    ).toHaveTRPCCode("NOT_FOUND");
    await expect(
      silver.tariff.previewChange({ lineId: own, tariffId: "trf_nope", effective: "IMMEDIATE" }),
    ).toHaveTRPCCode("NOT_FOUND");
    for (const login of [DEMO.agent1, DEMO.dealer1, DEMO.admin]) {
      await expect(
        (await callerAs(login)).tariff.previewChange({ lineId: own, tariffId: "trf_loyal", effective: "IMMEDIATE" }),
      ).toHaveTRPCCode("FORBIDDEN");
    }
  });
});

describe("tariff.change", () => {
  it("sends an immediate change to the network, switches the line only when the network confirms, and tells the subscriber both times", async () => {
    const db = testDb();
    const { line, user, customer } = await demoCustomer(DEMO.silver);
    const startLine = line("+79001000013");
    const caller = await callerAs(DEMO.silver, { channel: "PWA" });
    const preview = await caller.tariff.previewChange({
      lineId: startLine.id,
      tariffId: "trf_family",
      effective: "IMMEDIATE",
    });
    const change = await caller.tariff.change({
      lineId: startLine.id,
      tariffId: "trf_family",
      effective: "IMMEDIATE",
      idempotencyKey: newIdempotencyKey("imm"),
    });

    expect(change).toMatchObject({
      status: "PROVISIONING",
      effective: "IMMEDIATE",
      appliedAt: null,
      prorationCreditCents: preview.prorationCreditCents,
      prorationChargeCents: preview.prorationChargeCents,
    });
    const interaction = await db.interaction.findFirst({
      where: { customerId: customer.id, type: "TARIFF_CHANGE" },
      orderBy: { at: "desc" },
    });
    expect(interaction).toMatchObject({ channel: "PWA", actorId: user.id });
    expect(await db.notification.count({ where: { userId: user.id, kind: "TARIFF_CHANGE" } })).toBe(1);

    // Until the network confirms, the line keeps its tariff and shows the switch in progress, which cannot be cancelled.
    const waiting = (await caller.account.summary()).lines.find((l) => l.id === startLine.id)!;
    expect(waiting.tariff.code).toBe("START");
    expect(waiting.pendingChange).toMatchObject({ id: change.id, status: "PROVISIONING" });
    expect(waiting.pendingCommands).toEqual([expect.objectContaining({ kind: "TARIFF_CHANGE", status: "PENDING" })]);
    expect(
      await db.provisioningCommand.findMany({ where: { lineId: startLine.id }, select: { kind: true, payload: true } }),
    ).toEqual([{ kind: "TARIFF_CHANGE", payload: { changeId: change.id, tariffId: "trf_family" } }]);
    await expect(caller.tariff.cancelChange({ changeId: change.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.tariff.change({
        lineId: startLine.id,
        tariffId: "trf_smart",
        effective: "IMMEDIATE",
        idempotencyKey: newIdempotencyKey("imm2"),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await applyPendingCommands(startLine.id);
    const switched = (await caller.account.summary()).lines.find((l) => l.id === startLine.id)!;
    expect(switched).toMatchObject({ tariff: { code: "FAMILY" }, pendingChange: null, pendingCommands: [] });
    const applied = await db.tariffChange.findUniqueOrThrow({ where: { id: change.id } });
    expect(applied).toMatchObject({ status: "APPLIED", appliedAt: expect.any(Date) });
    const since = (await db.line.findUniqueOrThrow({ where: { id: startLine.id } })).tariffSince;
    expect(since.toISOString()).toBe(change.effectiveAt.toISOString());
    expect(await db.notification.count({ where: { userId: user.id, kind: "TARIFF_CHANGE" } })).toBe(2);
    // The network confirming twice (a redelivered job) switches once and tells once.
    const [command] = await db.provisioningCommand.findMany({ where: { lineId: startLine.id } });
    await sendProvisioningCommand(db, command!.id, { network: workingNetwork() });
    expect(await db.notification.count({ where: { userId: user.id, kind: "TARIFF_CHANGE" } })).toBe(2);
  });

  it("schedules a next-cycle change once per key, refuses a second pending one, and can be cancelled", async () => {
    const db = testDb();
    const { line } = await demoCustomer(DEMO.silver);
    const smartLine = line(DEMO.silver);
    const caller = await callerAs(DEMO.silver);
    const idempotencyKey = newIdempotencyKey("next");
    const first = await caller.tariff.change({
      lineId: smartLine.id,
      tariffId: "trf_loyal",
      effective: "NEXT_CYCLE",
      idempotencyKey,
    });
    const replay = await caller.tariff.change({
      lineId: smartLine.id,
      tariffId: "trf_loyal",
      effective: "NEXT_CYCLE",
      idempotencyKey,
    });
    expect(first.status).toBe("PENDING");
    expect(replay.id).toBe(first.id);
    expect(await db.tariffChange.count({ where: { lineId: smartLine.id, status: "PENDING" } })).toBe(1);
    expect((await db.line.findUniqueOrThrow({ where: { id: smartLine.id } })).tariffId).toBe("trf_smart");

    const job = await db.$queryRaw<
      { run_at: Date }[]
    >`SELECT run_at FROM graphile_worker.jobs WHERE key = ${`tariff-change:${first.id}`}`;
    expect(job[0]?.run_at.toISOString()).toBe(first.effectiveAt.toISOString());

    await expect(
      caller.tariff.change({
        lineId: smartLine.id,
        tariffId: "trf_smart_plus",
        effective: "NEXT_CYCLE",
        idempotencyKey: newIdempotencyKey("second"),
      }),
    ).toHaveTRPCCode("CONFLICT");
    const list = await caller.tariff.list({ lineId: smartLine.id });
    expect(list.items.find((t) => t.code === "SMART_PLUS")?.reasons).toEqual(["PENDING_CHANGE"]);

    const cancelled = await caller.tariff.cancelChange({ changeId: first.id });
    expect(cancelled.status).toBe("CANCELLED");
    expect((await caller.tariff.cancelChange({ changeId: first.id })).status).toBe("CANCELLED");
    // The cancelled change never applies, even when its time comes.
    await applyDueTariffChanges(db, new Date(first.effectiveAt.getTime() + 1));
    expect((await db.tariffChange.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("CANCELLED");
    expect((await db.line.findUniqueOrThrow({ where: { id: smartLine.id } })).tariffId).toBe("trf_smart");
  });

  it("lets exactly one of concurrent submits for a line win; the others get CONFLICT", async () => {
    const db = testDb();
    const { line } = await demoCustomer(DEMO.platinum);
    const plusLine = line("+79001000011");
    const caller = await callerAs(DEMO.platinum);
    const targets = ["trf_loyal", "trf_unlimited", "trf_smart", "trf_family", "trf_start", "trf_loyal"];
    const results = await Promise.allSettled(
      targets.map((tariffId, i) =>
        caller.tariff.change({
          lineId: plusLine.id,
          tariffId,
          effective: "NEXT_CYCLE",
          idempotencyKey: newIdempotencyKey(`race-${i}`),
        }),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    const codes = results
      .filter((result) => result.status === "rejected")
      .map((result) => (result.reason as { code: string }).code);
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array(targets.length - 1).fill("CONFLICT"));
    expect(await db.tariffChange.count({ where: { lineId: plusLine.id, status: "PENDING" } })).toBe(1);
  });

  it("makes concurrent retries with one key one change", async () => {
    const db = testDb();
    const { line } = await demoCustomer(DEMO.platinum);
    const unlimitedLine = line("+79001000021");
    const caller = await callerAs(DEMO.platinum);
    const idempotencyKey = newIdempotencyKey("same");
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        caller.tariff.change({
          lineId: unlimitedLine.id,
          tariffId: "trf_smart_plus",
          effective: "IMMEDIATE",
          idempotencyKey,
        }),
      ),
    );
    expect(new Set(results.map((change) => change.id)).size).toBe(1);
    expect(await db.tariffChange.count({ where: { lineId: unlimitedLine.id, idempotencyKey } })).toBe(1);
    expect(
      await db.interaction.count({
        where: { type: "TARIFF_CHANGE", data: { path: ["changeId"], equals: results[0]!.id } },
      }),
    ).toBe(1);
  });

  it("sends a scheduled change to the network at the cycle start, and switches the line once the network confirms", async () => {
    const db = testDb();
    const { line } = await demoCustomer(DEMO.bronze);
    const bronzeLine = line(DEMO.bronze);
    const change = await (
      await callerAs(DEMO.bronze)
    ).tariff.change({
      lineId: bronzeLine.id,
      tariffId: "trf_smart",
      effective: "NEXT_CYCLE",
      idempotencyKey: newIdempotencyKey("sched"),
    });
    await applyDueTariffChanges(db, new Date(change.effectiveAt.getTime() - 1));
    expect((await db.line.findUniqueOrThrow({ where: { id: bronzeLine.id } })).tariffId).toBe("trf_start");
    expect(await applyDueTariffChanges(db, change.effectiveAt)).toBeGreaterThanOrEqual(1);
    expect((await db.tariffChange.findUniqueOrThrow({ where: { id: change.id } })).status).toBe("PROVISIONING");
    expect((await db.line.findUniqueOrThrow({ where: { id: bronzeLine.id } })).tariffId).toBe("trf_start");
    // Once sent, the subscriber can no longer cancel it.
    await expect((await callerAs(DEMO.bronze)).tariff.cancelChange({ changeId: change.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    await applyPendingCommands(bronzeLine.id);
    const after = await db.line.findUniqueOrThrow({ where: { id: bronzeLine.id } });
    expect(after.tariffId).toBe("trf_smart");
    expect(after.tariffSince.toISOString()).toBe(change.effectiveAt.toISOString());
    expect((await db.tariffChange.findUniqueOrThrow({ where: { id: change.id } })).status).toBe("APPLIED");
    // Sent once, told to the network once, however often the sweep runs.
    await applyDueTariffChanges(db, change.effectiveAt);
    expect(
      await db.provisioningCommand.count({ where: { lineId: bronzeLine.id, sourceKey: `tariff-change:${change.id}` } }),
    ).toBe(1);
  });

  it("refuses an ineligible tariff with BAD_REQUEST on tariffId and changes nothing", async () => {
    const db = testDb();
    const { line } = await demoCustomer(DEMO.bronze);
    const bronzeLine = line(DEMO.bronze);
    const before = await db.tariffChange.count();
    expect(
      Object.keys(
        await fieldErrorsOf(
          (await callerAs(DEMO.bronze)).tariff.change({
            lineId: bronzeLine.id,
            tariffId: "trf_loyal",
            effective: "IMMEDIATE",
            idempotencyKey: newIdempotencyKey("inel"),
          }),
        ),
      ),
    ).toEqual(["tariffId"]);
    expect(
      Object.keys(
        await fieldErrorsOf(
          (await callerAs(DEMO.bronze)).tariff.change({
            lineId: bronzeLine.id,
            tariffId: "trf_family",
            effective: "IMMEDIATE",
            idempotencyKey: "short",
          }),
        ),
      ),
    ).toEqual(["idempotencyKey"]);
    expect(await db.tariffChange.count()).toBe(before);
  });

  it("keeps inside the minimum term of the current tariff", async () => {
    const db = testDb();
    const { line, customer, user } = await demoCustomer(DEMO.platinum);
    const premium = line(DEMO.platinum);
    await db.line.update({ where: { id: premium.id }, data: { tariffSince: new Date(Date.now() - 30 * 86_400_000) } });
    const preview = await (
      await callerAs(DEMO.platinum)
    ).tariff.previewChange({ lineId: premium.id, tariffId: "trf_unlimited", effective: "IMMEDIATE" });
    expect(preview.reasons).toEqual(["MIN_TERM"]);
    expect(preview.minTermEndsAt).not.toBeNull();
    // The same service serves agents acting on behalf: it is scoped by customer, not by session.
    await expect(
      changeTariff(db, {
        customerId: customer.id,
        lineId: premium.id,
        tariffId: "trf_unlimited",
        effective: "IMMEDIATE",
        idempotencyKey: newIdempotencyKey("agent"),
        actorId: user.id,
        channel: "PHONE",
      }),
    ).toHaveTRPCCode("BAD_REQUEST");
  });

  it("answers NOT_FOUND for another customer's line or change, FORBIDDEN for other roles", async () => {
    const { line } = await demoCustomer(DEMO.platinum);
    const foreign = line("+79001000011").id;
    const silver = await callerAs(DEMO.silver);
    await expect(
      silver.tariff.change({
        lineId: foreign,
        tariffId: "trf_loyal",
        effective: "NEXT_CYCLE",
        idempotencyKey: newIdempotencyKey("f"),
      }),
    ).toHaveTRPCCode("NOT_FOUND");
    const mine = await (await callerAs(DEMO.platinum)).tariff.changes({});
    const someone = mine[0];
    if (someone) await expect(silver.tariff.cancelChange({ changeId: someone.id })).toHaveTRPCCode("NOT_FOUND");
    await expect(silver.tariff.cancelChange({ changeId: "tch_missing" })).toHaveTRPCCode("NOT_FOUND");
    const silverCustomer = (await demoCustomer(DEMO.silver)).customer;
    const own = await silver.tariff.changes();
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((change) => change.customerId === silverCustomer.id)).toBe(true);
    await expect(silver.tariff.recommend({ lineId: foreign })).toHaveTRPCCode("NOT_FOUND");
    for (const login of [DEMO.agent1, DEMO.dealer2, DEMO.admin]) {
      const caller = await callerAs(login);
      await expect(
        caller.tariff.change({
          lineId: foreign,
          tariffId: "trf_loyal",
          effective: "NEXT_CYCLE",
          idempotencyKey: newIdempotencyKey("r"),
        }),
      ).toHaveTRPCCode("FORBIDDEN");
      await expect(caller.tariff.cancelChange({ changeId: "x" })).toHaveTRPCCode("FORBIDDEN");
      await expect(caller.tariff.recommend({ lineId: foreign })).toHaveTRPCCode("FORBIDDEN");
      await expect(caller.tariff.changes()).toHaveTRPCCode("FORBIDDEN");
    }
    await expect(
      (await callerAs(null)).tariff.change({
        lineId: foreign,
        tariffId: "trf_loyal",
        effective: "NEXT_CYCLE",
        idempotencyKey: newIdempotencyKey("a"),
      }),
    ).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("tariff.recommend", () => {
  it("prices the last three months of usage on every eligible tariff and names the saving", async () => {
    const db = testDb();
    const { line } = await demoCustomer(DEMO.silver);
    const smartLine = line(DEMO.silver);
    // A light user: 5 minutes, 1 text and 50 MB a day for the last 120 days.
    await db.usageRecord.deleteMany({ where: { lineId: smartLine.id } });
    const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
    await db.usageRecord.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        lineId: smartLine.id,
        date: new Date(today.getTime() - (i + 1) * 86_400_000),
        minutes: 5,
        sms: 1,
        dataMb: 50,
      })),
    });
    const result = await (await callerAs(DEMO.silver)).tariff.recommend({ lineId: smartLine.id });
    expect(result.monthsPriced).toBe(3);
    expect(result.current.monthlyCostCents).toBe(55_000);
    expect(result.best?.tariff.code).toBe("START");
    expect(result.best?.monthlySavingsCents).toBe(20_000);
    expect(result.options.map((option) => option.tariff.code)).not.toContain("PREMIUM");
  });
});

describe("a tariff change the network confirms late", () => {
  it("prices a change the network confirms only after its cycle was billed for the day it took effect", async () => {
    const db = testDb();
    const { customer, line } = await demoCustomer(DEMO.silver);
    const caller = await callerAs(DEMO.silver);
    // SILVER's SMART line, last: the tests above need it on SMART.
    const smartLine = line(DEMO.silver);
    const target = (await caller.tariff.list({ lineId: smartLine.id })).items.find(
      (tariff) => tariff.eligible && tariff.kind === "MOBILE",
    )!;
    const change = await caller.tariff.change({
      lineId: smartLine.id,
      tariffId: target.id,
      effective: "IMMEDIATE",
      idempotencyKey: newIdempotencyKey("late"),
    });
    // The network was away until three days into the next cycle.
    const cycleEnd = currentCycle(customer.billingDay, change.effectiveAt).end;
    const confirmedAt = new Date(cycleEnd.getTime() + 3 * 86_400_000 + 3_600_000);
    const command = await db.provisioningCommand.findFirstOrThrow({
      where: { lineId: smartLine.id, sourceKey: `tariff-change:${change.id}` },
    });
    await sendProvisioningCommand(db, command.id, { network: workingNetwork(), now: () => confirmedAt });

    const expected = prorateChange({
      fromFeeCents: change.fromTariff.monthlyFeeCents,
      toFeeCents: change.toTariff.monthlyFeeCents,
      effective: "IMMEDIATE",
      billingDay: customer.billingDay,
      at: confirmedAt,
    });
    const applied = await db.tariffChange.findUniqueOrThrow({ where: { id: change.id } });
    expect(applied).toMatchObject({
      status: "APPLIED",
      effectiveAt: expected.effectiveAt,
      prorationCreditCents: expected.creditCents,
      prorationChargeCents: expected.chargeCents,
    });
    expect(applied.effectiveAt.getTime()).toBeGreaterThanOrEqual(cycleEnd.getTime());
    const switched = await db.line.findUniqueOrThrow({ where: { id: smartLine.id } });
    expect(switched).toMatchObject({ tariffId: target.id, tariffSince: expected.effectiveAt });
  });
});
