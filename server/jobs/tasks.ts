import "server-only";
import type { JobHelpers, Task, TaskList } from "graphile-worker";
import { cleanUpAuthRecords } from "../auth/cleanup";
import { getDb } from "../db/client";
import { reconcilePayments } from "../domain/payment/reconcile.service";
import { chargeBillByAutopay } from "../domain/payment/autopay.service";
import { releaseExpiredReservations } from "../domain/partner/number-pool.service";
import { renewDueAddons } from "../domain/addon/addon-renewal.service";
import { billCustomers, markOverdueBills, planBillRun } from "../domain/billing/bill-run.service";
import { applyDueTariffChanges, applyScheduledChange } from "../domain/tariff/tariff-change.service";
import { sendNotificationPush } from "../domain/push/send-push.service";
import { closeFinishedRequests } from "../domain/request/auto-close.service";
import { watchSla } from "../domain/request/sla-watch.service";
import { deliverSms } from "../domain/sms/sms.service";
import { sendProvisioningCommand } from "../domain/provisioning/provisioning.service";
import { resumeDueSuspensions } from "../domain/line/line-controls.service";
import { checkSpendOfLines, resetSpendCycles } from "../domain/spend/spend-check.service";
import { recomputeAllValueScores, recomputeCustomerValue } from "../domain/value/value.service";
import { enqueueJob } from "../domain/job-queue/enqueue.service";
import { notifyIncidentUpdate } from "../domain/incident/incident-notify.service";
import { issueOutageCredits } from "../domain/incident/outage-credit.service";
import type { JobName, JobPayloads } from "../domain/job-queue/job-names";
import { log, runWithLogBindings } from "../log";

const tasks: Record<JobName, Task> = {
  "auth:cleanup": async (_payload) => {
    const removed = await cleanUpAuthRecords(getDb());
    log.info(`auth cleanup: ${removed.sessions} sessions, ${removed.throttles} throttle rows`);
  },
  "value:recompute": async (payload) => {
    const { customerId } = (payload ?? {}) as JobPayloads["value:recompute"];
    if (customerId) {
      const value = await recomputeCustomerValue(getDb(), customerId);
      log.info(`value ${customerId}: ${value.score} ${value.segment}`);
    } else {
      const result = await recomputeAllValueScores(getDb());
      log.info(`value scores: ${result.customers} customers ${JSON.stringify(result.bySegment)}`);
    }
  },
  "sla:watch": async (_payload) => {
    const result = await watchSla(getDb());
    if (result.warned || result.breached) log.info(`sla watch: ${result.warned} due soon, ${result.breached} breached`);
  },
  "request:close-finished": async (_payload) => {
    const closed = await closeFinishedRequests(getDb());
    if (closed) log.info(`requests closed: ${closed}`);
  },
  "numbers:release-expired": async (_payload) => {
    const released = await releaseExpiredReservations(getDb());
    if (released > 0) log.info(`number pool: ${released} lapsed reservations released`);
  },
  "autopay:charge": async (payload) => {
    const { billId, attempt } = payload as JobPayloads["autopay:charge"];
    const outcome = await chargeBillByAutopay(getDb(), { billId, attempt });
    log.info(`autopay ${billId} attempt ${attempt}: ${outcome}`);
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
  "billing:batch": async (payload) => {
    const { periodStart, customerIds } = payload as JobPayloads["billing:batch"];
    const result = await billCustomers(getDb(), { periodStart: new Date(periodStart), customerIds });
    log.info(`bill run ${periodStart.slice(0, 10)}: ${result.billed} billed, ${result.skipped} skipped`);
  },
  "billing:mark-overdue": async (_payload) => {
    log.info(`overdue bills: ${await markOverdueBills(getDb())}`);
  },
  "payments:reconcile": async (_payload) => {
    const report = await reconcilePayments(getDb());
    if (report.checked) log.info(report, "payments reconciled");
  },
  "tariff:apply-change": async (payload) => {
    await applyScheduledChange(getDb(), (payload as JobPayloads["tariff:apply-change"]).changeId);
  },
  "tariff:apply-due": async (_payload) => {
    log.info(`scheduled tariff changes sent to the network: ${await applyDueTariffChanges(getDb())}`);
  },
  "addons:renew-due": async (_payload) => {
    const result = await renewDueAddons(getDb());
    if (result.renewed || result.expired || result.refused)
      log.info(`add-ons: ${result.renewed} renewed, ${result.expired} expired, ${result.refused} refused by the cap`);
  },
  "sms:send": async (payload) => {
    await deliverSms(getDb(), (payload as JobPayloads["sms:send"]).messageId);
  },
  "provisioning:send": async (payload) => {
    const { commandId } = payload as JobPayloads["provisioning:send"];
    const outcome = await sendProvisioningCommand(getDb(), commandId);
    log.info(`provisioning ${commandId}: ${outcome}`);
  },
  "line:resume-due": async (_payload) => {
    const resumed = await resumeDueSuspensions(getDb());
    if (resumed) log.info(`suspensions ended: ${resumed} lines resumed`);
  },
  "push:send": async (payload) => {
    const report = await sendNotificationPush(getDb(), payload as JobPayloads["push:send"], {
      log: (line) => log.info(line),
    });
    log.info(
      `push: ${report.delivered} delivered, ${report.removed} removed, ${report.retrying} to retry, ${report.dropped} dropped`,
    );
  },
  "spend:check": async (payload) => {
    const { lineIds } = payload as JobPayloads["spend:check"];
    log.info(`spend check: ${await checkSpendOfLines(getDb(), lineIds)} capped lines of ${lineIds.length}`);
  },
  "spend:cycle-reset": async (_payload) => {
    const checked = await resetSpendCycles(getDb());
    if (checked) log.info(`spend limits: ${checked} barred lines checked at their new cycle`);
  },
  "incident:notify": async (payload) => {
    const { incidentId, updateId } = payload as JobPayloads["incident:notify"];
    const result = await notifyIncidentUpdate(getDb(), incidentId, updateId);
    log.info(`incident ${incidentId}: ${result.notified} notified, ${result.texted} texted`);
  },
  "incident:credits": async (payload) => {
    const { incidentId } = payload as JobPayloads["incident:credits"];
    const result = await issueOutageCredits(getDb(), incidentId);
    log.info(`incident ${incidentId}: ${result.credited} lines credited, ${result.totalCents} kopecks`);
  },
};

/** Every line a job logs, down to the domain and the database, carries the job's id and task. */
function inJobScope(task: Task): Task {
  return (payload, helpers: JobHelpers) =>
    runWithLogBindings({ jobId: helpers.job.id, task: helpers.job.task_identifier }, () => task(payload, helpers));
}

export const taskList = Object.fromEntries(
  Object.entries(tasks).map(([name, task]) => [name, inJobScope(task)]),
) as Record<JobName, Task> & TaskList;

/** Recurring jobs (graphile-worker crontab syntax, UTC). */
export const crontab = [
  "0 3 * * * auth:cleanup ?max=3",
  // Nightly, after the bill run and the overdue marking, so scores see the night's bills.
  "30 1 * * * value:recompute ?max=3",
  "* * * * * sla:watch ?max=1",
  "20 * * * * request:close-finished ?max=2",
  "* * * * * numbers:release-expired ?max=1",
  "* * * * * payments:reconcile ?max=1",
  "*/5 * * * * addons:renew-due ?max=1",
  "*/10 * * * * line:resume-due ?max=2",
  // Scheduled tariff changes first, so the cycle that starts today runs on the new tariff.
  "1 0 * * * tariff:apply-due ?max=3",
  "5 0 * * * billing:run ?fill=2d&max=3",
  "15 0 * * * billing:mark-overdue ?max=3",
  // Hourly: a cycle turns at midnight UTC of the customer's billing day.
  "7 * * * * spend:cycle-reset ?max=2",
].join("\n");
