/**
 * True when a mutation's error is the service worker's answer that it kept the submission in the
 * outbox (offline): a form can say "saved, will be sent" instead of "not sent".
 * `error.data` of a TRPCClientError carries `queued: true` then.
 */
export function isQueuedOffline(error: unknown): boolean {
  const data = (error as { data?: { queued?: unknown } } | null)?.data;
  return data?.queued === true;
}
