import type { NetworkProvisioning } from "../../../server/domain/provisioning/network-provisioning";
import { sendProvisioningCommand } from "../../../server/domain/provisioning/provisioning.service";
import { createSimulatedNetwork } from "../../../server/domain/provisioning/simulated-network.service";
import { testDb } from "./db";

/** The simulated network with no latency and no failures. */
export const workingNetwork = () => createSimulatedNetwork(testDb(), { latencyMs: 0, failureRate: 0 });

/**
 * What the `provisioning:send` job would do for the line: every command not yet applied (PENDING,
 * or FAILED and due again) sent to the network, oldest first.
 */
export async function applyPendingCommands(
  lineId: string,
  network: NetworkProvisioning = workingNetwork(),
  maxAttempts = 5,
) {
  const pending = await testDb().provisioningCommand.findMany({
    where: { lineId, status: { in: ["PENDING", "FAILED"] } },
    orderBy: { createdAt: "asc" },
  });
  for (const command of pending) await sendProvisioningCommand(testDb(), command.id, { network, maxAttempts });
}
