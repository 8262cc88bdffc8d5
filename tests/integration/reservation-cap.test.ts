import { describe, expect, it } from "vitest";
import { MAX_RESERVATIONS_PER_PARTNER } from "../../server/domain/partner/number-pool.service";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";

describe("the dealer's reservation cap under concurrent calls", () => {
  it("lets exactly 20 of 30 parallel picks hold a number; the others get the clear TOO_MANY_REQUESTS", async () => {
    const db = testDb();
    const dealer = await callerAs(DEMO.dealer2);
    const { partnerId } = await db.user.findFirstOrThrow({ where: { email: DEMO.dealer2 } });
    const free = (await dealer.partner.availableNumbers({ limit: 60 })).filter((number) => !number.isReservedByMe);
    expect(free.length).toBeGreaterThanOrEqual(30);

    const outcomes = await Promise.allSettled(
      free.slice(0, 30).map((number) => dealer.partner.reserveNumber({ msisdn: number.msisdn })),
    );

    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(MAX_RESERVATIONS_PER_PARTNER);
    const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(refusals).toHaveLength(30 - MAX_RESERVATIONS_PER_PARTNER);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/already hold 20/) });
    }
    expect(
      await db.numberPool.count({
        where: { status: "RESERVED", reservedByPartnerId: partnerId, reservedUntil: { gt: new Date() } },
      }),
    ).toBe(MAX_RESERVATIONS_PER_PARTNER);
  });
});
