import { run, runMigrations, type Runner } from "graphile-worker";
import { crontab, taskList } from "./tasks";

/** Creates or upgrades the queue's own schema (`graphile_worker`). */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString });
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
  });
}
