import "server-only";
import { Logger, run, runMigrations, type LogFunctionFactory, type Runner } from "graphile-worker";
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

/** Runs the background workers in this process until `stop()`. */
export function startJobRunner(connectionString: string, options: { concurrency?: number } = {}): Promise<Runner> {
  return run({
    connectionString,
    concurrency: options.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 2000,
    taskList,
    crontab,
    logger: workerLogger,
  });
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
    const outcome = await Promise.race([runner.stop().then(() => "finished" as const), deadline]);
    if (outcome === "released") await runner.kill("the stop's deadline passed");
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}
