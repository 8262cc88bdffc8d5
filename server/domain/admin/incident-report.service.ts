import "server-only";
import type { Database } from "../../db/client";
import type { ReportRange } from "./admin.schema";
import { rate } from "./report-math";

/**
 * The network incidents of the report's range (issue 17): incidents that were ongoing at some time
 * in it, the contacts they caused (requests attached to one, and subscribers who chose to be
 * notified instead of filing), the share of those answered without a person (the deflections at
 * intake, and attached requests the repair resolved and nobody reopened), and the outage credits
 * issued in the range with their total.
 */
export async function getIncidentReport(db: Database, range: ReportRange) {
  const [incidents, attached, answeredByRepair, deflectedAtIntake, credits] = await Promise.all([
    db.incident.count({
      where: { startedAt: { lt: range.to }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: range.from } }] },
    }),
    db.serviceRequest.count({
      where: { incidentId: { not: null }, createdAt: { gte: range.from, lt: range.to } },
    }),
    db.serviceRequest.count({
      where: {
        incidentId: { not: null },
        createdAt: { gte: range.from, lt: range.to },
        deflected: true,
        status: { in: ["RESOLVED", "CLOSED"] },
      },
    }),
    db.interaction.count({ where: { type: "INCIDENT_DEFLECTED", at: { gte: range.from, lt: range.to } } }),
    db.outageCredit.aggregate({
      where: { createdAt: { gte: range.from, lt: range.to } },
      _count: true,
      _sum: { amountCents: true },
    }),
  ]);
  const contacts = attached + deflectedAtIntake;
  const deflected = answeredByRepair + deflectedAtIntake;
  return {
    incidents,
    contacts,
    attachedRequests: attached,
    deflectedAtIntake,
    deflected,
    /** Share 0..1 of the contacts incidents caused that no person had to answer; null without any. */
    deflectedShare: rate(deflected, contacts),
    credits: { lines: credits._count, totalCents: credits._sum.amountCents ?? 0 },
  };
}
