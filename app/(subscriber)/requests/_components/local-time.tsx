"use client";

import { useLocale } from "next-intl";

const FORMATS = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "long" },
  time: { hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export function formatLocal(date: Date | string, locale: string, style: keyof typeof FORMATS = "dateTime"): string {
  return new Intl.DateTimeFormat(locale, FORMATS[style]).format(new Date(date));
}

/**
 * A moment in the viewer's own time zone. The server renders it in its zone; the browser
 * corrects it on hydration, which React is told to expect.
 */
export function LocalTime({ date, style = "dateTime" }: { date: Date | string; style?: keyof typeof FORMATS }) {
  const locale = useLocale();
  const value = new Date(date);
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {formatLocal(value, locale, style)}
    </time>
  );
}

/** A sentence around a moment, e.g. "Answer by 14:05", in the viewer's time zone. */
export function LocalText({
  date,
  style = "dateTime",
  children,
}: {
  date: Date | string;
  style?: keyof typeof FORMATS;
  children: (formatted: string) => string;
}) {
  const locale = useLocale();
  return <span suppressHydrationWarning>{children(formatLocal(date, locale, style))}</span>;
}
