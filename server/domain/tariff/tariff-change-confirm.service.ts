import "server-only";
import type { ProvisioningCommand } from "@prisma/client";
import type { Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { notifyCustomer } from "../notification/notify.service";
import { tariffBrief } from "./tariff-change-status";
import { tariffNameIn } from "./tariff-name";

/**
 * The network confirmed a TARIFF_CHANGE command (called in the command's DONE transaction): the
 * line takes the new tariff from the change's effective time, the one its proration was computed
 * for, and the subscriber hears that it is on. Other commands, and a change no longer waiting for
 * the network, are left alone.
 */
export async function applyConfirmedTariffChange(
  tx: Transaction,
  command: Pick<ProvisioningCommand, "kind" | "payload">,
  now: Date,
): Promise<void> {
  if (command.kind !== "TARIFF_CHANGE") return;
  const changeId = (command.payload as { changeId?: string } | null)?.changeId;
  if (!changeId) return;
  const change = await tx.tariffChange.findFirst({
    where: { id: changeId, status: "PROVISIONING" },
    include: { toTariff: tariffBrief },
  });
  if (!change) return;
  await tx.line.update({
    where: { id: change.lineId },
    data: { tariffId: change.toTariffId, tariffSince: change.effectiveAt },
  });
  await tx.tariffChange.update({ where: { id: changeId }, data: { status: "APPLIED", appliedAt: now } });
  await notifyCustomer(tx, change.customerId, (locale) => {
    const t = translatorFor(locale, "notifications");
    return {
      kind: "TARIFF_CHANGE",
      title: t("tariffChangeAppliedTitle", { tariff: tariffNameIn(change.toTariff, locale) }),
      body: t("tariffChangeAppliedBody"),
      url: "/tariffs",
    };
  });
}
