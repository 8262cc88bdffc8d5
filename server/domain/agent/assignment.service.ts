import "server-only";
import type { RequestStatus } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { writeAudit } from "../audit/write-audit.service";
import { AppError, badRequest } from "../errors";
import { notify } from "../notification/notify.service";
import { changeRequestStatus } from "../request/change-status.service";
import { isSupervisor, type AgentActor } from "./agent-actor";
import { auditStateOf, getRequestStateOrThrow, type RequestState } from "./agent-request.service";
import { excerpt, notificationTexts } from "./notification-texts";

type Tx = Transaction;

/** Statuses from which a request can be taken by an agent (RESOLVED and CLOSED are done). */
const CLAIMABLE: readonly RequestStatus[] = [
  "NEW",
  "SELF_SERVICE",
  "QUEUED",
  "REOPENED",
  "IN_PROGRESS",
  "WAITING_CUSTOMER",
];

function heldByOther(request: RequestState): AppError {
  return new AppError(
    "CONFLICT",
    `Request #${request.number} is already held by ${request.assignedTo?.name ?? "another agent"}`,
  );
}

/**
 * Takes an unassigned request within the caller's transaction. The update is conditional on the
 * status read (see `changeRequestStatus`), so of two agents claiming at once exactly one wins;
 * the other gets CONFLICT naming the holder. False when the same agent took it a moment earlier.
 */
export async function takeRequest(tx: Tx, request: RequestState, actor: AgentActor, now: Date): Promise<boolean> {
  if (!CLAIMABLE.includes(request.status)) {
    throw new AppError(
      "CONFLICT",
      `Request #${request.number} is ${request.status.toLowerCase()} and cannot be claimed`,
    );
  }
  const updated = await tx.serviceRequest.updateMany({
    where: { id: request.id, status: request.status, assignedToId: null },
    data: { assignedToId: actor.id, claimedAt: now },
  });
  if (updated.count === 0) {
    const current = await getRequestStateOrThrow(tx, request.id);
    // The same agent's concurrent action (a double-clicked reply) took it a moment earlier.
    if (current.assignedToId === actor.id) return false;
    throw current.assignedToId
      ? heldByOther(current)
      : new AppError("CONFLICT", "The request was changed by someone else; reload it");
  }
  await changeRequestStatus(tx, {
    requestId: request.id,
    from: request.status,
    to: "ASSIGNED",
    actorId: actor.id,
    note: "Claimed",
    resolvedAt: request.resolvedAt,
    now,
  });
  return true;
}

/** `agent.claim`: the request becomes the agent's (claiming one's own request again is a no-op). */
export async function claimRequest(db: Database, actor: AgentActor, requestId: string, now = new Date()) {
  const request = await getRequestStateOrThrow(db, requestId);
  if (request.assignedToId === actor.id) return request;
  if (request.assignedToId) throw heldByOther(request);

  await db.$transaction(async (tx) => {
    if (!(await takeRequest(tx, request, actor, now))) return;
    await writeAudit(tx, actor, {
      action: "request.claim",
      entityType: "ServiceRequest",
      entityId: request.id,
      before: auditStateOf(request),
      after: { ...auditStateOf(request), status: "ASSIGNED", assignedToId: actor.id, claimedAt: now.toISOString() },
    });
  });
  return getRequestStateOrThrow(db, requestId);
}

function assertHolderOrSupervisor(request: RequestState, actor: AgentActor): void {
  if (request.assignedToId === actor.id || isSupervisor(actor)) return;
  if (!request.assignedToId) throw new AppError("CONFLICT", `Request #${request.number} is not assigned`);
  throw heldByOther(request);
}

/** `agent.release`: back to the queue for anyone to take. */
export async function releaseRequest(db: Database, actor: AgentActor, requestId: string, now = new Date()) {
  const request = await getRequestStateOrThrow(db, requestId);
  assertHolderOrSupervisor(request, actor);
  if (!request.assignedToId) return request;

  await db.$transaction(async (tx) => {
    await changeRequestStatus(tx, {
      requestId: request.id,
      from: request.status,
      to: "QUEUED",
      actorId: actor.id,
      note: "Released to the queue",
      resolvedAt: request.resolvedAt,
      now,
      data: { assignedToId: null, claimedAt: null },
    });
    await writeAudit(tx, actor, {
      action: "request.release",
      entityType: "ServiceRequest",
      entityId: request.id,
      before: auditStateOf(request),
      after: { ...auditStateOf(request), status: "QUEUED", assignedToId: null },
    });
  });
  return getRequestStateOrThrow(db, requestId);
}

/** `agent.transfer`: hands the request to another agent, who is notified. */
export async function transferRequest(
  db: Database,
  actor: AgentActor,
  input: { requestId: string; toAgentId: string; note?: string },
  now = new Date(),
) {
  const request = await getRequestStateOrThrow(db, input.requestId);
  if (request.assignedToId || !isSupervisor(actor)) assertHolderOrSupervisor(request, actor);
  if (request.assignedToId === input.toAgentId) throw badRequest("toAgentId", "The request is already with this agent");
  const target = await db.user.findFirst({
    where: { id: input.toAgentId, role: { in: ["AGENT", "ADMIN"] }, lockedAt: null },
    select: { id: true, name: true, locale: true },
  });
  if (!target) throw badRequest("toAgentId", "Choose an agent");
  const note = input.note ? `Transferred to ${target.name}: ${input.note}` : `Transferred to ${target.name}`;

  await db.$transaction(async (tx) => {
    if (request.status === "ASSIGNED" || request.status === "IN_PROGRESS" || request.status === "WAITING_CUSTOMER") {
      // The work continues in the same status; only the holder changes.
      const moved = await tx.serviceRequest.updateMany({
        where: { id: request.id, status: request.status, assignedToId: request.assignedToId },
        data: { assignedToId: target.id, claimedAt: request.claimedAt ?? now },
      });
      if (moved.count === 0) throw new AppError("CONFLICT", "The request was changed by someone else; reload it");
      await tx.requestEvent.create({
        data: { requestId: request.id, status: request.status, actorId: actor.id, note, at: now },
      });
    } else {
      await changeRequestStatus(tx, {
        requestId: request.id,
        from: request.status,
        to: "ASSIGNED",
        actorId: actor.id,
        note,
        resolvedAt: request.resolvedAt,
        now,
        data: { assignedToId: target.id, claimedAt: request.claimedAt ?? now },
      });
    }
    await writeAudit(tx, actor, {
      action: "request.transfer",
      entityType: "ServiceRequest",
      entityId: request.id,
      before: auditStateOf(request),
      after: { ...auditStateOf(request), assignedToId: target.id, note: input.note ?? null },
    });
    await notify(tx, target.id, {
      kind: "REQUEST_STATUS",
      title: notificationTexts(target.locale).transferTitle(request.number),
      body: excerpt(`${actor.name}: ${input.note ?? request.subject}`),
      url: `/agent/requests/${request.id}`,
    });
  });
  return getRequestStateOrThrow(db, input.requestId);
}
