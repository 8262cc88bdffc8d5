import { Writable } from "node:stream";
import { EventEmitter } from "node:events";
import { runOnce, type JobHelpers, type WorkerEvents } from "graphile-worker";
import { describe, expect, it, vi } from "vitest";
import { createCallerFactory, createTRPCRouter, publicProcedure } from "../../server/api/trpc";
import { kyselyOf } from "../../server/db/client";
import { alertOnFailedJobs, JOB_FAILED_ALERT, workerLogger } from "../../server/jobs/runner";
import { taskList } from "../../server/jobs/tasks";
import { log } from "../../server/log";
import { DEMO, callerAs } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";

// The server's one logger, writing into this test instead of stdout, with its real options.
const written = vi.hoisted(() => [] as string[]);
vi.mock("../../server/log", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../server/log")>();
  const destination = new Writable({
    write(chunk, _encoding, done) {
      written.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { ...actual, log: actual.createLogger({ destination }) };
});

type LogLine = {
  msg?: string;
  err?: Record<string, unknown>;
  requestId?: string;
  jobId?: string;
  [key: string]: unknown;
};

function linesSince(start: number) {
  return written.slice(start).map((line) => JSON.parse(line) as LogLine);
}

async function someCustomer() {
  return testDb().customer.findFirstOrThrow({ where: { lastName: { not: "" } } });
}

/** A bill whose total is not subtotal plus tax: the CHECK constraint refuses it, quoting the row. */
function invalidBill(customerId: string) {
  return {
    number: "ROW-DATA-7Q4Z",
    customerId,
    periodStart: new Date(Date.UTC(2031, 0, 1)),
    periodEnd: new Date(Date.UTC(2031, 0, 31)),
    issuedAt: new Date(Date.UTC(2031, 1, 1)),
    dueAt: new Date(Date.UTC(2031, 1, 15)),
    subtotalCents: 1000,
    taxCents: 200,
    totalCents: 1100,
  };
}

describe("PostgreSQL's row data in the logs", () => {
  it("a procedure failing on a CHECK constraint is logged with its path, code and request id, without the row", async () => {
    const customer = await someCustomer();
    const probe = createTRPCRouter({
      createBill: publicProcedure.mutation(({ ctx }) => ctx.db.bill.create({ data: invalidBill(customer.id) })),
    });
    const caller = createCallerFactory(probe)({
      db: testDb(),
      session: null,
      ip: "127.0.0.1",
      channel: "WEB",
      requestId: "it-check-1",
    });
    const start = written.length;

    await expect(caller.createBill()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });

    const raw = written.slice(start).join("\n");
    expect(raw).not.toContain("ROW-DATA-7Q4Z");
    expect(raw).not.toContain(customer.id);
    expect(raw).not.toContain("Failing row contains (");
    const [line] = linesSince(start).filter((entry) => entry.msg === "unexpected error in a procedure");
    expect(line).toMatchObject({
      level: 50,
      requestId: "it-check-1",
      path: "createBill",
      type: "mutation",
      code: "INTERNAL_SERVER_ERROR",
      err: {
        type: "DriverAdapterError",
        message: expect.stringContaining("Bill_total_is_subtotal_plus_tax"),
        cause: { code: "23514", kind: "postgres" },
      },
    });
  });

  it("raw statements' errors (Prisma's P2010 and pg's own) are logged without the row", async () => {
    const customer = await someCustomer();
    const bill = await testDb().bill.findFirstOrThrow({ where: { customerId: customer.id } });
    const viaPrisma = await testDb().$executeRaw`UPDATE "Bill" SET "totalCents" = 1 WHERE "id" = ${bill.id}`.catch(
      (error: unknown) => error,
    );
    const viaPool = await kyselyOf(testDb())
      .updateTable("Customer")
      .set({ accountNumber: null as unknown as string })
      .where("id", "=", customer.id)
      .execute()
      .catch((error: unknown) => error);
    // What the database answered does quote the rows: the bill's number, the customer's name.
    expect(JSON.stringify((viaPrisma as { meta?: unknown }).meta)).toContain(`Failing row contains (${bill.id}`);
    expect((viaPool as { detail?: string }).detail).toContain(customer.lastName);

    const start = written.length;
    log.error({ err: viaPrisma }, "raw update failed");
    log.error(viaPool as Error, "pool update failed");

    const raw = written.slice(start).join("\n");
    expect(raw).not.toContain(bill.number);
    expect(raw).not.toContain(customer.lastName);
    expect(raw).not.toContain(customer.accountNumber);
    expect(raw).not.toContain("Failing row contains (");
    const [prismaLine, poolLine] = linesSince(start);
    expect(prismaLine!.err).toMatchObject({
      code: "P2010",
      meta: { driverAdapterError: { cause: { code: "23514" } } },
    });
    expect(poolLine!.err).toMatchObject({ code: "23502", table: "Customer", column: "accountNumber" });
  });
});

describe("background jobs in the logs", () => {
  it("every line a job writes carries its job id and task", async () => {
    const start = written.length;
    const helpers = { job: { id: "job-77", task_identifier: "auth:cleanup" } } as unknown as JobHelpers;
    await taskList["auth:cleanup"]({}, helpers);
    const lines = linesSince(start);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatchObject({
      jobId: "job-77",
      task: "auth:cleanup",
      msg: expect.stringContaining("auth cleanup"),
    });
    expect(lines.every((line) => line.jobId === "job-77" && line.requestId === undefined)).toBe(true);
  });
});

describe("a job that fails for good", () => {
  it("raises an alert line once its last attempt fails, not on the retries before, and the supervisor's home counts it", async () => {
    const supervisor = await callerAs(DEMO.admin);
    expect((await supervisor.admin.home()).failedJobs).toBe(0);
    await testDb().$executeRaw`SELECT graphile_worker.add_job('test:always-fails', '{}'::json, max_attempts => 2)`;
    const failing = {
      "test:always-fails": () => {
        throw new Error("the provider is down");
      },
    };
    const run = () =>
      runOnce({
        connectionString: testDatabaseUrl(),
        taskList: failing,
        events: alertOnFailedJobs(new EventEmitter() as WorkerEvents),
        logger: workerLogger,
      });
    const alerts = () => linesSince(start).filter((line) => line.alert === JOB_FAILED_ALERT);
    const start = written.length;

    await run();
    expect(alerts()).toEqual([]);
    expect((await supervisor.admin.home()).failedJobs).toBe(0);

    // The retry waits (exponential backoff): bring it forward and let it fail for the last time.
    await testDb().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE attempts > 0`;
    await run();
    expect(alerts()).toEqual([
      expect.objectContaining({
        level: 50,
        task: "test:always-fails",
        attempts: 2,
        err: expect.objectContaining({ message: "the provider is down" }),
      }),
    ]);
    expect((await supervisor.admin.home()).failedJobs).toBe(1);
  });
});
