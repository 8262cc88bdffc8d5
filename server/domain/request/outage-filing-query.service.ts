import "server-only";
import type { Channel, RequestCategory, RequestStatus, Segment } from "@prisma/client";
import { sql } from "kysely";
import { kyselyOf, type Database } from "../../db/client";
import { countUses, limitKey, pointsOf } from "../abuse/abuse-limits.service";
import { ROUTED_NOTE } from "./route-request.service";

// The two statements of a batch of outage filings (outage-filing.service.ts). Rows travel as one
// array per column, so each statement is the same whatever the batch's size.

/** Timestamps as UTC wall time (how `timestamp` columns hold them), for arrays pg sends as text. */
const utc = (date: Date) => date.toISOString().replace("Z", "");

type FilingKey = {
  userId: string;
  customerId: string;
  idempotencyKey: string;
  lineId: string | null;
  category: RequestCategory;
  now: Date;
};

type FilingFacts = {
  /** The request already stored under this idempotency key (a replay). */
  existingId: string | null;
  /** No line named, or the line is the customer's. */
  isLineOwned: boolean;
  /** The latest active incident on the line (or on any of the customer's lines when none is named). */
  incidentId: string | null;
  segment: Segment;
  hasPersonalManager: boolean;
  /** The customer's latest request on the same category up to the filing's time (repeat contacts). */
  lastSameCategoryAt: Date | null;
};

/** What routing and the checks need of each filing, read in one statement; in the filings' order. */
export async function readFilingFacts(db: Database, filings: FilingKey[]): Promise<FilingFacts[]> {
  const column = <T>(pick: (filing: FilingKey) => T) => filings.map(pick);
  const { rows } = await sql<FilingFacts & { ord: string }>`
    SELECT f.ord::text AS ord,
      (SELECT sr.id FROM "ServiceRequest" sr
        WHERE sr."createdById" = f.user_id AND sr."idempotencyKey" = f.key) AS "existingId",
      (f.line_id IS NULL OR EXISTS (SELECT 1 FROM "Line" l
        WHERE l.id = f.line_id AND l."customerId" = f.customer_id)) AS "isLineOwned",
      -- By the line when there is one, else through the customer's lines: both ways use an index.
      (CASE WHEN f.line_id IS NULL THEN
        (SELECT il."incidentId" FROM "Line" l
          JOIN "IncidentLine" il ON il."lineId" = l.id JOIN "Incident" i ON i.id = il."incidentId"
          WHERE l."customerId" = f.customer_id AND il."customerId" = f.customer_id AND i.status = 'ACTIVE'
          ORDER BY i."startedAt" DESC LIMIT 1)
      ELSE
        (SELECT il."incidentId" FROM "IncidentLine" il JOIN "Incident" i ON i.id = il."incidentId"
          WHERE il."lineId" = f.line_id AND il."customerId" = f.customer_id AND i.status = 'ACTIVE'
          ORDER BY i."startedAt" DESC LIMIT 1)
      END) AS "incidentId",
      c.segment,
      c."personalManagerId" IS NOT NULL AS "hasPersonalManager",
      (SELECT max(sr."createdAt") FROM "ServiceRequest" sr
        WHERE sr."customerId" = f.customer_id AND sr.category = f.category::"RequestCategory"
          AND sr."createdAt" <= f.at::timestamp) AS "lastSameCategoryAt"
    FROM unnest(
      ${column((filing) => filing.userId)}::text[],
      ${column((filing) => filing.idempotencyKey)}::text[],
      ${column((filing) => filing.customerId)}::text[],
      ${column((filing) => filing.lineId)}::text[],
      ${column((filing) => filing.category)}::text[],
      ${column((filing) => utc(filing.now))}::text[]
    ) WITH ORDINALITY AS f(user_id, key, customer_id, line_id, category, at, ord)
    JOIN "Customer" c ON c.id = f.customer_id`.execute(kyselyOf(db));
  const byOrder = new Map(rows.map((row) => [Number(row.ord) - 1, row]));
  return filings.map((_, index) => {
    const row = byOrder.get(index);
    // The requester's customer is always there; a missing row would be a deleted customer.
    if (!row) throw new Error("outage filing: the requester's customer is gone");
    return row;
  });
}

/** A request joining an outage: self-service, no SLA clock, routed by the active policy. */
type NewOutageRequest = {
  id: string;
  customerId: string;
  lineId: string | null;
  category: RequestCategory;
  subject: string;
  description: string;
  channel: Channel;
  priority: number;
  routingReasons: string[];
  routingReasonCodes: string[];
  segmentAtCreation: Segment;
  policyVersion: number;
  incidentId: string;
  createdById: string;
  idempotencyKey: string;
  createdAt: Date;
};

type StoredFiling = {
  createdById: string;
  /** The use counted on the creator's `requestCreate` budget. */
  counted: { points: number; expire: Date | null };
  /** The request written, or null: over the budget, or its idempotency key already stored (a racing duplicate). */
  request: { id: string; number: number } | null;
};

/**
 * Counts each creator's use of the `requestCreate` budget and writes the requests within it, with
 * what the usual path writes beside each (its NEW and SELF_SERVICE events, the REQUEST_CREATED
 * interaction), in one statement: atomic, and one round trip for the lot. Creators are distinct.
 */
export async function insertOutageRequests(db: Database, requests: NewOutageRequest[], now: Date) {
  const column = <T>(pick: (request: NewOutageRequest) => T) => requests.map(pick);
  const budgetKey = limitKey("requestCreate", "");
  const rows = await kyselyOf(db)
    .with("counted", (k) =>
      countUses(
        k,
        "requestCreate",
        requests.map((request) => request.createdById),
        now,
      ),
    )
    .with("request", (k) =>
      k
        .insertInto("ServiceRequest")
        .columns([
          "id",
          "customerId",
          "lineId",
          "category",
          "subject",
          "description",
          "status",
          "channel",
          "decision",
          "priority",
          "routingReasons",
          "routingReasonCodes",
          "segmentAtCreation",
          "policyVersion",
          "incidentId",
          "createdById",
          "idempotencyKey",
          "createdAt",
          "updatedAt",
        ])
        // Routed on arrival: the usual path's NEW -> SELF_SERVICE in one write, both events kept.
        .expression(
          sql`SELECT f.id, f.customer_id, f.line_id, f.category::"RequestCategory", f.subject, f.description,
              'SELF_SERVICE'::"RequestStatus", f.channel::"Channel", 'SELF_SERVICE'::"RoutingDecision", f.priority,
              f.reasons, ARRAY(SELECT jsonb_array_elements_text(f.codes)), f.segment::"Segment", f.policy_version,
              f.incident_id, f.created_by, f.key, f.at::timestamp, f.at::timestamp
            FROM unnest(
              ${column((r) => r.id)}::text[],
              ${column((r) => r.customerId)}::text[],
              ${column((r) => r.lineId)}::text[],
              ${column((r) => r.category)}::text[],
              ${column((r) => r.subject)}::text[],
              ${column((r) => r.description)}::text[],
              ${column((r) => r.channel)}::text[],
              ${column((r) => r.priority)}::int[],
              ${column((r) => JSON.stringify(r.routingReasons))}::jsonb[],
              ${column((r) => JSON.stringify(r.routingReasonCodes))}::jsonb[],
              ${column((r) => r.segmentAtCreation)}::text[],
              ${column((r) => r.policyVersion)}::int[],
              ${column((r) => r.incidentId)}::text[],
              ${column((r) => r.createdById)}::text[],
              ${column((r) => r.idempotencyKey)}::text[],
              ${column((r) => utc(r.createdAt))}::text[]
            ) AS f(id, customer_id, line_id, category, subject, description, channel, priority, reasons, codes,
              segment, policy_version, incident_id, created_by, key, at)
            JOIN counted ON counted.key = ${budgetKey} || f.created_by
            WHERE counted.points <= ${pointsOf("requestCreate")}`,
        )
        .onConflict((conflict) => conflict.columns(["createdById", "idempotencyKey"]).doNothing())
        .returning([
          "id",
          "number",
          "customerId",
          "createdById",
          "channel",
          "category",
          "decision",
          "priority",
          "routingReasonCodes",
          "incidentId",
          "createdAt",
        ]),
    )
    .with("event", (k) =>
      k
        .insertInto("RequestEvent")
        .columns(["id", "requestId", "status", "actorId", "note", "at"])
        .expression((eb) =>
          // Both at the request's time: the ids keep NEW first (timelines sort by time, then id).
          eb
            .selectFrom("request")
            .select([
              sql<string>`'ev0_' || request.id`.as("id"),
              "request.id as requestId",
              sql<RequestStatus>`'NEW'::"RequestStatus"`.as("status"),
              sql<string | null>`request."createdById"`.as("actorId"),
              sql<string | null>`NULL`.as("note"),
              "request.createdAt as at",
            ])
            .unionAll(
              eb
                .selectFrom("request")
                .select([
                  sql<string>`'ev1_' || request.id`.as("id"),
                  "request.id as requestId",
                  sql<RequestStatus>`'SELF_SERVICE'::"RequestStatus"`.as("status"),
                  sql<string | null>`NULL`.as("actorId"),
                  sql<string | null>`${ROUTED_NOTE.SELF_SERVICE}::text`.as("note"),
                  "request.createdAt as at",
                ]),
            ),
        ),
    )
    .with("interaction", (k) =>
      k
        .insertInto("Interaction")
        .columns(["id", "customerId", "channel", "type", "actorId", "requestId", "data", "at"])
        .expression((eb) =>
          eb.selectFrom("request").select([
            sql<string>`'int_' || request.id`.as("id"),
            "request.customerId",
            "request.channel",
            sql<string>`'REQUEST_CREATED'`.as("type"),
            "request.createdById as actorId",
            "request.id as requestId",
            sql<unknown>`jsonb_build_object(
                'category', request.category, 'decision', request.decision, 'priority', request.priority,
                'reasonCodes', to_jsonb(request."routingReasonCodes"), 'incidentId', request."incidentId")`.as("data"),
            "request.createdAt as at",
          ]),
        ),
    )
    .selectFrom("counted")
    .leftJoin("request", (join) => join.on(sql<boolean>`counted.key = ${budgetKey} || request."createdById"`))
    .select(["counted.key", "counted.points", "counted.expire", "request.id", "request.number"])
    .execute();
  return rows.map((row): StoredFiling => ({
    createdById: row.key.slice(budgetKey.length),
    counted: { points: row.points, expire: row.expire },
    request: row.id != null && row.number != null ? { id: row.id, number: row.number } : null,
  }));
}
