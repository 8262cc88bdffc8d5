import { DEFAULT_ROUTING_POLICY, type Category } from "../../server/domain/routing/policy.schema";
import { RowBuffer } from "./bulk-insert";
import type { CustomerSummary } from "./history";
import type { Rng } from "./random";
import { CUSTOMER_THANKS, REOPEN_MESSAGES, REQUEST_TEXTS } from "./request-texts";
import { AGENT_IDS } from "./staff";
import { ARTICLE_FEEDBACK, ARTICLE_VIEW, INTERACTION, REQUEST_EVENT, REQUEST_MESSAGE, SERVICE_REQUEST } from "./tables";
import { addMs, DAY, MINUTE, type SeedClock } from "./time";
import type { SegmentName } from "./value-estimate";

export type RequestStatus =
  | "NEW"
  | "SELF_SERVICE"
  | "QUEUED"
  | "ASSIGNED"
  | "IN_PROGRESS"
  | "WAITING_CUSTOMER"
  | "RESOLVED"
  | "CLOSED"
  | "REOPENED";
export const REQUEST_STATUSES: readonly RequestStatus[] = [
  "NEW",
  "SELF_SERVICE",
  "QUEUED",
  "ASSIGNED",
  "IN_PROGRESS",
  "WAITING_CUSTOMER",
  "RESOLVED",
  "CLOSED",
  "REOPENED",
];

type Channel = "WEB" | "PWA" | "PHONE" | "EMAIL";
type Decision = "SELF_SERVICE" | "AGENT_QUEUE" | "PERSONAL_MANAGER";

export type RequestScenario = {
  customer: CustomerSummary;
  category: Category;
  channel: Channel;
  createdAt: Date;
  /** Work stopped in this status (an open request); without it the lifecycle runs to CLOSED. */
  stopAt?: RequestStatus;
  /** For self-service requests: the customer says the article helped, or asks for a person. */
  selfServiceOutcome?: "DEFLECT" | "ESCALATE";
  /** Compresses all delays, so a forced status is reached soon after creation. */
  isFast?: boolean;
  csat?: number;
};

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

const SEVERITY: Record<Category, number> = {
  NO_SERVICE: 1,
  CANCEL_CONTRACT: 2,
  COMPLAINT: 2,
  BILL_DISPUTE: 2,
  TECHNICAL_FAULT: 2,
  NUMBER_PORTING: 3,
  SIM_REPLACEMENT: 3,
  BILLING_QUESTION: 3,
  ROAMING: 3,
  TARIFF_CHANGE: 4,
  OTHER: 4,
};
const ALWAYS_ESCALATED: Partial<Record<Category, string>> = {
  NO_SERVICE: "no service / outage",
  CANCEL_CONTRACT: "contract cancellation (retention)",
  COMPLAINT: "complaint",
};
const LINE_CATEGORIES = new Set<Category>(["TECHNICAL_FAULT", "NO_SERVICE", "ROAMING", "SIM_REPLACEMENT", "NUMBER_PORTING", "TARIFF_CHANGE"]);

/** The routing the app would have recorded, following the default policy. */
export function routeRequest(segment: SegmentName, category: Category, channel: Channel, managerId: string | null) {
  const policy = DEFAULT_ROUTING_POLICY;
  const reasons: string[] = [];
  const base = SEVERITY[category];
  const priority = Math.min(4, Math.max(1, segment === "PLATINUM" ? base - 1 : segment === "GOLD" && base >= 3 ? base - 1 : base));
  let decision: Decision;
  const escalation = ALWAYS_ESCALATED[category];
  if (channel === "PHONE") reasons.push("Created by an agent during a phone call");
  if (escalation) reasons.push(`Always escalated: ${escalation}`);
  if (segment === "PLATINUM" && managerId) {
    decision = "PERSONAL_MANAGER";
    reasons.push("Top segment PLATINUM: routed to the personal manager");
  } else if (!escalation && channel !== "PHONE" && policy.selfServiceCategories[segment].includes(category)) {
    decision = "SELF_SERVICE";
    reasons.push(`Segment ${segment}: ${category} is a self-service category`, "Knowledge articles offered");
  } else {
    decision = "AGENT_QUEUE";
    if (!escalation) reasons.push(`Segment ${segment}: ${category} goes to the agent queue`);
  }
  const slaMinutes = policy.slaMinutes[segment][priority as 1 | 2 | 3 | 4];
  if (decision !== "SELF_SERVICE") reasons.push(`Priority ${priority} from category severity and segment`, `SLA ${slaMinutes} min for ${segment} P${priority}`);
  return { decision, priority, slaMinutes, reasons };
}

type Event = { status: RequestStatus; at: Date; actorId: string | null; note: string | null };
type Message = { at: Date; authorId: string | null; kind: "CUSTOMER" | "AGENT" | "SYSTEM"; body: string; internal: boolean };

/** Writes one request with its messages, events, interactions and article activity. */
export function writeRequest(
  k: number,
  scenario: RequestScenario,
  rng: Rng,
  clock: SeedClock,
  articles: ArticleIndex,
  feedbackGiven: Set<string>,
  out: RequestBuffers,
): { id: string; status: RequestStatus; resolvedAt: Date | null } {
  const { customer, category, channel, createdAt } = scenario;
  const id = `req_${String(k).padStart(6, "0")}`;
  const texts = REQUEST_TEXTS[category];
  const homeLine = customer.lines.find((line) => line.kind === "HOME_INTERNET");
  const mobileLine = customer.lines.find((line) => line.kind === "MOBILE");
  const candidates = texts.requests.filter((text) => homeLine || !/домашн/i.test(text.subject + text.description));
  const text = rng.pick(candidates.length ? candidates : texts.requests);
  const lineId = !LINE_CATEGORIES.has(category) ? null : /домашн/i.test(text.subject + text.description) && homeLine ? homeLine.id : (mobileLine?.id ?? null);
  const speed = scenario.isFast ? 0.08 : 1;
  const later = (from: Date, minMinutes: number, maxMinutes: number) => addMs(from, rng.float(minMinutes, maxMinutes) * MINUTE * speed);

  const agentId = customer.managerId ?? rng.pick(AGENT_IDS);
  const phoneAgentId = rng.pick(AGENT_IDS);
  const createdById = channel === "PHONE" ? phoneAgentId : customer.userId;
  const routing = routeRequest(customer.segment, category, channel, customer.managerId);
  const isBreached = rng.chance(0.12);
  const hasInternalNote = rng.chance(0.45);
  const waitsForCustomer = scenario.stopAt === "WAITING_CUSTOMER" || rng.chance(0.3);
  const reopens = scenario.stopAt === "REOPENED" || rng.chance(0.06);
  const randomRating = rng.chance(0.6) ? rng.weighted([[5, 50], [4, 25], [3, 12], [2, 7], [1, 6]] as const) : null;
  const rating = scenario.csat ?? randomRating;
  const resolution = rng.pick(texts.resolutions);
  const selfServiceOutcome = scenario.selfServiceOutcome ?? (rng.chance(0.65) ? "DEFLECT" : "ESCALATE");

  const events: Event[] = [];
  const messages: Message[] = [];
  const viewedArticles: string[] = [];
  const state: { slaDueAt: Date | null; escalatedAt: Date | null; isDeflected: boolean } = {
    slaDueAt: routing.decision === "SELF_SERVICE" ? null : addMs(createdAt, routing.slaMinutes * MINUTE),
    escalatedAt: null,
    isDeflected: false,
  };
  const stopped = (status: RequestStatus) => scenario.stopAt === status;

  // The timeline as it would unfold; afterwards it is cut at the seed's "now".
  const build = (): void => {
    events.push({ status: "NEW", at: createdAt, actorId: createdById, note: null });
    if (channel === "PHONE") messages.push({ at: addMs(createdAt, 30_000), authorId: phoneAgentId, kind: "AGENT", body: `Обращение по телефону: ${text.description}`, internal: true });
    if (stopped("NEW")) return;
    let queuedAt = addMs(createdAt, 2_000);
    if (routing.decision === "SELF_SERVICE") {
      events.push({ status: "SELF_SERVICE", at: queuedAt, actorId: null, note: "Offered knowledge articles" });
      messages.push({ at: queuedAt, authorId: null, kind: "SYSTEM", body: "Мы подобрали статьи, которые могут помочь. Если вопрос не решится, нажмите «Нужна помощь специалиста».", internal: false });
      const pool = articles.byCategory.get(category) ?? [];
      const firstArticle = pool.length ? rng.pick(pool) : null;
      if (firstArticle) viewedArticles.push(firstArticle);
      if (pool.length > 1 && rng.chance(0.4)) viewedArticles.push(rng.pick(pool.filter((a) => a !== firstArticle)));
      if (stopped("SELF_SERVICE")) return;
      if (selfServiceOutcome === "DEFLECT") {
        const solvedAt = later(createdAt, 4, 90);
        state.isDeflected = true;
        events.push({ status: "RESOLVED", at: solvedAt, actorId: customer.userId, note: "Customer: the article solved it" });
        events.push({ status: "CLOSED", at: addMs(solvedAt, 7 * DAY), actorId: null, note: "Closed automatically 7 days after resolution" });
        return;
      }
      const escalatedAt = later(createdAt, 5, 180);
      state.escalatedAt = escalatedAt;
      queuedAt = escalatedAt;
      state.slaDueAt = addMs(escalatedAt, routing.slaMinutes * MINUTE);
      messages.push({ at: escalatedAt, authorId: customer.userId, kind: "CUSTOMER", body: "Статьи не помогли, нужна помощь специалиста.", internal: false });
      events.push({ status: "QUEUED", at: escalatedAt, actorId: customer.userId, note: "Escalated by the customer" });
    } else if (routing.decision === "AGENT_QUEUE") {
      events.push({ status: "QUEUED", at: queuedAt, actorId: null, note: "Routed to the agent queue" });
    }
    if (stopped("QUEUED") && routing.decision !== "PERSONAL_MANAGER") return;

    const sla = routing.slaMinutes;
    const claimedAt = routing.decision === "PERSONAL_MANAGER" ? queuedAt : later(queuedAt, sla * (isBreached ? 1.1 : 0.05), sla * (isBreached ? 2.5 : 0.8));
    events.push({ status: "ASSIGNED", at: claimedAt, actorId: routing.decision === "PERSONAL_MANAGER" ? null : agentId, note: routing.decision === "PERSONAL_MANAGER" ? "Assigned to the personal manager" : "Claimed" });
    if (stopped("ASSIGNED") || (stopped("QUEUED") && routing.decision === "PERSONAL_MANAGER")) return;
    if (hasInternalNote) messages.push({ at: later(claimedAt, 0.5, 10), authorId: agentId, kind: "AGENT", body: rng.pick(texts.internalNotes), internal: true });
    const respondedAt = later(claimedAt, 1, routing.decision === "PERSONAL_MANAGER" ? Math.min(sla * 0.9, 25) : 25);
    events.push({ status: "IN_PROGRESS", at: respondedAt, actorId: agentId, note: null });
    messages.push({ at: addMs(respondedAt, 1_000), authorId: agentId, kind: "AGENT", body: rng.pick(texts.replies), internal: false });
    if (stopped("IN_PROGRESS")) return;
    let cursor = respondedAt;
    if (waitsForCustomer) {
      const askedAt = later(cursor, 5, 60);
      messages.push({ at: askedAt, authorId: agentId, kind: "AGENT", body: texts.question, internal: false });
      events.push({ status: "WAITING_CUSTOMER", at: askedAt, actorId: agentId, note: null });
      if (stopped("WAITING_CUSTOMER")) return;
      const answeredAt = later(askedAt, 30, 30 * 60);
      messages.push({ at: answeredAt, authorId: customer.userId, kind: "CUSTOMER", body: texts.customerAnswer, internal: false });
      events.push({ status: "IN_PROGRESS", at: answeredAt, actorId: customer.userId, note: "Customer replied" });
      cursor = answeredAt;
    }
    let resolvedAt = later(cursor, 10, category === "NO_SERVICE" || category === "TECHNICAL_FAULT" ? 36 * 60 : 8 * 60);
    messages.push({ at: resolvedAt, authorId: agentId, kind: "AGENT", body: resolution.reply, internal: false });
    events.push({ status: "RESOLVED", at: resolvedAt, actorId: agentId, note: resolution.code });
    if (stopped("RESOLVED")) return;
    if (reopens) {
      const reopenedAt = later(resolvedAt, 120, 3 * 24 * 60);
      messages.push({ at: reopenedAt, authorId: customer.userId, kind: "CUSTOMER", body: rng.pick(REOPEN_MESSAGES), internal: false });
      events.push({ status: "REOPENED", at: reopenedAt, actorId: customer.userId, note: null });
      if (stopped("REOPENED")) return;
      const resumedAt = later(reopenedAt, 10, 240);
      events.push({ status: "IN_PROGRESS", at: resumedAt, actorId: agentId, note: null });
      resolvedAt = later(resumedAt, 60, 24 * 60);
      messages.push({ at: resolvedAt, authorId: agentId, kind: "AGENT", body: resolution.reply, internal: false });
      events.push({ status: "RESOLVED", at: resolvedAt, actorId: agentId, note: resolution.code });
    }
    if (rng.chance(0.3)) messages.push({ at: later(resolvedAt, 5, 600), authorId: customer.userId, kind: "CUSTOMER", body: rng.pick(CUSTOMER_THANKS), internal: false });
    events.push({ status: "CLOSED", at: addMs(resolvedAt, 7 * DAY), actorId: null, note: "Closed automatically 7 days after resolution" });
  };
  build();

  const asOf = clock.asOf.getTime();
  const kept = events.filter((event) => event.at.getTime() < asOf);
  const keptMessages = messages.filter((message) => message.at.getTime() < asOf);
  const last = kept[kept.length - 1] ?? events[0]!;
  const status = last.status;
  const lastOf = (wanted: RequestStatus) => [...kept].reverse().find((event) => event.status === wanted)?.at ?? null;
  const isDone = status === "RESOLVED" || status === "CLOSED";
  const resolvedAt = isDone ? lastOf("RESOLVED") : null;
  const claimedAt = lastOf("ASSIGNED");
  const firstResponseAt = keptMessages.find((message) => message.kind === "AGENT" && !message.internal)?.at ?? null;
  const reopenedAt = lastOf("REOPENED");
  const { slaDueAt, escalatedAt, isDeflected } = state;
  const keptEscalation = escalatedAt && escalatedAt.getTime() < asOf ? escalatedAt : null;
  const slaBreached = slaDueAt !== null && (firstResponseAt ?? clock.asOf).getTime() > slaDueAt.getTime();

  out.requests.add({
    id,
    number: 1_000_000_000 + k,
    customerId: customer.id,
    lineId,
    category,
    subject: text.subject,
    description: text.description,
    status,
    channel,
    decision: routing.decision,
    priority: routing.priority,
    slaDueAt,
    routingReasons: routing.reasons,
    segmentAtCreation: customer.segment,
    policyVersion: 1,
    assignedToId: claimedAt ? agentId : null,
    createdById,
    idempotencyKey: `seed-req-${k}`,
    escalatedAt: keptEscalation,
    firstResponseAt,
    claimedAt,
    resolvedAt,
    closedAt: status === "CLOSED" ? lastOf("CLOSED") : null,
    reopenedAt,
    resolutionCode: isDone ? (isDeflected ? "SELF_SERVICE_SOLVED" : resolution.code) : null,
    resolutionNote: isDone ? (isDeflected ? "Клиент отметил, что статья базы знаний помогла." : resolution.note) : null,
    deflected: isDone && isDeflected,
    slaBreached,
    csat: isDone && !isDeflected ? rating : isDone && rating ? Math.max(4, rating) : null,
    createdAt,
    updatedAt: last.at,
  });
  kept.forEach((event, i) => out.events.add({ id: `rev_${id.slice(4)}_${i + 1}`, requestId: id, ...event }));
  keptMessages
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .forEach((message, i) =>
      out.messages.add({ id: `msg_${id.slice(4)}_${i + 1}`, requestId: id, authorId: message.authorId, authorKind: message.kind, body: message.body, internal: message.internal, createdAt: message.at }),
    );

  out.interactions.add({ id: `int_req_${id.slice(4)}`, customerId: customer.id, channel, type: "REQUEST_CREATED", actorId: createdById, requestId: id, data: { category }, at: createdAt });
  if (channel === "PHONE") {
    out.interactions.add({ id: `int_call_${id.slice(4)}`, customerId: customer.id, channel, type: "CALL", actorId: phoneAgentId, requestId: id, data: { durationSec: rng.int(120, 1200), topic: category }, at: addMs(createdAt, -5 * MINUTE) });
  }
  viewedArticles.forEach((articleId, i) => {
    const at = addMs(createdAt, (i + 1) * rng.float(1, 5) * MINUTE * speed);
    if (at.getTime() >= asOf) return;
    out.views.add({ id: `avw_${id.slice(4)}_${i + 1}`, articleId, customerId: customer.id, requestId: id, at });
    const key = `${articleId}:${customer.userId}`;
    const isHelpful = isDeflected || rng.chance(0.3);
    if (i === 0 && status !== "SELF_SERVICE" && !feedbackGiven.has(key)) {
      feedbackGiven.add(key);
      out.feedback.add({ id: `afb_${id.slice(4)}`, articleId, userId: customer.userId, requestId: id, helpful: isHelpful, createdAt: addMs(at, 2 * MINUTE) });
    }
  });
  return { id, status, resolvedAt };
}

const CATEGORY_WEIGHTS: [Category, number][] = [
  ["BILLING_QUESTION", 20],
  ["BILL_DISPUTE", 7],
  ["TARIFF_CHANGE", 12],
  ["TECHNICAL_FAULT", 14],
  ["NO_SERVICE", 7],
  ["NUMBER_PORTING", 4],
  ["SIM_REPLACEMENT", 6],
  ["ROAMING", 9],
  ["CANCEL_CONTRACT", 4],
  ["COMPLAINT", 6],
  ["OTHER", 7],
];
const CHANNEL_WEIGHTS: [Channel, number][] = [
  ["WEB", 42],
  ["PWA", 33],
  ["PHONE", 20],
  ["EMAIL", 5],
];
const OPEN_STOPS: [RequestStatus | undefined, number][] = [
  ["QUEUED", 20],
  ["ASSIGNED", 12],
  ["IN_PROGRESS", 18],
  ["WAITING_CUSTOMER", 12],
  ["REOPENED", 4],
  ["SELF_SERVICE", 10],
  [undefined, 24],
];

/**
 * Random past requests over the last eight months. The first nine are forced through each
 * status so that even a small seed has every status; the demo customers (indexes 1..3) are
 * never picked, so they have nothing in the last ten days.
 */
export function planRandomRequests(count: number, customers: readonly CustomerSummary[], rng: Rng, clock: SeedClock): RequestScenario[] {
  const pool = customers.filter((customer) => customer.index > 3);
  if (!pool.length) return [];
  const scenarios: RequestScenario[] = [];
  const bronze = pool.find((customer) => customer.segment === "BRONZE") ?? pool[0]!;
  const unmanaged = pool.filter((customer) => !customer.managerId);
  const regulars = unmanaged.length ? unmanaged : pool;
  const forcedAges: Record<RequestStatus, number> = {
    NEW: 0.003,
    SELF_SERVICE: 0.2,
    QUEUED: 0.05,
    ASSIGNED: 1,
    IN_PROGRESS: 0.5,
    WAITING_CUSTOMER: 1,
    RESOLVED: 2,
    CLOSED: 30,
    REOPENED: 3,
  };
  for (const status of REQUEST_STATUSES) {
    const customer = status === "SELF_SERVICE" ? bronze : rng.pick(regulars);
    scenarios.push({
      customer,
      category: status === "SELF_SERVICE" ? "BILLING_QUESTION" : status === "NEW" ? "OTHER" : rng.pick(["COMPLAINT", "NO_SERVICE", "CANCEL_CONTRACT"] as const),
      channel: status === "NEW" ? "EMAIL" : "WEB",
      createdAt: addMs(clock.asOf, -forcedAges[status] * DAY),
      stopAt: status === "CLOSED" ? undefined : status,
      isFast: status !== "CLOSED",
    });
  }
  while (scenarios.length < count) {
    const customer = rng.pick(pool);
    const isRecent = rng.chance(0.22);
    const ageDays = isRecent ? 10 * Math.pow(rng.next(), 1.8) + 0.01 : rng.float(10, 240);
    const stopAt = isRecent ? rng.weighted(OPEN_STOPS) : undefined;
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const createdAt = addMs(clock.asOf, -ageDays * DAY);
    if (createdAt.getTime() < customer.createdAt.getTime() + DAY) continue;
    scenarios.push({ customer, category, channel, createdAt, stopAt });
  }
  return scenarios;
}

