import "server-only";
import type { Database } from "../../db/client";
import type { AgentActor } from "../agent/agent-actor";
import { writeAudit } from "../audit/write-audit.service";
import { isUniqueViolation, notFound } from "../errors";
import type { AgentSetSpendLimitInput } from "./spend.schema";
import { applySpendLimit, spendLimitView } from "./spend.service";

/**
 * `agent.setSpendLimit`: the customer's cap set by an agent from the 360 view (channel PHONE), with
 * an audit entry of the cap before and after. A replayed idempotency key finds its entry and changes
 * nothing more (not even back to its value after a later change).
 */
export async function setSpendLimitOnBehalf(db: Database, actor: AgentActor, input: AgentSetSpendLimitInput) {
  const line = await db.line.findUnique({ where: { id: input.lineId }, select: { id: true, customerId: true } });
  if (!line) throw notFound("Line");
  const auditKey = `spend.setLimit:${input.idempotencyKey}`;
  const done = await db.auditLog.findFirst({ where: { actorId: actor.id, idempotencyKey: auditKey } });
  if (done) return spendLimitView(db, line.id);
  const { view, before } = await applySpendLimit(
    db,
    { customerId: line.customerId, userId: actor.id, channel: "PHONE" },
    input,
  );
  try {
    await writeAudit(db, actor, {
      action: "spend.setLimit",
      entityType: "Line",
      entityId: line.id,
      idempotencyKey: auditKey,
      before: { spendLimitCents: before },
      after: { spendLimitCents: view.limitCents },
    });
  } catch (error) {
    // Its concurrent twin wrote the entry.
    if (!isUniqueViolation(error)) throw error;
  }
  return view;
}
