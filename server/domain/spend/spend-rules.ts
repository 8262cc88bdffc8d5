/** The percentages of the cap at which the subscriber is told, lowest first. */
export const SPEND_THRESHOLDS = [80, 100] as const;

export type SpendThreshold = (typeof SPEND_THRESHOLDS)[number];

export type SpendDecision = {
  /** The alert to send now: the highest threshold newly reached (one message, not two at once), or null. */
  send: SpendThreshold | null;
  /** Thresholds to record as sent this cycle (all newly reached ones, so a lower one is not sent later). */
  record: SpendThreshold[];
  /** Thresholds sent earlier that the spend no longer reaches (the cap was raised): they may go again. */
  forget: SpendThreshold[];
  /** Chargeable extras are barred: the spend has reached the cap. */
  bar: boolean;
};

/** Whether `spentCents` reaches `percent` of the cap; integer arithmetic, so exactly 80% counts. */
function reaches(limitCents: number, spentCents: number, percent: number): boolean {
  return spentCents * 100 >= limitCents * percent;
}

/**
 * The spending-limit rule (issue 16): given the cap (null: none), the extras spent this cycle and the
 * alerts already sent this cycle, which alert to send now and whether the line is barred. A cap of 0
 * bars every extra at once but alerts only once something has been spent; lowering the cap below the
 * spend reaches 100% at once; raising it above the spend lifts the bar and lets the alerts go again.
 */
export function decideSpend(input: {
  limitCents: number | null;
  spentCents: number;
  sent: readonly number[];
}): SpendDecision {
  const { limitCents, spentCents, sent } = input;
  if (limitCents === null) {
    return { send: null, record: [], forget: SPEND_THRESHOLDS.filter((t) => sent.includes(t)), bar: false };
  }
  const reached = SPEND_THRESHOLDS.filter((t) => spentCents > 0 && reaches(limitCents, spentCents, t));
  const record = reached.filter((t) => !sent.includes(t));
  const forget = SPEND_THRESHOLDS.filter((t) => sent.includes(t) && !reached.includes(t));
  return {
    send: record.length > 0 ? record[record.length - 1]! : null,
    record,
    forget,
    bar: spentCents >= limitCents,
  };
}

/** What may still be spent this cycle before the cap (null: no cap), never below 0. */
export function spendLeftCents(limitCents: number | null, spentCents: number): number | null {
  return limitCents === null ? null : Math.max(0, limitCents - spentCents);
}

export type PurchaseCheck =
  { allowed: true } | { allowed: false; reason: "CAP_REACHED" | "OVER_CAP"; leftCents: number };

/** Whether an extra costing `priceCents` fits under the cap: refused once the cap is reached, or if it would pass it. */
export function checkPurchaseAgainstCap(input: {
  limitCents: number | null;
  spentCents: number;
  priceCents: number;
}): PurchaseCheck {
  const left = spendLeftCents(input.limitCents, input.spentCents);
  if (left === null) return { allowed: true };
  if (left === 0) return { allowed: false, reason: "CAP_REACHED", leftCents: 0 };
  if (input.priceCents > left) return { allowed: false, reason: "OVER_CAP", leftCents: left };
  return { allowed: true };
}
