import { getToken } from "next-auth/jwt";
import { clientIp } from "../auth/client-ip";
import { loadSession } from "../auth/sign-in";
import { getDb } from "../db/client";
import type { Context } from "./trpc";

type CookieJar = { getAll(): { name: string; value: string }[] };

/** Builds the tRPC context from a request's cookies and headers (route handler or RSC). */
export async function createContext(request: { cookies: CookieJar; headers: Headers }): Promise<Context> {
  const db = getDb();
  const token = await getToken({ req: request as never });
  const session = typeof token?.sid === "string" ? await loadSession(db, token.sid) : null;
  return {
    db,
    session,
    ip: clientIp((name) => request.headers.get(name)),
    channel: request.headers.get("x-selfcare-channel") === "PWA" ? "PWA" : "WEB",
  };
}
