import "server-only";
import type { Prisma } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { writeAudit } from "../audit/write-audit.service";
import { AppError, isUniqueViolation } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { notify } from "../notification/notify.service";
import { changeRequestStatus } from "../request/change-status.service";
import type { AgentActor } from "./agent-actor";
import { assertMayAct, auditStateOf, getRequestStateOrThrow, type RequestState } from "./agent-request.service";
import type { ReplyInput, ResolveInput } from "./agent.schema";
import { takeRequest } from "./assignment.service";
import { excerpt, notificationTexts } from "./notification-texts";
import { statusAfterReply } from "./reply-rules";

type Tx = Transaction;

/** The agent holds the request from here on: an unassigned one is claimed on the way. */
async function holdRequest(tx: Tx, request: RequestState, actor: AgentActor, now: Date): Promise<RequestState> {
  assertMayAct(request, actor);
  // A follow-up on a resolved request (one solved in self-service has nobody) takes nothing over.
  if (request.assignedToId || request.status === "RESOLVED") return request;
  await takeRequest(tx, request, actor, now);
  return getRequestStateOrThrow(tx, request.id);
}

async function subscriberLogin(tx: Tx, customerId: string) {
  return tx.user.findUnique({ where: { customerId }, select: { id: true, locale: true } });
}

/** The first public word from an agent stops the SLA clock; after the due time it is a breach. */
function firstResponseFields(request: RequestState, now: Date): Prisma.ServiceRequestUncheckedUpdateManyInput {
  if (request.firstResponseAt) return {};
  const isLate = request.slaDueAt !== null && now.getTime() > request.slaDueAt.getTime();
  return { firstResponseAt: now, ...(isLate ? { slaBreached: true } : {}) };
}

async function findReplay(db: Database | Tx, actorId: string, input: ReplyInput) {
  if (!input.idempotencyKey) return null;
  const message = await db.requestMessage.findUnique({
    where: { authorId_idempotencyKey: { authorId: actorId, idempotencyKey: input.idempotencyKey } },
  });
  if (message && message.requestId !== input.requestId) {
    throw new AppError("CONFLICT", "This idempotency key was used for another message");
  }
  return message;
}

/**
 * `agent.reply`: a public reply the subscriber sees (and is notified of), or an internal note only
 * agents see. A public reply is made by the agent holding the request (an unassigned one is
 * claimed), records the first response time, moves the request to IN_PROGRESS (or
 * WAITING_CUSTOMER) and counts as a PHONE contact. Internal notes change nothing else.
 */
export async function replyToRequest(db: Database, actor: AgentActor, input: ReplyInput, now = new Date()) {
  const replay = await findReplay(db, actor.id, input);
  if (replay) return replay;
  const isInternal = input.internal ?? false;
  const request = await getRequestStateOrThrow(db, input.requestId);
  if (!isInternal && request.status === "CLOSED") {
    throw new AppError("CONFLICT", `Request #${request.number} is closed; the customer can open a new one`);
  }

  try {
    return await db.$transaction(async (tx) => {
      const held = isInternal ? request : await holdRequest(tx, request, actor, now);
      const message = await tx.requestMessage.create({
        data: {
          requestId: request.id,
          authorId: actor.id,
          authorKind: "AGENT",
          body: input.body,
          internal: isInternal,
          idempotencyKey: input.idempotencyKey ?? null,
          createdAt: now,
        },
      });
      if (isInternal) {
        await writeAudit(tx, actor, {
          action: "request.note",
          entityType: "ServiceRequest",
          entityId: request.id,
          before: auditStateOf(request),
          after: { ...auditStateOf(request), messageId: message.id, internal: true },
        });
        return message;
      }

      const next = statusAfterReply(held.status, input.waitForCustomer ?? false);
      const fields = firstResponseFields(held, now);
      if (next) {
        await changeRequestStatus(tx, {
          requestId: request.id,
          from: held.status,
          to: next,
          actorId: actor.id,
          note: next === "WAITING_CUSTOMER" ? "Waiting for the customer's answer" : null,
          resolvedAt: held.resolvedAt,
          now,
          data: fields,
        });
      } else if (Object.keys(fields).length > 0) {
        await tx.serviceRequest.update({ where: { id: request.id }, data: fields });
      }
      const after = await getRequestStateOrThrow(tx, request.id);
      await writeAudit(tx, actor, {
        action: "request.reply",
        entityType: "ServiceRequest",
        entityId: request.id,
        before: auditStateOf(request),
        after: { ...auditStateOf(after), messageId: message.id, internal: false },
      });
      await recordInteraction(tx, {
        customerId: request.customerId,
        channel: "PHONE",
        type: "AGENT_REPLY",
        actorId: actor.id,
        requestId: request.id,
        data: { messageId: message.id, requestNumber: request.number },
        at: now,
      });
      const login = await subscriberLogin(tx, request.customerId);
      if (login) {
        await notify(tx, login.id, {
          kind: "AGENT_REPLY",
          title: notificationTexts(login.locale).replyTitle(request.number),
          body: excerpt(input.body),
          url: `/requests/${request.id}`,
        });
      }
      return message;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same message sent twice at once: the first one stands.
    const existing = await findReplay(db, actor.id, input);
    if (!existing) throw error;
    return existing;
  }
}

/**
 * `agent.resolve`: closes the agent's work with a resolution code and a note the subscriber sees
 * (stored on the request and posted in the conversation).
 * Records the resolution time (handling time is claim to resolve), notifies the subscriber and
 * counts as a PHONE contact. Resolving a resolved request again changes nothing.
 */
export async function resolveRequest(db: Database, actor: AgentActor, input: ResolveInput, now = new Date()) {
  const request = await getRequestStateOrThrow(db, input.requestId);
  if (request.status === "RESOLVED") return request;
  if (request.status === "CLOSED") throw new AppError("CONFLICT", `Request #${request.number} is already closed`);

  await db.$transaction(async (tx) => {
    const held = await holdRequest(tx, request, actor, now);
    await changeRequestStatus(tx, {
      requestId: request.id,
      from: held.status,
      to: "RESOLVED",
      actorId: actor.id,
      note: input.resolutionCode,
      resolvedAt: held.resolvedAt,
      now,
      data: { resolutionCode: input.resolutionCode, resolutionNote: input.note, ...firstResponseFields(held, now) },
    });
    // The note is the customer's answer: it joins the conversation they see.
    await tx.requestMessage.create({
      data: {
        requestId: request.id,
        authorId: actor.id,
        authorKind: "AGENT",
        body: input.note,
        internal: false,
        createdAt: now,
      },
    });
    const after = await getRequestStateOrThrow(tx, request.id);
    await writeAudit(tx, actor, {
      action: "request.resolve",
      entityType: "ServiceRequest",
      entityId: request.id,
      before: auditStateOf(request),
      after: { ...auditStateOf(after), resolutionNote: input.note },
    });
    await recordInteraction(tx, {
      customerId: request.customerId,
      channel: "PHONE",
      type: "REQUEST_RESOLVED",
      actorId: actor.id,
      requestId: request.id,
      data: { requestNumber: request.number, resolutionCode: input.resolutionCode },
      at: now,
    });
    const login = await subscriberLogin(tx, request.customerId);
    if (login) {
      const texts = notificationTexts(login.locale);
      await notify(tx, login.id, {
        kind: "REQUEST_STATUS",
        title: texts.resolvedTitle(request.number),
        body: excerpt(texts.resolvedBody(input.note)),
        url: `/requests/${request.id}`,
      });
    }
  });
  return getRequestStateOrThrow(db, input.requestId);
}
