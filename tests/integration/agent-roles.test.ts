import { describe, expect, it } from "vitest";
import { appRouter } from "../../server/api/root";
import { adminProcedure, createCallerFactory, createTRPCRouter } from "../../server/api/trpc";
import { callerAs, DEMO, sessionFor } from "./helpers/callers";
import { testDb } from "./helpers/db";

type AnyCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

/** Every `agent.*` procedure that exists, so one added later is covered without editing this test. */
const AGENT_PROCEDURES = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("agent."))
  .map((path) => path.slice("agent.".length));
const ADMIN_PROCEDURES = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("admin."));

async function call(identifier: string | null, procedure: string, input: unknown) {
  const caller = (await callerAs(identifier)) as unknown as AnyCaller;
  return caller.agent![procedure]!(input);
}

describe("agent.* role walls", () => {
  it("has the procedures of the public contract", () => {
    expect(AGENT_PROCEDURES).toEqual(
      expect.arrayContaining(["queue", "claim", "customer360", "reply", "resolve", "changeTariff", "adjustBill"]),
    );
  });

  // Valid-looking input, so only the role can be what refuses the call.
  const input = {
    requestId: "req_000001",
    customerId: "cus_000001",
    lineId: "lin_000001_1",
    billId: "x",
    query: "Соколов",
  };

  it.each(AGENT_PROCEDURES)(
    "agent.%s is FORBIDDEN for subscribers and dealers, UNAUTHORIZED without a session",
    async (procedure) => {
      await expect(call(DEMO.platinum, procedure, input)).toHaveTRPCCode("FORBIDDEN");
      await expect(call(DEMO.bronze, procedure, input)).toHaveTRPCCode("FORBIDDEN");
      await expect(call(DEMO.dealer1, procedure, input)).toHaveTRPCCode("FORBIDDEN");
      await expect(call(null, procedure, input)).toHaveTRPCCode("UNAUTHORIZED");
    },
  );

  it("lets agents and supervisors in", async () => {
    await expect(call(DEMO.agent1, "queue", {})).resolves.toHaveProperty("items");
    await expect(call(DEMO.admin, "queue", {})).resolves.toHaveProperty("items");
  });

  it("keeps agents out of admin procedures", async () => {
    // The supervisor wall itself, and every admin.* procedure the app has.
    const probe = createTRPCRouter({ ping: adminProcedure.query(() => "pong") });
    const session = await sessionFor(DEMO.agent1);
    const probeCaller = createCallerFactory(probe)({ db: testDb(), session, ip: "127.0.0.1", channel: "WEB" });
    await expect(probeCaller.ping()).toHaveTRPCCode("FORBIDDEN");
    const adminProbe = createCallerFactory(probe)({
      db: testDb(),
      session: await sessionFor(DEMO.admin),
      ip: "127.0.0.1",
      channel: "WEB",
    });
    expect(await adminProbe.ping()).toBe("pong");

    const caller = (await callerAs(DEMO.agent1)) as unknown as Record<string, unknown>;
    for (const path of ADMIN_PROCEDURES) {
      const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        input: unknown,
      ) => Promise<unknown>;
      await expect(fn({}), path).toHaveTRPCCode("FORBIDDEN");
    }
  });
});
