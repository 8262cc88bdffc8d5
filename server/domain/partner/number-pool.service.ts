import "server-only";
import type { Prisma } from "@prisma/client";
import { expressionBuilder } from "kysely";
import type { Database, Transaction } from "../../db/client";
import type { DB } from "../../db/kysely";
import { AppError, badRequest } from "../errors";
import { REGISTRATION_MESSAGES as M } from "./registration-rules";

/** How long a picked number stays held for the dealer who picked it. */
export const RESERVATION_MINUTES = 15;
/** Active reservations one dealer may hold at once, so nobody sits on the nice numbers. */
export const MAX_RESERVATIONS_PER_PARTNER = 20;

type Db = Database | Transaction;

export type PoolNumber = {
  msisdn: string;
  isNice: boolean;
  /** Set when this dealer holds the number. */
  reservedUntil: Date | null;
  isReservedByMe: boolean;
};

/**
 * Numbers a dealer may pick: free ones, and ones whose reservation has lapsed (the release job
 * may not have run yet). The dealer's own live reservations come first.
 */
export async function listAvailableNumbers(
  db: Database,
  input: { partnerId: string; search?: string; niceOnly?: boolean; limit?: number; cursor?: string; now?: Date },
): Promise<PoolNumber[]> {
  const now = input.now ?? new Date();
  const limit = input.limit ?? 24;
  const digits = input.search?.replace(/\D/g, "") ?? "";
  const where: Prisma.NumberPoolWhereInput = {
    ...(digits ? { msisdn: { contains: digits } } : {}),
    ...(input.niceOnly ? { isNice: true } : {}),
  };

  const mine = input.cursor
    ? []
    : await db.numberPool.findMany({
        where: { ...where, status: "RESERVED", reservedByPartnerId: input.partnerId, reservedUntil: { gt: now } },
        orderBy: { msisdn: "asc" },
      });
  const free = await db.numberPool.findMany({
    where: {
      ...where,
      OR: [{ status: "FREE" }, { status: "RESERVED", reservedUntil: { lte: now } }],
      ...(input.cursor ? { msisdn: { gt: input.cursor, ...(digits ? { contains: digits } : {}) } } : {}),
    },
    orderBy: { msisdn: "asc" },
    take: limit,
  });
  return [
    ...mine.map((row) => ({
      msisdn: row.msisdn,
      isNice: row.isNice,
      reservedUntil: row.reservedUntil,
      isReservedByMe: true,
    })),
    ...free.map((row) => ({ msisdn: row.msisdn, isNice: row.isNice, reservedUntil: null, isReservedByMe: false })),
  ];
}

/** Why a number cannot be had: outside the pool (BAD_REQUEST on the field), or taken (CONFLICT). */
/** Free, lapsed, or held by this dealer: what an atomic claim of the number requires. */
function isClaimableBy(partnerId: string, now: Date) {
  const pool = expressionBuilder<DB, "NumberPool">();
  return pool.or([
    pool("status", "=", "FREE"),
    pool.and([
      pool("status", "=", "RESERVED"),
      pool.or([pool("reservedByPartnerId", "=", partnerId), pool("reservedUntil", "<=", now)]),
    ]),
  ]);
}

async function explainUnavailable(db: Db, msisdn: string): Promise<AppError> {
  const row = await db.numberPool.findUnique({ where: { msisdn }, select: { status: true } });
  if (!row) return badRequest("msisdn", M.msisdnNotInPool);
  if (row.status === "ASSIGNED") return new AppError("CONFLICT", M.msisdnAssigned);
  return new AppError("CONFLICT", M.msisdnHeld);
}

/**
 * Holds a number for the dealer for 15 minutes. Picking it again extends the hold. One atomic
 * UPDATE decides, so two dealers picking the same number at once cannot both get it. The dealer's
 * row is locked while its holds are counted and the new one is taken, so parallel picks of one
 * dealer queue up and the cap holds under concurrency.
 */
export async function reserveNumber(db: Database, input: { partnerId: string; msisdn: string; now?: Date }) {
  const now = input.now ?? new Date();
  const until = new Date(now.getTime() + RESERVATION_MINUTES * 60_000);
  return db.$transaction(async (tx) => {
    await tx.$kysely.selectFrom("Partner").select("id").where("id", "=", input.partnerId).forUpdate().execute();
    const held = await tx.numberPool.count({
      where: {
        status: "RESERVED",
        reservedByPartnerId: input.partnerId,
        reservedUntil: { gt: now },
        msisdn: { not: input.msisdn },
      },
    });
    if (held >= MAX_RESERVATIONS_PER_PARTNER) {
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `You already hold ${held} numbers; register a subscriber or release a number first`,
      );
    }
    const { numUpdatedRows } = await tx.$kysely
      .updateTable("NumberPool")
      .set({ status: "RESERVED", reservedByPartnerId: input.partnerId, reservedUntil: until })
      .where("msisdn", "=", input.msisdn)
      .where(isClaimableBy(input.partnerId, now))
      .executeTakeFirst();
    if (numUpdatedRows !== 1n) throw await explainUnavailable(tx, input.msisdn);
    const row = await tx.numberPool.findUniqueOrThrow({ where: { msisdn: input.msisdn } });
    return { msisdn: row.msisdn, isNice: row.isNice, reservedUntil: until };
  }, RESERVATION_TRANSACTION);
}

/** A burst of one dealer's picks queues on the dealer's row: each may wait its turn for a connection. */
const RESERVATION_TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

/** Gives a number the dealer holds back to the pool (the dealer picked another one). Safe to repeat. */
export async function releaseNumber(db: Database, input: { partnerId: string; msisdn: string }) {
  const exists = await db.numberPool.findUnique({ where: { msisdn: input.msisdn }, select: { msisdn: true } });
  if (!exists) throw badRequest("msisdn", M.msisdnNotInPool);
  const { count } = await db.numberPool.updateMany({
    where: { msisdn: input.msisdn, status: "RESERVED", reservedByPartnerId: input.partnerId },
    data: { status: "FREE", reservedByPartnerId: null, reservedUntil: null },
  });
  return { msisdn: input.msisdn, released: count === 1 };
}

/**
 * Takes the number for a new line inside the registration's transaction: free, lapsed, or held
 * by this dealer. The row lock makes a racing registration wait and then find it ASSIGNED.
 */
export async function assignNumber(tx: Transaction, input: { partnerId: string; msisdn: string; now: Date }) {
  const { numUpdatedRows } = await tx.$kysely
    .updateTable("NumberPool")
    .set({ status: "ASSIGNED", assignedAt: input.now, reservedByPartnerId: input.partnerId, reservedUntil: null })
    .where("msisdn", "=", input.msisdn)
    .where(isClaimableBy(input.partnerId, input.now))
    .executeTakeFirst();
  if (numUpdatedRows !== 1n) throw await explainUnavailable(tx, input.msisdn);
}

/** Lapsed reservations go back to the pool (the `numbers:release-expired` job, every minute). */
export async function releaseExpiredReservations(db: Database, now = new Date()): Promise<number> {
  const { count } = await db.numberPool.updateMany({
    where: { status: "RESERVED", reservedUntil: { lte: now } },
    data: { status: "FREE", reservedByPartnerId: null, reservedUntil: null },
  });
  return count;
}
