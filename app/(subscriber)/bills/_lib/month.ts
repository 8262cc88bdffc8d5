import { formatDate } from "@/app/_lib/format";

/** "October 2026" / "октябрь 2026 г.": the month a bill is for. */
export function formatMonth(date: Date | string, locale: string): string {
  return formatDate(date, locale, { dateStyle: undefined, month: "long", year: "numeric" });
}
