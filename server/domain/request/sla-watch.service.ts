import "server-only";
import { sql } from "kysely";
import type { Database, SqlExecutor } from "../../db/client";
import { notify } from "../notification/notify.service";
import { slaActionFor, SLA_WARN_SHARE } from "../routing/sla";
import { AWAITING_PERSON_STATUSES } from "./request-status";

const BATCH = 500;

/**
 * Requests still owed a first response by a person whose warning time or due time has come:
 * waiting for a person, no breach flagged yet, and no agent reply since the SLA clock started.
 */
function findCandidates(db: SqlExecutor, now: Date) {
  return db.$kysely
    .selectFrom("ServiceRequest as r")
    .crossJoinLateral((eb) =>
      sql<{
        started: Date;
      }>`(SELECT ${eb.fn("greatest", ["r.createdAt", eb.fn.coalesce("r.escalatedAt", "r.createdAt"), eb.fn.coalesce("r.reopenedAt", "r.createdAt")])} AS started)`.as(
        "s",
      ),
    )
    .select([
      "r.id",
      "r.number",
      "r.status",
      "r.subject",
      "r.priority",
      "r.slaDueAt",
      "r.slaWarnedAt",
      "r.assignedToId",
      "s.started as startedAt",
    ])
    .where("r.slaBreached", "=", false)
    .where("r.slaDueAt", "is not", null)
    .where("r.status", "in", [...AWAITING_PERSON_STATUSES])
    .where((eb) => eb.or([eb("r.firstResponseAt", "is", null), eb("r.firstResponseAt", "<", eb.ref("s.started"))]))
    .where((eb) =>
      eb.or([
        eb("r.slaDueAt", "<=", now),
        eb.and([
          eb("r.slaWarnedAt", "is", null),
          eb(
            sql<Date>`${eb.ref("r.slaDueAt")} - greatest(interval '5 minutes', (${eb.ref("r.slaDueAt")} - ${eb.ref("s.started")}) * ${SLA_WARN_SHARE}::float8)`,
            "<=",
            now,
          ),
        ]),
      ]),
    )
    .orderBy("r.slaDueAt")
    .limit(BATCH)
    .$narrowType<{ slaDueAt: Date }>()
    .execute();
}

/**
 * The `sla:watch` job: raises the priority of requests near their due time, flags breaches and
 * tells the assigned agent (or, for requests nobody holds, every agent: the queue).
 */
export async function watchSla(db: Database, now = new Date()): Promise<{ warned: number; breached: number }> {
  const candidates = await findCandidates(db, now);
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
