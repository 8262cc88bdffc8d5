import "server-only";
import type { Channel } from "@prisma/client";
import { sql } from "kysely";
import type { Database } from "../../db/client";
import { notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";

/** A resolved incident stays on the subscriber's dashboard this long, as "repaired". */
const RECENTLY_RESOLVED_MS = 24 * 60 * 60_000;

type Viewer = { customerId: string; userId: string; locale: "ru" | "en"; channel: Channel };

/**
 * The incidents touching the caller's lines (`incident.forMe`): active ones, and those resolved
 * in the last day, newest first, each with the caller's affected lines, its status updates in the
 * caller's language, and whether the caller asked to be notified. `at` is when this was read, so
 * a copy from the app's cache can say how old it is.
 */
export async function listMyIncidents(db: Database, viewer: Viewer, now = new Date()) {
  const rows = await db.incidentLine.findMany({
    where: {
      customerId: viewer.customerId,
      incident: {
        OR: [{ status: "ACTIVE" }, { resolvedAt: { gte: new Date(now.getTime() - RECENTLY_RESOLVED_MS) } }],
      },
    },
    select: { incidentId: true, line: { select: { id: true, msisdn: true, kind: true } } },
  });
  const linesByIncident = new Map<string, { id: string; msisdn: string | null; kind: string }[]>();
  for (const row of rows)
    linesByIncident.set(row.incidentId, [...(linesByIncident.get(row.incidentId) ?? []), row.line]);
  const incidents = await db.incident.findMany({
    where: { id: { in: [...linesByIncident.keys()] } },
    orderBy: [{ status: "asc" }, { startedAt: "desc" }],
    include: {
      updates: { orderBy: { at: "desc" }, take: 10 },
      subscriptions: { where: { userId: viewer.userId }, select: { userId: true } },
    },
  });
  const pick = (ru: string, en: string) => (viewer.locale === "en" ? en : ru);
  return {
    at: now,
    items: incidents.map((incident) => ({
      id: incident.id,
      number: incident.number,
      status: incident.status,
      services: incident.services,
      startedAt: incident.startedAt,
      etaAt: incident.etaAt,
      resolvedAt: incident.resolvedAt,
      message: pick(incident.messageRu, incident.messageEn),
      lines: linesByIncident.get(incident.id) ?? [],
      isSubscribed: incident.subscriptions.length > 0,
      updates: incident.updates.map((update) => ({
        kind: update.kind,
        message: pick(update.messageRu, update.messageEn),
        etaAt: update.etaAt,
        at: update.at,
      })),
    })),
  };
}

/**
 * "Notify me" (`incident.subscribe`): the caller gets the incident's updates by push and SMS. Only
 * an incident touching one of the caller's lines can be subscribed to (any other is NOT_FOUND).
 * Subscribing again is a no-op. From the request form (`fromIntake`) it is the answer to a
 * contact, recorded as self-service deflected by the incident (the reports count it).
 */
export async function subscribeToIncident(
  db: Database,
  viewer: Viewer,
  input: { incidentId: string; fromIntake?: boolean },
  now = new Date(),
) {
  const touches = await db.incidentLine.findFirst({
    where: { incidentId: input.incidentId, customerId: viewer.customerId },
    select: { incident: { select: { status: true } } },
  });
  if (!touches) throw notFound("Incident");
  await db.$transaction(async (tx) => {
    // Racing taps of "notify me" record one contact.
    await sql`select pg_advisory_xact_lock(hashtext(${`incident-subscribe:${input.incidentId}:${viewer.userId}`}))::text`.execute(
      tx.$kysely,
    );
    const created = await tx.incidentSubscription.createMany({
      data: [{ incidentId: input.incidentId, userId: viewer.userId, createdAt: now }],
      skipDuplicates: true,
    });
    // One deflection per customer and incident, however often the form is opened and answered.
    const isNewDeflection =
      input.fromIntake &&
      !(await tx.interaction.findFirst({
        where: {
          customerId: viewer.customerId,
          type: "INCIDENT_DEFLECTED",
          data: { path: ["incidentId"], equals: input.incidentId },
        },
        select: { id: true },
      }));
    if (created.count === 0 && !isNewDeflection) return;
    await recordInteraction(tx, {
      customerId: viewer.customerId,
      channel: viewer.channel,
      type: isNewDeflection ? "INCIDENT_DEFLECTED" : "INCIDENT_SUBSCRIBED",
      actorId: viewer.userId,
      data: { incidentId: input.incidentId },
      at: now,
    });
  });
  return { incidentId: input.incidentId, isSubscribed: true, status: touches.incident.status };
}
