import "server-only";
import type { Incident, Prisma } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { findKeyedEntry } from "../admin/keyed-audit.service";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { enqueueJob } from "../job-queue/enqueue.service";
import type { IncidentScope } from "./incident-area";
import { matchIncidentLines } from "./incident-lines.service";
import { postResolutionToRequests, requestCountsOf } from "./incident-requests.service";
import type {
  DeclareIncidentInput,
  IncidentMessage,
  ResolveIncidentInput,
  UpdateIncidentInput,
} from "./incident.schema";

/** Who changes an incident: a supervisor (audited with their key) or the network's monitoring. */
export type IncidentAuthor = { actor: AuditActor; idempotencyKey?: string } | { monitoring: true };

const DECLARE = "incident.declare";
const UPDATE = "incident.update";
const RESOLVE = "incident.resolve";
/** A resolution may be dated a little ahead of the server's clock (the monitoring's own clock). */
const CLOCK_SKEW_MS = 5 * 60_000;

const RESTORED: IncidentMessage = {
  ru: "Связь восстановлена. Если у вас что-то всё ещё не работает, напишите нам.",
  en: "Service is restored. If something still does not work for you, tell us.",
};

function snapshotOf(incident: Incident): Prisma.InputJsonValue {
  return {
    status: incident.status,
    services: incident.services,
    area: { regions: incident.regions, cells: incident.cells, nodes: incident.nodes, buildings: incident.buildings },
    startedAt: incident.startedAt.toISOString(),
    etaAt: incident.etaAt?.toISOString() ?? null,
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    message: { ru: incident.messageRu, en: incident.messageEn },
    affectedLines: incident.affectedLines,
  };
}

async function audit(
  tx: Transaction,
  author: IncidentAuthor,
  action: string,
  incident: { id: string },
  before: Incident | null,
  after: Incident,
) {
  if (!("actor" in author)) return;
  await writeAudit(tx, author.actor, {
    action,
    entityType: "Incident",
    entityId: incident.id,
    before: before ? snapshotOf(before) : null,
    after: snapshotOf(after),
    idempotencyKey: author.idempotencyKey ?? null,
  });
}

/** A retried supervisor mutation finds its audit entry and answers the incident it recorded. */
async function replayOf(db: Database, author: IncidentAuthor, action: string) {
  if (!("actor" in author) || !author.idempotencyKey) return null;
  return findKeyedEntry(db, author.actor, author.idempotencyKey, action);
}

async function queueNotify(tx: Transaction, incidentId: string, updateId: string) {
  await enqueueJob(tx, "incident:notify", { incidentId, updateId }, { jobKey: `incident-notify:${updateId}` });
}

function scopeOf(incident: Pick<Incident, "services" | "regions" | "cells" | "nodes" | "buildings">): IncidentScope {
  return {
    services: incident.services,
    regions: incident.regions,
    cells: incident.cells,
    nodes: incident.nodes,
    buildings: incident.buildings,
  };
}

/** Incidents as supervisors and the monitoring API read them, with what each caused so far, in `ids` order. */
async function incidentViews(db: Database | Transaction, ids: string[]) {
  const [incidents, requests, credits] = await Promise.all([
    db.incident.findMany({
      where: { id: { in: ids } },
      include: {
        updates: { orderBy: { at: "desc" }, take: 20 },
        _count: { select: { subscriptions: true } },
      },
    }),
    requestCountsOf(db, ids),
    db.outageCredit.groupBy({
      by: ["incidentId"],
      where: { incidentId: { in: ids } },
      _count: true,
      _sum: { amountCents: true },
    }),
  ]);
  const byId = new Map(incidents.map((incident) => [incident.id, incident]));
  return ids.flatMap((id) => {
    const incident = byId.get(id);
    if (!incident) return [];
    const { _count, updates, messageRu, messageEn, regions, cells, nodes, buildings, ...rest } = incident;
    const credit = credits.find((row) => row.incidentId === id);
    const counts = requests.get(id)!;
    return [
      {
        ...rest,
        source: incident.externalId ? ("MONITORING" as const) : ("SUPERVISOR" as const),
        area: { regions, cells, nodes, buildings },
        message: { ru: messageRu, en: messageEn },
        attachedRequests: counts.attached,
        openAttachedRequests: counts.open,
        subscribers: _count.subscriptions,
        credits: { lines: credit?._count ?? 0, totalCents: credit?._sum.amountCents ?? 0 },
        updates: updates.map((update) => ({
          id: update.id,
          kind: update.kind,
          message: { ru: update.messageRu, en: update.messageEn },
          etaAt: update.etaAt,
          at: update.at,
        })),
      },
    ];
  });
}

/** One incident as supervisors and the monitoring API read it (NOT_FOUND if there is none). */
export async function getIncidentView(db: Database | Transaction, id: string) {
  const [view] = await incidentViews(db, [id]);
  if (!view) throw notFound("Incident");
  return view;
}

/** Incidents newest first, active ones on top, with their counts (`admin.incidents.list`). */
export async function listIncidents(db: Database, input: { status?: "ACTIVE" | "RESOLVED"; limit?: number }) {
  const rows = await db.incident.findMany({
    where: input.status ? { status: input.status } : {},
    orderBy: [{ status: "asc" }, { startedAt: "desc" }],
    take: input.limit ?? 50,
    select: { id: true },
  });
  return {
    items: await incidentViews(
      db,
      rows.map((row) => row.id),
    ),
    nextCursor: null,
  };
}

/**
 * Declares an incident (`admin.incidents.declare`, and the monitoring API's first post): the
 * incident, its first status update, the lines it touches, and a job that tells their owners,
 * in one transaction.
 */
export async function declareIncident(
  db: Database,
  author: IncidentAuthor,
  input: DeclareIncidentInput & { externalId?: string; resolvedAt?: Date | null },
  now = new Date(),
) {
  const replay = await replayOf(db, author, DECLARE);
  if (replay) return getIncidentView(db, replay.entityId);
  if (input.startedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw badRequest("startedAt", "The start cannot be in the future");
  const id = await db
    .$transaction(async (tx) => {
      const created = await tx.incident.create({
        data: {
          externalId: input.externalId ?? null,
          services: input.services,
          ...input.area,
          startedAt: input.startedAt,
          etaAt: input.etaAt ?? null,
          messageRu: input.message.ru,
          messageEn: input.message.en,
          declaredById: "actor" in author ? author.actor.id : null,
          createdAt: now,
        },
      });
      const affectedLines = await matchIncidentLines(tx, created.id, scopeOf(created));
      const incident = await tx.incident.update({ where: { id: created.id }, data: { affectedLines } });
      const update = await tx.incidentUpdate.create({
        data: {
          incidentId: incident.id,
          kind: "DECLARED",
          messageRu: input.message.ru,
          messageEn: input.message.en,
          etaAt: input.etaAt ?? null,
          at: now,
        },
      });
      await audit(tx, author, DECLARE, incident, null, incident);
      await queueNotify(tx, incident.id, update.id);
      return incident.id;
    })
    .catch(async (error: unknown) => {
      // A racing retry with the same key declared it first: answer with that incident.
      const winner = isUniqueViolation(error) ? await replayOf(db, author, DECLARE) : null;
      if (!winner) throw error;
      return winner.entityId;
    });
  return getIncidentView(db, id);
}

async function getActiveForChange(db: Database, id: string) {
  const incident = await db.incident.findUnique({ where: { id } });
  if (!incident) throw notFound("Incident");
  return incident;
}

/**
 * A new repair time or message (`admin.incidents.update`; the monitoring API also re-matches a
 * changed area). A change that changes nothing writes nothing, so a plain retry is harmless.
 */
export async function updateIncident(
  db: Database,
  author: IncidentAuthor,
  input: UpdateIncidentInput & { services?: DeclareIncidentInput["services"]; area?: DeclareIncidentInput["area"] },
  now = new Date(),
) {
  const replay = await replayOf(db, author, UPDATE);
  if (replay) return getIncidentView(db, replay.entityId);
  const before = await getActiveForChange(db, input.id);
  if (before.status === "RESOLVED") throw new AppError("CONFLICT", "The incident is already resolved");
  if (input.etaAt && input.etaAt.getTime() <= before.startedAt.getTime())
    throw badRequest("etaAt", "The repair time is after the start");
  const message = input.message ?? { ru: before.messageRu, en: before.messageEn };
  const etaAt = input.etaAt === undefined ? before.etaAt : input.etaAt;
  const area = input.area ?? {
    regions: before.regions,
    cells: before.cells,
    nodes: before.nodes,
    buildings: before.buildings,
  };
  const services = input.services ?? before.services;
  const isNewStatus =
    message.ru !== before.messageRu || message.en !== before.messageEn || etaAt?.getTime() !== before.etaAt?.getTime();
  const isNewScope = JSON.stringify(scopeOf({ services, ...area })) !== JSON.stringify(scopeOf(before));
  if (!isNewStatus && !isNewScope) return getIncidentView(db, before.id);
  await db
    .$transaction(async (tx) => {
      const changed = await tx.incident.updateMany({
        where: { id: before.id, status: "ACTIVE", updatedAt: before.updatedAt },
        data: { messageRu: message.ru, messageEn: message.en, etaAt, services, ...area },
      });
      if (changed.count === 0) throw new AppError("CONFLICT", "The incident was changed meanwhile; reload it");
      if (isNewScope) {
        const affectedLines = await matchIncidentLines(tx, before.id, scopeOf({ services, ...area }));
        await tx.incident.update({ where: { id: before.id }, data: { affectedLines } });
      }
      const after = await tx.incident.findUniqueOrThrow({ where: { id: before.id } });
      if (isNewStatus) {
        const update = await tx.incidentUpdate.create({
          data: {
            incidentId: before.id,
            kind: "UPDATED",
            messageRu: message.ru,
            messageEn: message.en,
            etaAt,
            at: now,
          },
        });
        await queueNotify(tx, before.id, update.id);
      }
      await audit(tx, author, UPDATE, before, before, after);
    })
    .catch(async (error: unknown) => {
      // A racing retry with the same key changed it first (its audit entry holds the key).
      if (!isUniqueViolation(error) && !(error instanceof AppError && error.code === "CONFLICT")) throw error;
      if (!(await replayOf(db, author, UPDATE))) throw error;
    });
  return getIncidentView(db, before.id);
}

/**
 * Resolves an incident (`admin.incidents.resolve`, or the monitoring API's `resolvedAt`): its
 * resolution goes to every request attached to it and to its subscribers, and the credits job is
 * queued. Resolving a resolved incident answers it as it is.
 */
export async function resolveIncident(
  db: Database,
  author: IncidentAuthor,
  input: ResolveIncidentInput,
  now = new Date(),
) {
  const replay = await replayOf(db, author, RESOLVE);
  if (replay) return getIncidentView(db, replay.entityId);
  const before = await getActiveForChange(db, input.id);
  if (before.status === "RESOLVED") return getIncidentView(db, before.id);
  const resolvedAt = input.resolvedAt ?? now;
  if (resolvedAt.getTime() < before.startedAt.getTime())
    throw badRequest("resolvedAt", "The resolution is not before the start");
  if (resolvedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw badRequest("resolvedAt", "The resolution cannot be in the future");
  const message = input.message ?? RESTORED;
  try {
    await db.$transaction(async (tx) => {
      const changed = await tx.incident.updateMany({
        where: { id: before.id, status: "ACTIVE" },
        data: { status: "RESOLVED", resolvedAt },
      });
      // Resolved meanwhile by someone else (a supervisor and the monitoring at once): theirs stands.
      if (changed.count === 0) throw new AppError("CONFLICT", "already resolved");
      const after = await tx.incident.findUniqueOrThrow({ where: { id: before.id } });
      const update = await tx.incidentUpdate.create({
        data: { incidentId: before.id, kind: "RESOLVED", messageRu: message.ru, messageEn: message.en, at: now },
      });
      await postResolutionToRequests(tx, { incidentId: before.id, message, now });
      await queueNotify(tx, before.id, update.id);
      await enqueueJob(tx, "incident:credits", { incidentId: before.id }, { jobKey: `incident-credits:${before.id}` });
      await audit(tx, author, RESOLVE, before, before, after);
    });
  } catch (error) {
    if (!(error instanceof AppError && error.code === "CONFLICT") && !isUniqueViolation(error)) throw error;
    const current = await db.incident.findUnique({ where: { id: before.id }, select: { status: true } });
    if (current?.status !== "RESOLVED") throw error;
  }
  return getIncidentView(db, before.id);
}
