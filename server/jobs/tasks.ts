import type { Task, TaskList } from "graphile-worker";
import { cleanUpAuthRecords } from "../auth/cleanup";
import { getDb } from "../db/client";
import { releaseExpiredReservations } from "../domain/partner/number-pool.service";
import { billCustomers, markOverdueBills, planBillRun } from "../domain/billing/bill-run.service";
import { applyDueTariffChanges, applyScheduledChange } from "../domain/tariff/tariff-change.service";
import { sendNotificationPush } from "../domain/push/send-push.service";
import { closeFinishedRequests } from "../domain/request/auto-close.service";
import { watchSla } from "../domain/request/sla-watch.service";
import { recomputeAllValueScores, recomputeCustomerValue } from "../domain/value/value.service";
import { enqueueJob } from "../domain/job-queue/enqueue";
import type { JobName, JobPayloads } from "../domain/job-queue/job-names";

export const taskList: Record<JobName, Task> & TaskList = {
  "auth:cleanup": async (_payload, helpers) => {
    const removed = await cleanUpAuthRecords(getDb());
    helpers.logger.info(`auth cleanup: ${removed.sessions} sessions, ${removed.throttles} throttle rows`);
  },
  "value:recompute": async (payload, helpers) => {
    const { customerId } = (payload ?? {}) as JobPayloads["value:recompute"];
    if (customerId) {
      const value = await recomputeCustomerValue(getDb(), customerId);
      helpers.logger.info(`value ${customerId}: ${value.score} ${value.segment}`);
    } else {
      const result = await recomputeAllValueScores(getDb());
      helpers.logger.info(`value scores: ${result.customers} customers ${JSON.stringify(result.bySegment)}`);
    }
  },
  "sla:watch": async (_payload, helpers) => {
    const result = await watchSla(getDb());
    if (result.warned || result.breached)
      helpers.logger.info(`sla watch: ${result.warned} due soon, ${result.breached} breached`);
  },
  "request:close-finished": async (_payload, helpers) => {
    const closed = await closeFinishedRequests(getDb());
    if (closed) helpers.logger.info(`requests closed: ${closed}`);
  },
  "numbers:release-expired": async (_payload, helpers) => {
    const released = await releaseExpiredReservations(getDb());
    if (released > 0) helpers.logger.info(`number pool: ${released} lapsed reservations released`);
  },
  "billing:run": async (payload) => {
    const { at } = payload as JobPayloads["billing:run"];
    const db = getDb();
    // Fan out: each slice is its own job, so a failure retries that slice only and workers share the run.
    for (const slice of await planBillRun(db, at ? new Date(at) : new Date())) {
      const periodStart = slice.periodStart.toISOString();
      await enqueueJob(
        db,
        "billing:batch",
        { periodStart, customerIds: slice.customerIds },
        { jobKey: `billing:${periodStart.slice(0, 10)}:${slice.customerIds[0]}` },
      );
    }
  },
  "billing:batch": async (payload, helpers) => {
    const { periodStart, customerIds } = payload as JobPayloads["billing:batch"];
    const result = await billCustomers(getDb(), { periodStart: new Date(periodStart), customerIds });
    helpers.logger.info(`bill run ${periodStart.slice(0, 10)}: ${result.billed} billed, ${result.skipped} skipped`);
  },
  "billing:mark-overdue": async (_payload, helpers) => {
    helpers.logger.info(`overdue bills: ${await markOverdueBills(getDb())}`);
  },
  "tariff:apply-change": async (payload) => {
    await applyScheduledChange(getDb(), (payload as JobPayloads["tariff:apply-change"]).changeId);
  },
  "tariff:apply-due": async (_payload, helpers) => {
    helpers.logger.info(`scheduled tariff changes applied: ${await applyDueTariffChanges(getDb())}`);
  },
  "push:send": async (payload, helpers) => {
    const report = await sendNotificationPush(getDb(), payload as JobPayloads["push:send"], {
      log: (line) => helpers.logger.info(line),
    });
    helpers.logger.info(
      `push: ${report.delivered} delivered, ${report.removed} removed, ${report.retrying} to retry, ${report.dropped} dropped`,
    );
  },
};

/** Recurring jobs (graphile-worker crontab syntax, UTC). */
export const crontab = [
  "0 3 * * * auth:cleanup ?max=3",
  // Nightly, after the bill run and the overdue marking, so scores see the night's bills.
  "30 1 * * * value:recompute ?max=3",
  "* * * * * sla:watch ?max=1",
  "20 * * * * request:close-finished ?max=2",
  "* * * * * numbers:release-expired ?max=1",
  // Scheduled tariff changes first, so the cycle that starts today runs on the new tariff.
  "1 0 * * * tariff:apply-due ?max=3",
  "5 0 * * * billing:run ?fill=2d&max=3",
  "15 0 * * * billing:mark-overdue ?max=3",
].join("\n");
