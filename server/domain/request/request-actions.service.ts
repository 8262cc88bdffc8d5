import "server-only";
import type { AppLocale } from "../../i18n/locales";
import type { Channel, RequestCategory, RequestStatus } from "@prisma/client";
import type { Database } from "../../db/client";
import { consumeOrThrow, refundUse } from "../abuse/abuse-limits.service";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { notify } from "../notification/notify.service";
import { getRequestOrThrow, getRequestView } from "./request-read.service";
import type { AddMessageInput } from "./request.schema";
import { changeRequestStatus } from "./change-status.service";
import { routeRequest } from "./route-request.service";

export type Actor = { userId: string; customerId: string; channel: Channel; locale: AppLocale };

/** Statuses in which the customer writes to a person. */
const CONVERSATION_STATUSES: readonly RequestStatus[] = [
  "QUEUED",
  "ASSIGNED",
  "IN_PROGRESS",
  "WAITING_CUSTOMER",
  "REOPENED",
];
/** Statuses from which the customer may say the problem is solved. */
const SOLVABLE_STATUSES: readonly RequestStatus[] = ["SELF_SERVICE", ...CONVERSATION_STATUSES];

/**
 * "This solved it" (`request.markSolved`). From self-service the request is resolved without a
 * person and counts as deflected; with a person involved it is resolved by the customer's word.
 * Marking an already resolved request again changes nothing.
 */
export async function markRequestSolved(
  db: Database,
  actor: Actor,
  input: { requestId: string; articleId?: string },
  now = new Date(),
) {
  const request = await getRequestOrThrow(db, { id: input.requestId, customerId: actor.customerId });
  if (request.status === "RESOLVED" || request.status === "CLOSED") return getRequestView(db, actor, request.id, now);
  if (!SOLVABLE_STATUSES.includes(request.status)) {
    throw new AppError("CONFLICT", `A request in status ${request.status} cannot be marked solved`);
  }
  const article = input.articleId
    ? await db.knowledgeArticle.findFirst({ where: { id: input.articleId, published: true }, select: { id: true } })
    : null;
  if (input.articleId && !article) throw notFound("Article");
  const isDeflected = request.status === "SELF_SERVICE";
  await db.$transaction(async (tx) => {
    const updated = await changeRequestStatus(tx, {
      requestId: request.id,
      from: request.status,
      to: "RESOLVED",
      actorId: actor.userId,
      note: isDeflected ? "Customer: the article solved it" : "Customer: the problem is solved",
      now,
      data: {
        deflected: isDeflected,
        resolutionCode: isDeflected ? "SELF_SERVICE_SOLVED" : "CUSTOMER_CONFIRMED",
        resolutionNote: isDeflected
          ? "The customer marked the request solved in self-service."
          : "The customer confirmed the problem is solved.",
      },
    });
    if (article) {
      await tx.articleFeedback.upsert({
        where: { articleId_userId: { articleId: article.id, userId: actor.userId } },
        create: { articleId: article.id, userId: actor.userId, requestId: request.id, helpful: true },
        update: { helpful: true, requestId: request.id },
      });
    }
    await recordInteraction(tx, {
      customerId: actor.customerId,
      channel: actor.channel,
      type: "REQUEST_SOLVED",
      actorId: actor.userId,
      requestId: request.id,
      data: { deflected: isDeflected, articleId: article?.id ?? null },
      at: now,
    });
    if (!isDeflected && updated.assignedToId) {
      await notify(tx, updated.assignedToId, {
        kind: "REQUEST_STATUS",
        title: `Request #${updated.number} solved by the customer`,
        body: updated.subject.slice(0, 200),
        url: `/agent/requests/${updated.id}`,
      });
    }
  });
  return getRequestView(db, actor, request.id, now);
}

/** Re-routes a request as a person's (the customer asked for one, or reopened it). */
async function routeToPerson(
  db: Database,
  request: { id: string; customerId: string; category: RequestCategory; disputedAmountCents: number | null },
  now: Date,
) {
  return routeRequest(db, {
    customerId: request.customerId,
    category: request.category,
    disputedAmountCents: request.disputedAmountCents,
    askedForPerson: true,
    excludeRequestId: request.id,
    now,
  });
}

async function tellAssignee(
  tx: Parameters<Parameters<Database["$transaction"]>[0]>[0],
  assignedToId: string | null,
  request: { id: string; number: number; subject: string },
  title: string,
) {
  if (!assignedToId) return;
  await notify(tx, assignedToId, {
    kind: "REQUEST_STATUS",
    title,
    body: request.subject.slice(0, 200),
    url: `/agent/requests/${request.id}`,
  });
}

/**
 * "I need a person" (`request.escalate`): a self-service request is re-routed as a person's, to
 * the queue or the personal manager, with a new SLA. Already with a person: nothing changes.
 */
export async function escalateRequest(
  db: Database,
  actor: Actor,
  input: { requestId: string; comment?: string },
  now = new Date(),
) {
  const request = await getRequestOrThrow(db, { id: input.requestId, customerId: actor.customerId });
  if (CONVERSATION_STATUSES.includes(request.status)) return getRequestView(db, actor, request.id, now);
  if (request.status !== "SELF_SERVICE") {
    throw new AppError("CONFLICT", `A request in status ${request.status} cannot be escalated; reopen it instead`);
  }
  const routing = await routeToPerson(db, request, now);
  const to = routing.assignedToId ? "ASSIGNED" : "QUEUED";
  await db.$transaction(async (tx) => {
    const updated = await changeRequestStatus(tx, {
      requestId: request.id,
      from: request.status,
      to,
      actorId: actor.userId,
      note: "Escalated by the customer",
      now,
      data: {
        decision: routing.decision,
        priority: routing.priority,
        slaDueAt: routing.slaDueAt,
        slaWarnedAt: null,
        routingReasons: routing.reasons,
        routingReasonCodes: routing.reasonCodes,
        policyVersion: routing.policyVersion,
        escalatedAt: now,
        assignedToId: routing.assignedToId,
        claimedAt: routing.assignedToId ? now : null,
      },
    });
    if (input.comment) {
      await tx.requestMessage.create({
        data: {
          requestId: request.id,
          authorId: actor.userId,
          authorKind: "CUSTOMER",
          body: input.comment,
          createdAt: now,
        },
      });
    }
    await recordInteraction(tx, {
      customerId: actor.customerId,
      channel: actor.channel,
      type: "REQUEST_ESCALATED",
      actorId: actor.userId,
      requestId: request.id,
      data: { decision: routing.decision, priority: routing.priority },
      at: now,
    });
    await tellAssignee(tx, routing.assignedToId, updated, `Request #${updated.number}: your client asks for a person`);
  });
  return getRequestView(db, actor, request.id, now);
}

/** Reopens a resolved request within 7 days of its resolution, with the customer's comment. */
export async function reopenRequest(
  db: Database,
  actor: Actor,
  input: { requestId: string; comment: string },
  now = new Date(),
) {
  const request = await getRequestOrThrow(db, { id: input.requestId, customerId: actor.customerId });
  if (request.status === "REOPENED") return getRequestView(db, actor, request.id, now);
  const routing = await routeToPerson(db, request, now);
  // Back to whoever resolved it; a request solved in self-service goes where routing sends it.
  const assignedToId = request.assignedToId ?? routing.assignedToId;
  await db.$transaction(async (tx) => {
    const updated = await changeRequestStatus(tx, {
      requestId: request.id,
      from: request.status,
      to: "REOPENED",
      actorId: actor.userId,
      resolvedAt: request.resolvedAt,
      now,
      data: {
        decision: request.decision === "SELF_SERVICE" ? routing.decision : request.decision,
        priority: Math.min(request.priority, routing.priority),
        slaDueAt: routing.slaDueAt,
        slaWarnedAt: null,
        slaBreached: false,
        deflected: false,
        resolutionCode: null,
        resolutionNote: null,
        assignedToId,
        escalatedAt: request.escalatedAt ?? (request.decision === "SELF_SERVICE" ? now : null),
      },
    });
    await tx.requestMessage.create({
      data: {
        requestId: request.id,
        authorId: actor.userId,
        authorKind: "CUSTOMER",
        body: input.comment,
        createdAt: now,
      },
    });
    await recordInteraction(tx, {
      customerId: actor.customerId,
      channel: actor.channel,
      type: "REQUEST_REOPENED",
      actorId: actor.userId,
      requestId: request.id,
      at: now,
    });
    await tellAssignee(tx, assignedToId, updated, `Request #${updated.number} reopened by the customer`);
  });
  return getRequestView(db, actor, request.id, now);
}

/**
 * The customer writes in the conversation (`request.addMessage`). An answer to an agent's
 * question moves the request back to the agent. With an idempotency key, a retry is one message.
 */
export async function addCustomerMessage(db: Database, actor: Actor, input: AddMessageInput, now = new Date()) {
  const request = await getRequestOrThrow(db, { id: input.requestId, customerId: actor.customerId });
  if (input.idempotencyKey) {
    const existing = await db.requestMessage.findUnique({
      where: { authorId_idempotencyKey: { authorId: actor.userId, idempotencyKey: input.idempotencyKey } },
    });
    if (existing) {
      if (existing.requestId !== request.id)
        throw new AppError("CONFLICT", "This idempotency key was used for another request");
      return toMessage(existing);
    }
  }
  if (!CONVERSATION_STATUSES.includes(request.status)) {
    const hint = request.status === "SELF_SERVICE" ? "ask for a person first" : "reopen it first";
    throw new AppError("CONFLICT", `Messages cannot be added to a request in status ${request.status}: ${hint}`);
  }
  // A replay answered above costs nothing; a new message costs one use of the hourly budget.
  await consumeOrThrow(db, "requestMessage", actor.userId);
  try {
    const message = await db.$transaction(async (tx) => {
      const created = await tx.requestMessage.create({
        data: {
          requestId: request.id,
          authorId: actor.userId,
          authorKind: "CUSTOMER",
          body: input.body,
          idempotencyKey: input.idempotencyKey ?? null,
          createdAt: now,
        },
      });
      if (request.status === "WAITING_CUSTOMER") {
        await changeRequestStatus(tx, {
          requestId: request.id,
          from: "WAITING_CUSTOMER",
          to: request.assignedToId ? "IN_PROGRESS" : "QUEUED",
          actorId: actor.userId,
          note: "Customer replied",
          now,
        });
      } else {
        await tx.serviceRequest.update({ where: { id: request.id }, data: { updatedAt: now } });
      }
      await recordInteraction(tx, {
        customerId: actor.customerId,
        channel: actor.channel,
        type: "REQUEST_MESSAGE",
        actorId: actor.userId,
        requestId: request.id,
        data: { messageId: created.id },
        at: now,
      });
      await tellAssignee(tx, request.assignedToId, request, `Request #${request.number}: the customer wrote`);
      return created;
    });
    return toMessage(message);
  } catch (error) {
    if (!isUniqueViolation(error) || !input.idempotencyKey) throw error;
    const winner = await db.requestMessage.findUnique({
      where: { authorId_idempotencyKey: { authorId: actor.userId, idempotencyKey: input.idempotencyKey } },
    });
    if (!winner) throw error;
    // A racing duplicate of the same key: a replay, so its use is given back.
    await refundUse(db, "requestMessage", actor.userId);
    return toMessage(winner);
  }
}

function toMessage(message: { id: string; requestId: string; authorKind: string; body: string; createdAt: Date }) {
  return {
    id: message.id,
    requestId: message.requestId,
    authorKind: message.authorKind,
    isMine: true,
    body: message.body,
    createdAt: message.createdAt,
  };
}

/** Satisfaction 1..5 after resolution; rating again replaces the score. */
export async function rateRequest(
  db: Database,
  actor: Actor,
  input: { requestId: string; score: number },
  now = new Date(),
) {
  const request = await getRequestOrThrow(db, { id: input.requestId, customerId: actor.customerId });
  if (request.status !== "RESOLVED" && request.status !== "CLOSED") {
    throw new AppError("CONFLICT", "A request can be rated once it is resolved");
  }
  if (request.csat === input.score) return getRequestView(db, actor, request.id, now);
  await db.$transaction(async (tx) => {
    await tx.serviceRequest.update({ where: { id: request.id }, data: { csat: input.score } });
    await recordInteraction(tx, {
      customerId: actor.customerId,
      channel: actor.channel,
      type: "REQUEST_RATED",
      actorId: actor.userId,
      requestId: request.id,
      data: { score: input.score },
      at: now,
    });
  });
  return getRequestView(db, actor, request.id, now);
}
