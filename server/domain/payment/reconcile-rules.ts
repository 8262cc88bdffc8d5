/** Asking the provider about a payment without an answer: after this many tries a supervisor looks at it. */
export const MAX_RECONCILE_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/**
 * How long the reconcile job waits before asking the provider again after `attempts` tries without
 * an answer: one minute, doubling, at most an hour (so the 8th try is about 2 hours after the first).
 */
export function reconcileRetryDelayMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 16));
  return Math.min(FIRST_RETRY_MS * 2 ** exponent, LONGEST_RETRY_MS);
}

/** Whether this failed try is the one that hands the payment to a supervisor. */
export function isReviewDue(attempts: number): boolean {
  return attempts >= MAX_RECONCILE_ATTEMPTS;
}
