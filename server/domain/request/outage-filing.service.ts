import "server-only";
import { randomBytes } from "node:crypto";
import type { Channel } from "@prisma/client";
import type { Database } from "../../db/client";
import { log } from "../../log";
import { refundUse, refusalOf } from "../abuse/abuse-limits.service";
import { getActivePolicyFromPool } from "../routing/policy.service";
import { OUTAGE_CATEGORIES, routeContact } from "../routing/route-contact";
import { createdRequestView, type CreatedRequestView } from "./request-read.service";
import type { CreateRequestInput } from "./request.schema";
import { insertOutageRequests, readFilingFacts } from "./outage-filing-query.service";

export type Requester = { userId: string; customerId: string; channel: Channel; locale: "ru" | "en" };

/**
 * When a cell site goes down, its subscribers file "no service" by the hundred within seconds
 * (issue 17). Filed one by one, each request costs some 15 statements and ~27 ms of this process's
 * CPU, so the 200th waits seconds (docs/benchmarks.md, `npm run bench:outage`). Filings that
 * join a known outage are therefore collected for a few milliseconds and written together, in
 * two statements for the lot (outage-filing-query.service.ts): one reads every filing's facts, the
 * other counts the rate limit and writes the requests, their events and the interactions.
 *
 * Anything the batch does not settle cleanly (no active incident on the line, a replayed or
 * duplicated idempotency key, a second filing of one customer in the batch, a line that is not
 * the customer's, routing that does not answer OUTAGE_KNOWN, a failed batch) goes back to the
 * usual path, which gives each its usual answer.
 */
const WINDOW_MS = 5;
/** Filings per batch: a bigger burst is split into batches written at once, which the database runs in parallel. */
const MAX_BATCH = 100;

type Filing = {
  requester: Requester;
  input: CreateRequestInput;
  now: Date;
  settle: (view: CreatedRequestView | null) => void;
  fail: (error: unknown) => void;
};

type Batch = { filings: Filing[]; timer: NodeJS.Timeout };

const openBatches = new WeakMap<Database, Batch>();

/** Whether a new request may be about an outage: the categories routing answers with a known incident. */
export function isOutageFiling(input: CreateRequestInput): boolean {
  return OUTAGE_CATEGORIES.includes(input.category) && !input.billId && input.disputedAmountCents == null;
}

/**
 * Files the request into the active incident covering the subscriber's line, with the other
 * filings arriving within a few milliseconds. Answers null when the batch did not file it: the
 * caller then takes the usual path.
 */
export function fileIntoKnownOutage(
  db: Database,
  requester: Requester,
  input: CreateRequestInput,
  now: Date,
): Promise<CreatedRequestView | null> {
  return new Promise((settle, fail) => {
    let batch = openBatches.get(db);
    if (!batch) {
      const opened: Batch = { filings: [], timer: setTimeout(() => closeBatch(db, opened), WINDOW_MS) };
      openBatches.set(db, (batch = opened));
    }
    batch.filings.push({ requester, input, now, settle, fail });
    if (batch.filings.length >= MAX_BATCH) closeBatch(db, batch);
  });
}

function closeBatch(db: Database, batch: Batch) {
  clearTimeout(batch.timer);
  if (openBatches.get(db) === batch) openBatches.delete(db);
  void fileBatch(db, batch.filings).catch((error: unknown) => {
    // Every filing still waiting goes the usual way, which reports its own error if it has one.
    log.warn({ err: error, filings: batch.filings.length }, "outage filing batch failed; filing one by one");
    for (const filing of batch.filings) filing.settle(null);
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

async function fileBatch(db: Database, filings: Filing[]): Promise<void> {
  // One filing per customer and per user in a batch: a second one is a repeat contact of the
  // first (or the same key again), which the usual path judges once the first is stored.
  const customers = new Set<string>();
  const users = new Set<string>();
  const later: Filing[] = [];
  const batched = filings.filter((filing) => {
    const { customerId, userId } = filing.requester;
    if (customers.has(customerId) || users.has(userId)) {
      later.push(filing);
      return false;
    }
    customers.add(customerId);
    users.add(userId);
    return true;
  });
  try {
    if (batched.length) await fileOnePerCustomer(db, batched);
  } finally {
    for (const filing of later) filing.settle(null);
  }
}

async function fileOnePerCustomer(db: Database, batched: Filing[]): Promise<void> {
  const [policy, facts] = await Promise.all([
    getActivePolicyFromPool(db),
    readFilingFacts(
      db,
      batched.map(({ requester, input, now }) => ({
        userId: requester.userId,
        customerId: requester.customerId,
        idempotencyKey: input.idempotencyKey,
        lineId: input.lineId ?? null,
        category: input.category,
        now,
      })),
    ),
  ]);
  const routed = batched.flatMap((filing, index) => {
    const fact = facts[index]!;
    if (fact.existingId || !fact.isLineOwned || !fact.incidentId) {
      filing.settle(null);
      return [];
    }
    const repeatSince = filing.now.getTime() - policy.config.repeatContactDays * DAY_MS;
    const routing = routeContact(
      {
        category: filing.input.category,
        segment: fact.segment,
        hasPersonalManager: fact.hasPersonalManager,
        disputedAmountCents: null,
        isRepeatContact: fact.lastSameCategoryAt !== null && fact.lastSameCategoryAt.getTime() >= repeatSince,
        askedForPerson: false,
        hasKnownOutage: true,
        now: filing.now,
      },
      policy.config,
    );
    if (routing.decision !== "SELF_SERVICE" || routing.slaDueAt || !routing.reasonCodes.includes("OUTAGE_KNOWN")) {
      filing.settle(null);
      return [];
    }
    return [{ filing, routing, incidentId: fact.incidentId, segment: fact.segment }];
  });
  if (!routed.length) return;

  const now = new Date();
  const stored = await insertOutageRequests(
    db,
    routed.map(({ filing, routing, segment, incidentId }) => ({
      id: newId("req"),
      customerId: filing.requester.customerId,
      lineId: filing.input.lineId ?? null,
      category: filing.input.category,
      subject: filing.input.subject,
      description: filing.input.description,
      channel: filing.requester.channel,
      priority: routing.priority,
      routingReasons: routing.reasons,
      routingReasonCodes: routing.reasonCodes,
      segmentAtCreation: segment,
      policyVersion: policy.version,
      incidentId,
      createdById: filing.requester.userId,
      idempotencyKey: filing.input.idempotencyKey,
      createdAt: filing.now,
    })),
    now,
  );
  const storedBy = new Map(stored.map((row) => [row.createdById, row]));
  for (const { filing, routing, incidentId } of routed) {
    const { counted, request } = storedBy.get(filing.requester.userId)!;
    const refusal = refusalOf("requestCreate", counted, now);
    if (refusal) {
      filing.fail(refusal);
    } else if (!request) {
      // A racing duplicate of the same key won: the usual path answers with it, as a replay, which costs nothing.
      await refundUse(db, "requestCreate", filing.requester.userId);
      filing.settle(null);
    } else {
      filing.settle(
        createdRequestView(
          {
            id: request.id,
            number: request.number,
            category: filing.input.category,
            status: "SELF_SERVICE",
            decision: routing.decision,
            priority: routing.priority,
            slaDueAt: null,
            routingReasonCodes: routing.reasonCodes,
            incidentId,
          },
          filing.requester.locale,
          { suggestedArticles: [], actions: [] },
        ),
      );
    }
  }
}
