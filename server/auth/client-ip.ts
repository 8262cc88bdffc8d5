import "server-only";
type HeaderValue = string | string[] | null | undefined;

/**
 * The caller's address: the first hop of X-Forwarded-For (set by Next's server and by a
 * trusted load balancer), else X-Real-IP.
 */
export function clientIp(header: (name: string) => HeaderValue): string {
  const first = (value: HeaderValue) => (Array.isArray(value) ? value[0] : value) ?? undefined;
  const forwarded = first(header("x-forwarded-for"))?.split(",")[0]?.trim();
  const ip = forwarded || first(header("x-real-ip"))?.trim() || "unknown";
  return ip.replace(/^::ffff:/, "").slice(0, 64);
}
