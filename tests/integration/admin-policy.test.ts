import { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { runWhatIf } from "../../server/domain/admin/what-if.service";
import { DEFAULT_ROUTING_POLICY, type RoutingPolicyConfig } from "../../server/domain/routing/policy.schema";
import { getActivePolicy } from "../../server/domain/routing/policy.service";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { clearRequests } from "./helpers/requests";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const MINUTE = 60_000;

function edited(
  change: (policy: RoutingPolicyConfig) => void,
  from: RoutingPolicyConfig = DEFAULT_ROUTING_POLICY,
): RoutingPolicyConfig {
  const copy = structuredClone(from);
  change(copy);
  return copy;
}

const withoutSilverBillingQuestions = edited((p) => {
  p.selfServiceCategories.SILVER = p.selfServiceCategories.SILVER.filter((category) => category !== "BILLING_QUESTION");
});

/** Makes `config` the policy in force (a new version unless it already is). */
async function activate(config: RoutingPolicyConfig): Promise<void> {
  const admin = await callerAs(DEMO.admin);
  const { version } = await admin.admin.policy.get();
  try {
    await admin.admin.policy.save({ config, baseVersion: version, idempotencyKey: newIdempotencyKey("test") });
  } catch (error) {
    if (!(error instanceof Error) || error.message !== "Nothing changed") throw error;
  }
}

async function recomputeJobs(): Promise<number> {
  const [row] = await testDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'value:recompute' AND key = 'value:recompute:policy'`;
  return row!.n;
}

describe("admin.policy.save", () => {
  it("refuses an invalid policy naming the field, and saves nothing", async () => {
    const admin = await callerAs(DEMO.admin);
    const { version } = await admin.admin.policy.get();
    const cases: [RoutingPolicyConfig, string][] = [
      [edited((p) => (p.valueWeights.revenue = 0.5)), "config.valueWeights"],
      [edited((p) => (p.segmentThresholds.GOLD = 85)), "config.segmentThresholds"],
      [edited((p) => (p.slaMinutes.GOLD[2] = 0)), "config.slaMinutes.GOLD.2"],
      [edited((p) => (p.costPerContact.agentCents = -1)), "config.costPerContact.agentCents"],
      [edited((p) => (p.billDisputeEscalationCents = 10.5)), "config.billDisputeEscalationCents"],
      [edited((p) => (p.outageCredit.ratePercent = -1)), "config.outageCredit.ratePercent"],
      [edited((p) => (p.outageCredit.thresholdMinutes = 1.5)), "config.outageCredit.thresholdMinutes"],
      [edited((p) => (p.outageCredit.floorCents = -100)), "config.outageCredit.floorCents"],
      [
        edited((p) => ((p.selfServiceCategories.SILVER as string[]) = ["PIZZA"])),
        "config.selfServiceCategories.SILVER.0",
      ],
    ];
    for (const [config, field] of cases) {
      expect(
        Object.keys(
          await fieldErrorsOf(
            admin.admin.policy.save({ config, baseVersion: version, idempotencyKey: newIdempotencyKey("test") }),
          ),
        ),
      ).toContain(field);
    }
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.policy.save({
            config: DEFAULT_ROUTING_POLICY,
            baseVersion: version,
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("config");
    expect((await admin.admin.policy.get()).version).toBe(version);
  });

  it("saves the outage credit settings, audited with them before and after", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const before = await admin.admin.policy.get();
    const outageCredit = { thresholdMinutes: 120, ratePercent: 150, floorCents: 5_000 };
    const saved = await admin.admin.policy.save({
      config: { ...before.config, outageCredit },
      baseVersion: before.version,
      idempotencyKey: newIdempotencyKey("test"),
    });
    expect(saved.changed).toEqual(
      expect.arrayContaining(["outageCredit.thresholdMinutes", "outageCredit.ratePercent", "outageCredit.floorCents"]),
    );
    expect((await getActivePolicy(db)).config.outageCredit).toEqual(outageCredit);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "RoutingPolicy", entityId: saved.id } });
    expect((audit.before as { config: RoutingPolicyConfig }).config.outageCredit).toEqual(before.config.outageCredit);
    expect((audit.after as { config: RoutingPolicyConfig }).config.outageCredit).toEqual(outageCredit);
    await activate(before.config);
  });

  it("saves a new version (never in place), audited with the settings before and after", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const before = await admin.admin.policy.get();
    const saved = await admin.admin.policy.save({
      config: withoutSilverBillingQuestions,
      baseVersion: before.version,
      note: "SILVER billing to agents",
      idempotencyKey: newIdempotencyKey("test"),
    });
    expect(saved).toMatchObject({
      version: before.version + 1,
      replayed: false,
      changed: ["selfServiceCategories.SILVER"],
      rescoreQueued: false,
    });

    const versions = await db.routingPolicy.findMany({ orderBy: { version: "asc" } });
    expect(versions.map((row) => row.version)).toEqual(
      [...Array(before.version).keys()].map((i) => i + 1).concat(saved.version),
    );
    expect(versions[0]!.config).toEqual(
      before.version === 1 ? JSON.parse(JSON.stringify(DEFAULT_ROUTING_POLICY)) : versions[0]!.config,
    );
    expect((await getActivePolicy(db)).config.selfServiceCategories.SILVER).not.toContain("BILLING_QUESTION");

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "RoutingPolicy", entityId: saved.id } });
    const adminUser = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    expect(audit).toMatchObject({
      action: "routingPolicy.save",
      actorId: adminUser.id,
      actorRole: "ADMIN",
      ip: "127.0.0.1",
    });
    expect((audit.before as { config: RoutingPolicyConfig }).config.selfServiceCategories.SILVER).toContain(
      "BILLING_QUESTION",
    );
    expect(
      (audit.after as { config: RoutingPolicyConfig; note: string }).config.selfServiceCategories.SILVER,
    ).not.toContain("BILLING_QUESTION");
    expect((audit.after as { note: string }).note).toBe("SILVER billing to agents");

    const history = await admin.admin.policy.versions();
    expect(history.items[0]).toMatchObject({
      version: saved.version,
      note: "SILVER billing to agents",
      createdBy: { name: adminUser.name },
    });
    expect((await admin.admin.policy.version({ version: saved.version })).changed).toEqual([
      "selfServiceCategories.SILVER",
    ]);
    await expect(admin.admin.policy.version({ version: 999 })).toHaveTRPCCode("NOT_FOUND");
  });

  it("routes the next request by the new version", async () => {
    const admin = await callerAs(DEMO.admin);
    const silver = await callerAs(DEMO.silver);
    const ask = () =>
      silver.request.create({
        category: "BILLING_QUESTION",
        subject: "Почему счёт вырос",
        description: "В этом месяце счёт больше обычного, объясните, пожалуйста.",
        idempotencyKey: newIdempotencyKey("test"),
      });

    await activate(DEFAULT_ROUTING_POLICY);
    await clearRequests(DEMO.silver);
    const before = await ask();
    expect(before.routing.decision).toBe("SELF_SERVICE");

    const restored = await admin.admin.policy.get();
    const saved = await admin.admin.policy.save({
      config: withoutSilverBillingQuestions,
      baseVersion: restored.version,
      idempotencyKey: newIdempotencyKey("test"),
    });
    await clearRequests(DEMO.silver);
    const after = await ask();
    expect(after.routing.decision).toBe("AGENT_QUEUE");
    expect(after.status).toBe("QUEUED");
    expect(after.routing.reasonCodes).toContain("NEEDS_PERSON_CATEGORY");
    const stored = await testDb().serviceRequest.findUniqueOrThrow({ where: { id: after.id } });
    expect(stored.policyVersion).toBe(saved.version);
  });

  it("a replay with the same key is the same version; racing duplicates save once", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const { version, config } = await admin.admin.policy.get();
    const input = {
      config: edited((p) => (p.repeatContactDays = 10), config),
      baseVersion: version,
      idempotencyKey: newIdempotencyKey("test"),
    };
    const [first, second] = await Promise.all([admin.admin.policy.save(input), admin.admin.policy.save(input)]);
    expect(second.id).toBe(first.id);
    const third = await admin.admin.policy.save(input);
    expect(third).toMatchObject({ id: first.id, version: version + 1, replayed: true, changed: ["repeatContactDays"] });
    expect(await db.routingPolicy.count({ where: { version: { gt: version } } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityType: "RoutingPolicy", entityId: first.id } })).toBe(1);
  });

  it("a stale editor gets CONFLICT instead of overwriting a newer version", async () => {
    const admin = await callerAs(DEMO.admin);
    const { version, config } = await admin.admin.policy.get();
    await admin.admin.policy.save({
      config: edited((p) => (p.repeatContactDays = 12), config),
      baseVersion: version,
      idempotencyKey: newIdempotencyKey("test"),
    });
    const stale = admin.admin.policy.save({
      config: edited((p) => (p.repeatContactDays = 14), config),
      baseVersion: version,
      idempotencyKey: newIdempotencyKey("test"),
    });
    await expect(stale).toHaveTRPCCode("CONFLICT");
    expect((await admin.admin.policy.get()).config.repeatContactDays).toBe(12);
  });

  it("a threshold or weight change queues value:recompute with the save; an SLA change does not", async () => {
    const admin = await callerAs(DEMO.admin);
    await testDb().$queryRaw`SELECT graphile_worker.remove_job('value:recompute:policy')`;
    let { version, config } = await admin.admin.policy.get();
    await admin.admin.policy.save({
      config: edited((p) => (p.slaMinutes.GOLD[2] = 45), config),
      baseVersion: version,
      idempotencyKey: newIdempotencyKey("test"),
    });
    expect(await recomputeJobs()).toBe(0);
    ({ version, config } = await admin.admin.policy.get());
    const saved = await admin.admin.policy.save({
      config: edited((p) => (p.segmentThresholds.SILVER = 45), config),
      baseVersion: version,
      idempotencyKey: newIdempotencyKey("test"),
    });
    expect(saved.rescoreQueued).toBe(true);
    expect(await recomputeJobs()).toBe(1);
  });

  it("is for supervisors only", async () => {
    for (const who of [DEMO.silver, DEMO.dealer1, DEMO.agent1]) {
      const caller = await callerAs(who);
      await expect(
        caller.admin.policy.save({
          config: withoutSilverBillingQuestions,
          baseVersion: 1,
          idempotencyKey: newIdempotencyKey("test"),
        }),
      ).toHaveTRPCCode("FORBIDDEN");
      await expect(caller.admin.policy.whatIf({ config: withoutSilverBillingQuestions })).toHaveTRPCCode("FORBIDDEN");
    }
  });
});

describe("admin.policy.whatIf", () => {
  type Person = { customerId: string; userId: string };
  let a: Person;
  let b: Person;
  const NOW = new Date("2031-04-01T00:00:00Z");
  let sequence = 0;

  async function contact(
    person: Person,
    data: Partial<Prisma.ServiceRequestUncheckedCreateInput> &
      Pick<Prisma.ServiceRequestUncheckedCreateInput, "category" | "createdAt">,
  ) {
    sequence += 1;
    return testDb().serviceRequest.create({
      data: {
        customerId: person.customerId,
        createdById: person.userId,
        subject: `What-if ${sequence}`,
        description: "A hand-made contact of the what-if fixture.",
        channel: "WEB",
        decision: "SELF_SERVICE",
        status: "CLOSED",
        priority: 3,
        routingReasons: [],
        segmentAtCreation: "SILVER",
        idempotencyKey: newIdempotencyKey("what-if"),
        ...data,
      },
    });
  }

  beforeAll(async () => {
    await activate(DEFAULT_ROUTING_POLICY);
    const db = testDb();
    const bronze = await db.user.findUniqueOrThrow({ where: { phone: DEMO.bronze } });
    const silver = await db.user.findUniqueOrThrow({ where: { phone: DEMO.silver } });
    a = { customerId: silver.customerId!, userId: silver.id };
    b = { customerId: bronze.customerId!, userId: bronze.id };
    // Customer A's stored value facts score 44 under the default policy: SILVER. B has none stored.
    const facts = {
      recentBillTotalsCents: [50_000],
      dueBills: 6,
      paidOnTime: 6,
      overdueBills: 0,
      activeLines: 1,
      serviceKinds: 1,
      tenureMonths: 12,
      usageTrend: 0,
    };
    await db.customer.update({
      where: { id: a.customerId },
      data: {
        valueBreakdown: { score: 44, segment: "SILVER", facts: { ...facts, averageMonthlyRevenueCents: 50_000 } },
        personalManagerId: null,
      },
    });
    await db.customer.update({ where: { id: b.customerId }, data: { valueBreakdown: Prisma.DbNull } });
    // W1: a SILVER billing question. W2: the same topic 5 days later (a repeat), answered in 200 minutes.
    await contact(a, { category: "BILLING_QUESTION", createdAt: new Date("2031-03-20T10:00:00Z") });
    await contact(a, {
      category: "BILLING_QUESTION",
      createdAt: new Date("2031-03-25T10:00:00Z"),
      decision: "AGENT_QUEUE",
      firstResponseAt: new Date(new Date("2031-03-25T10:00:00Z").getTime() + 200 * MINUTE),
    });
    // W3: a BRONZE billing question of a customer without stored facts. W4: a SILVER SIM replacement. W5: a phone call.
    await contact(b, {
      category: "BILLING_QUESTION",
      createdAt: new Date("2031-03-26T10:00:00Z"),
      segmentAtCreation: "BRONZE",
    });
    await contact(a, {
      category: "SIM_REPLACEMENT",
      createdAt: new Date("2031-03-28T10:00:00Z"),
      decision: "AGENT_QUEUE",
    });
    await contact(b, {
      category: "OTHER",
      channel: "PHONE",
      createdAt: new Date("2031-03-29T10:00:00Z"),
      segmentAtCreation: "BRONZE",
      decision: "AGENT_QUEUE",
    });
    // Outside the 30 days: not re-routed.
    await contact(a, { category: "ROAMING", createdAt: new Date("2031-02-20T10:00:00Z") });
  });

  it("moving SILVER billing questions to agents shifts exactly the first one", async () => {
    const result = await runWhatIf(testDb(), { config: withoutSilverBillingQuestions }, NOW);
    expect(result.active.contacts).toBe(5);
    expect(result.changed).toBe(1);
    expect(result.shifts).toEqual({ "SELF_SERVICE>AGENT_QUEUE": 1 });
    expect(result.samples.map((sample) => sample.number)).toHaveLength(1);
    expect(result.active).toMatchObject({ selfService: 2, agentQueue: 3, selfServiceShare: 0.4 });
    expect(result.draft).toMatchObject({ selfService: 1, agentQueue: 4, selfServiceShare: 0.2 });
    expect(result.active.agentLoadBySegment).toEqual({ PLATINUM: 0, GOLD: 0, SILVER: 2, BRONZE: 1 });
    expect(result.draft.agentLoadBySegment).toEqual({ PLATINUM: 0, GOLD: 0, SILVER: 3, BRONZE: 1 });
    expect(result.draft.costCents - result.active.costCents).toBe(72_000 - 900);
    expect(result.withoutValueFacts).toBe(2);
  });

  it("a higher SILVER threshold makes customer A BRONZE, whose SIM replacement is self-service; not on the at-creation basis", async () => {
    const config = edited((p) => (p.segmentThresholds.SILVER = 45));
    const rescored = await runWhatIf(testDb(), { config, segmentBasis: "RESCORED" }, NOW);
    expect(rescored.changed).toBe(1);
    expect(rescored.samples[0]).toMatchObject({
      category: "SIM_REPLACEMENT",
      segmentActive: "SILVER",
      segmentDraft: "BRONZE",
      decisionActive: "AGENT_QUEUE",
      decisionDraft: "SELF_SERVICE",
    });
    const atCreation = await runWhatIf(testDb(), { config, segmentBasis: "AT_CREATION" }, NOW);
    expect(atCreation.changed).toBe(0);
  });

  it("a tighter SLA exposes the real response that would have been late", async () => {
    // W2 is a SILVER repeat: priority 2, 240 minutes by default; it was answered in 200.
    const result = await runWhatIf(testDb(), { config: edited((p) => (p.slaMinutes.SILVER[2] = 120)) }, NOW);
    expect(result.active.sla).toMatchObject({ measured: 1, breached: 0 });
    expect(result.draft.sla).toMatchObject({ measured: 1, breached: 1 });
  });

  it("through the API: the draft equal to the policy in force changes nothing", async () => {
    const admin = await callerAs(DEMO.admin);
    const { config } = await admin.admin.policy.get();
    const result = await admin.admin.policy.whatIf({ config });
    expect(result.changed).toBe(0);
    expect(result.days).toBe(30);
    expect(result.draft).toEqual(result.active);
    expect(
      Object.keys(
        await fieldErrorsOf(admin.admin.policy.whatIf({ config: edited((p) => (p.valueWeights.growth = 0.9)) })),
      ),
    ).toContain("config.valueWeights");
  });
});
