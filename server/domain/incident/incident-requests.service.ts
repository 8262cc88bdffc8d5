import "server-only";
import type { RequestCategory } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { AppError, notFound } from "../errors";
import { changeRequestStatus } from "../request/change-status.service";
import { OPEN_STATUSES } from "../request/request-status";
import { OUTAGE_CATEGORIES } from "../routing/route-contact";
import type { IncidentMessage } from "./incident.schema";

type Reader = Pick<Database, "incidentLine" | "line"> | Transaction;

/** The resolution code of a request the incident's repair answered. */
export const INCIDENT_RESOLVED = "INCIDENT_RESOLVED";

/**
 * The active incident that explains a fault on this line (or, without a line, on any of the
 * customer's lines): the newest one, so a request joins the incident its customer is reading.
 * Only no-service and technical-fault contacts are explained by an incident.
 */
export async function findKnownOutage(
  db: Reader,
  contact: { customerId: string; lineId?: string | null; category: RequestCategory },
): Promise<{ id: string } | null> {
  if (!OUTAGE_CATEGORIES.includes(contact.category)) return null;
  const row = await db.incidentLine.findFirst({
    where: {
      customerId: contact.customerId,
      ...(contact.lineId ? { lineId: contact.lineId } : {}),
      incident: { status: "ACTIVE" },
    },
    orderBy: { incident: { startedAt: "desc" } },
    select: { incidentId: true },
  });
  return row ? { id: row.incidentId } : null;
}

/**
 * The repair answers every request attached to the incident: a message in the customer's
 * language on each open one, and the ones still waiting in self-service are resolved (deflected:
 * no person was needed). The customer can reopen one that still does not work, which escalates it.
 */
export async function postResolutionToRequests(
  tx: Transaction,
  resolution: { incidentId: string; message: IncidentMessage; now: Date },
) {
  const requests = await tx.serviceRequest.findMany({
    where: { incidentId: resolution.incidentId, status: { in: [...OPEN_STATUSES] } },
    select: { id: true, status: true, customer: { select: { locale: true } } },
  });
  if (!requests.length) return 0;
  await tx.requestMessage.createMany({
    data: requests.map((request) => ({
      requestId: request.id,
      authorKind: "SYSTEM" as const,
      body: request.customer.locale === "en" ? resolution.message.en : resolution.message.ru,
      createdAt: resolution.now,
    })),
  });
  for (const request of requests) {
    if (request.status !== "SELF_SERVICE") continue;
    await changeRequestStatus(tx, {
      requestId: request.id,
      from: "SELF_SERVICE",
      to: "RESOLVED",
      actorId: null,
      note: "Resolved with the network incident",
      now: resolution.now,
      data: { resolutionCode: INCIDENT_RESOLVED, resolutionNote: resolution.message.en, deflected: true },
    });
  }
  return requests.length;
}

/**
 * An agent attaches a request to an incident by hand (`agent.attachToIncident`): the incident
 * must touch one of the request's customer's lines. Attaching again is a no-op.
 */
export async function attachRequestToIncident(
  db: Database,
  input: { requestId: string; incidentId: string },
): Promise<{ requestId: string; incidentId: string }> {
  const request = await db.serviceRequest.findUnique({
    where: { id: input.requestId },
    select: { id: true, customerId: true, incidentId: true, status: true },
  });
  if (!request) throw notFound("Request");
  const touches = await db.incidentLine.findFirst({
    where: { incidentId: input.incidentId, customerId: request.customerId },
    select: { incidentId: true },
  });
  if (!touches) throw notFound("Incident");
  if (request.incidentId === input.incidentId) return { requestId: request.id, incidentId: input.incidentId };
  if (!OPEN_STATUSES.includes(request.status))
    throw new AppError("CONFLICT", "A resolved or closed request is not attached to an incident");
  await db.serviceRequest.update({ where: { id: request.id }, data: { incidentId: input.incidentId } });
  return { requestId: request.id, incidentId: input.incidentId };
}
