import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { billCustomers } from "../../server/domain/billing/bill-run.service";
import { currentCycle } from "../../server/domain/billing/cycle";
import { ingestUsage } from "../../server/domain/usage/ingest.service";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { demoCustomer } from "./helpers/money";

// SILVER's second line +79001000013 is on START; BRONZE +79001000002.
const SECOND = "+79001000013";

function record(msisdn: string, kind: "DATA" | "VOICE" | "SMS", amount: number, roamingCountry?: string) {
  return { id: `rate-${randomUUID()}`, msisdn, kind, amount, at: new Date(), roamingCountry };
}

describe("usage rated against add-ons", () => {
  it("a roaming pass covers usage in its zone and shows it used; a country without a pass is priced by its zone", async () => {
    const db = testDb();
    const { customer, line } = await demoCustomer(DEMO.silver);
    const lineId = line(SECOND).id;
    const caller = await callerAs(DEMO.silver);
    const pass = await caller.addon.buy({
      lineId,
      addonId: "add_roam_europe_7d",
      idempotencyKey: newIdempotencyKey("addon"),
    });
    expect(pass.dataMb).toBeGreaterThan(300);

    await ingestUsage(db, [
      record(SECOND, "DATA", 200, "DE"),
      record(SECOND, "DATA", 100, "FR"),
      record(SECOND, "DATA", 10, "TR"),
      record(SECOND, "SMS", 2, "TR"),
    ]);

    const summary = await caller.account.summary();
    const rated = summary.lines.find((item) => item.id === lineId)!;
    expect(rated.addons.find((addon) => addon.id === pass.id)?.used).toEqual({ dataMb: 300, minutes: 0 });
    const turkey = await db.roamingZone.findUniqueOrThrow({ where: { id: "zone_cis_turkey" } });
    const turkeyCents = 10 * turkey.mbCents + 2 * turkey.smsCents;
    expect(rated.roaming.byZone).toEqual([
      { zoneId: "zone_cis_turkey", dataMb: 10, minutes: 0, sms: 2, cents: turkeyCents },
    ]);
    expect(rated.roaming.chargedCents).toBe(turkeyCents);
    const mine = await caller.addon.mine({ lineId });
    expect(mine.items.find((item) => item.id === pass.id)?.remaining.dataMb).toBe(pass.dataMb! - 300);

    // The bill run charges the roaming once (a second run bills nothing), named by its zone.
    const cycle = currentCycle(customer.billingDay, new Date());
    const runAt = new Date(cycle.end.getTime() + 5 * 60_000);
    const slice = { periodStart: cycle.start, customerIds: [customer.id] };
    expect(await billCustomers(db, slice, runAt)).toMatchObject({ billed: 1 });
    expect(await billCustomers(db, slice, runAt)).toMatchObject({ billed: 0 });
    const roaming = await db.billLine.findMany({
      where: { lineId, description: { startsWith: "Роуминг" }, bill: { periodStart: cycle.start } },
    });
    expect(roaming).toEqual([
      expect.objectContaining({
        kind: "OVERAGE",
        amountCents: turkeyCents,
        description: "Роуминг, зона «СНГ и Турция»: 10 МБ, 0 мин, 2 SMS (+7 900 100-00-13)",
      }),
    ]);
    const view = await caller.bill.byId({ id: roaming[0]!.billId, locale: "en" });
    expect(view.lines.map((item) => item.description)).toContain(
      "Roaming, CIS and Turkey zone: 10 MB, 0 min, 2 texts (+7 900 100-00-13)",
    );
  });

  it("a data pack covers domestic data first; what is left of it is shown, and replayed usage is not counted again", async () => {
    const db = testDb();
    const { line } = await demoCustomer(DEMO.bronze);
    const lineId = line(DEMO.bronze).id;
    const caller = await callerAs(DEMO.bronze);
    const pack = await caller.addon.buy({
      lineId,
      addonId: "add_data_1gb",
      idempotencyKey: newIdempotencyKey("addon"),
    });
    const batch = [record(DEMO.bronze, "DATA", 300), record(DEMO.bronze, "DATA", 100)];
    await ingestUsage(db, batch);
    await ingestUsage(db, batch);

    const left = (await caller.addon.mine({ lineId })).items.find((item) => item.id === pack.id)!;
    expect(left.used).toEqual({ dataMb: 400, minutes: 0 });
    expect(left.remaining.dataMb).toBe(pack.dataMb! - 400);
    const summary = await caller.account.summary();
    const dashboard = summary.lines.find((item) => item.id === lineId)!;
    expect(dashboard.addons.find((addon) => addon.id === pack.id)?.used.dataMb).toBe(400);
    expect(dashboard.roaming.chargedCents).toBe(0);
  });
});
