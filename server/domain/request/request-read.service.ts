import "server-only";
import type { Prisma, RequestStatus } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { notFound } from "../errors";
import { searchArticles } from "../knowledge/search-articles.service";
import { directActionsFor } from "./direct-actions";
import { canTransition, OPEN_STATUSES } from "./request-status";

type Reader = Pick<Database, "serviceRequest"> | Transaction;

/** Messages a subscriber may see: never an agent's internal note (filtered in the query). */
const PUBLIC_MESSAGES = {
  where: { internal: false },
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  select: {
    id: true,
    authorKind: true,
    authorId: true,
    body: true,
    createdAt: true,
    author: { select: { name: true } },
  },
} satisfies Prisma.ServiceRequest$messagesArgs;

const REQUEST_INCLUDE = {
  messages: PUBLIC_MESSAGES,
  line: { select: { id: true, msisdn: true, kind: true, address: true } },
  assignedTo: { select: { name: true } },
} satisfies Prisma.ServiceRequestInclude;

type RequestRow = Prisma.ServiceRequestGetPayload<{ include: typeof REQUEST_INCLUDE }>;

/** The caller's own request, or NOT_FOUND: ownership is part of the query. */
export async function getRequestOrThrow(db: Reader, where: { id: string; customerId: string }) {
  const request = await db.serviceRequest.findFirst({ where: { id: where.id, customerId: where.customerId } });
  if (!request) throw notFound("Request");
  return request;
}

/** Routing reasons are stored as sentences (older rows may hold them inside an object). */
export function readReasons(value: Prisma.JsonValue): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  if (value && typeof value === "object" && Array.isArray((value as { reasons?: unknown }).reasons)) {
    return (value as { reasons: unknown[] }).reasons.filter((item): item is string => typeof item === "string");
  }
  return [];
}

/** Only the first name of an agent reaches a subscriber. */
function firstName(name: string | null | undefined): string | null {
  return name ? (name.split(/\s+/)[0] ?? null) : null;
}

function toView(row: RequestRow, viewerId: string, now: Date) {
  const isOpen = OPEN_STATUSES.includes(row.status);
  return {
    id: row.id,
    number: row.number,
    category: row.category,
    subject: row.subject,
    description: row.description,
    status: row.status,
    channel: row.channel,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    line: row.line,
    billId: row.billId,
    disputedAmountCents: row.disputedAmountCents,
    routing: {
      decision: row.decision,
      priority: row.priority,
      slaDueAt: row.slaDueAt,
      reasons: readReasons(row.routingReasons),
      reasonCodes: row.routingReasonCodes ?? [],
      segment: row.segmentAtCreation,
    },
    assignedAgentName: firstName(row.assignedTo?.name),
    escalatedAt: row.escalatedAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    reopenedAt: row.reopenedAt,
    deflected: row.deflected,
    slaBreached: row.slaBreached,
    csat: row.csat,
    messages: row.messages.map((message) => ({
      id: message.id,
      authorKind: message.authorKind,
      authorName: message.authorKind === "AGENT" ? firstName(message.author?.name) : null,
      isMine: message.authorId === viewerId,
      body: message.body,
      createdAt: message.createdAt,
    })),
    can: {
      markSolved: row.status === "SELF_SERVICE" || (isOpen && row.status !== "NEW"),
      escalate: row.status === "SELF_SERVICE",
      addMessage: isOpen && row.status !== "SELF_SERVICE" && row.status !== "NEW",
      rate: row.status === "RESOLVED" || row.status === "CLOSED",
      reopen: canTransition(row.status, "REOPENED", { resolvedAt: row.resolvedAt, now }),
    },
  };
}

export type RequestView = ReturnType<typeof toView>;

/** The caller's requests, newest first, each with its public conversation. */
export async function listRequests(
  db: Database,
  viewer: { customerId: string; userId: string },
  input: { cursor?: string; limit?: number; state?: "open" | "done" } = {},
  now = new Date(),
) {
  const limit = input.limit ?? 20;
  const statusFilter: Prisma.ServiceRequestWhereInput =
    input.state === "open"
      ? { status: { in: [...OPEN_STATUSES] } }
      : input.state === "done"
        ? { status: { in: ["RESOLVED", "CLOSED"] satisfies RequestStatus[] } }
        : {};
  const rows = await db.serviceRequest.findMany({
    where: { customerId: viewer.customerId, ...statusFilter },
    include: REQUEST_INCLUDE,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 0 } : {}),
  });
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: page.map((row) => toView(row, viewer.userId, now)),
    nextCursor: hasMore ? rows[limit]!.id : null,
  };
}

/** One of the caller's requests as the contract's `request` (what the actions answer with). */
export async function getRequestView(
  db: Database,
  viewer: { customerId: string; userId: string },
  id: string,
  now = new Date(),
) {
  const row = await db.serviceRequest.findFirst({
    where: { id, customerId: viewer.customerId },
    include: REQUEST_INCLUDE,
  });
  if (!row) throw notFound("Request");
  return toView(row, viewer.userId, now);
}

/** One of the caller's requests: conversation, status timeline, articles and direct actions. */
export async function getRequestDetail(
  db: Database,
  viewer: { customerId: string; userId: string; locale: "ru" | "en" },
  id: string,
  now = new Date(),
) {
  const row = await db.serviceRequest.findFirst({
    where: { id, customerId: viewer.customerId },
    include: REQUEST_INCLUDE,
  });
  if (!row) throw notFound("Request");
  const [events, suggestedArticles, actions] = await Promise.all([
    db.requestEvent.findMany({
      where: { requestId: row.id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, status: true, at: true },
    }),
    searchArticles(db, {
      text: `${row.subject} ${row.description}`,
      locale: viewer.locale,
      category: row.category,
      limit: 3,
      fillWithCategory: true,
    }),
    actionsFor(db, row),
  ]);
  return { ...toView(row, viewer.userId, now), events, suggestedArticles, actions };
}

/** Direct actions with the bill the request is about (or the latest) and its line. */
export async function actionsFor(
  db: Pick<Database, "bill">,
  request: { customerId: string; category: RequestRow["category"]; lineId: string | null; billId: string | null },
) {
  const needsBill = request.category === "BILLING_QUESTION" || request.category === "BILL_DISPUTE";
  const bill = needsBill
    ? await db.bill.findFirst({
        where: {
          customerId: request.customerId,
          ...(request.billId ? { id: request.billId } : {}),
          status: { not: "CANCELLED" },
        },
        orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
        select: { id: true, totalCents: true, paidCents: true },
      })
    : null;
  return directActionsFor(request.category, {
    billId: bill?.id ?? null,
    billOutstandingCents: bill ? Math.max(0, bill.totalCents - bill.paidCents) : 0,
    lineId: request.lineId,
  });
}
