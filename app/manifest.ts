import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from "@/server/i18n/locales";
import en from "@/messages/en/pwa.json";
import ru from "@/messages/ru/pwa.json";

const THEME_COLOUR = "#4f46e5";
const BACKGROUND_COLOUR = "#f8fafc";

/**
 * The web app manifest at /manifest.webmanifest. Browsers fetch it without cookies, so its
 * language follows Accept-Language.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const locale = localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
  const t = (locale === "en" ? en : ru).manifest;
  const shortcutIcons = [{ src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" }];
  return {
    id: "/",
    name: t.name,
    short_name: t.shortName,
    description: t.description,
    lang: locale,
    dir: "ltr",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    categories: ["utilities", "business"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: t.bills, short_name: t.bills, description: t.billsDescription, url: "/bills", icons: shortcutIcons },
      {
        name: t.newRequest,
        short_name: t.newRequest,
        description: t.newRequestDescription,
        url: "/requests/new",
        icons: shortcutIcons,
      },
    ],
  };
}
