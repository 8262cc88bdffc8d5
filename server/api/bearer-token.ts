import "server-only";
import { timingSafeEqual } from "node:crypto";

/** A JSON answer that no cache keeps (the network's APIs). */
export const jsonResponse = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Whether the request carries `Authorization: Bearer <expected>`; never when nothing is expected. */
export function hasBearerToken(request: Request, expected: string | undefined): boolean {
  if (!expected) return false;
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
