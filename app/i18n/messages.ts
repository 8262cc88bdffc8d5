import "server-only";
import enCommon from "@/messages/en/common.json";
import enDashboard from "@/messages/en/dashboard.json";
import enErrors from "@/messages/en/errors.json";
import enHome from "@/messages/en/home.json";
import enNav from "@/messages/en/nav.json";
import enSignIn from "@/messages/en/signIn.json";
import ruCommon from "@/messages/ru/common.json";
import ruDashboard from "@/messages/ru/dashboard.json";
import ruErrors from "@/messages/ru/errors.json";
import ruHome from "@/messages/ru/home.json";
import ruNav from "@/messages/ru/nav.json";
import ruSignIn from "@/messages/ru/signIn.json";
import type { AppLocale } from "./locales";

// One file per namespace and language (messages/<locale>/<namespace>.json), so features add
// their own strings without touching each other's. English is the reference shape.
const en = {
  common: enCommon,
  dashboard: enDashboard,
  errors: enErrors,
  home: enHome,
  nav: enNav,
  signIn: enSignIn,
};

export type Messages = typeof en;

// Both languages must have the same keys: a key missing in either one fails the typecheck.
const ru = {
  common: ruCommon,
  dashboard: ruDashboard,
  errors: ruErrors,
  home: ruHome,
  nav: ruNav,
  signIn: ruSignIn,
} satisfies Messages;
const catalogues: Record<AppLocale, Messages> = { ru, en: en satisfies typeof ru };

export function getMessages(locale: AppLocale): Messages {
  return catalogues[locale];
}
