import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { createEscalation } from "./helpers/agent-fixtures";
import { testDb } from "./helpers/db";
import { readTRPCError } from "../../app/_lib/trpc-error";

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

let platinumId: string;
let bronzeId: string;
let silverId: string;
let agent1Id: string;
let agent2Id: string;

beforeAll(async () => {
  [platinumId, bronzeId, silverId, agent1Id, agent2Id] = await Promise.all([
    customerIdOf(DEMO.platinum),
    customerIdOf(DEMO.bronze),
    customerIdOf(DEMO.silver),
    userIdOf(DEMO.agent1),
    userIdOf(DEMO.agent2),
  ]);
});

describe("agent.queue", () => {
  it("orders escalations by priority, then SLA due time, and pages without repeats", async () => {
    const agent = await callerAs(DEMO.agent1);
    const all: { id: string; priority: number; slaDueAt: Date | null }[] = [];
    let cursor: string | undefined;
    do {
      const page = await agent.agent.queue({ cursor, limit: 7 });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all.length).toBeGreaterThan(7);
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      const inOrder =
        a.priority < b.priority ||
        (a.priority === b.priority &&
          (b.slaDueAt === null || (a.slaDueAt !== null && a.slaDueAt.getTime() <= b.slaDueAt.getTime())));
      expect(inOrder, `${a.id} (P${a.priority} ${a.slaDueAt?.toISOString()}) before ${b.id}`).toBe(true);
    }
    const unpaged = await agent.agent.queue({ limit: 100 });
    expect(unpaged.items.map((item) => item.id)).toEqual(all.slice(0, 100).map((item) => item.id));
  });

  it("puts a new urgent escalation at the top, with the contract's fields", async () => {
    const urgent = await createEscalation({
      customerId: bronzeId,
      category: "NO_SERVICE",
      priority: 1,
      slaDueAt: minutes(-5),
    });
    const { items } = await (await callerAs(DEMO.agent2)).agent.queue({});
    const index = items.findIndex((item) => item.id === urgent.id);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(items.slice(0, index).every((item) => item.priority === 1 && item.slaDueAt! <= urgent.slaDueAt!)).toBe(true);
    expect(items[index]).toMatchObject({
      id: urgent.id,
      number: urgent.number,
      customerId: bronzeId,
      category: "NO_SERVICE",
      status: "QUEUED",
      priority: 1,
      segment: urgent.segmentAtCreation,
      slaBreached: true,
      assignedTo: null,
    });
  });

  it("never lists self-service requests the customer has not escalated, nor finished ones by default", async () => {
    const selfService = await createEscalation({
      customerId: silverId,
      status: "SELF_SERVICE",
      extra: { decision: "SELF_SERVICE", escalatedAt: null },
    });
    const done = await createEscalation({ customerId: silverId, status: "RESOLVED" });
    const { items } = await (await callerAs(DEMO.agent1)).agent.queue({ limit: 100 });
    const ids = items.map((item) => item.id);
    expect(ids).not.toContain(selfService.id);
    expect(ids).not.toContain(done.id);
    expect(
      items.every((item) =>
        ["QUEUED", "ASSIGNED", "IN_PROGRESS", "WAITING_CUSTOMER", "REOPENED"].includes(item.status),
      ),
    ).toBe(true);
  });

  it("filters by status, segment and category", async () => {
    const agent = await callerAs(DEMO.agent1);
    const roaming = await createEscalation({ customerId: silverId, category: "ROAMING" });
    const byCategory = await agent.agent.queue({ category: "ROAMING", limit: 100 });
    expect(byCategory.items.map((item) => item.id)).toContain(roaming.id);
    expect(byCategory.items.every((item) => item.category === "ROAMING")).toBe(true);

    const bySegment = await agent.agent.queue({ segment: "PLATINUM", limit: 100 });
    expect(bySegment.items.length).toBeGreaterThan(0);
    expect(bySegment.items.every((item) => item.segment === "PLATINUM")).toBe(true);

    const waiting = await agent.agent.queue({ status: "WAITING_CUSTOMER", limit: 100 });
    expect(waiting.items.every((item) => item.status === "WAITING_CUSTOMER")).toBe(true);

    await expect(agent.agent.queue({ category: "WEATHER" as "OTHER" })).toHaveTRPCCode("BAD_REQUEST");
    await expect(agent.agent.queue({ cursor: "not-a-cursor" })).toHaveTRPCCode("BAD_REQUEST");
  });

  it("shows `mine`: what I hold and the customers I am personal manager of, nobody else's", async () => {
    const db = testDb();
    const platinum = await db.customer.findUniqueOrThrow({ where: { id: platinumId } });
    expect(platinum.personalManagerId).toBe(agent1Id);
    const managed = await createEscalation({ customerId: platinumId, category: "TECHNICAL_FAULT" });
    const heldByAgent2 = await createEscalation({ customerId: bronzeId, status: "ASSIGNED", assignedToId: agent2Id });

    const mine1 = await (await callerAs(DEMO.agent1)).agent.queue({ mine: true, limit: 100 });
    expect(mine1.items.map((item) => item.id)).toContain(managed.id);
    expect(mine1.items.map((item) => item.id)).not.toContain(heldByAgent2.id);
    expect(mine1.items.every((item) => item.isMine)).toBe(true);

    const mine2 = await (await callerAs(DEMO.agent2)).agent.queue({ mine: true, limit: 100 });
    expect(mine2.items.map((item) => item.id)).toContain(heldByAgent2.id);
    expect(mine2.items.map((item) => item.id)).not.toContain(managed.id);
    expect(mine2.items.every((item) => item.assignedTo?.id === agent2Id || item.isMine)).toBe(true);
  });
});

describe("agent.claim", () => {
  it("lets exactly one of two agents claiming at once win; the other gets CONFLICT", async () => {
    for (let round = 0; round < 5; round++) {
      const request = await createEscalation({ customerId: bronzeId });
      const [one, two] = await Promise.all([callerAs(DEMO.agent1), callerAs(DEMO.agent2)]);
      const results = await Promise.allSettled([
        one.agent.claim({ requestId: request.id }),
        two.agent.claim({ requestId: request.id }),
      ]);
      const won = results.filter((result) => result.status === "fulfilled");
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      await expect(lost[0]!.reason).toHaveTRPCCode("CONFLICT");

      const stored = await testDb().serviceRequest.findUniqueOrThrow({
        where: { id: request.id },
        include: { events: true },
      });
      expect(stored.status).toBe("ASSIGNED");
      expect([agent1Id, agent2Id]).toContain(stored.assignedToId);
      expect(stored.claimedAt).not.toBeNull();
      expect(stored.events.filter((event) => event.status === "ASSIGNED")).toHaveLength(1);
      const audits = await testDb().auditLog.count({ where: { entityId: request.id, action: "request.claim" } });
      expect(audits).toBe(1);
    }
  });

  it("names the holder when the request is already taken, and is a no-op for the holder", async () => {
    const request = await createEscalation({ customerId: silverId });
    const one = await callerAs(DEMO.agent1);
    const claimed = await one.agent.claim({ requestId: request.id });
    expect(claimed.assignedTo?.id).toBe(agent1Id);
    const again = await one.agent.claim({ requestId: request.id });
    expect(again.claimedAt).toEqual(claimed.claimedAt);
    const error = await (await callerAs(DEMO.agent2)).agent.claim({ requestId: request.id }).catch((e: unknown) => e);
    expect(readTRPCError(error)).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Мария Ковалёва"),
    });
  });

  it("answers NOT_FOUND for a request that does not exist", async () => {
    await expect((await callerAs(DEMO.agent1)).agent.claim({ requestId: "req_missing" })).toHaveTRPCCode("NOT_FOUND");
    await expect((await callerAs(DEMO.agent1)).agent.claim({ requestId: "" })).toHaveTRPCCode("BAD_REQUEST");
  });

  it("audits the claim with the state before and after, actor and IP", async () => {
    const request = await createEscalation({ customerId: silverId });
    await (await callerAs(DEMO.agent2, { ip: "10.1.2.3" })).agent.claim({ requestId: request.id });
    const entry = await testDb().auditLog.findFirstOrThrow({
      where: { entityId: request.id, action: "request.claim" },
    });
    expect(entry).toMatchObject({
      actorId: agent2Id,
      actorRole: "AGENT",
      ip: "10.1.2.3",
      entityType: "ServiceRequest",
    });
    expect(entry.before).toMatchObject({ status: "QUEUED", assignedToId: null });
    expect(entry.after).toMatchObject({ status: "ASSIGNED", assignedToId: agent2Id });
  });
});

describe("agent.release and agent.transfer", () => {
  it("releases a held request back to the queue", async () => {
    const request = await createEscalation({ customerId: silverId });
    const one = await callerAs(DEMO.agent1);
    await one.agent.claim({ requestId: request.id });
    await expect((await callerAs(DEMO.agent2)).agent.release({ requestId: request.id })).toHaveTRPCCode("CONFLICT");
    const released = await one.agent.release({ requestId: request.id });
    expect(released).toMatchObject({ status: "QUEUED", assignedToId: null, claimedAt: null });
    // Anyone can take it now.
    const taken = await (await callerAs(DEMO.agent2)).agent.claim({ requestId: request.id });
    expect(taken.assignedToId).toBe(agent2Id);
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { entityId: request.id, action: "request.release" },
    });
    expect(audit.before).toMatchObject({ assignedToId: agent1Id });
    expect(audit.after).toMatchObject({ status: "QUEUED", assignedToId: null });
  });

  it("transfers to another agent, who is notified; only the holder or a supervisor may", async () => {
    const request = await createEscalation({ customerId: bronzeId });
    const one = await callerAs(DEMO.agent1);
    await one.agent.claim({ requestId: request.id });
    await expect(
      (await callerAs(DEMO.agent2)).agent.transfer({ requestId: request.id, toAgentId: agent2Id }),
    ).toHaveTRPCCode("CONFLICT");
    await expect(one.agent.transfer({ requestId: request.id, toAgentId: agent1Id })).toHaveTRPCCode("BAD_REQUEST");
    const platinumLogin = await userIdOf(DEMO.platinum);
    await expect(one.agent.transfer({ requestId: request.id, toAgentId: platinumLogin })).toHaveTRPCCode("BAD_REQUEST");

    const moved = await one.agent.transfer({ requestId: request.id, toAgentId: agent2Id, note: "Roaming specialist" });
    expect(moved).toMatchObject({ status: "ASSIGNED", assignedToId: agent2Id });
    const notification = await testDb().notification.findFirstOrThrow({
      where: { userId: agent2Id, url: `/agent/requests/${request.id}` },
    });
    expect(notification.body).toContain("Roaming specialist");
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { entityId: request.id, action: "request.transfer" },
    });
    expect(audit.before).toMatchObject({ assignedToId: agent1Id });
    expect(audit.after).toMatchObject({ assignedToId: agent2Id });

    // A supervisor can move anyone's request.
    const back = await (await callerAs(DEMO.admin)).agent.transfer({ requestId: request.id, toAgentId: agent1Id });
    expect(back.assignedToId).toBe(agent1Id);
  });
});
