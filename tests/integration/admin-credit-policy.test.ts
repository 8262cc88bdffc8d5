import { describe, expect, it } from "vitest";
import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from "../../server/domain/partner/credit-policy.schema";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { freshPassport } from "./helpers/partner";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

function birthDateForAge(age: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y - age, m - 1, d - 10)).toISOString().slice(0, 10);
}

function edited(change: (policy: CreditPolicy) => void, from: CreditPolicy = DEFAULT_CREDIT_POLICY): CreditPolicy {
  const copy = structuredClone(from);
  change(copy);
  return copy;
}

describe("admin.creditPolicy and admin.updateCreditPolicy", () => {
  it("shows the seeded policy; a supervisor's save applies to the next dealer check, is audited before/after, and a replay changes nothing", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const current = await admin.admin.creditPolicy();
    // The seed saves the defaults, so the policy in force is a real row, not a fallback.
    expect(current).toMatchObject({ policy: DEFAULT_CREDIT_POLICY, isSaved: true, defaults: DEFAULT_CREDIT_POLICY });
    expect(current.updatedAt).toBeInstanceOf(Date);

    const stricter = edited((p) => {
      p.rules[3]!.depositPercentOfFee = 100;
      p.rules[3]!.creditLimitCents = 10_000;
    });
    const key = newIdempotencyKey("reg");
    const saved = await admin.admin.updateCreditPolicy({
      policy: stricter,
      baseUpdatedAt: current.updatedAt,
      idempotencyKey: key,
    });
    expect(saved).toMatchObject({ policy: stricter, replayed: false });

    const check = await (
      await callerAs(DEMO.dealer1)
    ).partner.creditCheck({ documentNumber: freshPassport(), birthDate: birthDateForAge(40), tariffId: "trf_smart" });
    expect(check).toMatchObject({ approved: true, creditLimitCents: 10_000 });
    expect(check.depositCents).toBe(check.monthlyFeeCents);

    const adminUser = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    const entries = await db.auditLog.findMany({ where: { action: "creditPolicy.update", entityId: "creditPolicy" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: adminUser.id, actorRole: "ADMIN", entityType: "Setting" });
    expect((entries[0]!.before as { policy: CreditPolicy }).policy).toEqual(DEFAULT_CREDIT_POLICY);
    expect((entries[0]!.after as { policy: CreditPolicy }).policy).toEqual(stricter);

    // A retry with the same key answers the same save; nothing is written twice.
    const replay = await admin.admin.updateCreditPolicy({
      policy: stricter,
      baseUpdatedAt: current.updatedAt,
      idempotencyKey: key,
    });
    expect(replay).toMatchObject({ policy: stricter, replayed: true });
    expect(replay.updatedAt.getTime()).toBe(saved.updatedAt.getTime());
    expect(await db.auditLog.count({ where: { action: "creditPolicy.update" } })).toBe(1);

    const after = await admin.admin.creditPolicy();
    expect(after).toMatchObject({ policy: stricter, isSaved: true, updatedBy: adminUser.name });

    // An editor opened before that save is stale: CONFLICT, nothing changes.
    const stale = edited((p) => {
      p.maxAccountsPerDocument = 3;
    });
    await expect(
      admin.admin.updateCreditPolicy({
        policy: stale,
        baseUpdatedAt: current.updatedAt,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    ).toHaveTRPCCode("CONFLICT");
    expect((await admin.admin.creditPolicy()).policy).toEqual(stricter);

    // Saving what is in force already is refused.
    expect(
      await fieldErrorsOf(
        admin.admin.updateCreditPolicy({
          policy: stricter,
          baseUpdatedAt: after.updatedAt,
          idempotencyKey: newIdempotencyKey("reg"),
        }),
      ),
    ).toEqual({
      policy: "Nothing changed",
    });
  });

  it("makes one change when duplicates with one key race", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const { updatedAt } = await admin.admin.creditPolicy();
    const policy = edited(
      (p) => {
        p.maxDebtCents = 5_000;
      },
      (await admin.admin.creditPolicy()).policy,
    );
    const key = newIdempotencyKey("reg");
    const before = await db.auditLog.count({ where: { action: "creditPolicy.update" } });
    const results = await Promise.all(
      Array.from({ length: 3 }, () =>
        admin.admin.updateCreditPolicy({ policy, baseUpdatedAt: updatedAt, idempotencyKey: key }),
      ),
    );
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "creditPolicy.update" } })).toBe(before + 1);
    expect((await admin.admin.creditPolicy()).policy.maxDebtCents).toBe(5_000);
  });

  it("refuses a policy that breaks the schema with BAD_REQUEST naming the field, and changes nothing", async () => {
    const admin = await callerAs(DEMO.admin);
    const { policy, updatedAt } = await admin.admin.creditPolicy();
    const cases: [CreditPolicy, string][] = [
      [edited((p) => void (p.rules[0]!.ageBelow = 18), policy), "policy.rules.0.ageBelow"],
      [edited((p) => void (p.maxDebtCents = -1), policy), "policy.maxDebtCents"],
      [edited((p) => void (p.rules[0]!.creditLimitCents = 1.5), policy), "policy.rules.0.creditLimitCents"],
      // Nobody aged 18-20 would be covered.
      [edited((p) => void p.rules.splice(0, 1), policy), "policy.rules"],
    ];
    for (const [bad, field] of cases) {
      expect(
        Object.keys(
          await fieldErrorsOf(
            admin.admin.updateCreditPolicy({
              policy: bad,
              baseUpdatedAt: updatedAt,
              idempotencyKey: newIdempotencyKey("reg"),
            }),
          ),
        ),
      ).toContain(field);
    }
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.updateCreditPolicy({ policy, baseUpdatedAt: updatedAt, idempotencyKey: "short" }),
        ),
      ),
    ).toContain("idempotencyKey");
    expect((await admin.admin.creditPolicy()).policy).toEqual(policy);
  });

  it("is for supervisors only: agents, dealers and subscribers get FORBIDDEN, anonymous UNAUTHORIZED", async () => {
    const input = { policy: DEFAULT_CREDIT_POLICY, baseUpdatedAt: null, idempotencyKey: newIdempotencyKey("reg") };
    for (const who of [DEMO.agent1, DEMO.dealer1, DEMO.platinum]) {
      const caller = await callerAs(who);
      await expect(caller.admin.creditPolicy()).toHaveTRPCCode("FORBIDDEN");
      await expect(caller.admin.updateCreditPolicy(input)).toHaveTRPCCode("FORBIDDEN");
    }
    await expect((await callerAs(null)).admin.creditPolicy()).toHaveTRPCCode("UNAUTHORIZED");
  });
});
