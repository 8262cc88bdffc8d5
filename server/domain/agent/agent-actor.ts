import type { AuditActor } from "../audit/write-audit.service";

/** The signed-in agent or supervisor acting in the console: audited with role and IP. */
export type AgentActor = AuditActor & { name: string };

export function isSupervisor(actor: Pick<AgentActor, "role">): boolean {
  return actor.role === "ADMIN";
}
