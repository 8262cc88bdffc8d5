/** What the console needs from a failed call: its tRPC code, message and the fields at fault. */
export type CallFailure = { code: string; message: string; fields: Record<string, string> };

export function failureOf(error: unknown): CallFailure | null {
  if (!error || typeof error !== "object") return null;
  const { message, data } = error as {
    message?: string;
    data?: { code?: string; fields?: Record<string, string> } | null;
  };
  return { code: data?.code ?? "INTERNAL_SERVER_ERROR", message: message ?? "", fields: data?.fields ?? {} };
}

/** A fresh idempotency key for one user intention (kept until it succeeds, so a retry reuses it). */
export function newIdempotencyKey(prefix: string): string {
  const random =
    typeof crypto !== "undefined" && "randomUUID" in crypto
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}

/** Roubles typed by a person ("150", "150,5", "1 234.56") to kopecks; null when it is not an amount. */
export function parseRoubles(input: string): number | null {
  const compact = input.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(compact)) return null;
  const [whole, fraction = ""] = compact.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
