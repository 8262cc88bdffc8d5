import { localeOrDefault } from "../../i18n/locales";

/** A tariff's name in the reader's language: tariffs are named in Russian and in English. */
export function tariffNameIn(tariff: { name: string; nameEn: string }, locale: string | null | undefined): string {
  return localeOrDefault(locale) === "en" ? tariff.nameEn : tariff.name;
}
