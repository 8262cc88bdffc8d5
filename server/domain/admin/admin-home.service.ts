import "server-only";
import type { Database } from "../../db/client";
import { getActivePolicy } from "../routing/policy.service";
import { countPending } from "./approvals.service";
import { getReportOverview } from "./reports.service";
import { throttledIdentifierWhere } from "../identity/login-throttle.service";
import { countFailedJobs } from "../job-queue/enqueue.service";

const DAY_MS = 24 * 60 * 60 * 1000;
export const HOME_DAYS = 30;

/**
 * The supervisor's home: the headline numbers of the last 30 days against the 30 before, and what
 * waits for them (approvals, locked-out sign-ins, background work that failed for good, payments
 * the provider never confirmed), with the policy in force.
 */
export async function getAdminHome(db: Database, now = new Date()) {
  const current = { from: new Date(now.getTime() - HOME_DAYS * DAY_MS), to: now };
  const previous = { from: new Date(now.getTime() - 2 * HOME_DAYS * DAY_MS), to: current.from };
  const [last, before, pendingApprovals, throttledLogins, policy, failedJobs, paymentsToReview] = await Promise.all([
    getReportOverview(db, current, now),
    getReportOverview(db, previous, now),
    countPending(db),
    db.loginThrottle.count({ where: throttledIdentifierWhere(now) }),
    getActivePolicy(db),
    countFailedJobs(db),
    db.payment.count({ where: { needsReviewAt: { not: null }, status: { in: ["PENDING", "UNKNOWN"] } } }),
  ]);
  const policyRow = policy.version
    ? await db.routingPolicy.findUnique({ where: { version: policy.version }, select: { createdAt: true, note: true } })
    : null;
  return {
    days: HOME_DAYS,
    current: last,
    previous: before,
    pendingApprovals,
    throttledLogins,
    failedJobs,
    paymentsToReview,
    policy: { version: policy.version, savedAt: policyRow?.createdAt ?? null, note: policyRow?.note ?? null },
  };
}
