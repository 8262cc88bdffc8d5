import "server-only";
import type { Database } from "../../db/client";
import { DEFAULT_ROUTING_POLICY, parseStoredPolicy, type RoutingPolicyConfig } from "./policy.schema";

export type ActivePolicy = { version: number; config: RoutingPolicyConfig };

/** The routing policy in force: the highest saved version (the defaults before any is saved). */
export async function getActivePolicy(db: Pick<Database, "routingPolicy">): Promise<ActivePolicy> {
  const latest = await db.routingPolicy.findFirst({ orderBy: { version: "desc" } });
  if (!latest) return { version: 0, config: DEFAULT_ROUTING_POLICY };
  return { version: latest.version, config: parseStoredPolicy(latest.config) };
}
