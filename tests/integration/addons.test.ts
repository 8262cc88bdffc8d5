import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { renewalKey, renewDueAddons } from "../../server/domain/addon/addon-renewal.service";
import { buyAddon } from "../../server/domain/addon/addon.service";
import { billCustomers } from "../../server/domain/billing/bill-run.service";
import { currentCycle } from "../../server/domain/billing/cycle";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { demoCustomer } from "./helpers/money";
import { fieldErrorsOf } from "./helpers/trpc-errors";

// SILVER: +79001000003 on SMART and +79001000013 on START. PLATINUM: PREMIUM, SMART_PLUS, UNLIMITED, HOME_GIGA.

describe("addon.list and addon.preview", () => {
  it("lists the catalogue for the caller's line, with eligibility by tariff", async () => {
    const { line } = await demoCustomer(DEMO.silver);
    const result = await (await callerAs(DEMO.silver)).addon.list({ lineId: line("+79001000003").id });
    const byId = new Map(result.items.map((item) => [item.id, item]));
    expect(byId.get("add_data_5gb")).toMatchObject({
      kind: "DATA",
      name: "Интернет 5 ГБ",
      nameEn: "Data 5 GB",
      priceCents: 29_900,
      currency: "RUB",
      dataMb: 5120,
      validityDays: 30,
      renewal: "MONTHLY",
      zone: null,
      eligible: true,
    });
    expect(byId.get("add_roam_europe_7d")).toMatchObject({
      kind: "ROAMING",
      zone: { id: "zone_europe", nameEn: "Europe" },
      eligible: true,
    });
    expect(result.items.filter((item) => item.kind === "ROAMING")).toHaveLength(9);
  });

  it("marks data packs ineligible on an unlimited tariff and everything on home internet", async () => {
    const { customer } = await demoCustomer(DEMO.platinum);
    const caller = await callerAs(DEMO.platinum);
    const unlimited = customer.lines.find((line) => line.tariffId === "trf_unlimited")!;
    const home = customer.lines.find((line) => line.kind === "HOME_INTERNET")!;
    const onUnlimited = new Map((await caller.addon.list({ lineId: unlimited.id })).items.map((i) => [i.id, i]));
    expect(onUnlimited.get("add_data_1gb")).toMatchObject({ eligible: false, reasons: ["TARIFF_NOT_ELIGIBLE"] });
    expect(onUnlimited.get("add_minutes_300")).toMatchObject({ eligible: true });
    const onHome = (await caller.addon.list({ lineId: home.id })).items;
    expect(onHome.every((item) => !item.eligible && item.reasons.includes("NOT_MOBILE"))).toBe(true);
  });

  it("previews the price, what it adds and when it ends", async () => {
    const { line } = await demoCustomer(DEMO.silver);
    const before = Date.now();
    const preview = await (
      await callerAs(DEMO.silver)
    ).addon.preview({ lineId: line("+79001000003").id, addonId: "add_roam_cis_7d" });
    expect(preview).toMatchObject({ eligible: true, priceCents: 89_900, dataMb: 5120, minutes: 100 });
    const days = (preview.endsAt.getTime() - preview.startsAt.getTime()) / 86_400_000;
    expect(days).toBe(7);
    expect(preview.startsAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("answers NOT_FOUND for a foreign line and an unknown add-on, FORBIDDEN for staff", async () => {
    const { line } = await demoCustomer(DEMO.platinum);
    const foreign = line(DEMO.platinum).id;
    const silver = await callerAs(DEMO.silver);
    await expect(silver.addon.list({ lineId: foreign })).toHaveTRPCCode("NOT_FOUND");
    await expect(silver.addon.mine({ lineId: foreign })).toHaveTRPCCode("NOT_FOUND");
    await expect(
      silver.addon.buy({ lineId: foreign, addonId: "add_data_1gb", idempotencyKey: newIdempotencyKey("addon") }),
    ).toHaveTRPCCode("NOT_FOUND");
    const own = (await demoCustomer(DEMO.silver)).line("+79001000003").id;
    await expect(silver.addon.preview({ lineId: own, addonId: "add_nothing" })).toHaveTRPCCode("NOT_FOUND");
    await expect((await callerAs(DEMO.agent1)).addon.list({ lineId: own })).toHaveTRPCCode("FORBIDDEN");
  });
});

describe("addon.buy", () => {
  it("gives one purchase and one interaction when replayed and raced with the same key", async () => {
    const db = testDb();
    const { customer, line } = await demoCustomer(DEMO.silver);
    const lineId = line("+79001000013").id;
    const caller = await callerAs(DEMO.silver);
    const idempotencyKey = newIdempotencyKey("addon");
    const input = { lineId, addonId: "add_roam_europe_1d", idempotencyKey };
    const results = await Promise.all([caller.addon.buy(input), caller.addon.buy(input), caller.addon.buy(input)]);
    const replay = await caller.addon.buy(input);
    expect(new Set([...results, replay].map((purchase) => purchase.id)).size).toBe(1);
    expect(replay).toMatchObject({ status: "ACTIVE", priceCents: 49_900, autoRenew: false, kind: "ROAMING" });
    expect(await db.lineAddon.count({ where: { idempotencyKey } })).toBe(1);
    const interactions = await db.interaction.findMany({
      where: { customerId: customer.id, type: "ADDON_PURCHASE" },
    });
    expect(interactions.filter((row) => (row.data as { purchaseId: string }).purchaseId === replay.id)).toHaveLength(1);
    expect(interactions[0]!.channel).toBe("WEB");
    // The network is told once to switch the pass on.
    expect(await db.provisioningCommand.findMany({ where: { sourceKey: `addon:${replay.id}` } })).toEqual([
      expect.objectContaining({ lineId, kind: "ADDON_ON" }),
    ]);

    const mine = await caller.addon.mine({ lineId });
    expect(mine.items.find((item) => item.id === replay.id)).toMatchObject({
      remaining: { dataMb: 1024, minutes: 30 },
      zone: { id: "zone_europe" },
    });

    // The same key for another add-on is a conflict, not a second purchase.
    await expect(caller.addon.buy({ ...input, addonId: "add_data_1gb" })).toHaveTRPCCode("CONFLICT");
  });

  it("refuses a line that is not active and an add-on not for the line's tariff, with a clear message", async () => {
    const db = testDb();
    const { customer } = await demoCustomer(DEMO.platinum);
    const caller = await callerAs(DEMO.platinum);
    const unlimited = customer.lines.find((line) => line.tariffId === "trf_unlimited")!;
    const notForTariff = caller.addon.buy({
      lineId: unlimited.id,
      addonId: "add_data_20gb",
      idempotencyKey: newIdempotencyKey("addon"),
    });
    await expect(notForTariff).toHaveTRPCCode("BAD_REQUEST");
    expect(await fieldErrorsOf(notForTariff)).toEqual({
      addonId: "This add-on is not available on the line's tariff",
    });

    await db.line.update({ where: { id: unlimited.id }, data: { status: "SUSPENDED" } });
    try {
      const blocked = caller.addon.buy({
        lineId: unlimited.id,
        addonId: "add_minutes_300",
        idempotencyKey: newIdempotencyKey("addon"),
      });
      await expect(blocked).toHaveTRPCCode("BAD_REQUEST");
      expect((await fieldErrorsOf(blocked)).addonId).toMatch(/not active/);
    } finally {
      await db.line.update({ where: { id: unlimited.id }, data: { status: "ACTIVE" } });
    }
    expect(await db.lineAddon.count({ where: { lineId: unlimited.id } })).toBe(0);
  });
});

describe("addon.setAutoRenew", () => {
  it("turns auto-renewal off (and on again) for a monthly pack, and refuses it for a one-off pass", async () => {
    const { line } = await demoCustomer(DEMO.silver);
    const caller = await callerAs(DEMO.silver);
    const lineId = line("+79001000003").id;
    const monthly = await caller.addon.buy({
      lineId,
      addonId: "add_data_5gb",
      idempotencyKey: newIdempotencyKey("addon"),
    });
    expect(monthly.autoRenew).toBe(true);
    // The pack joins the line's data allowance on the dashboard.
    const summaryLine = (await caller.account.summary()).lines.find((item) => item.id === lineId)!;
    expect(summaryLine.usage.dataMb.included).toBe(line("+79001000003").tariff.dataMb! + 5120);
    expect(summaryLine.addons).toEqual([expect.objectContaining({ id: monthly.id, kind: "DATA", dataMb: 5120 })]);
    expect(await caller.addon.setAutoRenew({ purchaseId: monthly.id, autoRenew: false })).toMatchObject({
      autoRenew: false,
    });
    expect((await caller.addon.mine({ lineId })).items.find((item) => item.id === monthly.id)?.autoRenew).toBe(false);
    const oneOff = await caller.addon.buy({
      lineId,
      addonId: "add_roam_world_1d",
      idempotencyKey: newIdempotencyKey("addon"),
    });
    await expect(caller.addon.setAutoRenew({ purchaseId: oneOff.id, autoRenew: true })).toHaveTRPCCode("BAD_REQUEST");
    await expect(
      (await callerAs(DEMO.platinum)).addon.setAutoRenew({ purchaseId: monthly.id, autoRenew: true }),
    ).toHaveTRPCCode("NOT_FOUND");
  });
});

describe("renewing add-ons", () => {
  it("renews a monthly pack with auto-renewal on once, even when the job runs twice, and expires the rest", async () => {
    const db = testDb();
    const { customer, line, user } = await demoCustomer(DEMO.silver);
    const lineId = line("+79001000013").id;
    const past = new Date(Date.now() - 31 * 86_400_000);
    const buy = (addonId: string) =>
      buyAddon(db, {
        customerId: customer.id,
        lineId,
        addonId,
        idempotencyKey: newIdempotencyKey("renew"),
        actorId: user.id,
        channel: "WEB",
        now: past,
      });
    const renewing = await buy("add_minutes_300");
    const stopped = await buy("add_data_20gb");
    await db.lineAddon.update({ where: { id: stopped.id }, data: { autoRenew: false } });
    const oneOff = await buy("add_roam_cis_1d");

    const first = await renewDueAddons(db);
    const second = await renewDueAddons(db);
    expect(first.renewed).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ renewed: 0, expired: 0, refused: 0 });
    const statuses = await db.lineAddon.findMany({
      where: { id: { in: [renewing.id, stopped.id, oneOff.id] } },
      select: { id: true, status: true },
    });
    expect(statuses.every((row) => row.status === "EXPIRED")).toBe(true);
    const renewals = await db.lineAddon.findMany({ where: { idempotencyKey: renewalKey(renewing.id) } });
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({
      status: "ACTIVE",
      autoRenew: true,
      priceCents: 19_900,
      startsAt: renewing.endsAt,
    });
    expect(
      await db.lineAddon.count({ where: { idempotencyKey: { in: [renewalKey(stopped.id), renewalKey(oneOff.id)] } } }),
    ).toBe(0);
  });
});

describe("renewing add-ons under a spending limit", () => {
  it("does not renew a pack the cap would not fit: no renewal, no charge, auto-renewal off, the subscriber told why", async () => {
    const db = testDb();
    const { customer, line, user } = await demoCustomer(DEMO.silver);
    const lineId = line("+79001000013").id;
    const past = new Date(Date.now() - 31 * 86_400_000);
    const pack = await buyAddon(db, {
      customerId: customer.id,
      lineId,
      addonId: "add_minutes_300",
      idempotencyKey: newIdempotencyKey("capped-renew"),
      actorId: user.id,
      channel: "WEB",
      now: past,
    });
    // A cap of 100.00 below the pack's 199.00: the renewal would pass it whatever else was spent.
    await db.line.update({ where: { id: lineId }, data: { spendLimitCents: 10_000 } });
    const cycle = currentCycle(customer.billingDay, new Date());
    const spentBefore = await db.lineAddon.count({ where: { lineId, createdAt: { gte: cycle.start } } });

    const first = await renewDueAddons(db);
    const second = await renewDueAddons(db);
    expect(first.refused).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ renewed: 0, expired: 0, refused: 0 });
    expect(await db.lineAddon.count({ where: { idempotencyKey: renewalKey(pack.id) } })).toBe(0);
    expect(await db.lineAddon.count({ where: { lineId, createdAt: { gte: cycle.start } } })).toBe(spentBefore);
    expect(await db.lineAddon.findUniqueOrThrow({ where: { id: pack.id } })).toMatchObject({
      status: "EXPIRED",
      autoRenew: false,
    });
    const told = await db.notification.findMany({
      where: { userId: user.id, kind: "SPEND_LIMIT", createdAt: { gte: new Date(Date.now() - 60_000) } },
    });
    expect(told).toHaveLength(1);
    expect(told[0]!.url).toBe("/addons");
    expect(`${told[0]!.title} ${told[0]!.body}`).toMatch(/не продлена|was not renewed/);
    expect(told[0]!.body).toMatch(/100[.,]00/);
    await db.line.update({ where: { id: lineId }, data: { spendLimitCents: null } });
  });
});

describe("addon.roaming", () => {
  it("shows the zone, the prices without a pass and the passes for a country", async () => {
    const { line } = await demoCustomer(DEMO.silver);
    const result = await (await callerAs(DEMO.silver)).addon.roaming({ country: "tr", lineId: line(DEMO.silver).id });
    expect(result.country).toMatchObject({ code: "TR", name: "Турция" });
    expect(result.country.nameEn).toMatch(/^(Turkey|Türkiye)$/);
    expect(result.zone).toMatchObject({ id: "zone_cis_turkey", nameEn: "CIS and Turkey" });
    expect(result.payAsYouGo).toEqual({ mbCents: 15_000, minuteCents: 4_900, smsCents: 1_500, currency: "RUB" });
    expect(result.passes.map((pass) => pass.id)).toEqual(["add_roam_cis_1d", "add_roam_cis_7d", "add_roam_cis_30d"]);
  });

  it("answers BAD_REQUEST for an unknown country code and lists the countries with roaming", async () => {
    const caller = await callerAs(DEMO.silver);
    await expect(caller.addon.roaming({ country: "XX" })).toHaveTRPCCode("BAD_REQUEST");
    await expect(caller.addon.roaming({ country: "ZZ" })).toHaveTRPCCode("BAD_REQUEST");
    const countries = await caller.addon.countries();
    expect(countries.items.length).toBeGreaterThanOrEqual(30);
    expect(countries.items.find((country) => country.code === "DE")).toEqual({
      code: "DE",
      name: "Германия",
      nameEn: "Germany",
      zoneId: "zone_europe",
    });
  });
});

describe("the bill run and add-ons", () => {
  it("charges each purchase once as a bill line, even when run twice, and the explainer names it", async () => {
    const db = testDb();
    const { customer, line } = await demoCustomer(DEMO.bronze);
    const caller = await callerAs(DEMO.bronze);
    const lineId = line(DEMO.bronze).id;
    const purchase = await caller.addon.buy({
      lineId,
      addonId: "add_roam_europe_7d",
      idempotencyKey: newIdempotencyKey("addon"),
    });
    const cycle = currentCycle(customer.billingDay, new Date());
    const runAt = new Date(cycle.end.getTime() + 5 * 60_000);
    const slice = { periodStart: cycle.start, customerIds: [customer.id] };
    expect(await billCustomers(db, slice, runAt)).toMatchObject({ billed: 1 });
    expect(await billCustomers(db, slice, runAt)).toMatchObject({ billed: 0 });

    const charged = await db.billLine.findMany({ where: { addon: { id: purchase.id } } });
    expect(charged).toHaveLength(1);
    expect(charged[0]).toMatchObject({ kind: "ONE_OFF", amountCents: 149_900, lineId });
    expect(charged[0]!.description).toMatch(/^Пакет «Роуминг: Европа, 7 дней», куплен \d{2}\.\d{2}$/);
    const bill = await db.bill.findUniqueOrThrow({ where: { id: charged[0]!.billId }, include: { lines: true } });
    expect(bill.lines.reduce((sum, item) => sum + item.amountCents, 0)).toBe(bill.totalCents);
    expect(await db.billLine.count({ where: { description: { startsWith: "Пакет «" }, billId: bill.id } })).toBe(1);

    const explained = await caller.bill.explain({ id: bill.id, locale: "en" });
    const change = explained.lines.flatMap((row) => row.changes).find((item) => item.kind === "ONE_OFF");
    expect(change?.items).toEqual([expect.stringMatching(/^Add-on: Roaming: Europe, 7 days, bought \d{2}\.\d{2}$/)]);
    expect(change?.reason).toBe("ADDON");
    const view = await caller.bill.byId({ id: bill.id, locale: "ru" });
    expect(view.lines.some((item) => item.description.startsWith("Пакет «Роуминг: Европа, 7 дней»"))).toBe(true);

    // The next bill does not charge it again.
    const next = currentCycle(customer.billingDay, new Date(cycle.end.getTime() + 86_400_000));
    const nextRun = new Date(next.end.getTime() + 5 * 60_000);
    await billCustomers(db, { periodStart: next.start, customerIds: [customer.id] }, nextRun);
    expect(
      await db.billLine.count({
        where: { description: { startsWith: "Пакет «Роуминг: Европа, 7 дней»" }, bill: { customerId: customer.id } },
      }),
    ).toBe(1);
  });
});

describe("admin.addons", () => {
  it("lets a supervisor add a pack subscribers can buy, edit it and retire it from sale", async () => {
    const admin = await callerAs(DEMO.admin);
    const idempotencyKey = newIdempotencyKey("admin");
    const input = {
      id: "add_data_3gb",
      kind: "DATA" as const,
      name: "Интернет 3 ГБ",
      nameEn: "Data 3 GB",
      description: "",
      descriptionEn: "",
      priceCents: 19_900,
      dataMb: 3072,
      minutes: null,
      validityDays: 14,
      zoneId: null,
      eligibleTariffIds: ["trf_smart"],
      renewal: "ONE_OFF" as const,
      idempotencyKey,
    };
    const [created, replayed] = await Promise.all([admin.admin.addons.create(input), admin.admin.addons.create(input)]);
    expect(replayed.id).toBe(created.id);
    const { line } = await demoCustomer(DEMO.silver);
    const silver = await callerAs(DEMO.silver);
    const onSmart = async () =>
      (await silver.addon.list({ lineId: line("+79001000003").id })).items.find((item) => item.id === "add_data_3gb");
    expect(await onSmart()).toMatchObject({ eligible: true, priceCents: 19_900 });
    await admin.admin.addons.update({ id: created.id, priceCents: 17_900 });
    expect(await onSmart()).toMatchObject({ priceCents: 17_900 });
    await admin.admin.addons.retire({ id: created.id });
    expect(await onSmart()).toBeUndefined();
    expect((await admin.admin.addons.list()).items.find((item) => item.id === created.id)?.status).toBe("RETIRED");

    const roamingWithoutZone = admin.admin.addons.create({
      ...input,
      id: "add_roam_nowhere",
      kind: "ROAMING",
      idempotencyKey: newIdempotencyKey("admin"),
    });
    await expect(roamingWithoutZone).toHaveTRPCCode("BAD_REQUEST");
    expect(await fieldErrorsOf(roamingWithoutZone)).toEqual({ zoneId: "A roaming pass needs a zone" });
    await expect(silver.admin.addons.list()).toHaveTRPCCode("FORBIDDEN");
  });
});
