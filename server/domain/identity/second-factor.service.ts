import "server-only";
import { randomBytes } from "node:crypto";
import type { Role } from "@prisma/client";
import QRCode from "qrcode";
import type { Database } from "../../db/client";
import { log } from "../../log";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, badRequest, notFound } from "../errors";
import { hasPasskey } from "./passkey.service";
import { SECOND_FACTOR_MESSAGES } from "./second-factor.schema";
import { deriveKey, open, seal } from "./secret-box";
import {
  checkTotp,
  DEMO_TOTP_SECRET,
  hashRecoveryCode,
  looksLikeTotp,
  needsSecondFactor,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  SECOND_FACTOR_ROLES,
  TOTP_PERIOD_SECONDS,
  totpCodeAt,
  totpStepAt,
  totpUri,
} from "./totp";

const KEY_PURPOSE = "totp-secret-v1";
const FALLBACK_KEY_SETTING = "secondFactorKey";

/**
 * The key TOTP secrets are sealed with: derived from NEXTAUTH_SECRET, which every instance of the
 * app has (start.ts generates it into DATA_DIR/secrets.json when none is configured) and which is
 * never stored in the database. Processes without it (tests, one-off scripts) use a random key kept
 * once in the database instead, as the activation codes do; the production server never runs without it.
 */
async function sealingKey(db: Pick<Database, "setting">): Promise<Buffer> {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return deriveKey(fromEnv, KEY_PURPOSE);
  await db.setting.upsert({
    where: { key: FALLBACK_KEY_SETTING },
    create: { key: FALLBACK_KEY_SETTING, value: randomBytes(32).toString("hex") },
    update: {},
  });
  const row = await db.setting.findUniqueOrThrow({ where: { key: FALLBACK_KEY_SETTING } });
  return deriveKey(String(row.value), KEY_PURPOSE);
}

function staffOnly(role: Role): void {
  if (!needsSecondFactor(role)) throw new AppError("FORBIDDEN", "Only staff have a second factor");
}

/** Whether the signed-in staff member is enrolled (a confirmed factor) and how many recovery codes are left. */
export async function getSecondFactorStatus(db: Database, user: { id: string; role: Role }) {
  staffOnly(user.role);
  const factor = await db.totpFactor.findUnique({ where: { userId: user.id }, select: { confirmedAt: true } });
  const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
  return { enrolled: !!factor?.confirmedAt, enrolledAt: factor?.confirmedAt ?? null, recoveryCodesLeft };
}

/**
 * Starts (or shows again) the enrolment of a staff member who has no confirmed factor: a new random
 * secret, sealed, waiting for its first code. Asking again shows the same secret, so a reload does
 * not invalidate the QR code already scanned. Answers the secret as text, the otpauth:// URI and
 * the URI as an SVG QR code rendered here on the server.
 */
export async function beginEnrolment(db: Database, user: { id: string; role: Role }) {
  staffOnly(user.role);
  const account = await db.user.findUnique({
    where: { id: user.id },
    select: { email: true, phone: true, totpFactor: true },
  });
  if (!account) throw notFound("User");
  if (account.totpFactor?.confirmedAt) {
    throw new AppError("CONFLICT", "A second factor is enrolled already; a supervisor can reset it");
  }
  const key = await sealingKey(db);
  const pending = account.totpFactor;
  let secret = pending?.secretSealed ? open(key, pending.secretSealed, user.id) : null;
  if (!secret) {
    const fresh = newTotpSecret();
    const secretSealed = seal(key, fresh, user.id);
    // Two tabs starting at once keep one secret: the second insert does nothing and reads the first.
    if (pending) {
      await db.totpFactor.updateMany({
        where: { userId: user.id, confirmedAt: null },
        data: { secretSealed, isDemo: false, lastUsedStep: null },
      });
    } else {
      await db.totpFactor.createMany({ data: [{ userId: user.id, secretSealed }], skipDuplicates: true });
    }
    const stored = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    secret = stored.secretSealed ? open(key, stored.secretSealed, user.id) : null;
    if (!secret || stored.confirmedAt) throw new AppError("CONFLICT", "The enrolment changed; start again");
  }
  const otpauthUri = totpUri(secret, account.email ?? account.phone ?? user.id);
  const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, otpauthUri, qrSvg };
}

/**
 * The first code from the app confirms the enrolment: the factor is on from now, its step is used
 * (the same code cannot then sign in), and ten new recovery codes are made. They are answered this
 * once, in the clear; only their hashes are kept.
 */
export async function confirmEnrolment(db: Database, actor: AuditActor, code: string, now = new Date()) {
  staffOnly(actor.role);
  const factor = await db.totpFactor.findUnique({ where: { userId: actor.id } });
  if (!factor || factor.confirmedAt || !factor.secretSealed) {
    throw new AppError("CONFLICT", "No enrolment in progress; start it again");
  }
  const secret = open(await sealingKey(db), factor.secretSealed, actor.id);
  if (!secret) throw new AppError("CONFLICT", "The enrolment cannot be read; start it again");
  const check = await checkTotp(secret, code, now);
  if (!check.ok) throw badRequest("code", SECOND_FACTOR_MESSAGES.wrongCode);

  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const confirmed = await tx.totpFactor.updateMany({
      where: { userId: actor.id, confirmedAt: null, secretSealed: factor.secretSealed },
      data: { confirmedAt: now, lastUsedStep: check.step },
    });
    if (confirmed.count === 0) throw new AppError("CONFLICT", "The enrolment changed; start again");
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({
      data: recoveryCodes.map((value) => ({ userId: actor.id, codeHash: hashRecoveryCode(value) })),
    });
    await writeAudit(tx, actor, {
      action: "user.enrolSecondFactor",
      entityType: "User",
      entityId: actor.id,
      before: { secondFactorEnrolled: false },
      after: { method: "TOTP", recoveryCodes: recoveryCodes.length },
    });
  });
  return { recoveryCodes };
}

export type SecondFactorCheck =
  { ok: true; method: "TOTP" } | { ok: true; method: "RECOVERY_CODE"; recoveryCodesLeft: number } | { ok: false };

/**
 * Checks the `totp` of a staff sign-in: a TOTP code (±1 step, each step once) or an unused recovery
 * code, which is then spent. The public demo secret skips the replay guard: anyone can compute its
 * codes, and the shared demo's visitors sign in to the same accounts within the same 30 seconds.
 */
export async function verifySecondFactor(
  db: Database,
  actor: AuditActor,
  input: string,
  now = new Date(),
): Promise<SecondFactorCheck> {
  const userId = actor.id;
  const factor = await db.totpFactor.findUnique({ where: { userId } });
  if (!factor?.confirmedAt) return { ok: false };

  if (looksLikeTotp(input)) {
    const secret = factor.isDemo
      ? DEMO_TOTP_SECRET
      : factor.secretSealed && open(await sealingKey(db), factor.secretSealed, userId);
    if (!secret) {
      log.error({ userId }, "a TOTP secret does not open with this key (was NEXTAUTH_SECRET changed?)");
      return { ok: false };
    }
    const check = await checkTotp(secret, input, now, factor.isDemo ? null : factor.lastUsedStep);
    if (!check.ok) return { ok: false };
    if (!factor.isDemo) {
      // Claim the step atomically: two sign-ins racing with one code, only one gets in.
      const claimed = await db.totpFactor.updateMany({
        where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: check.step } }] },
        data: { lastUsedStep: check.step },
      });
      if (claimed.count === 0) return { ok: false };
    }
    return { ok: true, method: "TOTP" };
  }

  if (normalizeRecoveryCode(input).length !== 10) return { ok: false };
  const spent = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(input), usedAt: null },
    data: { usedAt: now },
  });
  if (spent.count === 0) return { ok: false };
  const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  await writeAudit(db, actor, {
    action: "user.useRecoveryCode",
    entityType: "User",
    entityId: userId,
    before: null,
    after: { recoveryCodesLeft },
  });
  return { ok: true, method: "RECOVERY_CODE", recoveryCodesLeft };
}

/**
 * Whether the staff member has a second factor: a confirmed TOTP or a passkey (which verifies the
 * user). A password sign-in then needs `totp`, or the page's second step offers the passkey.
 */
export async function hasSecondFactor(db: Pick<Database, "totpFactor" | "passkey">, userId: string): Promise<boolean> {
  const factor = await db.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return !!factor?.confirmedAt || (await hasPasskey(db, userId));
}

/**
 * A supervisor removes a staff member's second factor (a lost phone): the secret and the recovery
 * codes go, every open session ends, and the next sign-in with the password leads straight to a
 * new enrolment. Audited. Subscribers and unknown ids are NOT_FOUND; one's own factor is refused,
 * as locking oneself is (another supervisor resets it).
 */
export async function resetSecondFactor(db: Database, actor: AuditActor, userId: string, now = new Date()) {
  if (userId === actor.id) throw badRequest("userId", "You cannot reset your own second factor");
  return db.$transaction(async (tx) => {
    await tx.$kysely.selectFrom("User").select("id").where("id", "=", userId).forUpdate().execute();
    const user = await tx.user.findFirst({
      where: { id: userId, role: { in: [...SECOND_FACTOR_ROLES] } },
      select: { id: true, totpFactor: { select: { confirmedAt: true } } },
    });
    if (!user) throw notFound("User");
    await tx.totpFactor.deleteMany({ where: { userId } });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId } });
    // A lost phone may hold the passkeys too: they go with the factor, and are added again after enrolment.
    const passkeys = await tx.passkey.deleteMany({ where: { userId } });
    const revoked = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, actor, {
      action: "user.resetSecondFactor",
      entityType: "User",
      entityId: userId,
      before: { enrolledAt: user.totpFactor?.confirmedAt?.toISOString() ?? null, recoveryCodes: codes.count },
      after: { enrolledAt: null, sessionsEnded: revoked.count, passkeysRemoved: passkeys.count },
    });
    return { id: userId, secondFactorEnrolled: false, sessionsEnded: revoked.count };
  });
}

/**
 * The demo secret's code now and when it changes, for the sign-in page's hint; null unless the
 * demo staff are in this database (the demo data is in use).
 */
export async function demoCodeHint(db: Database, now = new Date()) {
  const demo = await db.totpFactor.findFirst({ where: { isDemo: true }, select: { userId: true } });
  if (!demo) return null;
  const step = totpStepAt(now);
  return {
    code: await totpCodeAt(DEMO_TOTP_SECRET, now),
    changesAt: new Date((step + 1) * TOTP_PERIOD_SECONDS * 1000),
  };
}
