import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { readTRPCError } from "../../app/_lib/trpc-error";
import { sendProvisioningCommand } from "../../server/domain/provisioning/provisioning.service";
import { newIccid } from "../../server/domain/sim/iccid";
import { parseActivationCode } from "../../server/domain/sim/lpa";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { generatedSubscriber } from "./helpers/money";
import { testDb } from "./helpers/db";
import { applyPendingCommands, workingNetwork } from "./helpers/provisioning";

async function mobileLineOf(phone: string) {
  return testDb().line.findFirstOrThrow({
    where: { customerId: await customerIdOf(phone), kind: "MOBILE", status: "ACTIVE" },
    orderBy: { activatedAt: "asc" },
  });
}

let iccidSequence = 0;
const freshIccid = () => newIccid(() => `${Date.now()}${++iccidSequence}`.slice(-13).padStart(13, "0"));

async function failure(call: Promise<unknown>) {
  return call.then(
    () => null,
    (error: unknown) => readTRPCError(error),
  );
}

describe("sim.replace with an eSIM", () => {
  it("replayed and raced gives one replacement, shows its code once, and stops the old SIM only when SIM_SWAP is done", async () => {
    const db = testDb();
    const caller = await callerAs(DEMO.bronze);
    const line = await mobileLineOf(DEMO.bronze);
    const key = newIdempotencyKey("esim-bronze");
    const [first, raced] = await Promise.all([
      caller.sim.replace({ lineId: line.id, kind: "ESIM", idempotencyKey: key }),
      caller.sim.replace({ lineId: line.id, kind: "ESIM", idempotencyKey: key }),
    ]);
    const replay = await caller.sim.replace({ lineId: line.id, kind: "ESIM", idempotencyKey: key });
    expect(raced.id).toBe(first.id);
    expect(replay.id).toBe(first.id);
    expect(first).toMatchObject({ kind: "ESIM", status: "READY", isCodeAvailable: true, pickup: null });
    expect(await db.simReplacement.count({ where: { lineId: line.id } })).toBe(1);
    const customerId = await customerIdOf(DEMO.bronze);
    expect(await db.interaction.count({ where: { customerId, type: "SIM_REPLACEMENT_ORDERED", channel: "WEB" } })).toBe(
      1,
    );

    const second = await failure(
      caller.sim.replace({ lineId: line.id, kind: "PHYSICAL", idempotencyKey: newIdempotencyKey("again") }),
    );
    expect(second).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already in progress/) });

    // Nothing goes to the network before the code is downloaded.
    expect(await db.provisioningCommand.count({ where: { lineId: line.id, kind: "SIM_SWAP" } })).toBe(0);
    const [one, other] = await Promise.all([
      caller.sim.esimCode({ replacementId: first.id }),
      caller.sim.esimCode({ replacementId: first.id }),
    ]);
    const shown = [one, other].filter((answer) => !answer.alreadyDownloaded);
    expect(shown).toHaveLength(1);
    const stored = await db.simReplacement.findUniqueOrThrow({ where: { id: first.id } });
    expect(shown[0]!.activationCode).toBe(`LPA:1$${stored.smdpAddress}$${stored.matchingId}`);
    expect(parseActivationCode(shown[0]!.activationCode!)).toEqual({
      smdpAddress: "smdp.selfcare.example",
      matchingId: stored.matchingId,
    });
    expect(shown[0]!.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    expect(await caller.sim.esimCode({ replacementId: first.id })).toEqual({
      alreadyDownloaded: true,
      activationCode: null,
      qrSvg: null,
    });
    const commands = await db.provisioningCommand.findMany({ where: { lineId: line.id, kind: "SIM_SWAP" } });
    expect(commands).toEqual([expect.objectContaining({ sourceKey: `sim:${first.id}`, status: "PENDING" })]);

    // Downloaded, not yet applied: the old SIM still serves the line.
    const activating = await caller.sim.status({ lineId: line.id });
    expect(activating).toMatchObject({
      currentIccidEnd: null,
      replacement: { status: "ACTIVATING", isCodeAvailable: false },
    });
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).iccid).toBeNull();

    await applyPendingCommands(line.id);
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).iccid).toBe(stored.iccid);
    const active = await caller.sim.status({ lineId: line.id });
    expect(active).toMatchObject({
      currentIccidEnd: stored.iccid!.slice(-4),
      replacement: { id: first.id, status: "ACTIVE", activatedAt: expect.any(Date) },
    });
    const notice = await db.notification.findFirst({
      where: { userId: await userIdOf(DEMO.bronze), kind: "LINE_STATUS" },
      orderBy: { createdAt: "desc" },
    });
    expect(notice?.title).toMatch(/eSIM/);
    // A job run again changes nothing more.
    await sendProvisioningCommand(db, commands[0]!.id, { network: workingNetwork() });
    expect((await db.simReplacement.findUniqueOrThrow({ where: { id: first.id } })).previousIccid).toBeNull();

    // Active, it is no longer in progress: a new order is possible again.
    const next = await caller.sim.replace({ lineId: line.id, kind: "ESIM", idempotencyKey: newIdempotencyKey("n") });
    expect(next.id).not.toBe(first.id);
  });
});

describe("which lines may get a new SIM", () => {
  it("a blocked (lost) line may; a suspended one and home internet may not; another's line is NOT_FOUND", async () => {
    const db = testDb();
    const caller = await callerAs(DEMO.platinum);
    const customerId = await customerIdOf(DEMO.platinum);
    const lines = await db.line.findMany({ where: { customerId, kind: "MOBILE" }, orderBy: { activatedAt: "asc" } });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    await db.line.update({ where: { id: lines[0]!.id }, data: { status: "BLOCKED" } });
    await db.line.update({ where: { id: lines[1]!.id }, data: { status: "SUSPENDED" } });

    const blocked = await caller.sim.replace({
      lineId: lines[0]!.id,
      kind: "PHYSICAL",
      idempotencyKey: newIdempotencyKey("lost"),
    });
    expect(blocked).toMatchObject({ status: "AWAITING_PICKUP", pickup: { name: expect.any(String) } });
    expect(
      await failure(
        caller.sim.replace({ lineId: lines[1]!.id, kind: "ESIM", idempotencyKey: newIdempotencyKey("susp") }),
      ),
    ).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/suspended/) });
    expect(await caller.sim.status({ lineId: lines[1]!.id })).toMatchObject({ canReplace: false, replacement: null });

    const home = await db.line.create({
      data: { customerId, kind: "HOME_INTERNET", tariffId: "trf_home_100", address: "Москва, ул. Тверская, 7" },
    });
    const refused = await failure(
      caller.sim.replace({ lineId: home.id, kind: "ESIM", idempotencyKey: newIdempotencyKey("home") }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", fields: { lineId: expect.any(String) } });

    const bronze = await callerAs(DEMO.bronze);
    const key = newIdempotencyKey("foreign");
    await expect(bronze.sim.replace({ lineId: lines[0]!.id, kind: "ESIM", idempotencyKey: key })).toHaveTRPCCode(
      "NOT_FOUND",
    );
    await expect(bronze.sim.status({ lineId: lines[0]!.id })).toHaveTRPCCode("NOT_FOUND");
    // The other customer's own key does not find this customer's replacement either.
    await expect(
      bronze.sim.replace({ lineId: lines[0]!.id, kind: "PHYSICAL", idempotencyKey: blocked.id }),
    ).toHaveTRPCCode("NOT_FOUND");
    expect(await db.simReplacement.count({ where: { lineId: lines[0]!.id } })).toBe(1);
  });
});

describe("a physical SIM handed over by the dealer", () => {
  it("only the pickup dealer sees and completes it; the ICCID and passport are checked; the old SIM stops on DONE", async () => {
    const db = testDb();
    const silver = await callerAs(DEMO.silver);
    const line = await mobileLineOf(DEMO.silver);
    const ordered = await silver.sim.replace({
      lineId: line.id,
      kind: "PHYSICAL",
      idempotencyKey: newIdempotencyKey("phys"),
    });
    const dealer1 = await callerAs(DEMO.dealer1);
    const dealer2 = await callerAs(DEMO.dealer2);
    const partner1 = (await db.user.findUniqueOrThrow({ where: { email: DEMO.dealer1 } })).partnerId;
    expect((await db.simReplacement.findUniqueOrThrow({ where: { id: ordered.id } })).pickupPartnerId).toBe(partner1);
    await expect(silver.sim.esimCode({ replacementId: ordered.id })).toHaveTRPCCode("BAD_REQUEST");

    const mine = await dealer1.partner.simReplacements.list();
    expect(mine.items).toContainEqual(
      expect.objectContaining({ id: ordered.id, msisdn: line.msisdn, customerName: expect.any(String) }),
    );
    expect((await dealer2.partner.simReplacements.list()).items.map((item) => item.id)).not.toContain(ordered.id);

    const customer = await db.customer.findUniqueOrThrow({ where: { id: await customerIdOf(DEMO.silver) } });
    const last4 = customer.documentNumber!.replace(/\D/g, "").slice(-4);
    const iccid = freshIccid();
    const complete = (over: Record<string, unknown> = {}) =>
      dealer1.partner.simReplacements.complete({
        replacementId: ordered.id,
        iccid,
        documentLast4: last4,
        identityChecked: true,
        ...over,
      } as Parameters<typeof dealer1.partner.simReplacements.complete>[0]);

    await expect(
      dealer2.partner.simReplacements.complete({
        replacementId: ordered.id,
        iccid,
        documentLast4: last4,
        identityChecked: true,
      }),
    ).toHaveTRPCCode("NOT_FOUND");
    const typo = `${iccid.slice(0, -1)}${(Number(iccid.slice(-1)) + 1) % 10}`;
    expect(await failure(complete({ iccid: typo }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { iccid: expect.stringMatching(/check digit/) },
    });
    expect(await failure(complete({ iccid: "1234" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { iccid: expect.any(String) },
    });
    const wrongPassport = last4 === "0000" ? "1111" : "0000";
    expect(await failure(complete({ documentLast4: wrongPassport }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { documentLast4: expect.any(String) },
    });
    expect(await failure(complete({ identityChecked: false }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.provisioningCommand.count({ where: { lineId: line.id, kind: "SIM_SWAP" } })).toBe(0);

    const [done, racedDone] = await Promise.all([
      complete(),
      complete({ iccid: iccid.replace(/(\d{4})/g, "$1 ").trim() }),
    ]);
    expect(done).toEqual({ id: ordered.id, status: "ACTIVATING", iccid });
    expect(racedDone.id).toBe(ordered.id);
    expect(await complete()).toMatchObject({ id: ordered.id, iccid });
    expect(await failure(complete({ iccid: freshIccid() }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.provisioningCommand.count({ where: { lineId: line.id, kind: "SIM_SWAP" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: ordered.id, action: "sim.handOver" } })).toBe(1);
    expect(
      await db.interaction.count({ where: { customerId: customer.id, type: "SIM_HANDED_OVER", channel: "PARTNER" } }),
    ).toBe(1);
    expect((await dealer1.partner.simReplacements.list()).items.map((item) => item.id)).not.toContain(ordered.id);

    // Handed over, not yet applied by the network: the old SIM still works.
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).iccid).toBeNull();
    expect((await silver.sim.status({ lineId: line.id })).replacement?.status).toBe("ACTIVATING");
    await applyPendingCommands(line.id);
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).iccid).toBe(iccid);
    expect((await silver.sim.status({ lineId: line.id })).replacement).toMatchObject({ status: "ACTIVE" });

    // The same SIM cannot be handed out twice.
    const again = await silver.sim.replace({
      lineId: line.id,
      kind: "PHYSICAL",
      idempotencyKey: newIdempotencyKey("2"),
    });
    expect(
      await failure(
        dealer1.partner.simReplacements.complete({
          replacementId: again.id,
          iccid,
          documentLast4: last4,
          identityChecked: true,
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", fields: { iccid: expect.any(String) } });
  });
});

describe("agent.replaceSim", () => {
  it("orders on the customer's behalf over the phone, audited once, with the subscriber's rules", async () => {
    const db = testDb();
    const line = await db.line.findFirstOrThrow({
      where: {
        kind: "MOBILE",
        status: "ACTIVE",
        customer: { login: { phone: { notIn: [DEMO.platinum, DEMO.bronze, DEMO.silver] } } },
      },
    });
    const agent = await callerAs(DEMO.agent1);
    const key = newIdempotencyKey("agent-sim");
    const [first, raced] = await Promise.all([
      agent.agent.replaceSim({ lineId: line.id, kind: "PHYSICAL", idempotencyKey: key }),
      agent.agent.replaceSim({ lineId: line.id, kind: "PHYSICAL", idempotencyKey: key }),
    ]);
    expect(raced.id).toBe(first.id);
    expect(first).toMatchObject({ kind: "PHYSICAL", status: "AWAITING_PICKUP" });
    expect(await db.simReplacement.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      channel: "PHONE",
      orderedById: await userIdOf(DEMO.agent1),
    });
    expect(await db.auditLog.count({ where: { action: "sim.replace", entityId: line.id } })).toBe(1);
    expect(
      await db.interaction.count({
        where: { customerId: line.customerId, type: "SIM_REPLACEMENT_ORDERED", channel: "PHONE" },
      }),
    ).toBe(1);
    expect(await agent.agent.simStatus({ lineId: line.id })).toMatchObject({ replacement: { id: first.id } });
    expect(
      await failure(agent.agent.replaceSim({ lineId: line.id, kind: "ESIM", idempotencyKey: newIdempotencyKey("2") })),
    ).toMatchObject({ code: "CONFLICT" });
    await expect(
      agent.agent.replaceSim({ lineId: "cl_no_such_line", kind: "ESIM", idempotencyKey: newIdempotencyKey("3") }),
    ).toHaveTRPCCode("NOT_FOUND");
  });
});

/** A generated customer of its own whose physical SIMs wait at dealer1, with no replacement in progress. */
async function freshSubscriberAtDealer1(n: number) {
  const db = testDb();
  const phone = await generatedSubscriber(n);
  const line = await mobileLineOf(phone);
  const partnerId = (await db.user.findUniqueOrThrow({ where: { email: DEMO.dealer1 } })).partnerId;
  await db.customer.update({ where: { id: line.customerId }, data: { partnerId } });
  await db.simReplacement.updateMany({
    where: { lineId: line.id, status: { in: ["AWAITING_PICKUP", "READY", "ACTIVATING"] } },
    data: { status: "CANCELLED" },
  });
  return { phone, line, caller: await callerAs(phone) };
}

describe("sim.cancelReplacement", () => {
  it("cancels a physical SIM waiting at the dealer once (replayed and raced), hides it from the dealer, and a new one can be ordered", async () => {
    const db = testDb();
    const { line, caller } = await freshSubscriberAtDealer1(7);
    const iccidBefore = line.iccid;
    const ordered = await caller.sim.replace({
      lineId: line.id,
      kind: "PHYSICAL",
      idempotencyKey: newIdempotencyKey("c"),
    });
    const dealer1 = await callerAs(DEMO.dealer1);
    expect((await dealer1.partner.simReplacements.list()).items.map((item) => item.id)).toContain(ordered.id);

    const key = newIdempotencyKey("cancel");
    const [first, raced] = await Promise.all([
      caller.sim.cancelReplacement({ lineId: line.id, idempotencyKey: key }),
      caller.sim.cancelReplacement({ lineId: line.id, idempotencyKey: key }),
    ]);
    expect([first.id, raced.id]).toEqual([ordered.id, ordered.id]);
    expect(first.status).toBe("CANCELLED");
    expect(await caller.sim.cancelReplacement({ lineId: line.id, idempotencyKey: key })).toMatchObject({
      id: ordered.id,
      status: "CANCELLED",
    });
    expect(await caller.sim.cancelReplacement({ lineId: line.id })).toMatchObject({ status: "CANCELLED" });
    expect(
      await db.interaction.count({
        where: { customerId: line.customerId, type: "SIM_REPLACEMENT_CANCELLED", channel: "WEB" },
      }),
    ).toBe(1);
    expect(await caller.sim.status({ lineId: line.id })).toMatchObject({
      replacement: { id: ordered.id, status: "CANCELLED" },
      canReplace: true,
    });

    // The dealer no longer sees it and cannot hand it over; the old SIM keeps working.
    expect((await dealer1.partner.simReplacements.list()).items.map((item) => item.id)).not.toContain(ordered.id);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: line.customerId } });
    const complete = await failure(
      dealer1.partner.simReplacements.complete({
        replacementId: ordered.id,
        iccid: freshIccid(),
        documentLast4: (customer.documentNumber ?? "0000").replace(/\D/g, "").slice(-4).padStart(4, "0"),
        identityChecked: true,
      }),
    );
    expect(complete).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/cancelled/) });
    expect(await db.provisioningCommand.count({ where: { lineId: line.id, sourceKey: `sim:${ordered.id}` } })).toBe(0);
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).iccid).toBe(iccidBefore);

    // The old key does not cancel the next replacement.
    const again = await caller.sim.replace({ lineId: line.id, kind: "ESIM", idempotencyKey: newIdempotencyKey("d") });
    expect(again.status).toBe("READY");
    expect(await caller.sim.cancelReplacement({ lineId: line.id, idempotencyKey: key })).toMatchObject({
      id: ordered.id,
    });
    expect((await db.simReplacement.findUniqueOrThrow({ where: { id: again.id } })).status).toBe("READY");
  });

  it("cancels an eSIM before its code is downloaded, refuses once the SIM_SWAP is issued; a foreign line or none is NOT_FOUND", async () => {
    const db = testDb();
    const { line, caller } = await freshSubscriberAtDealer1(8);
    const ready = await caller.sim.replace({ lineId: line.id, kind: "ESIM", idempotencyKey: newIdempotencyKey("e") });
    expect(await caller.sim.cancelReplacement({ lineId: line.id })).toMatchObject({
      id: ready.id,
      status: "CANCELLED",
    });
    await expect(caller.sim.esimCode({ replacementId: ready.id })).resolves.toMatchObject({ alreadyDownloaded: true });

    const downloaded = await caller.sim.replace({
      lineId: line.id,
      kind: "ESIM",
      idempotencyKey: newIdempotencyKey("f"),
    });
    await caller.sim.esimCode({ replacementId: downloaded.id });
    expect(await failure(caller.sim.cancelReplacement({ lineId: line.id }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/no longer be cancelled/),
    });
    expect((await db.simReplacement.findUniqueOrThrow({ where: { id: downloaded.id } })).status).toBe("ACTIVATING");
    await applyPendingCommands(line.id);
    expect(await failure(caller.sim.cancelReplacement({ lineId: line.id }))).toMatchObject({
      code: "PRECONDITION_FAILED",
    });

    const other = await callerAs(DEMO.bronze);
    await expect(other.sim.cancelReplacement({ lineId: line.id })).toHaveTRPCCode("NOT_FOUND");
    const { line: untouched, caller: owner } = await freshSubscriberAtDealer1(9);
    await db.simReplacement.deleteMany({ where: { lineId: untouched.id } });
    await expect(owner.sim.cancelReplacement({ lineId: untouched.id })).toHaveTRPCCode("NOT_FOUND");
  });
});

describe("agent.cancelSimReplacement", () => {
  it("cancels on the customer's behalf over the phone, audited once per key", async () => {
    const db = testDb();
    const { line, caller } = await freshSubscriberAtDealer1(10);
    const ordered = await caller.sim.replace({
      lineId: line.id,
      kind: "PHYSICAL",
      idempotencyKey: newIdempotencyKey("g"),
    });
    const agent = await callerAs(DEMO.agent1);
    const key = newIdempotencyKey("agent-cancel");
    const [first, raced] = await Promise.all([
      agent.agent.cancelSimReplacement({ lineId: line.id, idempotencyKey: key }),
      agent.agent.cancelSimReplacement({ lineId: line.id, idempotencyKey: key }),
    ]);
    expect([first.status, raced.status]).toEqual(["CANCELLED", "CANCELLED"]);
    const entries = await db.auditLog.findMany({ where: { action: "sim.cancelReplacement", entityId: ordered.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toEqual({ status: "CANCELLED" });
    expect(
      await db.interaction.count({
        where: { customerId: line.customerId, type: "SIM_REPLACEMENT_CANCELLED", channel: "PHONE" },
      }),
    ).toBe(1);
    await expect(
      agent.agent.cancelSimReplacement({ lineId: "cl_no_such_line", idempotencyKey: newIdempotencyKey("h") }),
    ).toHaveTRPCCode("NOT_FOUND");
  });
});
