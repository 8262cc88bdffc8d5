import "server-only";
import type { Database } from "../../db/client";
import { localeOrDefault } from "../../i18n/locales";
import { notFound } from "../errors";
import type { AgentActor } from "./agent-actor";
import { fillPlaceholders, formatMsisdn } from "./fill-placeholders";

/**
 * One request as the agent console shows it: the whole conversation including internal notes,
 * the status history, routing with its reasons, who holds it, and the customer in brief.
 */
export async function getRequestForAgent(db: Database, actor: Pick<AgentActor, "id">, requestId: string) {
  const request = await db.serviceRequest.findUnique({
    where: { id: requestId },
    include: {
      customer: {
        select: {
          id: true,
          accountNumber: true,
          firstName: true,
          lastName: true,
          segment: true,
          locale: true,
          personalManagerId: true,
        },
      },
      line: { select: { id: true, msisdn: true, kind: true, address: true } },
      assignedTo: { select: { id: true, name: true } },
      createdBy: { select: { id: true, name: true, role: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { author: { select: { id: true, name: true, role: true } } },
      },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { name: true, role: true } } } },
    },
  });
  if (!request) throw notFound("Request");
  const { customer, messages, events, routingReasons, ...rest } = request;
  return {
    ...rest,
    segment: request.segmentAtCreation,
    routing: {
      decision: request.decision,
      priority: request.priority,
      slaDueAt: request.slaDueAt,
      reasons: Array.isArray(routingReasons)
        ? routingReasons.filter((reason): reason is string => typeof reason === "string")
        : [],
    },
    customer: { ...customer, name: `${customer.firstName} ${customer.lastName}` },
    isMine: request.assignedToId === actor.id,
    isPersonalManager: customer.personalManagerId === actor.id,
    messages: messages.map((message) => ({
      id: message.id,
      authorKind: message.authorKind,
      author: message.author,
      body: message.body,
      internal: message.internal,
      createdAt: message.createdAt,
    })),
    events: events.map((event) => ({
      id: event.id,
      status: event.status,
      at: event.at,
      note: event.note,
      actor: event.actor,
    })),
  };
}

/**
 * Canned responses in the customer's language (or the one asked for), with placeholders filled
 * from this request's customer: name, account, the request's line (or their first mobile line),
 * request number and the agent's name.
 */
export async function listCannedResponses(
  db: Database,
  actor: Pick<AgentActor, "name">,
  input: { requestId: string; locale?: "ru" | "en" },
) {
  const request = await db.serviceRequest.findUnique({
    where: { id: input.requestId },
    select: {
      number: true,
      line: { select: { msisdn: true } },
      customer: {
        select: {
          firstName: true,
          lastName: true,
          middleName: true,
          accountNumber: true,
          locale: true,
          lines: {
            where: { kind: "MOBILE", status: { not: "TERMINATED" } },
            orderBy: { activatedAt: "asc" },
            take: 1,
            select: { msisdn: true },
          },
        },
      },
    },
  });
  if (!request) throw notFound("Request");
  const { customer } = request;
  const locale = input.locale ?? localeOrDefault(customer.locale);
  const templates = await db.cannedResponse.findMany({ where: { locale }, orderBy: { code: "asc" } });
  const values = {
    firstName: customer.firstName,
    lastName: customer.lastName,
    middleName: customer.middleName,
    fullName: [customer.firstName, customer.middleName, customer.lastName].filter(Boolean).join(" "),
    accountNumber: customer.accountNumber,
    msisdn: formatMsisdn(request.line?.msisdn ?? customer.lines[0]?.msisdn),
    requestNumber: request.number,
    agentName: actor.name,
  };
  return {
    locale,
    items: templates.map((template) => {
      const { text, missing } = fillPlaceholders(template.body, values);
      return { id: template.id, code: template.code, title: template.title, body: text, missing };
    }),
  };
}
