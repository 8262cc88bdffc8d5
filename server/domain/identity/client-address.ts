import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

/**
 * The one client address of a request (OWASP ASVS V7/V6: the address the sign-in throttle, abuse
 * limits, sessions and audit rows record). The web server's request listener computes it from the
 * socket, once per request, and hands it on in this header after deleting whatever the caller sent
 * under that name; everything downstream (tRPC context, next-auth's authorize) reads only this header.
 */
export const CLIENT_IP_HEADER = "x-selfcare-client-ip";

/**
 * How the client reached the site, `https` or `http`, computed by the request listener alongside the
 * address (resolveClientProtocol) and handed on in this header after deleting whatever the caller
 * sent under that name: HSTS and the `Secure` cookies (server/auth/secure-cookies.ts) read only this.
 */
export const CLIENT_PROTOCOL_HEADER = "x-selfcare-client-proto";

/** What a request whose address was never computed (not served by the web server) is counted as. */
export const UNKNOWN_CLIENT_IP = "unknown";

export type Trust = (address: string, hop: number) => boolean;

/** Believes no proxy: the address is the socket's, whatever X-Forwarded-For says. */
const TRUST_NONE: Trust = () => false;

/**
 * `TRUSTED_PROXIES`: unset or empty believes no proxy; a whole number is a hop count (`1`: the socket
 * is one trusted balancer, so X-Forwarded-For's last entry is the client); otherwise a comma-separated
 * list of addresses and CIDR ranges (`10.0.0.0/8,127.0.0.1`, IPv6 too) of the proxies to believe.
 * A setting that does not parse throws, so a mistyped deployment fails at start instead of trusting
 * the wrong hops.
 */
export function parseTrustedProxies(setting: string | undefined): Trust {
  const value = (setting ?? "").trim();
  if (!value) return TRUST_NONE;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    return proxyaddr.compile(entries);
  } catch (cause) {
    throw new Error(`TRUSTED_PROXIES: not a hop count or a list of addresses and CIDR ranges: ${value}`, { cause });
  }
}

/** An IPv4-mapped IPv6 address (`::ffff:10.1.2.3`) as plain IPv4; other addresses in their canonical form. */
function canonical(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  return ipaddr.process(address).toString();
}

/**
 * The client's address: the socket's, then X-Forwarded-For read from the right, one entry per
 * trusted hop (proxy-addr's walk), stopping at the first hop that is not trusted. An entry that is
 * not an address cannot be believed, so the walk stops at the hop that wrote it.
 */
export function resolveClientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trust: Trust;
}): string {
  const forwardedFor = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : input.forwardedFor;
  const request = {
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
    socket: { remoteAddress: input.socketAddress },
    connection: { remoteAddress: input.socketAddress },
  };
  const chain = proxyaddr.all(request as never, input.trust);
  let address = UNKNOWN_CLIENT_IP;
  for (const hop of chain) {
    const parsed = hop ? canonical(hop) : null;
    if (!parsed) break;
    address = parsed;
  }
  return address;
}

/** The address the web server computed for this request (see CLIENT_IP_HEADER). */
export function clientIpOf(header: (name: string) => string | string[] | null | undefined): string {
  const value = header(CLIENT_IP_HEADER);
  const ip = (Array.isArray(value) ? value[0] : value)?.trim();
  return ip ? ip.slice(0, 64) : UNKNOWN_CLIENT_IP;
}

/**
 * `https` when the request came over TLS to this server, or when the socket's peer is a trusted
 * proxy (TRUSTED_PROXIES, as for the address) and its X-Forwarded-Proto says https (the first
 * entry, the hop nearest the client, as Express's `req.protocol` reads it); `http` otherwise, so a
 * client cannot claim https by sending the header itself.
 */
export function resolveClientProtocol(input: {
  isTlsSocket: boolean;
  socketAddress: string | undefined;
  forwardedProto: string | string[] | undefined;
  trust: Trust;
}): "https" | "http" {
  if (input.isTlsSocket) return "https";
  const socketAddress = input.socketAddress ? canonical(input.socketAddress) : null;
  if (!socketAddress || !input.trust(socketAddress, 0)) return "http";
  const forwarded = Array.isArray(input.forwardedProto) ? input.forwardedProto[0] : input.forwardedProto;
  return forwarded?.split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http";
}

/** Whether the web server found that this request came over https (see CLIENT_PROTOCOL_HEADER). */
export function isHttpsRequest(header: (name: string) => string | string[] | null | undefined): boolean {
  const value = header(CLIENT_PROTOCOL_HEADER);
  return (Array.isArray(value) ? value[0] : value) === "https";
}
