/** Display formatting for the UI: dates, numbers, phones. Money is formatted in ./money.ts. */

/** A calendar date (billing dates are UTC midnights), e.g. "15 января 2027 г." / "January 15, 2027". */
export function formatDate(date: Date | string, locale: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC", ...options }).format(new Date(date));
}

/** A moment as the viewer's local time of day, e.g. "14:05" / "2:05 PM". */
export function formatTime(date: Date | string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(date));
}

export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** Megabytes as gigabytes with one decimal, e.g. "2,5" / "2.5". */
export function formatGigabytes(megabytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(megabytes / 1024);
}

/** "+79001000001" → "+7 900 100-00-01"; anything else is shown as it is. */
export function formatPhone(msisdn: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(msisdn.replace(/[\s()-]/g, ""));
  if (!match) return msisdn;
  const [, code, first, second, third] = match;
  return `+7 ${code} ${first}-${second}-${third}`;
}
