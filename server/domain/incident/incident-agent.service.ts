import "server-only";
import type { Database } from "../../db/client";
import { requestCountsOf } from "./incident-requests.service";

/** Resolved incidents stay in the agents' view this long after the repair. */
const RECENT_MS = 7 * 24 * 60 * 60_000;

/**
 * Incidents as agents see them (`agent.incidents`): with a customer, those touching the customer's
 * lines (the customer 360, attaching a request by hand), active and recently resolved; without,
 * the active ones with their requests (the queue's groups). Each with its attached requests, how
 * many are open and how many wait in the queue for a person.
 */
export async function listIncidentsForAgents(db: Database, input: { customerId?: string }, now = new Date()) {
  const incidents = await db.incident.findMany({
    where: input.customerId
      ? {
          lines: { some: { customerId: input.customerId } },
          OR: [{ status: "ACTIVE" }, { resolvedAt: { gte: new Date(now.getTime() - RECENT_MS) } }],
        }
      : { status: "ACTIVE" },
    orderBy: [{ status: "asc" }, { startedAt: "desc" }],
    take: 50,
    include: input.customerId
      ? { lines: { where: { customerId: input.customerId }, select: { line: { select: { id: true, msisdn: true } } } } }
      : undefined,
  });
  const requests = await requestCountsOf(
    db,
    incidents.map((incident) => incident.id),
  );
  return {
    items: incidents.map((incident) => ({
      id: incident.id,
      number: incident.number,
      status: incident.status,
      services: incident.services,
      startedAt: incident.startedAt,
      etaAt: incident.etaAt,
      resolvedAt: incident.resolvedAt,
      message: { ru: incident.messageRu, en: incident.messageEn },
      affectedLines: incident.affectedLines,
      attachedRequests: requests.get(incident.id)!.attached,
      openAttachedRequests: requests.get(incident.id)!.open,
      inQueue: requests.get(incident.id)!.inQueue,
      /** With a customer: which of their lines it touches. */
      lines:
        "lines" in incident
          ? (incident.lines as { line: { id: string; msisdn: string | null } }[]).map((row) => row.line)
          : [],
    })),
    nextCursor: null,
  };
}
