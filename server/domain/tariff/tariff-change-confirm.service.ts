import "server-only";
import type { ProvisioningCommand } from "@prisma/client";
import type { Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { currentCycle } from "../billing/cycle";
import { notifyCustomer } from "../notification/notify.service";
import { prorateChange } from "./proration";
import { tariffBrief } from "./tariff-change-status";
import { tariffNameIn } from "./tariff-name";

/**
 * The network confirmed a TARIFF_CHANGE command (called in the command's DONE transaction): the
 * line takes the new tariff from the change's effective time, the one its proration was computed
 * for, and the subscriber hears that it is on. A confirmation that comes after the cycle it was
 * priced for has ended (that cycle's bill is out) takes effect now instead, prorated for this
 * cycle, so its money lands on exactly one bill. Other commands, and a change no longer waiting
 * for the network, are left alone.
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
    include: {
      toTariff: tariffBrief,
      fromTariff: tariffBrief,
      line: { select: { customer: { select: { billingDay: true } } } },
    },
  });
  if (!change) return;
  const { billingDay } = change.line.customer;
  const late = now >= currentCycle(billingDay, change.effectiveAt).end;
  const repriced = late
    ? prorateChange({
        fromFeeCents: change.fromTariff.monthlyFeeCents,
        toFeeCents: change.toTariff.monthlyFeeCents,
        effective: "IMMEDIATE",
        billingDay,
        at: now,
      })
    : null;
  const effectiveAt = repriced?.effectiveAt ?? change.effectiveAt;
  await tx.line.update({
    where: { id: change.lineId },
    data: { tariffId: change.toTariffId, tariffSince: effectiveAt },
  });
  await tx.tariffChange.update({
    where: { id: changeId },
    data: {
      status: "APPLIED",
      appliedAt: now,
      ...(repriced && {
        effectiveAt,
        prorationCreditCents: repriced.creditCents,
        prorationChargeCents: repriced.chargeCents,
      }),
    },
  });
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
