import { formatGigabytes } from "@/app/_lib/format";

type Translate = (key: "allowance.data" | "allowance.minutes", values: Record<string, string | number>) => string;

/** "5 GB · 100 min": what an add-on adds, in the reader's language. */
export function allowanceText(
  item: { dataMb: number | null; minutes: number | null },
  t: Translate,
  locale: string,
): string {
  const parts: string[] = [];
  if (item.dataMb) parts.push(t("allowance.data", { amount: formatGigabytes(item.dataMb, locale) }));
  if (item.minutes) parts.push(t("allowance.minutes", { minutes: item.minutes }));
  return parts.join(" · ");
}
