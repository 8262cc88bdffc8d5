import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { RouteAnnouncer } from "./_components/route-announcer";
import { ServiceWorkerRegistration } from "./_pwa/service-worker-registration";
import { ClientMessages } from "./i18n/client-messages";
import { TRPCReactProvider } from "./_trpc/react";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("appName"), template: `%s · ${t("appName")}` },
    description: t("appDescription"),
    applicationName: t("appName"),
    icons: {
      icon: [
        { url: "/icons/favicon-32.png", sizes: "32x32", type: "image/png" },
        { url: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      ],
      apple: [{ url: "/icons/apple-touch-icon.png", sizes: "180x180" }],
    },
    // The installed app on iOS: full screen, its own name under the icon.
    appleWebApp: { capable: true, title: t("appName"), statusBarStyle: "default" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // Lets the bottom tab bar reach under the home indicator, padded by the safe-area inset.
  viewportFit: "cover",
  themeColor: "#4f46e5",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body>
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-white font-medium text-brand-700 shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-3"
        >
          {t("skipToContent")}
        </a>
        {/* Pages outside the role groups (sign-in, activation, errors) read these; each group's layout gives its own. */}
        <ClientMessages namespaces={["signIn", "activation", "passkeys"]}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
          <RouteAnnouncer />
          <ServiceWorkerRegistration />
        </ClientMessages>
      </body>
    </html>
  );
}
