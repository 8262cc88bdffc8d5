import type { Role } from "@prisma/client";
import { createCaller } from "../../../server/api/root";
import type { Channel } from "../../../server/api/trpc";
import type { SessionUser } from "../../../server/domain/identity/session-user";
import { needsSecondFactor } from "../../../server/domain/identity/totp";
import { testDb } from "./db";

/** Demo logins from DESIGN.md, present in every test database. */
export const DEMO = {
  platinum: "+79001000001",
  bronze: "+79001000002",
  silver: "+79001000003",
  agent1: "agent1@selfcare.test",
  agent2: "agent2@selfcare.test",
  dealer1: "dealer1@selfcare.test",
  dealer2: "dealer2@selfcare.test",
  admin: "admin@selfcare.test",
} as const;

export async function sessionFor(identifier: string): Promise<SessionUser> {
  const db = testDb();
  const user = await db.user.findFirstOrThrow({
    where: identifier.includes("@") ? { email: identifier } : { phone: identifier },
  });
  const session = await db.authSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  // As loadSession says it: staff without a confirmed second factor reach only its enrolment.
  const factor = await db.totpFactor.findUnique({ where: { userId: user.id }, select: { confirmedAt: true } });
  const secondFactorPending = needsSecondFactor(user.role) && !factor?.confirmedAt;
  return {
    id: user.id,
    sessionId: session.id,
    role: user.role as Role,
    name: user.name,
    locale: user.locale,
    customerId: user.customerId,
    partnerId: user.partnerId,
    ...(secondFactorPending ? { secondFactorPending } : {}),
  };
}

/** The user id of a login (a phone or an e-mail). */
export async function userIdOf(identifier: string): Promise<string> {
  const user = await testDb().user.findFirstOrThrow({
    where: identifier.includes("@") ? { email: identifier } : { phone: identifier },
  });
  return user.id;
}

/** The customer of a subscriber's login phone. */
export async function customerIdOf(phone: string): Promise<string> {
  const user = await testDb().user.findUniqueOrThrow({ where: { phone } });
  if (!user.customerId) throw new Error(`${phone} has no customer`);
  return user.customerId;
}

/** A tRPC caller acting as the given demo login (or anonymous with null). */
export async function callerAs(identifier: string | null, options: { ip?: string; channel?: Channel } = {}) {
  const session = identifier ? await sessionFor(identifier) : null;
  return createCaller({ db: testDb(), session, ip: options.ip ?? "127.0.0.1", channel: options.channel ?? "WEB" });
}
