import type { IncomingMessage } from "node:http";
// The cookie parser NextRequest itself uses, so both paths read cookies alike.
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { clientIp } from "../auth/client-ip";
import { sessionIdOf } from "../auth/session-token";
import { loadSession } from "../auth/sign-in";
import { getDb } from "../db/client";
import { LOCALE_COOKIE } from "../i18n/locales";
import { currentRequestId, requestIdFrom } from "../log";
import type { Context } from "./trpc";

type CookieJar = { getAll(): { name: string; value: string }[] };

/** Builds the tRPC context from a request's cookies and headers (route handler or RSC). */
export async function createContext(request: { cookies: CookieJar; headers: Headers }): Promise<Context> {
  const db = getDb();
  const sessionId = await sessionIdOf(request as never);
  const session = sessionId ? await loadSession(db, sessionId) : null;
  return {
    db,
    session,
    ip: clientIp((name) => request.headers.get(name)),
    channel: request.headers.get("x-selfcare-channel") === "PWA" ? "PWA" : "WEB",
    // The server may have given the request its id already (runWithRequestId), to echo it back.
    requestId: currentRequestId() ?? requestIdFrom(request.headers),
    languages: {
      cookie: request.cookies.getAll().find((cookie) => cookie.name === LOCALE_COOKIE)?.value,
      acceptLanguage: request.headers.get("accept-language"),
    },
  };
}

/**
 * The same context for a plain Node request (its headers as a Headers object): the production
 * server (scripts/serve.ts) answers /api/trpc without Next's routing. X-Forwarded-For gets the
 * socket's address when no proxy set it, as Next's own server does.
 */
export function createContextFromNode(request: IncomingMessage, headers: Headers): Promise<Context> {
  if (!headers.has("x-forwarded-for") && request.socket.remoteAddress)
    headers.set("x-forwarded-for", request.socket.remoteAddress);
  return createContext({ cookies: new RequestCookies(headers), headers });
}
