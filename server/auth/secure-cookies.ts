import "server-only";
import { isHttpsRequest } from "../domain/identity/client-address";

type HeaderReader = (name: string) => string | string[] | null | undefined;

/**
 * Whether this request's cookies are `Secure` (and next-auth's carry the `__Secure-` / `__Host-`
 * prefixes): when the web server found it came over https (directly or from a trusted proxy,
 * server/http/request-listener.ts), or when NEXTAUTH_URL is https, as next-auth decides by itself.
 * next-auth's handler (authOptionsFor) and the session reading (session-token.ts) both ask this,
 * so the cookie next-auth sets is the one read back.
 */
export function usesSecureCookies(header: HeaderReader): boolean {
  return isHttpsRequest(header) || (process.env.NEXTAUTH_URL?.startsWith("https://") ?? false);
}

/** A request's headers as Next's `Headers`, a Node header record, or nothing. */
export function headerReaderOf(headers: unknown): HeaderReader {
  if (headers && typeof (headers as Headers).get === "function") return (name) => (headers as Headers).get(name);
  const record = (headers ?? {}) as Record<string, string | string[] | undefined>;
  return (name) => record[name];
}
