import "server-only";
import type { Database } from "../../db/client";
import { consumeOrThrow, refundUse } from "../abuse/abuse-limits.service";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { searchArticles } from "../knowledge/search-articles.service";
import { findKnownOutage } from "../incident/incident-requests.service";
import { notify } from "../notification/notify.service";
import { actionsFor, createdRequestView, type CreatedRequestView } from "./request-read.service";
import type { CreateRequestInput } from "./request.schema";
import { changeRequestStatus } from "./change-status.service";
import { fileIntoKnownOutage, isOutageFiling, type Requester } from "./outage-filing.service";
import { ROUTED_NOTE, routeRequest, statusForDecision } from "./route-request.service";

/** A burst of filings (an outage: hundreds at once) waits for a connection instead of failing. */
const BURST_TRANSACTION = { maxWait: 10_000 };

/** The contract's answer to request.create for a stored request (a new one, or a replay's). */
async function createdView(db: Database, requester: Requester, requestId: string): Promise<CreatedRequestView> {
  const request = await db.serviceRequest.findUniqueOrThrow({ where: { id: requestId } });
  // A request that joined a known outage is answered by the outage, not by articles: during an
  // outage thousands file at once, and the search is most of a filing's work.
  const [suggestedArticles, actions] = request.incidentId
    ? [[], []]
    : await Promise.all([
        searchArticles(db, {
          text: `${request.subject} ${request.description}`,
          locale: requester.locale,
          category: request.category,
          limit: 3,
          fillWithCategory: true,
        }),
        actionsFor(db, request),
      ]);
  return createdRequestView(request, requester.locale, { suggestedArticles, actions });
}

async function checkReferences(db: Database, customerId: string, input: CreateRequestInput) {
  if (input.lineId) {
    const line = await db.line.findFirst({ where: { id: input.lineId, customerId }, select: { id: true } });
    if (!line) throw notFound("Line");
  }
  if (input.billId) {
    const bill = await db.bill.findFirst({ where: { id: input.billId, customerId }, select: { totalCents: true } });
    if (!bill) throw notFound("Bill");
    if (input.disputedAmountCents != null && input.disputedAmountCents > bill.totalCents) {
      throw badRequest("disputedAmountCents", "The disputed amount is more than the bill's total");
    }
  }
  if (input.disputedAmountCents != null && input.category !== "BILL_DISPUTE") {
    throw badRequest("disputedAmountCents", "Only a bill dispute has a disputed amount");
  }
}

/**
 * Opens a service request (`request.create`): routes it (self-service, queue or personal manager)
 * with its reasons, records the contact on its channel, and answers with suggested articles and
 * direct actions. Same idempotency key, same request; racing duplicates create one. Each new
 * request costs one use of the subscriber's hourly budget (`requestCreate`); a replay costs none.
 * A filing that joins an active incident is written with the others arriving at the same moment
 * (outage-filing.service.ts): during an outage they come by the hundred.
 */
export async function createRequest(
  db: Database,
  requester: Requester,
  input: CreateRequestInput,
  now = new Date(),
): Promise<CreatedRequestView> {
  if (isOutageFiling(input)) {
    const filed = await fileIntoKnownOutage(db, requester, input, now);
    if (filed) return filed;
  }
  const existing = await db.serviceRequest.findUnique({
    where: { createdById_idempotencyKey: { createdById: requester.userId, idempotencyKey: input.idempotencyKey } },
    select: { id: true },
  });
  if (existing) return createdView(db, requester, existing.id);

  await checkReferences(db, requester.customerId, input);
  await consumeOrThrow(db, "requestCreate", requester.userId);
  const outage = await findKnownOutage(db, {
    customerId: requester.customerId,
    lineId: input.lineId,
    category: input.category,
  });
  const routing = await routeRequest(db, {
    customerId: requester.customerId,
    category: input.category,
    disputedAmountCents: input.disputedAmountCents,
    hasKnownOutage: outage !== null,
    now,
  });
  const incidentId = outage && routing.reasonCodes.includes("OUTAGE_KNOWN") ? outage.id : null;
  const status = statusForDecision(routing.decision);
  try {
    const id = await db.$transaction(async (tx) => {
      const request = await tx.serviceRequest.create({
        data: {
          customerId: requester.customerId,
          lineId: input.lineId ?? null,
          billId: input.billId ?? null,
          disputedAmountCents: input.disputedAmountCents ?? null,
          category: input.category,
          subject: input.subject,
          description: input.description,
          status: "NEW",
          channel: requester.channel,
          decision: routing.decision,
          priority: routing.priority,
          slaDueAt: routing.slaDueAt,
          routingReasons: routing.reasons,
          routingReasonCodes: routing.reasonCodes,
          segmentAtCreation: routing.segment,
          policyVersion: routing.policyVersion,
          incidentId,
          createdById: requester.userId,
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
        },
      });
      await tx.requestEvent.create({
        data: { requestId: request.id, status: "NEW", actorId: requester.userId, at: now },
      });
      await changeRequestStatus(tx, {
        requestId: request.id,
        from: "NEW",
        to: status,
        actorId: null,
        note: ROUTED_NOTE[status],
        now,
        data: { assignedToId: routing.assignedToId, claimedAt: routing.assignedToId ? now : null },
      });
      await recordInteraction(tx, {
        customerId: requester.customerId,
        channel: requester.channel,
        type: "REQUEST_CREATED",
        actorId: requester.userId,
        requestId: request.id,
        data: {
          category: input.category,
          decision: routing.decision,
          priority: routing.priority,
          reasonCodes: routing.reasonCodes,
          ...(incidentId ? { incidentId } : {}),
        },
        at: now,
      });
      if (routing.assignedToId) {
        await notify(tx, routing.assignedToId, {
          kind: "REQUEST_STATUS",
          title: `New request #${request.number} from your client`,
          body: `${input.category}: ${input.subject}`.slice(0, 200),
          url: `/agent/requests/${request.id}`,
        });
      }
      return request.id;
    }, BURST_TRANSACTION);
    return createdView(db, requester, id);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent duplicate with the same key won the race: answer with its request, as a replay.
    await refundUse(db, "requestCreate", requester.userId);
    const winner = await db.serviceRequest.findUnique({
      where: { createdById_idempotencyKey: { createdById: requester.userId, idempotencyKey: input.idempotencyKey } },
      select: { id: true },
    });
    if (!winner) throw new AppError("CONFLICT", "The request could not be saved; try again");
    return createdView(db, requester, winner.id);
  }
}
