import { runOnce } from "graphile-worker";
import { describe, expect, it } from "vitest";
import type { NetworkProvisioning } from "../../server/domain/provisioning/network-provisioning";
import { issueCommand, sendProvisioningCommand } from "../../server/domain/provisioning/provisioning.service";
import { createSimulatedNetwork } from "../../server/domain/provisioning/simulated-network.service";
import { taskList } from "../../server/jobs/tasks";
import { DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";

async function lineOf(phone: string) {
  const user = await testDb().user.findUniqueOrThrow({ where: { phone } });
  return testDb().line.findFirstOrThrow({ where: { customerId: user.customerId!, kind: "MOBILE" } });
}

function issue(lineId: string, kind: "BLOCK" | "UNBLOCK", sourceKey: string) {
  return testDb().$transaction((tx) => issueCommand(tx, { lineId, kind, payload: { reason: "LOST" }, sourceKey }));
}

/** The simulated network that applies the command and then loses its answer, like a timeout. */
function appliesThenTimesOut(): NetworkProvisioning {
  const real = createSimulatedNetwork(testDb(), { latencyMs: 0, failureRate: 0 });
  return {
    name: "flaky",
    async apply(command) {
      await real.apply(command);
      throw new Error("network timeout");
    },
  };
}

describe("provisioning commands", () => {
  it("issuing the same source twice is one command and one job", async () => {
    const line = await lineOf(DEMO.bronze);
    const first = await issue(line.id, "BLOCK", "src-once");
    const second = await issue(line.id, "BLOCK", "src-once");
    expect(second.id).toBe(first.id);
    expect(await testDb().provisioningCommand.count({ where: { lineId: line.id, sourceKey: "src-once" } })).toBe(1);
    // The job runs it through the simulated network: the line follows the outcome and the owner is told.
    process.env.NETWORK_SIM_LATENCY_MS = "0";
    try {
      await runOnce({ connectionString: testDatabaseUrl(), taskList });
    } finally {
      delete process.env.NETWORK_SIM_LATENCY_MS;
    }
    expect(await testDb().provisioningCommand.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "DONE",
      attempts: 1,
    });
    expect((await testDb().line.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("BLOCKED");
    const user = await testDb().user.findUniqueOrThrow({ where: { phone: DEMO.bronze } });
    expect(await testDb().notification.count({ where: { userId: user.id, kind: "LINE_STATUS" } })).toBe(1);
    // A repeated job changes nothing.
    expect(await sendProvisioningCommand(testDb(), first.id)).toBe("SKIPPED");
  });

  it("a command retried after a lost answer applies once and ends DONE", async () => {
    const db = testDb();
    const line = await lineOf(DEMO.silver);
    const command = await issue(line.id, "BLOCK", "src-retry");
    expect(await sendProvisioningCommand(db, command.id, { network: appliesThenTimesOut(), maxAttempts: 3 })).toBe(
      "RETRYING",
    );
    const failed = await db.provisioningCommand.findUniqueOrThrow({ where: { id: command.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, lastError: "network timeout" });
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    // Until the network confirms, the line stays as it was.
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("ACTIVE");

    const network = createSimulatedNetwork(db, { latencyMs: 0, failureRate: 0 });
    expect(await sendProvisioningCommand(db, command.id, { network, maxAttempts: 3 })).toBe("DONE");
    expect(await db.simulatedNetworkApply.count({ where: { commandId: command.id } })).toBe(1);
    expect(await db.provisioningCommand.findUniqueOrThrow({ where: { id: command.id } })).toMatchObject({
      status: "DONE",
      attempts: 2,
      lastError: null,
    });
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("BLOCKED");
  });

  it("a command that keeps failing ends NEEDS_AGENT and the line is untouched", async () => {
    const db = testDb();
    const line = await lineOf(DEMO.platinum);
    const command = await issue(line.id, "BLOCK", "src-fail");
    const down = createSimulatedNetwork(db, { latencyMs: 0, failureRate: 1 });
    const outcomes = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      outcomes.push(await sendProvisioningCommand(db, command.id, { network: down, maxAttempts: 3 }));
    }
    expect(outcomes).toEqual(["RETRYING", "RETRYING", "NEEDS_AGENT"]);
    expect(await db.provisioningCommand.findUniqueOrThrow({ where: { id: command.id } })).toMatchObject({
      status: "NEEDS_AGENT",
      attempts: 3,
    });
    expect(await db.simulatedNetworkApply.count({ where: { commandId: command.id } })).toBe(0);
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("ACTIVE");
    // Handed to an agent: a later job does not send it again.
    expect(await sendProvisioningCommand(db, command.id, { network: down, maxAttempts: 3 })).toBe("SKIPPED");
  });
});
