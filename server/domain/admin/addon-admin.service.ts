import "server-only";
import type { Addon, Prisma } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import type { AddonFields, CreateAddonInput, UpdateAddonInput } from "./addon-admin.schema";
import { findKeyedEntry } from "./keyed-audit.service";

const CREATE = "addon.create";

const FIELDS = [
  "kind",
  "name",
  "nameEn",
  "description",
  "descriptionEn",
  "priceCents",
  "dataMb",
  "minutes",
  "validityDays",
  "zoneId",
  "eligibleTariffIds",
  "renewal",
  "status",
] as const satisfies readonly (keyof Addon)[];

type Snapshot = Pick<Addon, (typeof FIELDS)[number]>;

function snapshotOf(addon: Snapshot): Snapshot {
  const snapshot = {} as Record<string, unknown>;
  for (const field of FIELDS) snapshot[field] = addon[field];
  return snapshot as Snapshot;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** A roaming pass has a zone and nothing else does; every add-on adds something; tariffs exist and are mobile. */
async function checkRules(
  db: Database | Transaction,
  fields: Pick<AddonFields, "kind" | "zoneId" | "dataMb" | "minutes" | "eligibleTariffIds">,
) {
  if (fields.kind === "ROAMING" && !fields.zoneId) throw badRequest("zoneId", "A roaming pass needs a zone");
  if (fields.kind !== "ROAMING" && fields.zoneId) throw badRequest("zoneId", "Only roaming passes have a zone");
  if (fields.dataMb === null && fields.minutes === null)
    throw badRequest("dataMb", "An add-on adds data, minutes or both");
  if (fields.zoneId && !(await db.roamingZone.findUnique({ where: { id: fields.zoneId } })))
    throw badRequest("zoneId", "No such roaming zone");
  if (fields.eligibleTariffIds.length) {
    const found = await db.tariff.count({ where: { id: { in: fields.eligibleTariffIds }, kind: "MOBILE" } });
    if (found !== fields.eligibleTariffIds.length)
      throw badRequest("eligibleTariffIds", "Each tariff must exist and be a mobile tariff");
  }
}

/** The whole add-on catalogue, retired ones included, with the number of purchases in force. */
export async function listAddonCatalogue(db: Database, now = new Date()) {
  const addons = await db.addon.findMany({
    orderBy: [{ status: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    include: {
      zone: { select: { id: true, name: true, nameEn: true } },
      _count: { select: { purchases: { where: { status: "ACTIVE", endsAt: { gt: now } } } } },
    },
  });
  const zones = await db.roamingZone.findMany({ orderBy: { sortOrder: "asc" } });
  return {
    items: addons.map(({ _count, ...addon }) => ({ ...addon, activePurchases: _count.purchases })),
    zones,
    nextCursor: null,
  };
}

async function getAddon(db: Database, id: string) {
  const addon = await db.addon.findUnique({ where: { id } });
  if (!addon) throw notFound("Add-on");
  return addon;
}

/** A new add-on on sale (ACTIVE); the id is unique and the idempotency key makes a retry answer the same add-on. */
export async function createAddon(db: Database, actor: AuditActor, input: CreateAddonInput) {
  const replay = await findKeyedEntry(db, actor, input.idempotencyKey, CREATE);
  if (replay) return getAddon(db, replay.entityId);
  await checkRules(db, input);
  const { idempotencyKey, ...data } = input;
  try {
    const id = await db.$transaction(async (tx) => {
      const addon = await tx.addon.create({ data: { ...data, status: "ACTIVE", sortOrder: 1000 } });
      await writeAudit(tx, actor, {
        action: CREATE,
        entityType: "Addon",
        entityId: addon.id,
        before: null,
        after: json(snapshotOf(addon)),
        idempotencyKey,
      });
      return addon.id;
    });
    return getAddon(db, id);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findKeyedEntry(db, actor, idempotencyKey, CREATE);
    if (winner) return getAddon(db, winner.entityId);
    throw new AppError("CONFLICT", `An add-on ${input.id} already exists`, { id: "This id is taken" });
  }
}

/**
 * Edits an add-on; purchases already made keep the price and allowance they were bought with.
 * Saving the same values again changes nothing and writes no audit entry.
 */
export async function updateAddon(db: Database, actor: AuditActor, input: UpdateAddonInput) {
  const { id, ...changes } = input;
  return db.$transaction(async (tx) => {
    await tx.$kysely.selectFrom("Addon").select("id").where("id", "=", id).forUpdate().execute();
    const addon = await tx.addon.findUnique({ where: { id } });
    if (!addon) throw notFound("Add-on");
    const merged = { ...addon, ...changes };
    await checkRules(tx, merged);
    const before = snapshotOf(addon);
    const after = snapshotOf(merged);
    const differs = FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
    if (!differs.length) return addon;
    const updated = await tx.addon.update({ where: { id }, data: changes });
    await writeAudit(tx, actor, {
      action: "addon.update",
      entityType: "Addon",
      entityId: id,
      before: json(Object.fromEntries(differs.map((field) => [field, before[field]]))),
      after: json(Object.fromEntries(differs.map((field) => [field, after[field]]))),
    });
    return updated;
  });
}

/** Retires an add-on (no longer sold; purchases in force run to their end) or brings it back. */
export async function setAddonStatus(db: Database, actor: AuditActor, id: string, status: "ACTIVE" | "RETIRED") {
  return db.$transaction(async (tx) => {
    await tx.$kysely.selectFrom("Addon").select("id").where("id", "=", id).forUpdate().execute();
    const addon = await tx.addon.findUnique({ where: { id } });
    if (!addon) throw notFound("Add-on");
    if (addon.status === status) return addon;
    const updated = await tx.addon.update({ where: { id }, data: { status } });
    await writeAudit(tx, actor, {
      action: status === "RETIRED" ? "addon.retire" : "addon.reactivate",
      entityType: "Addon",
      entityId: id,
      before: { status: addon.status },
      after: { status },
    });
    return updated;
  });
}
