import "server-only";
import { decode, getToken } from "next-auth/jwt";
import { headerReaderOf, usesSecureCookies } from "./secure-cookies";

type TokenRequest = Parameters<typeof getToken>[0]["req"];

/** At most this many decoded cookies are remembered; the oldest is dropped first. */
const REMEMBERED_TOKENS = 10_000;
/** How long a cookie that does not decode is remembered as such. */
const INVALID_TOKEN_MS = 60_000;

const decoded = new Map<string, { sessionId: string | null; until: number }>();

/**
 * The session id (`sid`) in a request's next-auth cookie, or null. Decrypting the cookie (a key
 * derivation and a JWE decryption) is the costliest step of a signed-in call, and a browser
 * sends the same cookie with every call, so each cookie's answer is remembered until the token
 * expires (a cookie that does not decode: for a minute). Decoding depends on nothing else, so
 * the answer is the same; revocation is unaffected, because the session row is read on every call.
 */
export async function sessionIdOf(request: TokenRequest, now = Date.now()): Promise<string | null> {
  // The cookie's name (`__Secure-` over https) is the one next-auth's handler chose for this request.
  const secureCookie = usesSecureCookies(headerReaderOf((request as { headers?: unknown }).headers));
  const raw = await getToken({ req: request, raw: true, secureCookie });
  if (!raw) return null;
  const known = decoded.get(raw);
  if (known && known.until > now) return known.sessionId;

  const payload = await decode({ token: raw, secret: process.env.NEXTAUTH_SECRET ?? "" }).catch(() => null);
  const sessionId = typeof payload?.sid === "string" ? payload.sid : null;
  const until = sessionId && typeof payload?.exp === "number" ? payload.exp * 1000 : now + INVALID_TOKEN_MS;
  decoded.delete(raw);
  decoded.set(raw, { sessionId, until });
  if (decoded.size > REMEMBERED_TOKENS) decoded.delete(decoded.keys().next().value!);
  return sessionId;
}
