import { DEFAULT_ROUTING_POLICY, type Category } from "../../server/domain/routing/policy.schema";
import { routeContact, type RoutingResult } from "../../server/domain/routing/route-contact";
import { RowBuffer } from "./bulk-insert";
import type { Rng } from "./random";
import { CUSTOMER_THANKS, REOPEN_MESSAGES, REQUEST_TEXTS } from "./request-texts";
import type { RequestScenario, RequestStatus } from "./request-scenarios";
import { AGENT_IDS } from "./staff";
import { ARTICLE_FEEDBACK, ARTICLE_VIEW, INTERACTION, REQUEST_EVENT, REQUEST_MESSAGE, SERVICE_REQUEST } from "./tables";
import { addMs, DAY, HOUR, MINUTE, type SeedClock } from "./time";

export type ArticleIndex = { byCategory: Map<Category, string[]>; all: string[] };

export type RequestBuffers = ReturnType<typeof createRequestBuffers>;
export function createRequestBuffers() {
  return {
    requests: new RowBuffer(SERVICE_REQUEST),
    messages: new RowBuffer(REQUEST_MESSAGE),
    events: new RowBuffer(REQUEST_EVENT),
    interactions: new RowBuffer(INTERACTION),
    views: new RowBuffer(ARTICLE_VIEW),
    feedback: new RowBuffer(ARTICLE_FEEDBACK),
  };
}

export type WrittenRequest = {
  id: string;
  number: number;
  status: RequestStatus;
  resolvedAt: Date | null;
  resolutionNote: string | null;
};

/** A routing taking effect at an event: at creation, when the customer asks for a person, on reopening. */
type Routing = RoutingResult & { kind: "CREATED" | "ESCALATED" | "REOPENED" };
type Event = { status: RequestStatus; at: Date; actorId: string | null; note: string | null; routing?: Routing };
type Message = {
  at: Date;
  authorId: string | null;
  kind: "CUSTOMER" | "AGENT" | "SYSTEM";
  body: string;
  internal: boolean;
};

const LINE_CATEGORIES = new Set<Category>([
  "TECHNICAL_FAULT",
  "NO_SERVICE",
  "ROAMING",
  "SIM_REPLACEMENT",
  "NUMBER_PORTING",
  "TARIFF_CHANGE",
]);
const AUTO_CLOSE = "Closed automatically 7 days after resolution";

/**
 * Writes request number `k` of a scenario: the request as it stands at the seed's "now", with its
 * events, messages, interactions and article activity. The whole lifecycle is laid out first
 * (routing by the app's own `routeContact`, re-routing when the customer asks for a person or
 * reopens), then cut at "now", so open requests are simply the ones still in progress.
 */
export function writeRequest(
  k: number,
  scenario: RequestScenario,
  rng: Rng,
  clock: SeedClock,
  articles: ArticleIndex,
  feedbackGiven: Set<string>,
  out: RequestBuffers,
): WrittenRequest {
  const { customer, category, channel, createdAt } = scenario;
  const id = `req_${String(k).padStart(6, "0")}`;
  const texts = REQUEST_TEXTS[category];
  const homeLine = customer.lines.find((line) => line.kind === "HOME_INTERNET");
  const mobileLine = customer.lines.find((line) => line.kind === "MOBILE");
  const isHomeText = (text: { subject: string; description: string }) =>
    /домашн/i.test(text.subject + text.description);
  const candidates = texts.requests.filter((text) => homeLine || !isHomeText(text));
  const text = rng.pick(candidates.length ? candidates : texts.requests);
  const lineId = !LINE_CATEGORIES.has(category)
    ? null
    : isHomeText(text) && homeLine
      ? homeLine.id
      : (mobileLine?.id ?? null);
  const speed = scenario.isFast ? 0.08 : 1;
  const later = (from: Date, minMinutes: number, maxMinutes: number) =>
    addMs(from, rng.float(minMinutes, maxMinutes) * MINUTE * speed);
  const route = (now: Date, askedForPerson: boolean, kind: Routing["kind"]): Routing => ({
    kind,
    ...routeContact(
      {
        category,
        segment: customer.segment,
        hasPersonalManager: customer.managerId !== null,
        disputedAmountCents: scenario.disputedAmountCents ?? null,
        isRepeatContact: scenario.isRepeatContact ?? false,
        askedForPerson,
        now,
      },
      DEFAULT_ROUTING_POLICY,
    ),
  });

  const phoneAgentId = rng.pick(AGENT_IDS);
  const queueAgentId = rng.pick(AGENT_IDS);
  const createdById = channel === "PHONE" ? phoneAgentId : customer.userId;
  // Calling the contact centre is asking for a person.
  const initial = route(createdAt, channel === "PHONE", "CREATED");
  const isBreached = rng.chance(0.12);
  const hasInternalNote = rng.chance(0.45);
  const waitsForCustomer = scenario.stopAt === "WAITING_CUSTOMER" || rng.chance(0.3);
  const reopens = scenario.stopAt === "REOPENED" || rng.chance(0.06);
  const randomRating = rng.chance(0.6)
    ? rng.weighted([
        [5, 50],
        [4, 25],
        [3, 12],
        [2, 7],
        [1, 6],
      ] as const)
    : null;
  const rating = scenario.csat ?? randomRating;
  const resolution = rng.pick(texts.resolutions);
  const selfServiceOutcome = scenario.selfServiceOutcome ?? (rng.chance(0.65) ? "DEFLECT" : "ESCALATE");
  const stopped = (status: RequestStatus) => scenario.stopAt === status;

  const events: Event[] = [];
  const messages: Message[] = [];
  const viewedArticles: string[] = [];
  let agentId = initial.decision === "PERSONAL_MANAGER" && customer.managerId ? customer.managerId : queueAgentId;

  const build = (): void => {
    events.push({ status: "NEW", at: createdAt, actorId: createdById, note: null, routing: initial });
    if (channel === "PHONE")
      messages.push({
        at: addMs(createdAt, 30_000),
        authorId: phoneAgentId,
        kind: "AGENT",
        body: `Обращение по телефону: ${text.description}`,
        internal: true,
      });
    if (stopped("NEW")) return;
    let queuedAt = addMs(createdAt, 2_000);
    if (initial.decision === "SELF_SERVICE") {
      events.push({ status: "SELF_SERVICE", at: queuedAt, actorId: null, note: "Offered knowledge articles" });
      messages.push({
        at: queuedAt,
        authorId: null,
        kind: "SYSTEM",
        body: "Мы подобрали статьи, которые могут помочь. Если вопрос не решится, нажмите «Нужна помощь специалиста».",
        internal: false,
      });
      const pool = articles.byCategory.get(category) ?? [];
      const firstArticle = pool.length ? rng.pick(pool) : null;
      if (firstArticle) viewedArticles.push(firstArticle);
      if (pool.length > 1 && rng.chance(0.4)) viewedArticles.push(rng.pick(pool.filter((a) => a !== firstArticle)));
      if (stopped("SELF_SERVICE")) return;
      if (selfServiceOutcome === "DEFLECT") {
        const solvedAt = later(createdAt, 4, 90);
        events.push({
          status: "RESOLVED",
          at: solvedAt,
          actorId: customer.userId,
          note: "Customer: the article solved it",
        });
        events.push({ status: "CLOSED", at: addMs(solvedAt, 7 * DAY), actorId: null, note: AUTO_CLOSE });
        return;
      }
      const escalatedAt = later(createdAt, 5, 180);
      const escalation = route(escalatedAt, true, "ESCALATED");
      queuedAt = escalatedAt;
      messages.push({
        at: escalatedAt,
        authorId: customer.userId,
        kind: "CUSTOMER",
        body: "Статьи не помогли, нужна помощь специалиста.",
        internal: false,
      });
      if (escalation.decision === "PERSONAL_MANAGER" && customer.managerId) {
        agentId = customer.managerId;
        events.push({
          status: "ASSIGNED",
          at: escalatedAt,
          actorId: customer.userId,
          note: "Escalated by the customer",
          routing: escalation,
        });
      } else {
        events.push({
          status: "QUEUED",
          at: escalatedAt,
          actorId: customer.userId,
          note: "Escalated by the customer",
          routing: escalation,
        });
      }
    } else if (initial.decision === "AGENT_QUEUE") {
      events.push({ status: "QUEUED", at: queuedAt, actorId: null, note: "Routed to the agent queue" });
    } else {
      events.push({ status: "ASSIGNED", at: queuedAt, actorId: null, note: "Assigned to the personal manager" });
    }
    const isWithManager = events[events.length - 1]!.status === "ASSIGNED";
    if (stopped("QUEUED") && !isWithManager) return;

    const slaMinutes =
      ((events.findLast((event) => event.routing)?.routing?.slaDueAt?.getTime() ?? queuedAt.getTime()) -
        queuedAt.getTime()) /
      MINUTE;
    const claimedAt = isWithManager
      ? queuedAt
      : later(queuedAt, slaMinutes * (isBreached ? 1.1 : 0.05), slaMinutes * (isBreached ? 2.5 : 0.8));
    if (!isWithManager) events.push({ status: "ASSIGNED", at: claimedAt, actorId: agentId, note: "Claimed" });
    if (stopped("ASSIGNED") || stopped("QUEUED")) return;
    if (hasInternalNote)
      messages.push({
        at: later(claimedAt, 0.5, 10),
        authorId: agentId,
        kind: "AGENT",
        body: rng.pick(texts.internalNotes),
        internal: true,
      });
    const respondedAt = later(claimedAt, 1, isWithManager ? Math.max(2, Math.min(slaMinutes * 0.9, 25)) : 25);
    events.push({ status: "IN_PROGRESS", at: respondedAt, actorId: agentId, note: null });
    messages.push({
      at: addMs(respondedAt, 1_000),
      authorId: agentId,
      kind: "AGENT",
      body: rng.pick(texts.replies),
      internal: false,
    });
    if (stopped("IN_PROGRESS")) return;
    let cursor = respondedAt;
    if (waitsForCustomer) {
      const askedAt = later(cursor, 5, 60);
      messages.push({ at: askedAt, authorId: agentId, kind: "AGENT", body: texts.question, internal: false });
      events.push({
        status: "WAITING_CUSTOMER",
        at: askedAt,
        actorId: agentId,
        note: "Waiting for the customer's answer",
      });
      if (stopped("WAITING_CUSTOMER")) return;
      const answeredAt = later(askedAt, 30, 30 * 60);
      messages.push({
        at: answeredAt,
        authorId: customer.userId,
        kind: "CUSTOMER",
        body: texts.customerAnswer,
        internal: false,
      });
      events.push({ status: "IN_PROGRESS", at: answeredAt, actorId: customer.userId, note: "Customer replied" });
      cursor = answeredAt;
    }
    let resolvedAt = later(cursor, 10, category === "NO_SERVICE" || category === "TECHNICAL_FAULT" ? 36 * 60 : 8 * 60);
    messages.push({ at: resolvedAt, authorId: agentId, kind: "AGENT", body: resolution.reply, internal: false });
    events.push({ status: "RESOLVED", at: resolvedAt, actorId: agentId, note: resolution.code });
    if (stopped("RESOLVED")) return;
    if (reopens) {
      const reopenedAt = later(resolvedAt, 120, 3 * 24 * 60);
      messages.push({
        at: reopenedAt,
        authorId: customer.userId,
        kind: "CUSTOMER",
        body: rng.pick(REOPEN_MESSAGES),
        internal: false,
      });
      events.push({
        status: "REOPENED",
        at: reopenedAt,
        actorId: customer.userId,
        note: null,
        routing: route(reopenedAt, true, "REOPENED"),
      });
      if (stopped("REOPENED")) return;
      const resumedAt = later(reopenedAt, 10, 240);
      events.push({ status: "IN_PROGRESS", at: resumedAt, actorId: agentId, note: null });
      resolvedAt = later(resumedAt, 60, 24 * 60);
      messages.push({ at: resolvedAt, authorId: agentId, kind: "AGENT", body: resolution.reply, internal: false });
      events.push({ status: "RESOLVED", at: resolvedAt, actorId: agentId, note: resolution.code });
    }
    if (rng.chance(0.3))
      messages.push({
        at: later(resolvedAt, 5, 600),
        authorId: customer.userId,
        kind: "CUSTOMER",
        body: rng.pick(CUSTOMER_THANKS),
        internal: false,
      });
    events.push({ status: "CLOSED", at: addMs(resolvedAt, 7 * DAY), actorId: null, note: AUTO_CLOSE });
  };
  build();

  // Cut the story at "now": what has not happened yet is not there.
  const asOf = clock.asOf.getTime();
  const kept = events.filter((event) => event.at.getTime() < asOf);
  const keptMessages = messages
    .filter((message) => message.at.getTime() < asOf)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = kept[kept.length - 1] ?? events[0]!;
  const status = last.status;
  const lastAt = (wanted: RequestStatus) => kept.findLast((event) => event.status === wanted)?.at ?? null;
  const routingEvent = kept.findLast((event) => event.routing) ?? events[0]!;
  const escalation = kept.find((event) => event.routing?.kind === "ESCALATED") ?? null;
  const reopening = kept.find((event) => event.routing?.kind === "REOPENED") ?? null;
  // Asking for a person re-routes the request; reopening only restarts its SLA, at the higher priority.
  const routed = escalation?.routing ?? initial;
  const routing = routingEvent.routing ?? initial;
  const isDeflected = kept.some((event) => event.status === "RESOLVED" && event.actorId === customer.userId);
  const isDone = status === "RESOLVED" || status === "CLOSED";
  const resolvedAt = isDone ? lastAt("RESOLVED") : null;
  const claimedAt = lastAt("ASSIGNED");
  const firstResponseAt = keptMessages.find((message) => message.kind === "AGENT" && !message.internal)?.at ?? null;
  // The SLA runs from the latest routing to the first agent response after it.
  const slaStart = routingEvent.at.getTime();
  const answeredAt =
    kept.find((event) => event.at.getTime() > slaStart && event.actorId === agentId && event.status !== "ASSIGNED")
      ?.at ?? null;
  const slaBreached = routing.slaDueAt !== null && (answeredAt ?? clock.asOf).getTime() > routing.slaDueAt.getTime();
  const priority = reopening ? Math.min(routed.priority, reopening.routing!.priority) : routed.priority;
  const csat = isDone && rating !== null ? (isDeflected ? Math.max(4, rating) : rating) : null;
  const resolutionNote = isDone
    ? isDeflected
      ? "Клиент отметил, что статья базы знаний помогла."
      : resolution.note
    : null;

  out.requests.add({
    id,
    number: k,
    customerId: customer.id,
    lineId,
    billId: scenario.billId ?? null,
    disputedAmountCents: scenario.disputedAmountCents ?? null,
    category,
    subject: text.subject,
    description: text.description,
    status,
    channel,
    decision: routed.decision,
    priority,
    slaDueAt: routing.slaDueAt,
    routingReasons: routed.reasons,
    routingReasonCodes: routed.reasonCodes,
    segmentAtCreation: customer.segment,
    policyVersion: 1,
    assignedToId: claimedAt ? agentId : null,
    createdById,
    idempotencyKey: `seed-req-${k}`,
    escalatedAt: escalation?.at ?? null,
    firstResponseAt,
    claimedAt,
    resolvedAt,
    closedAt: status === "CLOSED" ? lastAt("CLOSED") : null,
    reopenedAt: reopening?.at ?? null,
    resolutionCode: isDone ? (isDeflected ? "SELF_SERVICE_SOLVED" : resolution.code) : null,
    resolutionNote,
    deflected: isDone && isDeflected,
    slaBreached,
    csat,
    createdAt,
    updatedAt: last.at,
  });
  const suffix = id.slice(4);
  kept.forEach((event, i) =>
    out.events.add({
      id: `rev_${suffix}_${i + 1}`,
      requestId: id,
      status: event.status,
      actorId: event.actorId,
      note: event.note,
      at: event.at,
    }),
  );
  keptMessages.forEach((message, i) =>
    out.messages.add({
      id: `msg_${suffix}_${i + 1}`,
      requestId: id,
      authorId: message.authorId,
      authorKind: message.kind,
      body: message.body,
      internal: message.internal,
      createdAt: message.at,
    }),
  );

  // The request's part of the customer's contact history.
  const customerChannel = channel === "WEB" || channel === "PWA" ? channel : customer.channel;
  let interactionSeq = 0;
  const record = (
    at: Date | null,
    interactionChannel: string,
    type: string,
    actorId: string | null,
    data: object | null,
  ) => {
    if (!at || at.getTime() >= asOf) return;
    out.interactions.add({
      id: `int_req_${suffix}_${++interactionSeq}`,
      customerId: customer.id,
      channel: interactionChannel,
      type,
      actorId,
      requestId: id,
      data,
      at,
    });
  };
  if (channel === "PHONE")
    record(addMs(createdAt, -5 * MINUTE), "PHONE", "CALL", phoneAgentId, {
      durationSec: rng.int(120, 1200),
      topic: category,
    });
  record(createdAt, channel, "REQUEST_CREATED", createdById, {
    category,
    decision: initial.decision,
    priority: initial.priority,
    reasonCodes: initial.reasonCodes,
  });
  if (escalation)
    record(escalation.at, customerChannel, "REQUEST_ESCALATED", customer.userId, {
      decision: escalation.routing!.decision,
      priority: escalation.routing!.priority,
    });
  for (const event of kept) {
    if (event.status !== "RESOLVED") continue;
    if (event.actorId === customer.userId)
      record(event.at, customerChannel, "REQUEST_SOLVED", customer.userId, {
        deflected: true,
        articleId: viewedArticles[0] ?? null,
      });
    else record(event.at, "PHONE", "REQUEST_RESOLVED", event.actorId, { requestNumber: k, resolutionCode: event.note });
  }
  if (reopening) record(reopening.at, customerChannel, "REQUEST_REOPENED", customer.userId, null);
  if (csat !== null && resolvedAt)
    record(addMs(resolvedAt, HOUR), customerChannel, "REQUEST_RATED", customer.userId, { score: csat });

  viewedArticles.forEach((articleId, i) => {
    const at = addMs(createdAt, (i + 1) * rng.float(1, 5) * MINUTE * speed);
    if (at.getTime() >= asOf) return;
    out.views.add({ id: `avw_${suffix}_${i + 1}`, articleId, customerId: customer.id, requestId: id, at });
    const key = `${articleId}:${customer.userId}`;
    const isHelpful = isDeflected || rng.chance(0.3);
    if (i === 0 && status !== "SELF_SERVICE" && !feedbackGiven.has(key)) {
      feedbackGiven.add(key);
      out.feedback.add({
        id: `afb_${suffix}`,
        articleId,
        userId: customer.userId,
        requestId: id,
        helpful: isHelpful,
        createdAt: addMs(at, 2 * MINUTE),
      });
    }
  });
  return { id, number: k, status, resolvedAt, resolutionNote };
}
