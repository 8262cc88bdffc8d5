import "server-only";
import type { Prisma, Tariff } from "@prisma/client";
import type { Database } from "../../db/client";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import type { CreateTariffInput, TariffFields, UpdateTariffInput } from "./admin.schema";
import { findKeyedEntry } from "./keyed-audit.service";

const CREATE = "tariff.create";
const DELETE = "tariff.delete";

const FIELDS = [
  "name",
  "nameEn",
  "description",
  "descriptionEn",
  "kind",
  "monthlyFeeCents",
  "minutes",
  "sms",
  "dataMb",
  "minuteCents",
  "smsCents",
  "dataBlockCents",
  "openToSegments",
  "soldToNewCustomers",
  "minTermMonths",
  "status",
] as const satisfies readonly (keyof Tariff)[];

type Snapshot = Pick<Tariff, (typeof FIELDS)[number] | "code">;

function snapshotOf(tariff: Tariff): Snapshot {
  const snapshot = { code: tariff.code } as Record<string, unknown>;
  for (const field of FIELDS) snapshot[field] = tariff[field];
  return snapshot as Snapshot;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Home internet has no minutes or texts: they are zero, not "unlimited". */
function checkKindRules(fields: Pick<TariffFields, "kind" | "minutes" | "sms">): void {
  if (fields.kind !== "HOME_INTERNET") return;
  if (fields.minutes !== 0) throw badRequest("minutes", "Home internet has no minutes: set 0");
  if (fields.sms !== 0) throw badRequest("sms", "Home internet has no texts: set 0");
}

/** How much a tariff is used: lines on it, dealer orders and tariff changes that name it. */
async function usageOf(db: Pick<Database, "line" | "order" | "tariffChange">, tariffId: string) {
  const [lines, activeLines, orders, changes] = await Promise.all([
    db.line.count({ where: { tariffId } }),
    db.line.count({ where: { tariffId, status: { not: "TERMINATED" } } }),
    db.order.count({ where: { tariffId } }),
    db.tariffChange.count({ where: { OR: [{ fromTariffId: tariffId }, { toTariffId: tariffId }] } }),
  ]);
  return { lines, activeLines, orders, changes, isInUse: lines + orders + changes > 0 };
}

/** The whole catalogue, retired tariffs included, with the number of lines on each. */
export async function listCatalogue(db: Database) {
  const tariffs = await db.tariff.findMany({
    orderBy: [{ status: "asc" }, { kind: "asc" }, { monthlyFeeCents: "asc" }],
    include: { _count: { select: { lines: { where: { status: { not: "TERMINATED" } } } } } },
  });
  const items = tariffs.map(({ _count, ...tariff }) => ({ ...tariff, activeLines: _count.lines }));
  return { items, nextCursor: null };
}

export async function getCatalogueTariff(db: Database, id: string) {
  const tariff = await db.tariff.findUnique({ where: { id } });
  if (!tariff) throw notFound("Tariff");
  return { ...tariff, usage: await usageOf(db, id) };
}

/** A new tariff in the catalogue (ACTIVE). The code is unique; the idempotency key makes a retry answer the same tariff. */
export async function createTariff(db: Database, actor: AuditActor, input: CreateTariffInput) {
  const replay = await findKeyedEntry(db, actor, input.idempotencyKey, CREATE);
  if (replay) return getCatalogueTariff(db, replay.entityId);
  checkKindRules(input);
  const { idempotencyKey, ...data } = input;
  try {
    const id = await db.$transaction(async (tx) => {
      const tariff = await tx.tariff.create({ data: { ...data, status: "ACTIVE" } });
      await writeAudit(tx, actor, {
        action: CREATE,
        entityType: "Tariff",
        entityId: tariff.id,
        before: null,
        after: json(snapshotOf(tariff)),
        idempotencyKey,
      });
      return tariff.id;
    });
    return getCatalogueTariff(db, id);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findKeyedEntry(db, actor, idempotencyKey, CREATE);
    if (winner) return getCatalogueTariff(db, winner.entityId);
    throw new AppError("CONFLICT", `A tariff with code ${input.code} already exists`, { code: "This code is taken" });
  }
}

/**
 * Edits a tariff. A tariff with lines keeps its kind (a mobile line cannot become home internet).
 * Saving the same values again changes nothing and writes no audit entry.
 */
export async function updateTariff(db: Database, actor: AuditActor, input: UpdateTariffInput) {
  const { id, ...changes } = input;
  return db.$transaction(async (tx) => {
    await tx.$kysely.selectFrom("Tariff").select("id").where("id", "=", id).forUpdate().execute();
    const tariff = await tx.tariff.findUnique({ where: { id } });
    if (!tariff) throw notFound("Tariff");
    const merged = { ...tariff, ...changes };
    checkKindRules(merged);
    if (changes.kind && changes.kind !== tariff.kind && (await tx.line.count({ where: { tariffId: id } })) > 0) {
      throw badRequest("kind", "Lines are on this tariff: its kind cannot change");
    }
    const before = snapshotOf(tariff);
    const after = snapshotOf(merged);
    const differs = FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
    if (!differs.length) return tariff;
    const updated = await tx.tariff.update({ where: { id }, data: changes });
    await writeAudit(tx, actor, {
      action: "tariff.update",
      entityType: "Tariff",
      entityId: id,
      before: json(Object.fromEntries(differs.map((field) => [field, before[field]]))),
      after: json(Object.fromEntries(differs.map((field) => [field, after[field]]))),
    });
    return updated;
  });
}

/** Retires (no longer sold; lines on it keep it) or brings a tariff back. Repeating it changes nothing. */
export async function setTariffStatus(db: Database, actor: AuditActor, id: string, status: "ACTIVE" | "RETIRED") {
  return db.$transaction(async (tx) => {
    await tx.$kysely.selectFrom("Tariff").select("id").where("id", "=", id).forUpdate().execute();
    const tariff = await tx.tariff.findUnique({ where: { id } });
    if (!tariff) throw notFound("Tariff");
    if (tariff.status === status) return tariff;
    const updated = await tx.tariff.update({ where: { id }, data: { status } });
    await writeAudit(tx, actor, {
      action: status === "RETIRED" ? "tariff.retire" : "tariff.reactivate",
      entityType: "Tariff",
      entityId: id,
      before: { status: tariff.status },
      after: { status },
    });
    return updated;
  });
}

/**
 * Deletes a tariff nobody ever used (created by mistake). A tariff in use — lines, orders or
 * tariff changes name it — is never deleted: CONFLICT, retire it instead.
 */
export async function deleteTariff(db: Database, actor: AuditActor, input: { id: string; idempotencyKey: string }) {
  const replay = await findKeyedEntry(db, actor, input.idempotencyKey, DELETE);
  if (replay) return { id: replay.entityId, deleted: true };
  try {
    await db.$transaction(async (tx) => {
      await tx.$kysely.selectFrom("Tariff").select("id").where("id", "=", input.id).forUpdate().execute();
      const tariff = await tx.tariff.findUnique({ where: { id: input.id } });
      if (!tariff) throw notFound("Tariff");
      const usage = await usageOf(tx, tariff.id);
      if (usage.isInUse) {
        throw new AppError(
          "CONFLICT",
          `The tariff is in use (${usage.lines} lines, ${usage.orders} orders, ${usage.changes} tariff changes): retire it instead of deleting`,
        );
      }
      await tx.tariff.delete({ where: { id: tariff.id } });
      await writeAudit(tx, actor, {
        action: DELETE,
        entityType: "Tariff",
        entityId: tariff.id,
        before: json(snapshotOf(tariff)),
        after: null,
        idempotencyKey: input.idempotencyKey,
      });
    });
  } catch (error) {
    // A racing retry with the same key deleted it first: this one answers the same.
    const winner = await findKeyedEntry(db, actor, input.idempotencyKey, DELETE);
    if (!winner) throw error;
  }
  return { id: input.id, deleted: true };
}
