import "server-only";
import type { Database } from "../../db/client";
import type { AgentActor } from "../agent/agent-actor";
import { writeAudit } from "../audit/write-audit.service";
import { isUniqueViolation, notFound } from "../errors";
import type { ReplaceSimInput } from "./sim.schema";
import { getSimStatus, replaceSim } from "./sim-replacement.service";

/**
 * `agent.replaceSim`: the subscriber's SIM replacement ordered by an agent from the customer 360
 * view (channel PHONE), with the same rules, audited with the line's SIM before and the replacement
 * after. A replayed key answers the same replacement and writes no second entry.
 */
export async function replaceSimOnBehalf(db: Database, actor: AgentActor, input: ReplaceSimInput) {
  const line = await db.line.findUnique({
    where: { id: input.lineId },
    select: { id: true, customerId: true, iccid: true },
  });
  if (!line) throw notFound("Line");
  const replacement = await replaceSim(db, { customerId: line.customerId, userId: actor.id, channel: "PHONE" }, input);
  try {
    await writeAudit(db, actor, {
      action: "sim.replace",
      entityType: "Line",
      entityId: line.id,
      idempotencyKey: `sim.replace:${input.idempotencyKey}`,
      before: { iccid: line.iccid },
      after: { replacementId: replacement.id, kind: replacement.kind, status: replacement.status },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return replacement;
}

/** `agent.simStatus`: what the subscriber sees of the line's SIM replacement, for the agent on the phone. */
export async function getSimStatusOnBehalf(db: Database, input: { lineId: string }) {
  const line = await db.line.findUnique({ where: { id: input.lineId }, select: { customerId: true } });
  if (!line) throw notFound("Line");
  return getSimStatus(db, line.customerId, input);
}
