import type { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";

type Executor = Pick<Database, "$executeRaw"> | Prisma.TransactionClient;

/**
 * Queues the `push:send` job for a new notification, in the caller's transaction, and only when
 * its user has a device subscribed: one statement, so a bill run for thousands of customers
 * without push adds no jobs. The job key makes a repeated call one job.
 */
export async function enqueuePushFor(db: Executor, notification: { id: string; userId: string }): Promise<void> {
  const payload = JSON.stringify({ notificationId: notification.id });
  await db.$executeRaw`
    SELECT graphile_worker.add_job('push:send', ${payload}::json, job_key => ${`push:${notification.id}`}::text, max_attempts => 3)
    WHERE EXISTS (SELECT 1 FROM "PushSubscription" WHERE "userId" = ${notification.userId})`;
}
