import "server-only";
import type { Kysely } from "kysely";
import { kyselyOf, type Database } from "../db/client";
import { preparedStatement, type DB } from "../db/kysely";
import { parseIdentifier } from "../domain/identity/identifier";
import { getLockedUntil, recordFailure, recordSuccess } from "../domain/identity/login-throttle.service";
import { hashPassword, verifyPassword } from "../domain/identity/password";
import type { SessionUser } from "../domain/identity/session-user";
import { log } from "../log";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED"; retryAt: Date }
  | { ok: false; reason: "ACCOUNT_LOCKED" };

let dummyHash: Promise<string> | undefined;

/** Checks the password, counts failures and opens a database-backed session on success. */
export async function signIn(
  db: Database,
  input: { identifier: string; password: string; ip: string; userAgent?: string },
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

  await recordSuccess(db, throttleKey, input.ip);
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
    ok: true,
    user: {
      id: user.id,
      sessionId: session.id,
      role: user.role,
      name: user.name,
      locale: user.locale,
      customerId: user.customerId,
      partnerId: user.partnerId,
    },
  };
}

/** The session joined to its user: one indexed statement. */
export function sessionRowQuery(kysely: Kysely<DB>, sessionId: string) {
  return kysely
    .selectFrom("AuthSession as s")
    .innerJoin("User as u", "u.id", "s.userId")
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
  };
}

export async function endSession(db: Database, sessionId: string, now = new Date()): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
