import "server-only";
import type { ProvisioningKind } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";

type Reader = Database | Transaction;

export const SPEND_KINDS: ProvisioningKind[] = ["SPEND_BAR", "SPEND_UNBAR"];

/** The line's latest bar or unbar: what the network was last told about chargeable extras. */
export async function latestSpendCommand(db: Reader, lineId: string) {
  return db.provisioningCommand.findFirst({
    where: { lineId, kind: { in: SPEND_KINDS } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, status: true },
  });
}

/**
 * Called from the DONE transaction of a provisioning command: a SPEND_BAR that the network applied
 * bars the line's chargeable extras, a SPEND_UNBAR lifts it. Only the latest of the line's spend
 * commands counts, so a bar confirmed after a later unbar changes nothing.
 */
export async function applySpendCommandDone(
  tx: Transaction,
  command: { id: string; lineId: string; kind: ProvisioningKind },
  now = new Date(),
) {
  if (!SPEND_KINDS.includes(command.kind)) return;
  const latest = await latestSpendCommand(tx, command.lineId);
  if (latest?.id !== command.id) return;
  await tx.line.update({
    where: { id: command.lineId },
    data: { spendBarredAt: command.kind === "SPEND_BAR" ? now : null },
  });
}
