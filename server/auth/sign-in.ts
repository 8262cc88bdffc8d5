import "server-only";
import type { Kysely } from "kysely";
import { kyselyOf, type Database } from "../db/client";
import { preparedStatement, type DB } from "../db/kysely";
import { parseIdentifier } from "../domain/identity/identifier";
import { getLockedUntil, recordFailure, recordSuccess } from "../domain/identity/login-throttle.service";
import { hashPassword, verifyPassword } from "../domain/identity/password";
import { hasSecondFactor, verifySecondFactor } from "../domain/identity/second-factor.service";
import type { SessionUser } from "../domain/identity/session-user";
import { needsSecondFactor } from "../domain/identity/totp";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED"; retryAt: Date }
  | { ok: false; reason: "ACCOUNT_LOCKED" }
  /** Staff: the password is right; sign in again with `totp` (a TOTP or a recovery code). */
  | { ok: false; reason: "TOTP_REQUIRED" }
  /** Staff: the password is right but `totp` is not; counted as a failed sign-in. */
  | { ok: false; reason: "TOTP_INVALID" };

let dummyHash: Promise<string> | undefined;

/**
 * Checks the password, then for staff the second factor (`totp`), counts failures and opens a
 * database-backed session on success. A staff member not enrolled yet gets a session that opens
 * only the enrolment (`secondFactorPending`).
 */
export async function signIn(
  db: Database,
  input: { identifier: string; password: string; totp?: string; ip: string; userAgent?: string },
  now = new Date(),
): Promise<SignInResult> {
  const parsed = parseIdentifier(input.identifier ?? "");
  const throttleKey = parsed?.value ?? (input.identifier ?? "").trim().toLowerCase().slice(0, 200);

  const lockedUntil = await getLockedUntil(db, throttleKey, input.ip, now);
  if (lockedUntil) return { ok: false, reason: "THROTTLED", retryAt: lockedUntil };

  const user = parsed
    ? await db.user.findUnique({ where: parsed.kind === "phone" ? { phone: parsed.value } : { email: parsed.value } })
    : null;

  // Verify against a dummy hash when there is no user, so timing does not reveal who exists.
  dummyHash ??= hashPassword("selfcare-timing-guard");
  const passwordHash = user?.passwordHash ?? (await dummyHash);
  const isValid = (await verifyPassword(passwordHash, input.password ?? "")) && !!user?.passwordHash;

  if (!user || !isValid) {
    const retryAt = await recordFailure(db, throttleKey, input.ip, now);
    return retryAt ? { ok: false, reason: "THROTTLED", retryAt } : { ok: false, reason: "INVALID" };
  }
  if (user.lockedAt) return { ok: false, reason: "ACCOUNT_LOCKED" };

  let secondFactorPending = false;
  if (needsSecondFactor(user.role)) {
    if (await hasSecondFactor(db, user.id)) {
      // The counters are not reset before the second factor passes: a stolen password alone must
      // not clear the failures that guessing codes leaves.
      const totp = (input.totp ?? "").trim();
      if (!totp) return { ok: false, reason: "TOTP_REQUIRED" };
      const check = await verifySecondFactor(db, { id: user.id, role: user.role, ip: input.ip }, totp, now);
      if (!check.ok) {
        const retryAt = await recordFailure(db, throttleKey, input.ip, now);
        return retryAt ? { ok: false, reason: "THROTTLED", retryAt } : { ok: false, reason: "TOTP_INVALID" };
      }
    } else {
      secondFactorPending = true;
    }
  }

  await recordSuccess(db, throttleKey, input.ip);
  const session = await db.authSession.create({
    data: {
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return {
    ok: true,
    user: {
      id: user.id,
      sessionId: session.id,
      role: user.role,
      name: user.name,
      locale: user.locale,
      customerId: user.customerId,
      partnerId: user.partnerId,
      ...(secondFactorPending ? { secondFactorPending } : {}),
    },
  };
}

/** The session joined to its user: one indexed statement. */
export function sessionRowQuery(kysely: Kysely<DB>, sessionId: string) {
  return kysely
    .selectFrom("AuthSession as s")
    .innerJoin("User as u", "u.id", "s.userId")
    .leftJoin("TotpFactor as f", "f.userId", "u.id")
    .select([
      "u.id",
      "u.role",
      "u.name",
      "u.locale",
      "u.customerId",
      "u.partnerId",
      "u.lockedAt",
      "s.revokedAt",
      "s.expiresAt",
      "f.confirmedAt as secondFactorConfirmedAt",
    ])
    .where("s.id", "=", sessionId);
}

const selectSessionRow = preparedStatement(sessionRowQuery, "session-id");

/** The session behind a signed token, if it is still open and its user is not locked. */
export async function loadSession(db: Database, sessionId: string, now = new Date()): Promise<SessionUser | null> {
  // Runs on every signed-in request: one indexed statement (a join), straight on the pool.
  const [row] = await selectSessionRow(kyselyOf(db), sessionId);
  if (!row || row.revokedAt || row.expiresAt <= now || row.lockedAt) return null;
  return {
    id: row.id,
    sessionId,
    role: row.role,
    name: row.name,
    locale: row.locale,
    customerId: row.customerId,
    partnerId: row.partnerId,
    ...(needsSecondFactor(row.role) && !row.secondFactorConfirmedAt ? { secondFactorPending: true } : {}),
  };
}

export async function endSession(db: Database, sessionId: string, now = new Date()): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
