import type { Messages } from "./messages";
import type { AppLocale } from "@/server/i18n/locales";

// next-intl is typed by augmenting its AppConfig interface (an interface is required here).
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
