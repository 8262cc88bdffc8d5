import type { RequestStatus } from "@prisma/client";
import type { Database } from "../../db/client";
import { notify } from "../notification/notify";
import { slaActionFor, SLA_WARN_SHARE } from "../routing/sla";
import { AWAITING_PERSON_STATUSES } from "./request-status";

type Candidate = {
  id: string;
  number: number;
  status: RequestStatus;
  subject: string;
  priority: number;
  slaDueAt: Date;
  slaWarnedAt: Date | null;
  assignedToId: string | null;
  startedAt: Date;
};

const BATCH = 500;

/**
 * Requests still owed a first response by a person whose warning time or due time has come:
 * waiting for a person, no breach flagged yet, and no agent reply since the SLA clock started.
 */
const CANDIDATES_SQL = `
SELECT r."id", r."number", r."status", r."subject", r."priority", r."slaDueAt", r."slaWarnedAt", r."assignedToId", s.started AS "startedAt"
  FROM "ServiceRequest" r
  CROSS JOIN LATERAL (SELECT greatest(r."createdAt", coalesce(r."escalatedAt", r."createdAt"), coalesce(r."reopenedAt", r."createdAt")) AS started) s
 WHERE r."slaBreached" = false AND r."slaDueAt" IS NOT NULL
   AND r."status"::text = ANY($1::text[])
   AND (r."firstResponseAt" IS NULL OR r."firstResponseAt" < s.started)
   AND (r."slaDueAt" <= $2::timestamp
        OR (r."slaWarnedAt" IS NULL
            AND r."slaDueAt" - greatest(interval '5 minutes', (r."slaDueAt" - s.started) * $3::float8) <= $2::timestamp))
 ORDER BY r."slaDueAt"
 LIMIT $4`;

/**
 * The `sla:watch` job: raises the priority of requests near their due time, flags breaches and
 * tells the assigned agent (or, for requests nobody holds, every agent: the queue).
 */
export async function watchSla(db: Database, now = new Date()): Promise<{ warned: number; breached: number }> {
  const candidates = await db.$queryRawUnsafe<Candidate[]>(
    CANDIDATES_SQL,
    [...AWAITING_PERSON_STATUSES],
    now,
    SLA_WARN_SHARE,
    BATCH,
  );
  let warned = 0;
  let breached = 0;
  const queueAlerts = { warned: [] as number[], breached: [] as number[] };
  for (const request of candidates) {
    const action = slaActionFor(request, now);
    if (action.kind === "NONE") continue;
    const isBreach = action.kind === "BREACH";
    await db.$transaction(async (tx) => {
      // Conditional on what was read, so a concurrent watch or an agent's reply is not overwritten.
      const updated = await tx.serviceRequest.updateMany({
        where: {
          id: request.id,
          status: request.status,
          slaBreached: false,
          slaWarnedAt: request.slaWarnedAt,
          slaDueAt: request.slaDueAt,
        },
        data: isBreach
          ? { slaBreached: true, priority: action.priority, slaWarnedAt: request.slaWarnedAt ?? now }
          : { priority: action.priority, slaWarnedAt: now },
      });
      if (updated.count === 0) return;
      await tx.requestEvent.create({
        data: {
          requestId: request.id,
          status: request.status,
          actorId: null,
          note: isBreach
            ? `SLA breached: priority ${action.priority}`
            : `SLA due soon: priority raised to ${action.priority}`,
          at: now,
        },
      });
      if (isBreach) breached++;
      else warned++;
      if (request.assignedToId) {
        await notify(tx, request.assignedToId, {
          kind: "SLA_BREACH",
          title: isBreach ? `Request #${request.number}: SLA breached` : `Request #${request.number}: SLA due soon`,
          body: request.subject.slice(0, 200),
          url: `/agent/requests/${request.id}`,
        });
      } else {
        queueAlerts[isBreach ? "breached" : "warned"].push(request.number);
      }
    });
  }
  await alertQueue(db, queueAlerts);
  return { warned, breached };
}

/** One notification per agent and run for the queue's unassigned requests, not one per request. */
async function alertQueue(db: Database, alerts: { warned: number[]; breached: number[] }) {
  if (!alerts.warned.length && !alerts.breached.length) return;
  const agents = await db.user.findMany({ where: { role: "AGENT", lockedAt: null }, select: { id: true } });
  const list = (numbers: number[]) =>
    numbers
      .slice(0, 10)
      .map((n) => `#${n}`)
      .join(", ") + (numbers.length > 10 ? "…" : "");
  for (const agent of agents) {
    if (alerts.breached.length) {
      await notify(db, agent.id, {
        kind: "SLA_BREACH",
        title: `${alerts.breached.length} request(s) in the queue breached their SLA`,
        body: list(alerts.breached),
        url: "/agent",
      });
    }
    if (alerts.warned.length) {
      await notify(db, agent.id, {
        kind: "SLA_BREACH",
        title: `${alerts.warned.length} request(s) in the queue are due soon`,
        body: list(alerts.warned),
        url: "/agent",
      });
    }
  }
}
