import { runOnce } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { releaseExpiredReservations, RESERVATION_MINUTES } from "../../server/domain/partner/number-pool.service";
import { enqueueJob } from "../../server/domain/job-queue/enqueue.service";
import { crontab, taskList } from "../../server/jobs/tasks";
import { callerAs, DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";
import { newSubscriber } from "./helpers/partner";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const MINUTE = 60_000;

async function pickFree(offset: number): Promise<string> {
  const numbers = await (await callerAs(DEMO.dealer1)).partner.availableNumbers({ limit: 60 });
  const free = numbers.filter((n) => !n.isReservedByMe);
  return free[offset]!.msisdn;
}

describe("partner.availableNumbers", () => {
  it("lists free pool numbers with a nice-number flag, and filters by digits and niceness", async () => {
    const dealer = await callerAs(DEMO.dealer1);
    const numbers = await dealer.partner.availableNumbers({});
    expect(numbers.length).toBeGreaterThan(10);
    for (const number of numbers) expect(number.msisdn).toMatch(/^\+7999\d{7}$/);

    const nice = await dealer.partner.availableNumbers({ niceOnly: true, limit: 10 });
    expect(nice).toHaveLength(10);
    expect(nice.every((n) => n.isNice)).toBe(true);
    // The seed's nice numbers repeat digits: +7999 aaa bbbb.
    expect(nice[0]!.msisdn).toMatch(/^\+7999(\d)\1\1(\d)\2\2\2$/);

    const search = await dealer.partner.availableNumbers({ search: "7777" });
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((n) => n.msisdn.includes("7777"))).toBe(true);
  });

  it("pages with a cursor without repeating numbers", async () => {
    const dealer = await callerAs(DEMO.dealer2);
    const first = await dealer.partner.availableNumbers({ limit: 5 });
    const second = await dealer.partner.availableNumbers({ limit: 5, cursor: first[first.length - 1]!.msisdn });
    expect(second).toHaveLength(5);
    expect(second[0]!.msisdn > first[4]!.msisdn).toBe(true);
  });

  it("refuses non-digit searches with BAD_REQUEST", async () => {
    const fields = await fieldErrorsOf((await callerAs(DEMO.dealer1)).partner.availableNumbers({ search: "abc" }));
    expect(Object.keys(fields)).toEqual(["search"]);
  });
});

describe("partner.reserveNumber", () => {
  it("holds a number for 15 minutes for that dealer: other dealers no longer see it and get CONFLICT", async () => {
    const db = testDb();
    const [one, two] = await Promise.all([callerAs(DEMO.dealer1), callerAs(DEMO.dealer2)]);
    const msisdn = await pickFree(0);
    const started = Date.now();
    const held = await one.partner.reserveNumber({ msisdn: msisdn.replace("+7", "8") });
    expect(held.msisdn).toBe(msisdn);
    expect(held.reservedUntil.getTime()).toBeGreaterThanOrEqual(started + RESERVATION_MINUTES * MINUTE - 1000);
    expect(held.reservedUntil.getTime()).toBeLessThanOrEqual(Date.now() + RESERVATION_MINUTES * MINUTE);

    const row = await db.numberPool.findUniqueOrThrow({ where: { msisdn }, include: { reservedBy: true } });
    expect(row.status).toBe("RESERVED");
    expect(row.reservedBy?.code).toBe("TS-MSK-001");

    const mine = await one.partner.availableNumbers({});
    expect(mine[0]).toMatchObject({ msisdn, isReservedByMe: true });
    expect((await two.partner.availableNumbers({ limit: 60 })).map((n) => n.msisdn)).not.toContain(msisdn);
    await expect(two.partner.reserveNumber({ msisdn })).toHaveTRPCCode("CONFLICT");
    await expect(
      two.partner.registerSubscriber({
        customer: newSubscriber(),
        tariffId: "trf_start",
        msisdn,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    ).toHaveTRPCCode("CONFLICT");

    // Picking it again extends the hold; releasing gives it back.
    expect((await one.partner.reserveNumber({ msisdn })).msisdn).toBe(msisdn);
    expect(await one.partner.releaseNumber({ msisdn })).toEqual({ msisdn, released: true });
    expect(await one.partner.releaseNumber({ msisdn })).toEqual({ msisdn, released: false });
    expect((await two.partner.reserveNumber({ msisdn })).msisdn).toBe(msisdn);
    // One dealer cannot release another's hold.
    expect(await one.partner.releaseNumber({ msisdn })).toEqual({ msisdn, released: false });
    expect((await db.numberPool.findUniqueOrThrow({ where: { msisdn } })).status).toBe("RESERVED");
  });

  it("lets exactly one of two dealers racing for a number hold it", async () => {
    const msisdn = await pickFree(3);
    const [one, two] = await Promise.all([callerAs(DEMO.dealer1), callerAs(DEMO.dealer2)]);
    const outcomes = await Promise.allSettled([
      one.partner.reserveNumber({ msisdn }),
      two.partner.reserveNumber({ msisdn }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(
      outcomes.filter((outcome) => outcome.status === "rejected").map((o) => (o.reason as { code: string }).code),
    ).toEqual(["CONFLICT"]);
  });

  it("refuses a number outside the pool with BAD_REQUEST, a malformed one with BAD_REQUEST, a given one with CONFLICT", async () => {
    const dealer = await callerAs(DEMO.dealer1);
    expect((await fieldErrorsOf(dealer.partner.reserveNumber({ msisdn: "+79161112233" }))).msisdn).toMatch(
      /not in the operator's pool/,
    );
    expect(Object.keys(await fieldErrorsOf(dealer.partner.reserveNumber({ msisdn: "12" })))).toEqual(["msisdn"]);
    await expect(dealer.partner.reserveNumber({ msisdn: DEMO.platinum })).toHaveTRPCCode("BAD_REQUEST");

    const msisdn = await pickFree(5);
    await dealer.partner.registerSubscriber({
      customer: newSubscriber(),
      tariffId: "trf_start",
      msisdn,
      idempotencyKey: newIdempotencyKey("reg"),
    });
    await expect(dealer.partner.reserveNumber({ msisdn })).toHaveTRPCCode("CONFLICT");
    await expect((await callerAs(DEMO.dealer2)).partner.reserveNumber({ msisdn })).toHaveTRPCCode("CONFLICT");
  });

  it("is FORBIDDEN for other roles", async () => {
    const msisdn = await pickFree(6);
    for (const who of [DEMO.platinum, DEMO.agent1, DEMO.admin]) {
      const caller = await callerAs(who);
      await expect(caller.partner.reserveNumber({ msisdn })).toHaveTRPCCode("FORBIDDEN");
      await expect(caller.partner.availableNumbers({})).toHaveTRPCCode("FORBIDDEN");
      await expect(caller.partner.releaseNumber({ msisdn })).toHaveTRPCCode("FORBIDDEN");
    }
    await expect((await callerAs(null)).partner.availableNumbers({})).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("reservation expiry", () => {
  it("offers a lapsed reservation to others at once, and the job returns it to the pool", async () => {
    const db = testDb();
    const msisdn = await pickFree(8);
    const otherHeld = await pickFree(9);
    const [one, two] = await Promise.all([callerAs(DEMO.dealer1), callerAs(DEMO.dealer2)]);
    await one.partner.reserveNumber({ msisdn });
    await one.partner.reserveNumber({ msisdn: otherHeld });
    // Sixteen minutes later, as far as the database knows.
    await db.numberPool.update({ where: { msisdn }, data: { reservedUntil: new Date(Date.now() - MINUTE) } });

    expect((await two.partner.availableNumbers({ search: msisdn.slice(-7) })).map((n) => n.msisdn)).toContain(msisdn);

    expect(crontab).toMatch(/^\* \* \* \* \* numbers:release-expired/m);
    process.env.DATABASE_URL = testDatabaseUrl();
    await enqueueJob(db, "numbers:release-expired", {});
    await runOnce({ connectionString: testDatabaseUrl(), taskList });

    const released = await db.numberPool.findUniqueOrThrow({ where: { msisdn } });
    expect(released).toMatchObject({ status: "FREE", reservedByPartnerId: null, reservedUntil: null });
    // A live hold stays.
    expect((await db.numberPool.findUniqueOrThrow({ where: { msisdn: otherHeld } })).status).toBe("RESERVED");
    expect(await releaseExpiredReservations(db)).toBe(0);

    expect((await two.partner.reserveNumber({ msisdn })).msisdn).toBe(msisdn);
  });
});
