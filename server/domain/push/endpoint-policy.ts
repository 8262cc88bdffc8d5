/**
 * The server POSTs to whatever endpoint a browser registered, so endpoints are limited to the
 * known push services (otherwise a subscriber could aim the job runner at internal hosts).
 */
export const DEFAULT_PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com", // Chrome, Android, Opera, Samsung Internet
  "android.googleapis.com", // older Chrome subscriptions
  "updates.push.services.mozilla.com", // Firefox
  "push.apple.com", // Safari: web.push.apple.com
  "notify.windows.com", // Edge: *.notify.windows.com
];

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * `hosts` match the host itself or any subdomain. HTTPS only, except a loopback host that is
 * listed explicitly (a push service run locally, as in the tests).
 */
export function isAllowedPushEndpoint(endpoint: string, hosts: readonly string[]): boolean {
  if (!URL.canParse(endpoint)) return false;
  const url = new URL(endpoint);
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  const isListed = hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
  if (!isListed) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && LOOPBACK.has(host);
}

/** `PUSH_SERVICE_HOSTS` (comma separated) replaces the default list. */
export function pushServiceHosts(env: Record<string, string | undefined> = process.env): string[] {
  const configured = env.PUSH_SERVICE_HOSTS?.split(",")
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  return configured?.length ? configured : DEFAULT_PUSH_SERVICE_HOSTS;
}
