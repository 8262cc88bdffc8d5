import "server-only";
import { randomBytes } from "node:crypto";

/**
 * The security headers of every response, set in one place: the web server's request listener
 * (server/http/request-listener.ts), for pages, static files, tRPC, next-auth and the health check
 * alike. docs/decisions/0010-content-security-policy.md says why each source is there.
 */

/** Two years, subdomains too (OWASP's HSTS recommendation); sent only over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * Browser features no page of the app uses are off for it and for anything it might embed;
 * passkeys (WebAuthn) stay on for the app's own pages. `browsing-topics` is the Topics API that
 * replaced FLoC's `interest-cohort`, which Chromium no longer knows and reports as an error.
 */
export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "browsing-topics=()",
  "publickey-credentials-get=(self)",
  "publickey-credentials-create=(self)",
].join(", ");

/**
 * The offline page's inline script (public/offline.html), which the service worker shows from its
 * precache, so it can carry no per-request nonce: it is allowed by its hash. A unit test
 * (security-headers.test.ts) recomputes it from the file, so an edit to the script without this
 * hash fails there.
 */
export const OFFLINE_PAGE_SCRIPT_HASH = "sha256-euofbkB7MfOEM8e6vQZ+KxXC9ypY6bK6WC9g7xxKGBs=";

/** Headers that are the same on every response. */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
] as const;

/** A fresh nonce for one response: 128 random bits, base64 (the CSP nonce grammar). */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of one response. Scripts run only with this response's nonce (Next.js
 * puts it on every script it renders, reading it from the request's copy of this header), or the
 * offline page's hash; 'strict-dynamic' lets those scripts load the build's chunks. `allowsEval` is
 * for `next dev` only, whose React Refresh evaluates code; production never gets it.
 */
export function contentSecurityPolicy(nonce: string, options: { allowsEval: boolean }): string {
  const scriptSources = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", `'${OFFLINE_PAGE_SCRIPT_HASH}'`];
  if (options.allowsEval) scriptSources.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    // React renders style attributes into the server's HTML (charts, progress bars), which only
    // 'unsafe-inline' allows; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Every security header of one response: the fixed ones, its policy, and HSTS when it goes over https. */
export function securityHeadersFor(input: {
  policy: string;
  isHttps: boolean;
}): readonly { key: string; value: string }[] {
  return [
    ...SECURITY_HEADERS,
    { key: "Content-Security-Policy", value: input.policy },
    ...(input.isHttps ? [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] : []),
  ];
}
