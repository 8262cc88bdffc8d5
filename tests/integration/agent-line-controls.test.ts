import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import type { NetworkProvisioning } from "../../server/domain/provisioning/network-provisioning";
import { callerAs, customerIdOf, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { generatedSubscriber } from "./helpers/money";
import { applyPendingCommands as applyPending } from "./helpers/provisioning";

// PLATINUM's lines: PREMIUM +79001000001, then SMART_PLUS, UNLIMITED and HOME_GIGA.
const refusing: NetworkProvisioning = {
  name: "refusing",
  apply: () => Promise.reject(new Error("HLR timeout")),
};

async function platinumMobileLines() {
  return testDb().line.findMany({
    where: { customerId: await customerIdOf(DEMO.platinum), kind: "MOBILE", status: "ACTIVE" },
    orderBy: { activatedAt: "asc" },
  });
}

function dayAfter(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("agent.lineAction", () => {
  it("blocks and unblocks a customer's line on the phone, once per key, audited, counted as a contact to a person", async () => {
    const agent = await callerAs(DEMO.agent1);
    const admin = await callerAs(DEMO.admin);
    const [line] = await platinumMobileLines();
    const now = new Date();
    const range = { from: new Date(now.getTime() - 60_000), to: new Date(now.getTime() + 3_600_000) };
    const before = await admin.admin.reports.overview(range);

    const key = newIdempotencyKey("agent-block");
    const [first, raced] = await Promise.all([
      agent.agent.lineAction({ action: "BLOCK", lineId: line!.id, reason: "STOLEN", idempotencyKey: key }),
      agent.agent.lineAction({ action: "BLOCK", lineId: line!.id, reason: "STOLEN", idempotencyKey: key }),
    ]);
    expect(raced.id).toBe(first.id);
    expect(first).toMatchObject({ kind: "BLOCK" });
    const agentId = (await testDb().user.findUniqueOrThrow({ where: { email: DEMO.agent1 } })).id;
    expect(
      await testDb().auditLog.findMany({ where: { action: "line.block", entityId: line!.id, actorId: agentId } }),
    ).toEqual([expect.objectContaining({ before: expect.objectContaining({ status: "ACTIVE" }) })]);
    expect(await testDb().interaction.findMany({ where: { type: "LINE_BLOCKED", actorId: agentId } })).toEqual([
      expect.objectContaining({ channel: "PHONE", customerId: line!.customerId }),
    ]);

    await applyPending(line!.id);
    // The agent has checked the caller: no SMS code.
    const unblock = await agent.agent.lineAction({
      action: "UNBLOCK",
      lineId: line!.id,
      idempotencyKey: newIdempotencyKey("agent-unblock"),
    });
    expect(unblock).toMatchObject({ kind: "UNBLOCK" });
    await applyPending(line!.id);
    expect(await testDb().line.findUniqueOrThrow({ where: { id: line!.id } })).toMatchObject({ status: "ACTIVE" });

    const after = await admin.admin.reports.overview(range);
    expect(after.contacts.total - before.contacts.total).toBe(2);
    expect(after.counts.toPerson - before.counts.toPerson).toBe(2);
    expect(after.counts.selfServed).toBe(before.counts.selfServed);

    // The subscriber doing it alone is a self-served contact.
    const subscriber = await callerAs(DEMO.platinum);
    await subscriber.line.suspend({ lineId: line!.id, until: dayAfter(10), idempotencyKey: newIdempotencyKey("s") });
    const alone = await admin.admin.reports.overview(range);
    expect(alone.counts.selfServed - after.counts.selfServed).toBe(1);
    expect(alone.contacts.byChannel.WEB - after.contacts.byChannel.WEB).toBe(1);
  });

  it("refuses what the subscriber would be refused, and answers NOT_FOUND for an unknown line", async () => {
    const agent = await callerAs(DEMO.agent2);
    const [, line] = await platinumMobileLines();
    await expect(
      agent.agent.lineAction({ action: "RESUME", lineId: line!.id, idempotencyKey: newIdempotencyKey("r") }),
    ).toHaveTRPCCode("CONFLICT");
    await expect(
      agent.agent.lineAction({ action: "UNBLOCK", lineId: line!.id, idempotencyKey: newIdempotencyKey("u") }),
    ).toHaveTRPCCode("CONFLICT");
    await expect(
      agent.agent.lineAction({
        action: "BLOCK",
        lineId: "cl_nothing",
        reason: "LOST",
        idempotencyKey: newIdempotencyKey("b"),
      }),
    ).toHaveTRPCCode("NOT_FOUND");
    await expect(
      agent.agent.lineAction({
        action: "SUSPEND",
        lineId: line!.id,
        until: "2020-01-01",
        idempotencyKey: newIdempotencyKey("s"),
      }),
    ).toHaveTRPCCode("BAD_REQUEST");
  });
});

describe("commands the network keeps refusing", () => {
  it("are listed for agents, shown on the 360, and sent again once by a retry", async () => {
    const agent = await callerAs(DEMO.agent1);
    const [, , line] = await platinumMobileLines();
    const block = await agent.agent.lineAction({
      action: "BLOCK",
      lineId: line!.id,
      reason: "LOST",
      idempotencyKey: newIdempotencyKey("stuck"),
    });
    await applyPending(line!.id, refusing, 1);
    expect(await testDb().provisioningCommand.findUniqueOrThrow({ where: { id: block.id } })).toMatchObject({
      status: "NEEDS_AGENT",
      lastError: "HLR timeout",
    });

    const stuck = await agent.agent.stuckCommands();
    expect(stuck.items).toContainEqual(
      expect.objectContaining({ id: block.id, kind: "BLOCK", lineId: line!.id, lastError: "HLR timeout" }),
    );
    const c360 = await agent.agent.customer360({ customerId: line!.customerId });
    expect(c360.lines.find((item) => item.id === line!.id)?.pendingCommands).toEqual([
      expect.objectContaining({ id: block.id, status: "NEEDS_AGENT" }),
    ]);

    const [retried, twice] = await Promise.all([
      agent.agent.retryProvisioning({ commandId: block.id }),
      agent.agent.retryProvisioning({ commandId: block.id }),
    ]);
    expect(retried.status).toBe("PENDING");
    expect(twice.status).toBe("PENDING");
    expect(await testDb().auditLog.count({ where: { action: "provisioning.retry", entityId: block.id } })).toBe(1);
    await applyPending(line!.id);
    expect(await testDb().line.findUniqueOrThrow({ where: { id: line!.id } })).toMatchObject({ status: "BLOCKED" });
    expect((await agent.agent.stuckCommands()).items.map((item) => item.id)).not.toContain(block.id);
    await expect(agent.agent.retryProvisioning({ commandId: block.id })).toHaveTRPCCode("CONFLICT");
    await expect(agent.agent.retryProvisioning({ commandId: "cl_nothing" })).toHaveTRPCCode("NOT_FOUND");
  });
});

describe("add-ons on the customer's behalf", () => {
  it("lists what the line may buy, buys it once per key (raced), and the subscriber sees it", async () => {
    const phone = await generatedSubscriber(11);
    const customerId = await customerIdOf(phone);
    const line = await testDb().line.findFirstOrThrow({
      where: { customerId, kind: "MOBILE", status: "ACTIVE" },
      orderBy: { activatedAt: "asc" },
    });
    const agent = await callerAs(DEMO.agent2);

    const { items } = await agent.agent.addonOptions({ lineId: line.id });
    const subscriberView = await (await callerAs(phone)).addon.list({ lineId: line.id });
    expect(items).toEqual(subscriberView.items);
    const pack = items.find((item) => item.eligible && item.kind !== "ROAMING")!;
    expect(pack).toBeDefined();

    const key = newIdempotencyKey("agent-addon");
    const [first, raced] = await Promise.all([
      agent.agent.buyAddon({ lineId: line.id, addonId: pack.id, idempotencyKey: key }),
      agent.agent.buyAddon({ lineId: line.id, addonId: pack.id, idempotencyKey: key }),
    ]);
    expect(raced.id).toBe(first.id);
    expect(await testDb().lineAddon.count({ where: { lineId: line.id, idempotencyKey: key } })).toBe(1);
    const mine = await (await callerAs(phone)).addon.mine({ lineId: line.id });
    expect(mine.items.map((item) => item.id)).toContain(first.id);
  });

  it("answers NOT_FOUND for an unknown line and BAD_REQUEST for a malformed one", async () => {
    const agent = await callerAs(DEMO.agent1);
    await expect(agent.agent.addonOptions({ lineId: "cl_nothing" })).toHaveTRPCCode("NOT_FOUND");
    await expect(agent.agent.addonOptions({ lineId: "" })).toHaveTRPCCode("BAD_REQUEST");
  });
});
