import "server-only";
import type { Database } from "../../db/client";
import { isUniqueViolation } from "../errors";
import { declareIncident, getIncidentView, resolveIncident, updateIncident } from "./incident-admin.service";
import type { MonitoringIncidentInput } from "./incident.schema";

const MONITORING = { monitoring: true } as const;

/**
 * The network's monitoring posts an incident (`POST /api/incidents`), idempotent by its own id:
 * the first post declares it, a later one with the same `externalId` updates what changed (the
 * area, the services, the message, the repair time), and one with `resolvedAt` resolves it. A
 * post repeated as it was changes nothing. Answers the incident and whether this post created it.
 */
export async function upsertMonitoringIncident(db: Database, input: MonitoringIncidentInput, now = new Date()) {
  let existing = await db.incident.findUnique({
    where: { externalId: input.externalId },
    select: { id: true, status: true },
  });
  let isCreated = false;
  if (!existing) {
    try {
      const declared = await declareIncident(db, MONITORING, { ...input, externalId: input.externalId }, now);
      existing = { id: declared.id, status: declared.status };
      isCreated = true;
    } catch (error) {
      // The same incident posted twice at once: the other post declared it; this one updates it.
      if (!isUniqueViolation(error)) throw error;
      existing = await db.incident.findUniqueOrThrow({
        where: { externalId: input.externalId },
        select: { id: true, status: true },
      });
    }
  }
  if (!isCreated && existing.status === "ACTIVE") {
    await updateIncident(
      db,
      MONITORING,
      {
        id: existing.id,
        etaAt: input.etaAt ?? null,
        message: input.message,
        services: input.services,
        area: input.area,
      },
      now,
    );
  }
  if (input.resolvedAt && existing.status === "ACTIVE") {
    await resolveIncident(
      db,
      MONITORING,
      { id: existing.id, resolvedAt: input.resolvedAt, message: input.message },
      now,
    );
  }
  return { isCreated, incident: await getIncidentView(db, existing.id) };
}
