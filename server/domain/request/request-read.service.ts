import "server-only";
import type { Prisma, RequestStatus } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import type { AppLocale } from "../../i18n/locales";
import { notFound } from "../errors";
import { REASON_CODES, type ReasonCode } from "../routing/reason-codes";
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
  incident: { select: { id: true, number: true, status: true } },
} satisfies Prisma.ServiceRequestInclude;

type RequestRow = Prisma.ServiceRequestGetPayload<{ include: typeof REQUEST_INCLUDE }>;

/** The caller's own request, or NOT_FOUND: ownership is part of the query. */
export async function getRequestOrThrow(db: Reader, where: { id: string; customerId: string }) {
  const request = await db.serviceRequest.findFirst({ where: { id: where.id, customerId: where.customerId } });
  if (!request) throw notFound("Request");
  return request;
}

const OPERATOR_TIME_ZONE = "Europe/Moscow";

/**
 * Why a request went where it did, in the subscriber's words: from the stable codes, never the
 * stored sentences, which are written for agents and name the customer's segment.
 */
export function subscriberReasons(
  routing: { reasonCodes: readonly string[]; priority: number; slaDueAt: Date | null },
  locale: AppLocale,
): string[] {
  const t = translatorFor(locale, "routingReason");
  const known: ReadonlySet<string> = new Set(REASON_CODES);
  return routing.reasonCodes.flatMap((code) => {
    // A code retired since the row was written says nothing to the subscriber.
    if (!known.has(code)) return [];
    if (code === "PRIORITY") return [t("PRIORITY", { priority: routing.priority })];
    if (code === "SLA") {
      if (!routing.slaDueAt) return [];
      const time = new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "long",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: OPERATOR_TIME_ZONE,
        timeZoneName: "short",
      }).format(routing.slaDueAt);
      return [t("SLA", { time })];
    }
    return [t(code as Exclude<ReasonCode, "PRIORITY" | "SLA">)];
  });
}

type RoutedRow = Pick<RequestRow, "decision" | "priority" | "slaDueAt" | "routingReasonCodes">;

/** Where a request went and why, as its subscriber reads it (request.create, request.byId). */
export function routingView(row: RoutedRow, locale: AppLocale) {
  return {
    decision: row.decision,
    priority: row.priority,
    slaDueAt: row.slaDueAt,
    reasons: subscriberReasons(
      { reasonCodes: row.routingReasonCodes ?? [], priority: row.priority, slaDueAt: row.slaDueAt },
      locale,
    ),
    reasonCodes: row.routingReasonCodes ?? [],
  };
}

/**
 * The contract's answer to request.create, from the stored request (so a replay answers the
 * same), with what the subscriber can read or do next.
 */
export function createdRequestView(
  row: RoutedRow & Pick<RequestRow, "id" | "number" | "category" | "status" | "incidentId">,
  locale: AppLocale,
  next: {
    suggestedArticles: Awaited<ReturnType<typeof searchArticles>>;
    actions: Awaited<ReturnType<typeof actionsFor>>;
  },
) {
  return {
    id: row.id,
    number: row.number,
    category: row.category,
    status: row.status,
    routing: routingView(row, locale),
    ...next,
    /** The network incident the request joined instead of queuing (issue 17); null otherwise. */
    incidentId: row.incidentId,
  };
}

export type CreatedRequestView = ReturnType<typeof createdRequestView>;

/** Only the first name of an agent reaches a subscriber. */
function firstName(name: string | null | undefined): string | null {
  return name ? (name.split(/\s+/)[0] ?? null) : null;
}

type Viewer = { customerId: string; userId: string; locale: AppLocale };

function toView(row: RequestRow, viewer: Viewer, now: Date) {
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
    /** The network outage the request joined (issue 17): its repair answers the request. */
    incident: row.incident,
    routing: routingView(row, viewer.locale),
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
      isMine: message.authorId === viewer.userId,
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
  viewer: Viewer,
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
    items: page.map((row) => toView(row, viewer, now)),
    nextCursor: hasMore ? rows[limit]!.id : null,
  };
}

/** One of the caller's requests as the contract's `request` (what the actions answer with). */
export async function getRequestView(db: Database, viewer: Viewer, id: string, now = new Date()) {
  const row = await db.serviceRequest.findFirst({
    where: { id, customerId: viewer.customerId },
    include: REQUEST_INCLUDE,
  });
  if (!row) throw notFound("Request");
  return toView(row, viewer, now);
}

/** One of the caller's requests: conversation, status timeline, articles and direct actions. */
export async function getRequestDetail(db: Database, viewer: Viewer, id: string, now = new Date()) {
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
  return { ...toView(row, viewer, now), events, suggestedArticles, actions };
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
