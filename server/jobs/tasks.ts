import type { Task, TaskList } from "graphile-worker";
import { cleanUpAuthRecords } from "../auth/cleanup";
import { getDb } from "../db/client";
import type { JobName } from "./job-names";

export const taskList: Record<JobName, Task> & TaskList = {
  "auth:cleanup": async (_payload, helpers) => {
    const removed = await cleanUpAuthRecords(getDb());
    helpers.logger.info(`auth cleanup: ${removed.sessions} sessions, ${removed.throttles} throttle rows`);
  },
};

/** Recurring jobs (graphile-worker crontab syntax, UTC). */
export const crontab = ["0 3 * * * auth:cleanup ?max=3"].join("\n");
