import "server-only";
import enAddons from "@/messages/en/addons.json";
import enAdmin from "@/messages/en/admin.json";
import enAgent from "@/messages/en/agent.json";
import enBills from "@/messages/en/bills.json";
import enCommon from "@/messages/en/common.json";
import enDashboard from "@/messages/en/dashboard.json";
import enErrors from "@/messages/en/errors.json";
import enHome from "@/messages/en/home.json";
import enActivation from "@/messages/en/activation.json";
import enNav from "@/messages/en/nav.json";
import enPartner from "@/messages/en/partner.json";
import enPasskeys from "@/messages/en/passkeys.json";
import enRequests from "@/messages/en/requests.json";
import enSecondFactor from "@/messages/en/secondFactor.json";
import enProfile from "@/messages/en/profile.json";
import enPwa from "@/messages/en/pwa.json";
import enSessions from "@/messages/en/sessions.json";
import enSignIn from "@/messages/en/signIn.json";
import enTariffs from "@/messages/en/tariffs.json";
import enSim from "@/messages/en/sim.json";
import enIncidents from "@/messages/en/incidents.json";
import ruAddons from "@/messages/ru/addons.json";
import ruAdmin from "@/messages/ru/admin.json";
import ruAgent from "@/messages/ru/agent.json";
import ruBills from "@/messages/ru/bills.json";
import ruCommon from "@/messages/ru/common.json";
import ruDashboard from "@/messages/ru/dashboard.json";
import ruErrors from "@/messages/ru/errors.json";
import ruHome from "@/messages/ru/home.json";
import ruActivation from "@/messages/ru/activation.json";
import ruNav from "@/messages/ru/nav.json";
import ruPartner from "@/messages/ru/partner.json";
import ruPasskeys from "@/messages/ru/passkeys.json";
import ruRequests from "@/messages/ru/requests.json";
import ruSecondFactor from "@/messages/ru/secondFactor.json";
import ruProfile from "@/messages/ru/profile.json";
import ruPwa from "@/messages/ru/pwa.json";
import ruSessions from "@/messages/ru/sessions.json";
import ruSignIn from "@/messages/ru/signIn.json";
import ruTariffs from "@/messages/ru/tariffs.json";
import ruSim from "@/messages/ru/sim.json";
import ruIncidents from "@/messages/ru/incidents.json";
import type { AppLocale } from "@/server/i18n/locales";

// One file per namespace and language (messages/<locale>/<namespace>.json), so features add
// their own strings without touching each other's. English is the reference shape.
const en = {
  addons: enAddons,
  admin: enAdmin,
  agent: enAgent,
  bills: enBills,
  common: enCommon,
  dashboard: enDashboard,
  errors: enErrors,
  home: enHome,
  nav: enNav,
  partner: enPartner,
  passkeys: enPasskeys,
  activation: enActivation,
  requests: enRequests,
  secondFactor: enSecondFactor,
  profile: enProfile,
  pwa: enPwa,
  sessions: enSessions,
  signIn: enSignIn,
  tariffs: enTariffs,
  sim: enSim,
  incidents: enIncidents,
};

export type Messages = typeof en;

// Both languages must have the same keys: a key missing in either one fails the typecheck.
const ru = {
  addons: ruAddons,
  admin: ruAdmin,
  agent: ruAgent,
  bills: ruBills,
  common: ruCommon,
  dashboard: ruDashboard,
  errors: ruErrors,
  home: ruHome,
  nav: ruNav,
  partner: ruPartner,
  passkeys: ruPasskeys,
  activation: ruActivation,
  requests: ruRequests,
  secondFactor: ruSecondFactor,
  profile: ruProfile,
  pwa: ruPwa,
  sessions: ruSessions,
  signIn: ruSignIn,
  tariffs: ruTariffs,
  sim: ruSim,
  incidents: ruIncidents,
} satisfies Messages;
const catalogues: Record<AppLocale, Messages> = { ru, en: en satisfies typeof ru };

export function getMessages(locale: AppLocale): Messages {
  return catalogues[locale];
}
