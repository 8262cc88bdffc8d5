import "server-only";
import { enqueueJob } from "../job-queue/enqueue.service";
import type { SqlExecutor } from "../../db/client";

/**
 * Queues a rescore of one customer after an event that moves their value: a payment, a new line,
 * an overdue bill. One pending job per customer (the job key), however many events arrive before
 * it runs. Pass the transaction client so the job exists only if the event is committed.
 */
export function queueValueRecompute(db: SqlExecutor, customerId: string): Promise<void> {
  return enqueueJob(db, "value:recompute", { customerId }, { jobKey: `value:recompute:${customerId}` });
}
