import "server-only";
import type { Kysely } from "kysely";
import { kyselyOf, type Database } from "../db/client";
import { preparedStatement, type DB } from "../db/kysely";
import { parseIdentifier } from "../domain/identity/identifier";
import { getThrottleState, recordFailureWith, recordSuccess } from "../domain/identity/login-throttle.service";
import { writeAudit } from "../domain/audit/write-audit.service";
import { consumeCode } from "../domain/identity/one-time-code.service";
import { parsePasskeyCredential, verifyPasskeyAssertion } from "../domain/identity/passkey.service";
import { hashPassword, verifyPassword } from "../domain/identity/password";
import { hasSecondFactor, verifySecondFactor } from "../domain/identity/second-factor.service";
import type { SessionUser } from "../domain/identity/session-user";
import { needsSecondFactor } from "../domain/identity/totp";
import { recordInteraction } from "../domain/interaction/record-interaction.service";
import { log } from "../log";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED"; retryAt: Date }
  | { ok: false; reason: "ACCOUNT_LOCKED" }
  /**
   * Subscribers: this identifier had too many failed sign-ins from anywhere, so a password alone
   * no longer opens it: sign in with a one-time code instead. Answered alike whether the password
   * was right or not, so it tells a guesser nothing.
   */
  | { ok: false; reason: "CODE_REQUIRED" }
  /** Staff: the password is right and a second factor is set up, but `totp` is missing. */
  | { ok: false; reason: "TOTP_REQUIRED" }
  /** Staff: the password is right but `totp` is not; counted as a failed sign-in. */
  | { ok: false; reason: "TOTP_INVALID" }
  /** The passkey's answer did not verify: unknown passkey, used or expired challenge, wrong origin, counter gone back. */
  | { ok: false; reason: "PASSKEY_INVALID" };

let dummyHash: Promise<string> | undefined;

type SignInInput = {
  identifier: string;
  password?: string;
  code?: string;
  /** Staff: the authenticator app's code or a recovery code. */
  totp?: string;
  /** A passkey's answer: the JSON of `{challengeId, response}` (auth.passkeyOptions, then startAuthentication()). */
  passkey?: string;
  ip: string;
  userAgent?: string;
};
type Login = NonNullable<Awaited<ReturnType<Database["user"]["findUnique"]>>>;

async function findLogin(db: Database, parsed: ReturnType<typeof parseIdentifier>): Promise<Login | null> {
  if (!parsed) return null;
  return db.user.findUnique({ where: parsed.kind === "phone" ? { phone: parsed.value } : { email: parsed.value } });
}

/** Whether the password is the user's; a dummy hash is verified when there is none, so timing does not tell who exists. */
async function isRightPassword(user: Login | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("selfcare-timing-guard");
  const passwordHash = user?.passwordHash ?? (await dummyHash);
  return (await verifyPassword(passwordHash, password)) && !!user?.passwordHash;
}

/** A subscriber's phone and a live SIGN_IN code sent to it: the code is used up. Staff never sign in by code. */
async function isRightCode(db: Database, user: Login | null, code: string, now: Date): Promise<boolean> {
  if (!user || user.role !== "SUBSCRIBER") return false;
  return (await consumeCode(db, { userId: user.id, purposes: ["SIGN_IN"], code }, now)) === "OK";
}

/**
 * Checks the password, or the one-time code when `code` is given, then for staff the second
 * factor (`totp`), counts failures and opens a database-backed session on success. A staff member
 * not enrolled yet gets a session that opens only the enrolment (`secondFactorPending`).
 */
export async function signIn(db: Database, input: SignInInput, now = new Date()): Promise<SignInResult> {
  if (input.passkey?.trim()) return signInWithPasskey(db, { ...input, passkey: input.passkey }, now);
  const parsed = parseIdentifier(input.identifier ?? "");
  const throttleKey = parsed?.value ?? (input.identifier ?? "").trim().toLowerCase().slice(0, 200);
  const isByCode = !!input.code?.trim();

  // Codes bound their own guessing (5 tries each, 5 sent per number an hour), so no throttle stands
  // between an owner and a code sent to their phone: whatever strangers try, the owner gets in.
  const throttle = await getThrottleState(db, throttleKey, input.ip, "step-up", now);
  if (throttle.lockedUntil && !isByCode) return { ok: false, reason: "THROTTLED", retryAt: throttle.lockedUntil };

  const user = await findLogin(db, parsed);
  const isValid = isByCode
    ? await isRightCode(db, user, input.code!, now)
    : await isRightPassword(user, input.password ?? "");
  // Staff are stepped up by their second factor, which they always need; subscribers (and numbers
  // nobody has, so the answer does not tell them apart) by a code.
  const isStepUpByCode = !isByCode && !(user && needsSecondFactor(user.role));

  if (!user || !isValid) {
    const after = await recordFailureWith(db, throttleKey, input.ip, "step-up", now);
    if (isByCode) return { ok: false, reason: "INVALID" };
    if (after.lockedUntil) return { ok: false, reason: "THROTTLED", retryAt: after.lockedUntil };
    return after.needsStepUp && isStepUpByCode
      ? { ok: false, reason: "CODE_REQUIRED" }
      : { ok: false, reason: "INVALID" };
  }
  if (throttle.needsStepUp && isStepUpByCode) return { ok: false, reason: "CODE_REQUIRED" };
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
        const { lockedUntil } = await recordFailureWith(db, throttleKey, input.ip, "step-up", now);
        return lockedUntil
          ? { ok: false, reason: "THROTTLED", retryAt: lockedUntil }
          : { ok: false, reason: "TOTP_INVALID" };
      }
    } else {
      secondFactorPending = true;
    }
  }

  await recordSuccess(db, throttleKey, input.ip);
  const signedIn = await openSession(db, user, input, now, secondFactorPending);
  if (isByCode && user.customerId) {
    await recordInteraction(db, {
      customerId: user.customerId,
      channel: "WEB",
      type: "SIGNED_IN_BY_CODE",
      actorId: user.id,
      at: now,
    });
  }
  return { ok: true, user: signedIn };
}

/** The session row every way of signing in opens, and the user as the signed token carries it. */
async function openSession(
  db: Database,
  user: Login,
  input: Pick<SignInInput, "ip" | "userAgent">,
  now: Date,
  secondFactorPending: boolean,
): Promise<SessionUser> {
  const session = await db.authSession.create({
    data: {
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return {
    id: user.id,
    sessionId: session.id,
    role: user.role,
    name: user.name,
    locale: user.locale,
    customerId: user.customerId,
    partnerId: user.partnerId,
    ...(secondFactorPending ? { secondFactorPending } : {}),
  };
}

/**
 * A passkey sign-in: no identifier, the credential names its user. Counted by the same per-address
 * throttle as passwords (failures are keyed by the credential id). A passkey verifies the user (a
 * fingerprint, a face, the device PIN), so for staff it is the second factor as well: no `totp`.
 */
async function signInWithPasskey(
  db: Database,
  input: SignInInput & { passkey: string },
  now: Date,
): Promise<SignInResult> {
  const credential = parsePasskeyCredential(input.passkey);
  // The throttle's identifier: the credential the answer names (one key for answers that are not one).
  const throttleKey = `passkey:${credential?.response.id.slice(0, 200) ?? "?"}`;
  const throttle = await getThrottleState(db, throttleKey, input.ip, "step-up", now);
  if (throttle.lockedUntil) return { ok: false, reason: "THROTTLED", retryAt: throttle.lockedUntil };

  const assertion = credential ? await verifyPasskeyAssertion(db, credential, now) : null;
  const user = assertion?.ok ? await db.user.findUnique({ where: { id: assertion.userId } }) : null;
  if (!assertion?.ok || !user) {
    const after = await recordFailureWith(db, throttleKey, input.ip, "step-up", now);
    if (after.lockedUntil) return { ok: false, reason: "THROTTLED", retryAt: after.lockedUntil };
    return { ok: false, reason: "PASSKEY_INVALID" };
  }
  if (user.lockedAt) return { ok: false, reason: "ACCOUNT_LOCKED" };

  await recordSuccess(db, throttleKey, input.ip);
  const signedIn = await openSession(db, user, input, now, false);
  const entry = { passkeyId: assertion.passkeyId, sessionId: signedIn.sessionId };
  if (user.customerId) {
    await recordInteraction(db, {
      customerId: user.customerId,
      channel: "WEB",
      type: "SIGNED_IN_BY_PASSKEY",
      actorId: user.id,
      data: entry,
      at: now,
    });
  } else {
    await writeAudit(
      db,
      { id: user.id, role: user.role, ip: input.ip },
      {
        action: "session.signInWithPasskey",
        entityType: "AuthSession",
        entityId: signedIn.sessionId,
        before: null,
        after: entry,
      },
    );
  }
  return { ok: true, user: signedIn };
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
      "s.lastSeenAt",
      "s.channel",
      "f.confirmedAt as secondFactorConfirmedAt",
    ])
    .where("s.id", "=", sessionId);
}

const selectSessionRow = preparedStatement(sessionRowQuery, "session-id");

/** A session's "last seen" moves on at most this often: the signed-in devices list needs minutes, not milliseconds. */
export const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

type SessionRequest = {
  now?: Date;
  /** PWA when the request came from the installed app: the session is then shown as the app. */
  channel?: "WEB" | "PWA";
};

/**
 * Moves `lastSeenAt` on (and marks the session as the installed app's), only if no other request
 * did so since the row was read: concurrent requests of one page load write once.
 */
async function touchSession(db: Database, sessionId: string, now: Date, channel: "WEB" | "PWA" | undefined) {
  const staleBefore = new Date(now.getTime() - LAST_SEEN_EVERY_MS);
  await kyselyOf(db)
    .updateTable("AuthSession")
    .set({ lastSeenAt: now, ...(channel === "PWA" ? { channel: "PWA" as const } : {}) })
    .where("id", "=", sessionId)
    .where((eb) =>
      eb.or([eb("lastSeenAt", "<=", staleBefore), ...(channel === "PWA" ? [eb("channel", "!=", "PWA")] : [])]),
    )
    .execute();
}

/** The session behind a signed token, if it is still open and its user is not locked. */
export async function loadSession(
  db: Database,
  sessionId: string,
  request: SessionRequest = {},
): Promise<SessionUser | null> {
  const now = request.now ?? new Date();
  // Runs on every signed-in request: one indexed statement (a join), straight on the pool.
  const [row] = await selectSessionRow(kyselyOf(db), sessionId);
  if (!row || row.revokedAt || row.expiresAt <= now || row.lockedAt) return null;
  const isStale = now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS;
  const isNewlyApp = request.channel === "PWA" && row.channel !== "PWA";
  if (isStale || isNewlyApp) {
    // A second statement at most once per LAST_SEEN_EVERY_MS per session (or the first request from
    // the installed app), so the hot path stays one statement. Awaited rather than fired and
    // forgotten: it is rare, it keeps the answer's order with what the user sees next (the devices
    // list), and a failure must not fail the request, so it is logged and swallowed.
    await touchSession(db, sessionId, now, request.channel).catch((error: unknown) =>
      log.error({ err: error }, "could not record a session's last activity"),
    );
  }
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
