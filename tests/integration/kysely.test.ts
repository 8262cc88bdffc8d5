import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { kyselyOf } from "../../server/db/client";
import { listBills } from "../../server/domain/billing/bill.service";
import { testDb } from "./helpers/db";

const txid = sql<{ id: string }>`SELECT txid_current()::text AS id`;

describe("tx.$kysely (typed SQL in a Prisma transaction)", () => {
  it("runs in its own transaction, also while other transactions run at the same time", async () => {
    const db = testDb();
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const seen = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        db.$transaction(async (tx) => {
          await pause(20 * i);
          const prisma = await tx.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`;
          await pause(60);
          const kysely = await txid.execute(tx.$kysely);
          return { prisma: prisma[0]!.id, kysely: kysely.rows[0]!.id };
        }),
      ),
    );
    for (const { prisma, kysely } of seen) expect(kysely).toBe(prisma);
    expect(new Set(seen.map((row) => row.kysely)).size).toBe(4);
  });

  it("rolls back with the transaction", async () => {
    const db = testDb();
    const key = `kysely-rollback-${Date.now()}`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.$kysely.insertInto("RateLimit").values({ key, points: 1 }).execute();
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.rateLimit.findUnique({ where: { key } })).toBeNull();
  });
});

describe("kyselyOf(db) (typed SQL straight on the pool)", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("reads and compares timestamps and dates as UTC, as Prisma does, whatever the process time zone", async () => {
    process.env.TZ = "Asia/Vladivostok";
    const db = testDb();
    const at = new Date("2026-03-04T22:30:00.123Z");
    const row = await kyselyOf(db)
      .selectNoFrom([
        sql<Date>`${at}::timestamp`.as("timestamp"),
        sql<string>`${at}::timestamp::text`.as("text"),
        sql<Date>`'2026-03-04'::date`.as("day"),
      ])
      .executeTakeFirstOrThrow();
    expect(row.timestamp.toISOString()).toBe(at.toISOString());
    expect(row.text).toBe("2026-03-04 22:30:00.123");
    expect(row.day.toISOString()).toBe("2026-03-04T00:00:00.000Z");

    const bill = await db.bill.findFirstOrThrow({ orderBy: { issuedAt: "desc" } });
    const { items } = await listBills(db, { customerId: bill.customerId, limit: 50 });
    const listed = items.find((item) => item.id === bill.id);
    expect(listed).toMatchObject({
      issuedAt: bill.issuedAt,
      dueAt: bill.dueAt,
      periodStart: bill.periodStart,
      periodEnd: bill.periodEnd,
    });
  });
});
