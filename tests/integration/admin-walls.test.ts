import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { appRouter } from "../../server/api/root";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";

/** Every procedure under admin.*, read from the router itself so a new one cannot be missed. */
const ADMIN_PROCEDURES = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("admin."));

type Caller = Awaited<ReturnType<typeof callerAs>>;

function call(caller: Caller, path: string): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  // The role is checked before the input, so any input is refused the same way.
  return (target as (input: unknown) => Promise<unknown>)({});
}

describe("only a supervisor reaches admin.*", () => {
  it("knows every admin procedure", () => {
    expect(ADMIN_PROCEDURES.length).toBeGreaterThanOrEqual(30);
    expect(ADMIN_PROCEDURES).toContain("admin.reports.overview");
    expect(ADMIN_PROCEDURES).toContain("admin.sms.list");
    expect(ADMIN_PROCEDURES).toContain("admin.users.resetSecondFactor");
  });

  it("a supervisor who has not set up the second factor gets FORBIDDEN from every admin procedure", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    await admin.admin.users.create({
      role: "ADMIN",
      name: "Новый Супервизор",
      email: "new.supervisor@selfcare.test",
      password: "a-long-password-1",
      locale: "ru",
      idempotencyKey: newIdempotencyKey("walls"),
    });
    const auditBefore = await db.auditLog.count();
    const pending = await callerAs("new.supervisor@selfcare.test");
    for (const path of ADMIN_PROCEDURES) {
      await expect(call(pending, path), path).toHaveTRPCCode("FORBIDDEN");
    }
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it.each([
    ["SUBSCRIBER", DEMO.silver],
    ["PARTNER", DEMO.dealer1],
    ["AGENT", DEMO.agent1],
  ])("%s gets FORBIDDEN from every admin procedure, and nothing is written", async (_role, who) => {
    const db = testDb();
    const auditBefore = await db.auditLog.count();
    const caller = await callerAs(who);
    for (const path of ADMIN_PROCEDURES) {
      await expect(call(caller, path), path).toHaveTRPCCode("FORBIDDEN");
    }
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("anonymous callers get UNAUTHORIZED", async () => {
    const caller = await callerAs(null);
    for (const path of ADMIN_PROCEDURES) {
      await expect(call(caller, path), path).toHaveTRPCCode("UNAUTHORIZED");
    }
  });

  it("the supervisor passes the wall (an empty input is then judged on its merits)", async () => {
    const caller = await callerAs(DEMO.admin);
    for (const path of ADMIN_PROCEDURES) {
      // Either it succeeds, or the input is what it refuses.
      await call(caller, path).catch((error: unknown) =>
        expect(Promise.reject(error), path).toHaveTRPCCode(["BAD_REQUEST", "NOT_FOUND"]),
      );
    }
  });
});
