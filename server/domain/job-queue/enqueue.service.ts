import "server-only";
import { sql } from "kysely";
import type { SqlExecutor } from "../../db/client";
import type { JobName, JobPayloads } from "./job-names";

/**
 * Adds a job to the PostgreSQL queue (graphile-worker). Pass the transaction client to enqueue
 * atomically with the change that caused it. A `jobKey` makes repeated enqueues one job.
 *
 * The domain's port to background work: the domain owns the job names, their payloads
 * (job-names.ts) and this write into the queue's table; server/jobs (the runner and the task
 * handlers) imports the domain to do the work, never the other way round.
 */
export async function enqueueJob<Name extends JobName>(
  db: SqlExecutor,
  name: Name,
  payload: JobPayloads[Name],
  options: { runAt?: Date; jobKey?: string; maxAttempts?: number } = {},
): Promise<void> {
  await sql`
    SELECT graphile_worker.add_job(
      ${name}::text,
      ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      job_key => ${options.jobKey ?? null}::text,
      max_attempts => ${options.maxAttempts ?? 10}::int
    )`.execute(db.$kysely);
}

/** Jobs that used up their attempts and will not run again: the supervisor's home shows them. */
export async function countFailedJobs(db: SqlExecutor): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM graphile_worker.jobs
     WHERE attempts >= max_attempts AND locked_at IS NULL`.execute(db.$kysely);
  return rows[0]?.count ?? 0;
}
