import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSession } from "@/app/_trpc/server";
import { log } from "@selfcare/server/log";
import {
  DEFAULT_LOCALE,
  isLocale,
  LOCALE_COOKIE,
  localeFromAcceptLanguage,
  type AppLocale,
} from "@/server/i18n/locales";
import { getMessages } from "./messages";

/** The operator's time zone, so server and browser format moments the same way. */
export const TIME_ZONE = "Europe/Moscow";

async function resolveLocale(): Promise<AppLocale> {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookieLocale)) return cookieLocale;

  try {
    const session = await getSession();
    if (isLocale(session?.locale)) return session.locale;
  } catch (error) {
    // Error and not-found pages must still render in a language when the database is down.
    log.warn({ err: error }, "could not read the session locale");
  }

  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: getMessages(locale), timeZone: TIME_ZONE };
});
