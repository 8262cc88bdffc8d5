import { runOnce } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { cleanUpAuthRecords } from "../../server/auth/cleanup";
import { enqueueJob } from "../../server/domain/job-queue/enqueue.service";
import { taskList } from "../../server/jobs/tasks";
import { testDatabaseUrl, testDb } from "./helpers/db";

const DAY = 24 * 60 * 60 * 1000;

describe("auth cleanup job", () => {
  it("drops long-ended sessions and idle throttle rows, and keeps live ones", async () => {
    const db = testDb();
    const user = await db.user.findUniqueOrThrow({ where: { email: "admin@selfcare.test" } });
    const now = new Date("2026-11-26T03:00:00Z");
    const live = await db.authSession.create({ data: { userId: user.id, expiresAt: new Date(now.getTime() + DAY) } });
    const expired = await db.authSession.create({
      data: { userId: user.id, expiresAt: new Date(now.getTime() - 2 * DAY) },
    });
    await db.loginThrottle.create({
      data: { key: "id:old@example.com", failures: 3, updatedAt: new Date(now.getTime() - 8 * DAY) },
    });
    await db.loginThrottle.create({
      data: { key: "id:locked@example.com", lockedUntil: new Date(now.getTime() + DAY) },
    });

    await cleanUpAuthRecords(db, now);

    expect(await db.authSession.findUnique({ where: { id: live.id } })).not.toBeNull();
    expect(await db.authSession.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.loginThrottle.findUnique({ where: { key: "id:old@example.com" } })).toBeNull();
    expect(await db.loginThrottle.findUnique({ where: { key: "id:locked@example.com" } })).not.toBeNull();
  });

  it("runs from the PostgreSQL queue, and a job key makes a repeated enqueue one job", async () => {
    const db = testDb();
    await enqueueJob(db, "auth:cleanup", {}, { jobKey: "cleanup-once" });
    await enqueueJob(db, "auth:cleanup", {}, { jobKey: "cleanup-once" });
    const queued = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM graphile_worker.jobs WHERE task_identifier = 'auth:cleanup'`;
    expect(Number(queued[0]?.count)).toBe(1);

    process.env.DATABASE_URL = testDatabaseUrl();
    await runOnce({ connectionString: testDatabaseUrl(), taskList });
    const left = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM graphile_worker.jobs`;
    expect(Number(left[0]?.count)).toBe(0);
  });
});
