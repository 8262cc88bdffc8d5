import "server-only";
import { kyselyOf, type Database } from "../../db/client";
import { DEFAULT_ROUTING_POLICY, parseStoredPolicy, type RoutingPolicyConfig } from "./policy.schema";

export type ActivePolicy = { version: number; config: RoutingPolicyConfig };

function activePolicyOf(latest: { version: number; config: unknown } | null | undefined): ActivePolicy {
  if (!latest) return { version: 0, config: DEFAULT_ROUTING_POLICY };
  return { version: latest.version, config: parseStoredPolicy(latest.config) };
}

/** The routing policy in force: the highest saved version (the defaults before any is saved). */
export async function getActivePolicy(db: Pick<Database, "routingPolicy">): Promise<ActivePolicy> {
  return activePolicyOf(await db.routingPolicy.findFirst({ orderBy: { version: "desc" } }));
}

/** `getActivePolicy` straight on the pool, for the outage burst (request/outage-filing.service.ts). */
export async function getActivePolicyFromPool(db: Database): Promise<ActivePolicy> {
  return activePolicyOf(
    await kyselyOf(db)
      .selectFrom("RoutingPolicy")
      .select(["version", "config"])
      .orderBy("version", "desc")
      .limit(1)
      .executeTakeFirst(),
  );
}
