import { describe, expect, it } from "vitest";
import { startJobRunner, stopJobRunner } from "../../server/jobs/runner";
import { testDatabaseUrl, testDb } from "./helpers/db";

type JobRow = { attempts: number; locked_at: Date | null; last_error: string | null };

async function jobRow(task: string): Promise<JobRow | undefined> {
  const rows = await testDb().$queryRaw<JobRow[]>`
    SELECT attempts, locked_at, last_error FROM graphile_worker.jobs WHERE task_identifier = ${task}`;
  return rows[0];
}

/** The job runner's part of a deploy's stop (scripts/start.ts): finish what is quick, hand back what is not. */
describe("stopping the job runner", () => {
  it("lets a running job finish within the deadline", async () => {
    let finished = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    await testDb().$executeRaw`SELECT graphile_worker.add_job('test:quick', '{}'::json)`;
    const runner = await startJobRunner(testDatabaseUrl(), {
      concurrency: 1,
      pollInterval: 100,
      crontab: "",
      taskList: {
        "test:quick": async () => {
          started();
          await new Promise((resolve) => setTimeout(resolve, 300));
          finished = true;
        },
      },
    });
    await running;

    expect(await stopJobRunner(runner, 5_000)).toBe("finished");
    expect(finished).toBe(true);
    expect(await jobRow("test:quick")).toBeUndefined();
  });

  it("hands a job still running at the deadline back to the queue, to run again elsewhere", async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    await testDb().$executeRaw`SELECT graphile_worker.add_job('test:slow', '{}'::json)`;
    const runner = await startJobRunner(testDatabaseUrl(), {
      concurrency: 1,
      pollInterval: 100,
      crontab: "",
      taskList: {
        "test:slow": async () => {
          started();
          await new Promise((resolve) => setTimeout(resolve, 60_000));
        },
      },
    });
    await running;

    const stopping = Date.now();
    expect(await stopJobRunner(runner, 500)).toBe("released");
    expect(Date.now() - stopping).toBeLessThan(10_000);
    const job = await jobRow("test:slow");
    expect(job).toMatchObject({ attempts: 1, locked_at: null });
    expect(job!.last_error).toBeTruthy();
  });
});
