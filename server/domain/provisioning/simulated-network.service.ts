import "server-only";
import type { Database } from "../../db/client";
import type { NetworkProvisioning } from "./network-provisioning";

export type SimulatedNetworkOptions = {
  /** NETWORK_SIM_LATENCY_MS, default 200. */
  latencyMs: number;
  /** NETWORK_SIM_FAILURE_RATE, 0..1, default 0: the share of requests that fail before the network applies them. */
  failureRate: number;
  random?: () => number;
};

export function readSimulatedNetworkOptions(env: Record<string, string | undefined> = process.env) {
  const latency = Number(env.NETWORK_SIM_LATENCY_MS ?? 200);
  const rate = Number(env.NETWORK_SIM_FAILURE_RATE ?? 0);
  return {
    latencyMs: Number.isFinite(latency) && latency >= 0 ? latency : 200,
    failureRate: Number.isFinite(rate) && rate >= 0 && rate <= 1 ? rate : 0,
  } satisfies SimulatedNetworkOptions;
}

export class SimulatedNetworkError extends Error {}

/**
 * The built-in network: waits its latency, fails a share of requests, and otherwise applies the
 * command once, keeping its id in its own table (so a retry after a lost answer, or after a
 * restart, does not apply it again).
 */
export function createSimulatedNetwork(
  db: Pick<Database, "simulatedNetworkApply">,
  options: SimulatedNetworkOptions = readSimulatedNetworkOptions(),
): NetworkProvisioning {
  const random = options.random ?? Math.random;
  return {
    name: "simulated",
    async apply(command) {
      if (options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      if (options.failureRate > 0 && random() < options.failureRate) {
        throw new SimulatedNetworkError(`simulated network failure for ${command.kind}`);
      }
      await db.simulatedNetworkApply.createMany({
        data: [{ commandId: command.id, kind: command.kind, lineId: command.lineId }],
        skipDuplicates: true,
      });
    },
  };
}
