/** "4503 418275" → "•••• ••8275": enough to check what the caller reads out, no more. */
export function maskDocument(documentNumber: string | null): string | null {
  if (!documentNumber) return null;
  const digits = documentNumber.replace(/\D/g, "");
  if (digits.length < 4) return "••••";
  return `•••• ••${digits.slice(-4)}`;
}

/** Whole calendar months from `from` to `to` (UTC), never negative. */
export function monthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  return Math.max(0, to.getUTCDate() < from.getUTCDate() ? months - 1 : months);
}
