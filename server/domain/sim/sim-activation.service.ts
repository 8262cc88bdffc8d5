import "server-only";
import type { ProvisioningKind } from "@prisma/client";
import type { Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { notify } from "../notification/notify.service";

/**
 * Called from the DONE transaction of every provisioning command: when a replacement's SIM_SWAP is
 * done, the new SIM serves the line and the old one stops (the line's ICCID changes now, not
 * before), and the subscriber is told. A blocked line stays blocked: unblocking is its own step
 * (line.unblock), whose code now reaches the new SIM.
 */
export async function activateReplacementSim(
  tx: Transaction,
  command: { kind: ProvisioningKind; sourceKey: string; lineId: string },
) {
  if (command.kind !== "SIM_SWAP" || !command.sourceKey.startsWith("sim:")) return;
  const replacement = await tx.simReplacement.findUnique({ where: { id: command.sourceKey.slice("sim:".length) } });
  if (!replacement || replacement.lineId !== command.lineId || replacement.status !== "ACTIVATING") return;
  const line = await tx.line.findUniqueOrThrow({
    where: { id: command.lineId },
    select: { iccid: true, msisdn: true, customerId: true },
  });
  await tx.simReplacement.update({
    where: { id: replacement.id },
    data: { status: "ACTIVE", activatedAt: new Date(), previousIccid: line.iccid },
  });
  await tx.line.update({ where: { id: command.lineId }, data: { iccid: replacement.iccid } });
  const login = await tx.user.findUnique({
    where: { customerId: line.customerId },
    select: { id: true, locale: true },
  });
  if (!login) return;
  const t = translatorFor(login.locale, "notifications");
  await notify(tx, login.id, {
    kind: "LINE_STATUS",
    title: t("simActiveTitle", { kind: replacement.kind }),
    body: t("simActiveBody", { line: line.msisdn ?? command.lineId }),
    url: `/sim?lineId=${command.lineId}`,
  });
}
