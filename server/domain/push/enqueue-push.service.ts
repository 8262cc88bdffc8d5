import "server-only";
import { sql } from "kysely";
import type { SqlExecutor } from "../../db/client";

/**
 * Queues the `push:send` job for a new notification, in the caller's transaction, and only when
 * its user has a device subscribed: one statement, so a bill run for thousands of customers
 * without push adds no jobs. The job key makes a repeated call one job.
 */
export async function enqueuePushFor(db: SqlExecutor, notification: { id: string; userId: string }): Promise<void> {
  const payload = JSON.stringify({ notificationId: notification.id });
  await db.$kysely
    .selectNoFrom(
      sql`graphile_worker.add_job('push:send', ${payload}::json, job_key => ${`push:${notification.id}`}::text, max_attempts => 3)`.as(
        "job",
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(selectFrom("PushSubscription").select("id").where("userId", "=", notification.userId)),
    )
    .execute();
}
