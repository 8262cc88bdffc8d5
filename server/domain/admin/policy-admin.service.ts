import "server-only";
import type { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";
import { enqueueJob } from "../job-queue/enqueue.service";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { INT4_MAX } from "../input.schema";
import { DEFAULT_ROUTING_POLICY, parseStoredPolicy } from "../routing/policy.schema";
import { getActivePolicy } from "../routing/policy.service";
import type { SavePolicyInput } from "./admin.schema";
import { findKeyedEntry } from "./keyed-audit.service";
import { changedSettings, isValueModelChange } from "./policy-diff";

const SAVE_ACTION = "routingPolicy.save";
const PAGE = 20;

const author = { select: { id: true, name: true, email: true } } as const;

/** The policy in force with who saved it, and the defaults for "reset" in the editor. */
export async function getPolicyForEditing(db: Database) {
  const active = await getActivePolicy(db);
  const row = active.version
    ? await db.routingPolicy.findUnique({ where: { version: active.version }, include: { createdBy: author } })
    : null;
  return {
    version: active.version,
    config: active.config,
    note: row?.note ?? null,
    createdAt: row?.createdAt ?? null,
    createdBy: row?.createdBy ?? null,
    defaults: DEFAULT_ROUTING_POLICY,
  };
}

/** Saved versions, newest first. */
export async function listPolicyVersions(db: Database, input: { cursor?: string; limit?: number } = {}) {
  const take = input.limit ?? PAGE;
  const before = input.cursor ? Number(input.cursor) : undefined;
  const rows = await db.routingPolicy.findMany({
    where: before && Number.isInteger(before) && before <= INT4_MAX ? { version: { lt: before } } : {},
    orderBy: { version: "desc" },
    take: take + 1,
    select: { id: true, version: true, note: true, createdAt: true, createdBy: author },
  });
  const items = rows.slice(0, take);
  return { items, nextCursor: rows.length > take ? String(items[items.length - 1]!.version) : null };
}

/** One saved version with its settings, and what it changed against the one before. */
export async function getPolicyVersion(db: Database, version: number) {
  const row = await db.routingPolicy.findUnique({ where: { version }, include: { createdBy: author } });
  if (!row) throw notFound("Policy version");
  const previous = await db.routingPolicy.findFirst({
    where: { version: { lt: version } },
    orderBy: { version: "desc" },
  });
  const config = parseStoredPolicy(row.config);
  return {
    version: row.version,
    note: row.note,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    config,
    changed: previous ? changedSettings(parseStoredPolicy(previous.config), config) : [],
  };
}

/** The answer to a save, rebuilt from the stored version and its audit entry (so a replay answers the same). */
async function savedVersion(db: Database, entityId: string, replayed: boolean) {
  const [row, entry] = await Promise.all([
    db.routingPolicy.findUniqueOrThrow({ where: { id: entityId } }),
    db.auditLog.findFirst({
      where: { entityType: "RoutingPolicy", entityId, action: SAVE_ACTION },
      select: { after: true },
    }),
  ]);
  const after = (entry?.after ?? {}) as { changed?: string[] };
  const changed = Array.isArray(after.changed) ? after.changed : [];
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    replayed,
    changed,
    rescoreQueued: isValueModelChange(changed),
  };
}

/**
 * Saves a policy as a NEW version (never in place), audited with the settings before and after.
 * The editor's `baseVersion` must still be the active one: a version saved meanwhile by someone
 * else is a CONFLICT, not silently overwritten. A change to the value model (weights,
 * normalisation, thresholds) queues `value:recompute` for every customer in the same transaction.
 */
export async function savePolicy(db: Database, actor: AuditActor, input: SavePolicyInput, now = new Date()) {
  const replay = await findKeyedEntry(db, actor, input.idempotencyKey, SAVE_ACTION);
  if (replay) return savedVersion(db, replay.entityId, true);

  const active = await getActivePolicy(db);
  if (active.version !== input.baseVersion) {
    throw new AppError(
      "CONFLICT",
      `The policy was changed meanwhile (now version ${active.version}); reload and apply your changes again`,
    );
  }
  const changed = changedSettings(active.config, input.config);
  if (!changed.length) throw new AppError("BAD_REQUEST", "Nothing changed", { config: "Nothing changed" });
  const rescore = isValueModelChange(changed);

  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.routingPolicy.create({
        data: {
          version: active.version + 1,
          config: input.config as unknown as Prisma.InputJsonValue,
          note: input.note || null,
          createdById: actor.id,
          createdAt: now,
        },
      });
      await writeAudit(tx, actor, {
        action: SAVE_ACTION,
        entityType: "RoutingPolicy",
        entityId: row.id,
        before: { version: active.version, config: active.config } as unknown as Prisma.InputJsonValue,
        after: {
          version: row.version,
          config: input.config,
          changed,
          note: row.note,
        } as unknown as Prisma.InputJsonValue,
        idempotencyKey: input.idempotencyKey,
      });
      if (rescore) await enqueueJob(tx, "value:recompute", {}, { jobKey: "value:recompute:policy" });
      return row;
    });
    return savedVersion(db, created.id, false);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Same key raced us: answer with its version. Someone else's save won: the editor is stale.
    const winner = await findKeyedEntry(db, actor, input.idempotencyKey, SAVE_ACTION);
    if (winner) return savedVersion(db, winner.entityId, true);
    throw new AppError("CONFLICT", "Another version was saved at the same moment; reload and apply your changes again");
  }
}
