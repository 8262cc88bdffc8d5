/** Why an add-on cannot be bought for a line; the service turns these into clear messages. */
export type AddonRefusal = "LINE_NOT_ACTIVE" | "NOT_MOBILE" | "RETIRED" | "TARIFF_NOT_ELIGIBLE";

export const DAY_MS = 24 * 60 * 60 * 1000;

export function addonRefusals(input: {
  line: { status: string; kind: string; tariffId: string };
  addon: { status: string; eligibleTariffIds: readonly string[] };
}): AddonRefusal[] {
  const reasons: AddonRefusal[] = [];
  if (input.line.status !== "ACTIVE") reasons.push("LINE_NOT_ACTIVE");
  if (input.line.kind !== "MOBILE") reasons.push("NOT_MOBILE");
  if (input.addon.status !== "ACTIVE") reasons.push("RETIRED");
  if (input.addon.eligibleTariffIds.length > 0 && !input.addon.eligibleTariffIds.includes(input.line.tariffId))
    reasons.push("TARIFF_NOT_ELIGIBLE");
  return reasons;
}

/** When a purchase made at `at` ends: the validity in whole days from the moment of purchase. */
export function addonEndsAt(at: Date, validityDays: number): Date {
  return new Date(at.getTime() + validityDays * DAY_MS);
}

const MESSAGES: Record<AddonRefusal, string> = {
  LINE_NOT_ACTIVE: "The line is not active (blocked or suspended), so add-ons cannot be bought for it",
  NOT_MOBILE: "Add-ons are for mobile lines only",
  RETIRED: "This add-on is no longer sold",
  TARIFF_NOT_ELIGIBLE: "This add-on is not available on the line's tariff",
};

export function refusalMessage(reasons: AddonRefusal[]): string {
  return reasons.map((reason) => MESSAGES[reason]).join("; ");
}

/** What is left of a purchase's allowance after the usage rated against it (null: it adds none of that kind). */
export function remainingOf(
  purchase: { dataMb: number | null; minutes: number | null },
  used: { dataMb: number; minutes: number } = { dataMb: 0, minutes: 0 },
) {
  const left = (allowance: number | null, spent: number) =>
    allowance === null ? null : Math.max(0, allowance - spent);
  return { dataMb: left(purchase.dataMb, used.dataMb), minutes: left(purchase.minutes, used.minutes) };
}
