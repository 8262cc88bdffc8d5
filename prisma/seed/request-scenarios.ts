import { DEFAULT_ROUTING_POLICY, type Category } from "../../server/domain/routing/policy.schema";
import { billIdFor } from "./bills";
import type { CustomerSummary } from "./history";
import type { Rng } from "./random";
import { addMonths, addMs, DAY, type SeedClock } from "./time";

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
export type RequestChannel = "WEB" | "PWA" | "PHONE" | "EMAIL";

export type RequestScenario = {
  customer: CustomerSummary;
  category: Category;
  channel: RequestChannel;
  createdAt: Date;
  /** Work stopped in this status (an open request); without it the lifecycle runs to CLOSED. */
  stopAt?: RequestStatus;
  /** For self-service requests: the customer says the article helped, or asks for a person. */
  selfServiceOutcome?: "DEFLECT" | "ESCALATE";
  /** Compresses all delays, so a forced status is reached soon after creation. */
  isFast?: boolean;
  csat?: number;
  /** Billing questions and disputes point at the bill they are about. */
  billId?: string | null;
  disputedAmountCents?: number | null;
  /** Same customer and category within the policy's window; computed unless given. */
  isRepeatContact?: boolean;
};

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
const CHANNEL_WEIGHTS: [RequestChannel, number][] = [
  ["WEB", 42],
  ["PWA", 33],
  ["PHONE", 20],
  ["EMAIL", 5],
];
/** Where work on a recent request stands; undefined runs the whole lifecycle. */
const OPEN_STOPS: [RequestStatus | undefined, number][] = [
  ["QUEUED", 20],
  ["ASSIGNED", 12],
  ["IN_PROGRESS", 18],
  ["WAITING_CUSTOMER", 12],
  ["REOPENED", 4],
  ["SELF_SERVICE", 10],
  [undefined, 24],
];
/** Age in days of the request forced into each status. */
const FORCED_AGE_DAYS: Record<RequestStatus, number> = {
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

/**
 * Random past requests over the last eight months. The first nine are forced through each
 * status so that even a small seed has every status; the demo customers (indexes 1..3) are never
 * picked, so they have nothing in the last ten days.
 */
export function planRandomRequests(
  count: number,
  customers: readonly CustomerSummary[],
  rng: Rng,
  clock: SeedClock,
): RequestScenario[] {
  const pool = customers.filter((customer) => customer.index > 3);
  if (!pool.length) return [];
  const bronze = pool.find((customer) => customer.segment === "BRONZE") ?? pool[0]!;
  const unmanaged = pool.filter((customer) => !customer.managerId);
  const regulars = unmanaged.length ? unmanaged : pool;
  const scenarios: RequestScenario[] = REQUEST_STATUSES.map((status) => ({
    customer: status === "SELF_SERVICE" ? bronze : rng.pick(regulars),
    category:
      status === "SELF_SERVICE"
        ? "BILLING_QUESTION"
        : status === "NEW"
          ? "OTHER"
          : rng.pick(["COMPLAINT", "NO_SERVICE", "CANCEL_CONTRACT"] as const),
    channel: status === "NEW" ? "EMAIL" : "WEB",
    createdAt: addMs(clock.asOf, -FORCED_AGE_DAYS[status] * DAY),
    stopAt: status === "CLOSED" ? undefined : status,
    isFast: status !== "CLOSED",
    isRepeatContact: false,
  }));
  while (scenarios.length < count) {
    const customer = rng.pick(pool);
    const isRecent = rng.chance(0.22);
    const stopAt = isRecent ? rng.weighted(OPEN_STOPS) : undefined;
    // Work in progress is hours old (waiting in the queue or just claimed: minutes to hours);
    // finished recent ones spread over ten days.
    const spreadDays = stopAt === "ASSIGNED" ? 0.1 : stopAt === "QUEUED" ? 0.4 : stopAt ? 2.5 : 10;
    const recentAge = spreadDays * Math.pow(rng.next(), stopAt ? 2 : 1.5) + 0.01;
    const ageDays = isRecent ? recentAge : rng.float(10, 240);
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const createdAt = addMs(clock.asOf, -ageDays * DAY);
    if (createdAt.getTime() < customer.createdAt.getTime() + DAY) continue;
    scenarios.push({ customer, category, channel, createdAt, stopAt });
  }
  return scenarios;
}

/** The latest bill issued before `at`, if the customer had one then. */
function billBefore(customer: CustomerSummary, at: Date, clock: SeedClock): { id: string; totalCents: number } | null {
  const monthsAgo =
    (clock.monthStart.getUTCFullYear() - at.getUTCFullYear()) * 12 +
    clock.monthStart.getUTCMonth() -
    at.getUTCMonth() +
    1;
  const totalCents = monthsAgo >= 1 && monthsAgo <= 12 ? (customer.billTotals[monthsAgo] ?? 0) : 0;
  if (!totalCents) return null;
  return { id: billIdFor(customer.index, addMonths(clock.monthStart, -monthsAgo)), totalCents };
}

/**
 * Puts the scenarios in the order they happened (that order gives request numbers) and adds
 * what depends on it: the bill a billing contact is about, and whether it repeats a contact on
 * the same topic within the policy's window.
 */
export function orderScenarios(scenarios: RequestScenario[], rng: Rng, clock: SeedClock): RequestScenario[] {
  const ordered = [...scenarios].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.customer.index - b.customer.index,
  );
  const windowMs = DEFAULT_ROUTING_POLICY.repeatContactDays * DAY;
  const lastContact = new Map<string, number>();
  for (const scenario of ordered) {
    const key = `${scenario.customer.id}:${scenario.category}`;
    const previous = lastContact.get(key);
    scenario.isRepeatContact ??= previous !== undefined && scenario.createdAt.getTime() - previous <= windowMs;
    lastContact.set(key, scenario.createdAt.getTime());

    const share = rng.float(0.15, 0.9);
    if (scenario.category !== "BILLING_QUESTION" && scenario.category !== "BILL_DISPUTE") continue;
    const bill = billBefore(scenario.customer, scenario.createdAt, clock);
    scenario.billId ??= bill?.id ?? null;
    if (scenario.category === "BILL_DISPUTE" && bill)
      scenario.disputedAmountCents ??= Math.max(100, Math.min(bill.totalCents, Math.round(bill.totalCents * share)));
  }
  return ordered;
}
