import "server-only";
import type { IncomingMessage } from "node:http";
import { parse as parseCookies } from "cookie";
import { sessionIdOf } from "../auth/session-token";
import { loadSession } from "../auth/sign-in";
import { getDb, type Database } from "../db/client";
import { isDatabaseUnavailable } from "../domain/errors";
import { clientIpOf } from "../domain/identity/client-address";
import { LOCALE_COOKIE } from "../i18n/locales";
import { currentRequestId, log, requestIdFrom } from "../log";
import { serviceUnavailable, type Context } from "./trpc";

/** Next's cookies (`getAll()`), or a plain name-to-value record as `parseCookies` gives it. */
type CookieJar = { getAll(): { name: string; value: string }[] } | Record<string, string | undefined>;

function cookieValue(cookies: CookieJar, name: string): string | undefined {
  if (typeof cookies.getAll === "function") return cookies.getAll().find((cookie) => cookie.name === name)?.value;
  const value = (cookies as Record<string, string | undefined>)[name];
  return typeof value === "string" ? value : undefined;
}

/** Reading the session is the first query of a signed-in call: a database out of reach answers 503 from here. */
async function loadSessionOrUnavailable(db: Database, sessionId: string, channel: Context["channel"]) {
  try {
    return await loadSession(db, sessionId, { channel });
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      log.warn({ err: error }, "database unavailable");
      throw serviceUnavailable(error);
    }
    throw error;
  }
}

/** Builds the tRPC context from a request's cookies and headers (route handler, RSC, or the web server). */
export async function createContext(request: { cookies: CookieJar; headers: Headers }): Promise<Context> {
  const db = getDb();
  const sessionId = await sessionIdOf(request as never);
  const channel = request.headers.get("x-selfcare-channel") === "PWA" ? "PWA" : "WEB";
  const session = sessionId ? await loadSessionOrUnavailable(db, sessionId, channel) : null;
  return {
    db,
    session,
    // Computed by the web server from the socket and the trusted proxies only (server/http/request-listener.ts).
    ip: clientIpOf((name) => request.headers.get(name)),
    channel,
    // The server may have given the request its id already (runWithRequestId), to echo it back.
    requestId: currentRequestId() ?? requestIdFrom(request.headers),
    languages: {
      cookie: cookieValue(request.cookies, LOCALE_COOKIE),
      acceptLanguage: request.headers.get("accept-language"),
    },
  };
}

/**
 * The same context for a plain Node request (its headers as a Headers object): the web server
 * (server/http/request-listener.ts) answers /api/trpc without Next's routing. The client's address
 * is already in the headers: the listener put it there.
 */
export function createContextFromNode(_request: IncomingMessage, headers: Headers): Promise<Context> {
  return createContext({ cookies: parseCookies(headers.get("cookie") ?? ""), headers });
}
