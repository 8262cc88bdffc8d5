import "server-only";
import type { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";
import { clearThrottle, throttledIdentifierWhere } from "../identity/login-throttle.service";
import { assertAcceptablePassword } from "../identity/common-passwords";
import { hashPassword } from "../identity/password";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { parseIdentifier } from "../identity/identifier";
import { STAFF_ROLES, type CreateUserInput } from "./admin.schema";
import { findKeyedEntry } from "./keyed-audit.service";

const CREATE = "user.create";
const PAGE = 50;

const staffView = {
  id: true,
  role: true,
  name: true,
  email: true,
  locale: true,
  lockedAt: true,
  createdAt: true,
  partner: { select: { id: true, code: true, name: true } },
  totpFactor: { select: { confirmedAt: true } },
} as const satisfies Prisma.UserSelect;

/** A staff row as the page shows it: when the second factor was enrolled (null: not yet, or reset). */
function staffRow<T extends { totpFactor: { confirmedAt: Date | null } | null }>({ totpFactor, ...user }: T) {
  return { ...user, secondFactorEnrolledAt: totpFactor?.confirmedAt ?? null };
}

async function staffById(db: Pick<Database, "user" | "authSession">, id: string, now = new Date()) {
  const user = await db.user.findFirst({ where: { id, role: { in: [...STAFF_ROLES] } }, select: staffView });
  if (!user) throw notFound("User");
  const openSessions = await db.authSession.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: now } } });
  return { ...staffRow(user), openSessions };
}

/** Staff accounts (agents, dealers' staff, supervisors) by role and name or e-mail. */
export async function listStaff(
  db: Database,
  input: { role?: (typeof STAFF_ROLES)[number]; query?: string; cursor?: string; limit?: number } = {},
) {
  const take = input.limit ?? PAGE;
  const rows = await db.user.findMany({
    where: {
      role: input.role ? input.role : { in: [...STAFF_ROLES] },
      ...(input.query
        ? {
            OR: [
              { name: { contains: input.query, mode: "insensitive" } },
              { email: { contains: input.query.toLowerCase() } },
            ],
          }
        : {}),
    },
    orderBy: [{ role: "asc" }, { name: "asc" }, { id: "asc" }],
    take: take + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: staffView,
  });
  const items = rows.slice(0, take).map(staffRow);
  return { items, nextCursor: rows.length > take ? items[items.length - 1]!.id : null };
}

/** Dealers for the "dealer staff" choice. */
export function listPartners(db: Database) {
  return db.partner.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true } });
}

/** A new staff account with an argon2id password. E-mail is unique; the key makes a retry answer the same user. */
export async function createStaffUser(db: Database, actor: AuditActor, input: CreateUserInput) {
  const replay = await findKeyedEntry(db, actor, input.idempotencyKey, CREATE);
  if (replay) return staffById(db, replay.entityId);
  if (input.partnerId && !(await db.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } }))) {
    throw badRequest("partnerId", "No such dealer");
  }
  assertAcceptablePassword(input.password, "password", [input.email]);
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          role: input.role,
          name: input.name,
          email: input.email,
          locale: input.locale,
          partnerId: input.partnerId ?? null,
          passwordHash,
        },
      });
      await writeAudit(tx, actor, {
        action: CREATE,
        entityType: "User",
        entityId: user.id,
        before: null,
        // Never the password or its hash.
        after: { role: user.role, name: user.name, email: user.email, locale: user.locale, partnerId: user.partnerId },
        idempotencyKey: input.idempotencyKey,
      });
      return user.id;
    });
    return staffById(db, id);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findKeyedEntry(db, actor, input.idempotencyKey, CREATE);
    if (winner) return staffById(db, winner.entityId);
    throw new AppError("CONFLICT", "A user with this e-mail already exists", { email: "This e-mail is taken" });
  }
}

/** Any account, staff or subscriber, as the lock screen shows it. */
const lockableView = {
  ...staffView,
  phone: true,
  customer: { select: { id: true, accountNumber: true } },
} as const satisfies Prisma.UserSelect;

async function userById(db: Pick<Database, "user" | "authSession">, id: string, now = new Date()) {
  const user = await db.user.findUnique({ where: { id }, select: lockableView });
  if (!user) throw notFound("User");
  const openSessions = await db.authSession.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: now } } });
  return { ...user, openSessions };
}

/** The subscriber whose login is this phone (typed in any common form), for the lock screen: none or one. */
export async function findSubscriberByPhone(db: Database, input: { phone: string }, now = new Date()) {
  const parsed = parseIdentifier(input.phone);
  if (parsed?.kind !== "phone") throw badRequest("phone", "Enter a phone number");
  const user = await db.user.findFirst({ where: { phone: parsed.value, role: "SUBSCRIBER" }, select: { id: true } });
  return { items: user ? [await userById(db, user.id, now)] : [] };
}

/**
 * Locks an account, staff or subscriber: it can no longer sign in, and every open session ends at
 * once (the session rows are revoked, so every app instance refuses them). Locking oneself is refused.
 */
export async function lockUser(db: Database, actor: AuditActor, userId: string, now = new Date()) {
  if (userId === actor.id) throw badRequest("userId", "You cannot lock your own account");
  await db.$transaction(async (tx) => {
    await tx.$kysely.selectFrom("User").select("id").where("id", "=", userId).forUpdate().execute();
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("User");
    const revoked = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    if (user.lockedAt && revoked.count === 0) return;
    await tx.user.update({ where: { id: userId }, data: { lockedAt: user.lockedAt ?? now } });
    await writeAudit(tx, actor, {
      action: "user.lock",
      entityType: "User",
      entityId: userId,
      before: { role: user.role, lockedAt: user.lockedAt },
      after: { role: user.role, lockedAt: user.lockedAt ?? now, sessionsEnded: revoked.count },
    });
  });
  return userById(db, userId, now);
}

/** Unlocks a locked account, staff or subscriber. Unlocking an unlocked one changes nothing. */
export async function unlockUser(db: Database, actor: AuditActor, userId: string) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("User");
    if (!user.lockedAt) return;
    await tx.user.update({ where: { id: userId }, data: { lockedAt: null } });
    await writeAudit(tx, actor, {
      action: "user.unlock",
      entityType: "User",
      entityId: userId,
      before: { role: user.role, lockedAt: user.lockedAt },
      after: { role: user.role, lockedAt: null },
    });
  });
  return userById(db, userId);
}

const IDENTIFIER_PREFIX = "id:";

/**
 * Identifiers with too many failed attempts, with the account they belong to: activation locked
 * for a while (`lockedUntil`), or sign-in stepped up (a password alone is refused; `lockedUntil` null).
 */
export async function listThrottled(db: Database, now = new Date()) {
  const rows = await db.loginThrottle.findMany({
    where: throttledIdentifierWhere(now),
    orderBy: { lastFailureAt: "desc" },
    take: 100,
  });
  const identifiers = rows.map((row) => row.key.slice(IDENTIFIER_PREFIX.length));
  const users = await db.user.findMany({
    where: { OR: [{ phone: { in: identifiers } }, { email: { in: identifiers } }] },
    select: { id: true, name: true, role: true, phone: true, email: true },
  });
  return {
    items: rows.map((row, i) => {
      const identifier = identifiers[i]!;
      const user = users.find((candidate) => candidate.phone === identifier || candidate.email === identifier) ?? null;
      return {
        identifier,
        lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null,
        failures: row.failures,
        lockCount: row.lockCount,
        lastFailureAt: row.lastFailureAt ?? row.updatedAt,
        user,
      };
    }),
    nextCursor: null,
  };
}

/**
 * Lifts the sign-in throttle of one identifier (a subscriber who locked themselves out) on every
 * address. The phone may be typed in any common form. Nothing to lift: nothing changes.
 */
export async function unthrottleIdentifier(db: Database, actor: AuditActor, input: { identifier: string }) {
  const parsed = parseIdentifier(input.identifier);
  if (!parsed) throw badRequest("identifier", "Enter a phone number or an e-mail");
  const identifier = parsed.value;
  const rows = await db.loginThrottle.findMany({
    where: { OR: [{ key: `id:${identifier}` }, { key: { startsWith: `idip:${identifier}|` } }] },
    select: { key: true, failures: true, lockedUntil: true },
  });
  if (rows.length) {
    await clearThrottle(db, identifier);
    await writeAudit(db, actor, {
      action: "login.unthrottle",
      entityType: "LoginThrottle",
      entityId: identifier,
      before: rows.map((row) => ({
        key: row.key,
        failures: row.failures,
        lockedUntil: row.lockedUntil?.toISOString() ?? null,
      })),
      after: null,
    });
  }
  return { identifier, cleared: rows.length };
}
