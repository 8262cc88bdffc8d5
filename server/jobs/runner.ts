import "server-only";
import { EventEmitter } from "node:events";
import {
  Logger,
  run,
  runMigrations,
  type LogFunctionFactory,
  type Runner,
  type TaskList,
  type WorkerEvents,
  type WorkerPool,
} from "graphile-worker";
import { log } from "../log";
import { crontab, taskList } from "./tasks";

const LEVELS = { error: "error", warning: "warn", info: "info", debug: "debug" } as const;

/** graphile-worker's own lines (jobs started, completed, failed) through the server's logger. */
const toPino: LogFunctionFactory = (scope) => {
  const logger = log.child({
    module: "jobs",
    workerId: scope.workerId,
    task: scope.taskIdentifier,
    jobId: scope.jobId,
  });
  return (level, message, meta) => {
    // The job row (its payload) is not repeated on every line: the job id says which.
    const { job: _job, ...fields } = meta ?? {};
    logger[LEVELS[level as keyof typeof LEVELS] ?? "info"](fields, message);
  };
};

export const workerLogger = new Logger(toPino);

/** Creates or upgrades the queue's own schema (`graphile_worker`). */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: workerLogger });
}

/** The `alert` field of the log line a job that failed for good writes: what log-based alerting matches. */
export const JOB_FAILED_ALERT = "job-failed-permanently";

/**
 * A job that has used up its attempts is not tried again: its work (a bill batch, an SMS, a
 * tariff change) will not happen unless someone acts. It is logged at error level with
 * `alert: "job-failed-permanently"` for the log pipeline's alerting, and the supervisor's home
 * counts such jobs (countFailedJobs). Retries along the way stay warnings.
 */
export function alertOnFailedJobs(events: WorkerEvents): WorkerEvents {
  events.on("job:failed", ({ job, error }) => {
    if (job.attempts < job.max_attempts) return;
    log.error(
      {
        alert: JOB_FAILED_ALERT,
        task: job.task_identifier,
        jobId: job.id,
        attempts: job.attempts,
        err: error instanceof Error ? error : new Error(String(error)),
      },
      `job ${job.task_identifier} failed for good after ${job.attempts} attempts`,
    );
  });
  return events;
}

/**
 * graphile-worker records a finished job without waiting for it unless completions are batched;
 * batched, its stop flushes them. Without this a job that finished during a deploy's stop stayed
 * locked by the stopped process (for four hours) and ran again.
 */
export const RUNNER_PRESET = { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } };

/** Each runner's worker pool: the stop's deadline fails its running jobs back to the queue through it. */
const poolOf = new WeakMap<Runner, WorkerPool>();

/**
 * Runs the background workers in this process until `stop()`. Tests pass their own `taskList`
 * (and an empty `crontab`) to run jobs of their own through the same runner.
 */
export async function startJobRunner(
  connectionString: string,
  options: { concurrency?: number; pollInterval?: number; taskList?: TaskList; crontab?: string } = {},
): Promise<Runner> {
  const events = alertOnFailedJobs(new EventEmitter() as WorkerEvents);
  let pool: WorkerPool | undefined;
  events.on("pool:create", ({ workerPool }) => (pool = workerPool));
  const runner = await run({
    connectionString,
    concurrency: options.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: options.pollInterval ?? 2000,
    taskList: options.taskList ?? taskList,
    crontab: options.crontab ?? crontab,
    logger: workerLogger,
    events,
    preset: RUNNER_PRESET,
  });
  if (pool) poolOf.set(runner, pool);
  return runner;
}

/**
 * Stops the runner at a deploy: no new jobs are taken, the running ones may finish for up to
 * `deadlineMs`, and those still running then are failed back to the queue (graphile-worker's
 * forceful stop), so another process runs them again. Resolves how it ended.
 */
export async function stopJobRunner(runner: Runner, deadlineMs: number): Promise<"finished" | "released"> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"released">((resolve) => {
    timer = setTimeout(() => resolve("released"), deadlineMs);
  });
  try {
    const stopped = runner.stop();
    const outcome = await Promise.race([stopped.then(() => "finished" as const), deadline]);
    if (outcome === "released") {
      // runner.kill() does nothing once a graceful stop has begun: go to the pool itself.
      const pool = poolOf.get(runner);
      if (pool) await pool.forcefulShutdown("the stop's deadline passed");
      else await runner.kill("the stop's deadline passed");
      await stopped;
    }
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}
