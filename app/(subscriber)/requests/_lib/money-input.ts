/**
 * Roubles typed by a person ("1 250,50", "1250.5", "300") to kopecks; null when it is not an
 * amount. Money becomes integer minor units at the first step and stays so.
 */
export function parseRoubles(text: string): number | null {
  const compact = text.replace(/[\s\u00a0₽]/g, "").replace(",", ".");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(compact)) return null;
  const [whole, fraction = ""] = compact.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
