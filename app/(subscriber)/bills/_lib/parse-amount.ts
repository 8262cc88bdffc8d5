/** "150", "150,5", "1 500.50 ₽" → kopecks; null when it is not an amount with at most two decimals. */
export function parseRublesToKopecks(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0₽]/g, "").replace(",", ".");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
