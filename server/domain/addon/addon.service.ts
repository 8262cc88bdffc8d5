import "server-only";
import type { Addon, Channel, LineAddon, RoamingZone } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { notify } from "../notification/notify.service";
import { issueCommand } from "../provisioning/provisioning.service";
import { tariffNameIn } from "../tariff/tariff-name";
import { startOfUtcDay } from "../billing/cycle";
import { rateLines } from "../usage/line-rating.service";
import { addonEndsAt, addonRefusals, DAY_MS, refusalMessage, remainingOf } from "./addon-rules";
import { countryNames } from "./country-names";
import { lockCustomerLine } from "../line/line-lock.service";
import { queueSpendCheck } from "../spend/spend-check.service";
import { assertPurchaseWithinCap } from "../spend/spend.service";

type Reader = Database | Transaction;

/** The caller's line, scoped to its customer: a foreign line is NOT_FOUND. */
async function getLineOrThrow(db: Reader, input: { lineId: string; customerId: string }) {
  const line = await db.line.findFirst({
    where: { id: input.lineId, customerId: input.customerId },
    select: { id: true, msisdn: true, kind: true, status: true, tariffId: true },
  });
  if (!line) throw notFound("Line");
  return line;
}

function zoneView(zone: RoamingZone | null) {
  return zone ? { id: zone.id, name: zone.name, nameEn: zone.nameEn } : null;
}

function itemView(
  addon: Addon & { zone: RoamingZone | null },
  line: { status: string; kind: string; tariffId: string },
) {
  const reasons = addonRefusals({ line, addon });
  return {
    id: addon.id,
    kind: addon.kind,
    name: addon.name,
    nameEn: addon.nameEn,
    description: addon.description,
    descriptionEn: addon.descriptionEn,
    priceCents: addon.priceCents,
    currency: addon.currency,
    dataMb: addon.dataMb,
    minutes: addon.minutes,
    validityDays: addon.validityDays,
    zone: zoneView(addon.zone),
    renewal: addon.renewal,
    eligible: reasons.length === 0,
    reasons,
  };
}

export type AddonItem = ReturnType<typeof itemView>;

/** The catalogue on sale, each item marked eligible or not for the caller's line (with the reasons). */
export async function listAddons(db: Database, input: { lineId: string; customerId: string }) {
  const line = await getLineOrThrow(db, input);
  const addons = await db.addon.findMany({
    where: { status: "ACTIVE" },
    include: { zone: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  return { items: addons.map((addon) => itemView(addon, line)) };
}

async function assess(db: Reader, input: { lineId: string; customerId: string; addonId: string }) {
  const line = await getLineOrThrow(db, input);
  const addon = await db.addon.findUnique({ where: { id: input.addonId }, include: { zone: true } });
  if (!addon) throw notFound("Add-on");
  return { line, addon, reasons: addonRefusals({ line, addon }) };
}

/** What a purchase would be: the price, what it adds, from when to when, and whether it is allowed. */
export async function previewAddon(
  db: Database,
  input: { lineId: string; customerId: string; addonId: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const { line, addon, reasons } = await assess(db, input);
  return {
    addon: itemView(addon, line),
    line: { id: line.id, msisdn: line.msisdn },
    eligible: reasons.length === 0,
    reasons,
    priceCents: addon.priceCents,
    currency: addon.currency,
    dataMb: addon.dataMb,
    minutes: addon.minutes,
    startsAt: now,
    endsAt: addonEndsAt(now, addon.validityDays),
    renewal: addon.renewal,
    /** Monthly add-ons renew by default; the subscriber can turn it off at any time. */
    autoRenew: addon.renewal === "MONTHLY",
    chargedOn: "NEXT_BILL" as const,
  };
}

const purchaseInclude = { addon: { include: { zone: true } } } as const;
type PurchaseWithAddon = LineAddon & { addon: Addon & { zone: RoamingZone | null } };

export function purchaseView(purchase: PurchaseWithAddon, now = new Date(), used = { dataMb: 0, minutes: 0 }) {
  const isActive = purchase.status === "ACTIVE" && purchase.endsAt.getTime() > now.getTime();
  return {
    id: purchase.id,
    lineId: purchase.lineId,
    addonId: purchase.addonId,
    kind: purchase.addon.kind,
    name: purchase.addon.name,
    nameEn: purchase.addon.nameEn,
    zone: zoneView(purchase.addon.zone),
    priceCents: purchase.priceCents,
    currency: purchase.currency,
    dataMb: purchase.dataMb,
    minutes: purchase.minutes,
    used,
    remaining: remainingOf(purchase, used),
    startsAt: purchase.startsAt,
    endsAt: purchase.endsAt,
    renewal: purchase.addon.renewal,
    autoRenew: purchase.autoRenew,
    status: isActive ? ("ACTIVE" as const) : purchase.status === "ACTIVE" ? ("EXPIRED" as const) : purchase.status,
    createdAt: purchase.createdAt,
  };
}

export type PurchaseView = ReturnType<typeof purchaseView>;

async function findByKey(db: Reader, actorId: string, idempotencyKey: string) {
  return db.lineAddon.findUnique({
    where: { boughtById_idempotencyKey: { boughtById: actorId, idempotencyKey } },
    include: purchaseInclude,
  });
}

function replayOf(existing: PurchaseWithAddon, input: { customerId: string; lineId: string; addonId: string }) {
  // A key belongs to its actor; reusing it for another purchase must not reveal or repeat that one.
  if (
    existing.customerId !== input.customerId ||
    existing.lineId !== input.lineId ||
    existing.addonId !== input.addonId
  )
    throw new AppError("CONFLICT", "This idempotency key was already used for another request");
  return purchaseView(existing);
}

/**
 * Buys an add-on for the caller's line: ACTIVE at once (provisioning is hooked in at merge), charged
 * on the next bill as one bill line. The same idempotency key returns the same purchase; concurrent
 * submits are serialised on the line row and the unique (buyer, key) index, so a replay or a race
 * gives one purchase and one charge. A line that is not ACTIVE, or a tariff the add-on is not for,
 * is refused with a clear message.
 */
export async function buyAddon(
  db: Database,
  input: {
    customerId: string;
    lineId: string;
    addonId: string;
    idempotencyKey: string;
    actorId: string;
    channel: Channel;
    now?: Date;
  },
): Promise<PurchaseView> {
  const existing = await findByKey(db, input.actorId, input.idempotencyKey);
  if (existing) return replayOf(existing, input);
  const now = input.now ?? new Date();
  const before = await assess(db, input);
  if (before.reasons.length) throw badRequest("addonId", refusalMessage(before.reasons));

  try {
    return await db.$transaction(async (tx) => {
      await lockCustomerLine(tx, input);
      const replay = await findByKey(tx, input.actorId, input.idempotencyKey);
      if (replay) return replayOf(replay, input);
      const { line, addon, reasons } = await assess(tx, input);
      if (reasons.length) throw badRequest("addonId", refusalMessage(reasons));
      await assertPurchaseWithinCap(tx, { lineId: line.id, priceCents: addon.priceCents, actorId: input.actorId, now });
      const purchase = await tx.lineAddon.create({
        data: {
          lineId: line.id,
          customerId: input.customerId,
          addonId: addon.id,
          priceCents: addon.priceCents,
          currency: addon.currency,
          dataMb: addon.dataMb,
          minutes: addon.minutes,
          startsAt: now,
          endsAt: addonEndsAt(now, addon.validityDays),
          autoRenew: addon.renewal === "MONTHLY",
          status: "ACTIVE",
          boughtById: input.actorId,
          idempotencyKey: input.idempotencyKey,
          channel: input.channel,
          createdAt: now,
        },
        include: purchaseInclude,
      });
      // The network switches the add-on on for the line; the purchase is what the subscriber paid for.
      await issueCommand(tx, {
        lineId: line.id,
        kind: "ADDON_ON",
        payload: { purchaseId: purchase.id, addonId: addon.id, endsAt: purchase.endsAt.toISOString() },
        sourceKey: `addon:${purchase.id}`,
      });
      await queueSpendCheck(tx, line.id);
      await recordInteraction(tx, {
        customerId: input.customerId,
        channel: input.channel,
        type: "ADDON_PURCHASE",
        actorId: input.actorId,
        data: { lineId: line.id, purchaseId: purchase.id, addonId: addon.id, priceCents: addon.priceCents },
        at: now,
      });
      const login = await tx.user.findUnique({
        where: { customerId: input.customerId },
        select: { id: true, locale: true },
      });
      if (login) {
        const t = translatorFor(login.locale, "notifications");
        await notify(tx, login.id, {
          kind: "ADDON_PURCHASE",
          title: t("addonPurchaseTitle", { addon: tariffNameIn(addon, login.locale) }),
          body: t("addonPurchaseBody", { day: purchase.endsAt.toISOString().slice(0, 10) }),
          url: "/addons",
        });
      }
      return purchaseView(purchase, now);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findByKey(db, input.actorId, input.idempotencyKey);
    if (winner) return replayOf(winner, input);
    throw error;
  }
}

/** The line's add-ons in force now, with what is left of each. */
export async function myAddons(db: Database, input: { lineId: string; customerId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const line = await getLineOrThrow(db, input);
  const purchases = await db.lineAddon.findMany({
    where: { lineId: line.id, status: "ACTIVE", endsAt: { gt: now } },
    include: purchaseInclude,
    orderBy: [{ endsAt: "asc" }, { id: "asc" }],
  });
  const today = startOfUtcDay(now);
  const { rated } = await rateLines(db, [line.id], { start: today, end: new Date(today.getTime() + DAY_MS) });
  const packUse = rated.get(line.id)?.packUse;
  return { items: purchases.map((purchase) => purchaseView(purchase, now, packUse?.get(purchase.id))) };
}

/** Turns auto-renewal on or off for one of the caller's purchases (off at any time). */
export async function setAutoRenew(
  db: Database,
  input: { purchaseId: string; autoRenew: boolean; customerId: string; actorId: string; channel: Channel },
) {
  return db.$transaction(async (tx) => {
    const purchase = await tx.lineAddon.findFirst({
      where: { id: input.purchaseId, customerId: input.customerId },
      include: purchaseInclude,
    });
    if (!purchase) throw notFound("Add-on purchase");
    if (input.autoRenew && purchase.addon.renewal !== "MONTHLY")
      throw badRequest("autoRenew", "This add-on is bought once and does not renew");
    if (purchase.autoRenew === input.autoRenew) return purchaseView(purchase);
    const updated = await tx.lineAddon.update({
      where: { id: purchase.id },
      data: { autoRenew: input.autoRenew },
      include: purchaseInclude,
    });
    await recordInteraction(tx, {
      customerId: input.customerId,
      channel: input.channel,
      type: "ADDON_AUTO_RENEW",
      actorId: input.actorId,
      data: { purchaseId: purchase.id, autoRenew: input.autoRenew },
    });
    return purchaseView(updated);
  });
}

/**
 * "Travelling to…": the country's zone, what calls, texts and data cost there without a pass, and
 * the passes for that zone on offer for the caller's line (a foreign line is NOT_FOUND). An unknown
 * country is BAD_REQUEST.
 */
export async function roamingFor(db: Database, input: { country: string; customerId: string; lineId?: string }) {
  const names = countryNames(input.country);
  if (!names) throw badRequest("country", "Unknown country code");
  const zone = await db.roamingZone.findFirst({ where: { countries: { has: input.country } } });
  if (!zone) throw badRequest("country", "No roaming in this country");
  const line = input.lineId
    ? await getLineOrThrow(db, { lineId: input.lineId, customerId: input.customerId })
    : await db.line.findFirst({
        where: { customerId: input.customerId, kind: "MOBILE" },
        orderBy: { activatedAt: "asc" },
        select: { id: true, msisdn: true, kind: true, status: true, tariffId: true },
      });
  const passes = await db.addon.findMany({
    where: { status: "ACTIVE", kind: "ROAMING", zoneId: zone.id },
    include: { zone: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  return {
    country: { code: input.country, name: names.ru, nameEn: names.en },
    zone: { id: zone.id, name: zone.name, nameEn: zone.nameEn },
    payAsYouGo: { mbCents: zone.mbCents, minuteCents: zone.minuteCents, smsCents: zone.smsCents, currency: "RUB" },
    lineId: line?.id ?? null,
    passes: line ? passes.map((addon) => itemView(addon, line)) : [],
  };
}

/** Every country with roaming, for the "Travelling to…" picker, named in both languages. */
export async function roamingCountries(db: Database) {
  const zones = await db.roamingZone.findMany({ orderBy: { sortOrder: "asc" } });
  const items = zones.flatMap((zone) =>
    zone.countries.flatMap((code) => {
      const names = countryNames(code);
      return names ? [{ code, name: names.ru, nameEn: names.en, zoneId: zone.id }] : [];
    }),
  );
  return { items };
}
