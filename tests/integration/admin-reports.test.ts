import type { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { fieldErrorsOf } from "./helpers/trpc-errors";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";

const MINUTE = 60_000;
const at = (iso: string, plusMinutes = 0) => new Date(new Date(iso).getTime() + plusMinutes * MINUTE);

type Person = { customerId: string; userId: string };
let sequence = 0;

async function personOf(phone: string): Promise<Person> {
  const user = await testDb().user.findUniqueOrThrow({ where: { phone } });
  return { customerId: user.customerId!, userId: user.id };
}

async function request(
  person: Person,
  data: Partial<Prisma.ServiceRequestUncheckedCreateInput> &
    Pick<Prisma.ServiceRequestUncheckedCreateInput, "category" | "createdAt">,
) {
  sequence += 1;
  return testDb().serviceRequest.create({
    data: {
      customerId: person.customerId,
      createdById: person.userId,
      subject: `Fixture ${sequence}`,
      description: "A hand-made request of the report fixture.",
      channel: "WEB",
      decision: "AGENT_QUEUE",
      status: "QUEUED",
      priority: 3,
      routingReasons: [],
      segmentAtCreation: "BRONZE",
      idempotencyKey: newIdempotencyKey("report-fixture"),
      ...data,
    },
  });
}

/**
 * March 2031, far from the seeded history. Eight contacts in range (R1..R8), one just before and
 * one just after it (R0, R9). The expected figures below are worked out by hand from these rows.
 */
async function buildFixture() {
  const a = await personOf(DEMO.bronze);
  const b = await personOf(DEMO.silver);
  const c = await personOf(DEMO.platinum);
  // R1: solved in self-service, nothing on the topic afterwards: self-served, first-contact resolved.
  await request(a, {
    category: "BILLING_QUESTION",
    createdAt: at("2031-03-10T10:00:00Z"),
    decision: "SELF_SERVICE",
    status: "CLOSED",
    deflected: true,
    resolvedAt: at("2031-03-10T10:30:00Z"),
    csat: 5,
  });
  // R2: solved in self-service, but the customer came back on the topic within 72 hours (R3).
  await request(a, {
    category: "TARIFF_CHANGE",
    channel: "PWA",
    createdAt: at("2031-03-12T10:00:00Z"),
    decision: "SELF_SERVICE",
    status: "RESOLVED",
    deflected: true,
    resolvedAt: at("2031-03-12T10:20:00Z"),
  });
  // R3: escalated from self-service; answered in 30 of 60 minutes, handled in 70.
  const escalatedAt = at("2031-03-13T09:10:00Z");
  await request(a, {
    category: "TARIFF_CHANGE",
    createdAt: at("2031-03-13T09:00:00Z"),
    decision: "SELF_SERVICE",
    status: "RESOLVED",
    escalatedAt,
    slaDueAt: at("2031-03-13T09:10:00Z", 60),
    claimedAt: at("2031-03-13T09:10:00Z", 20),
    firstResponseAt: at("2031-03-13T09:10:00Z", 30),
    resolvedAt: at("2031-03-13T09:10:00Z", 90),
    csat: 4,
  });
  // R4: a phone complaint answered late (150 of 120 minutes), reopened, closed; handled in 180.
  await request(b, {
    category: "COMPLAINT",
    channel: "PHONE",
    segmentAtCreation: "SILVER",
    createdAt: at("2031-03-15T08:00:00Z"),
    status: "CLOSED",
    slaDueAt: at("2031-03-15T08:00:00Z", 120),
    claimedAt: at("2031-03-15T08:00:00Z", 60),
    firstResponseAt: at("2031-03-15T08:00:00Z", 150),
    reopenedAt: at("2031-03-16T08:00:00Z"),
    resolvedAt: at("2031-03-15T08:00:00Z", 240),
    csat: 2,
  });
  // R5: an outage of a PLATINUM customer, with the personal manager, answered in 10 of 15 minutes, still open.
  await request(c, {
    category: "NO_SERVICE",
    channel: "EMAIL",
    segmentAtCreation: "PLATINUM",
    decision: "PERSONAL_MANAGER",
    status: "IN_PROGRESS",
    createdAt: at("2031-03-20T12:00:00Z"),
    slaDueAt: at("2031-03-20T12:00:00Z", 15),
    claimedAt: at("2031-03-20T12:00:00Z"),
    firstResponseAt: at("2031-03-20T12:00:00Z", 10),
  });
  // R6: waiting in the queue, its SLA still running (2031 is in the future): not judged yet.
  await request(b, {
    category: "BILL_DISPUTE",
    segmentAtCreation: "SILVER",
    createdAt: at("2031-03-25T09:00:00Z"),
    slaDueAt: at("2031-03-25T09:00:00Z", 240),
  });
  // R7: from a dealer, resolved without a written reply within the SLA (45 of 60); handled in 40;
  // the customer comes back on the topic within 7 days (R9, outside the range).
  await request(c, {
    category: "OTHER",
    channel: "PARTNER",
    segmentAtCreation: "GOLD",
    status: "RESOLVED",
    createdAt: at("2031-03-28T10:00:00Z"),
    slaDueAt: at("2031-03-28T10:00:00Z", 60),
    claimedAt: at("2031-03-28T10:00:00Z", 5),
    resolvedAt: at("2031-03-28T10:00:00Z", 45),
  });
  // R8: still in self-service.
  await request(a, {
    category: "ROAMING",
    createdAt: at("2031-03-30T18:00:00Z"),
    decision: "SELF_SERVICE",
    status: "SELF_SERVICE",
  });
  // R0 and R9: just outside the range.
  await request(b, { category: "ROAMING", createdAt: at("2031-02-28T23:59:59Z"), segmentAtCreation: "SILVER" });
  await request(c, { category: "OTHER", createdAt: at("2031-04-01T00:00:00Z"), segmentAtCreation: "GOLD" });
}

describe("admin.reports.overview", () => {
  beforeAll(buildFixture);

  it("answers every figure of the hand-computed fixture", async () => {
    const admin = await callerAs(DEMO.admin);
    const report = await admin.admin.reports.overview({ from: "2031-03-01", to: "2031-03-31" });

    expect(report.contacts).toEqual({ total: 8, byChannel: { WEB: 4, PWA: 1, PHONE: 1, PARTNER: 1, EMAIL: 1 } });
    // Only R1 was solved in self-service without a new contact on its topic within 72 hours.
    expect(report.selfServiceRate).toBe(0.125);
    // R3 (escalated), R4, R5, R6, R7 reached a person.
    expect(report.escalationRate).toBe(0.625);
    // Judged: R3 met, R4 late, R5 met, R7 met by its resolution; R6 is still running.
    expect(report.slaCompliance).toBe(0.75);
    // (30 + 150 + 10) / 3 and (70 + 180 + 40) / 3.
    expect(report.avgFirstResponseMinutes).toBe(63.3);
    expect(report.avgHandlingMinutes).toBe(96.7);
    // Resolved R1, R2, R3, R4, R7; first-contact: R1 and R3 (R2 repeated, R4 reopened, R7 repeated).
    expect(report.fcr).toBe(0.4);
    expect(report.csat).toBe(3.67);
    expect(report.csatDetail).toEqual({ average: 3.67, satisfiedShare: 0.6667, responses: 3 });
    expect(report.counts).toEqual({
      selfServed: 1,
      toPerson: 5,
      slaJudged: 4,
      slaMet: 3,
      resolved: 5,
      firstContactResolved: 2,
    });
    expect(report.segments).toEqual({
      PLATINUM: { contacts: 1, share: 0.125 },
      GOLD: { contacts: 1, share: 0.125 },
      SILVER: { contacts: 2, share: 0.25 },
      BRONZE: { contacts: 4, share: 0.5 },
    });
    // Three contacts never reached a person (R1, R2, R8): 3 × 9 ₽ + 5 × 720 ₽.
    expect(report.cost).toMatchObject({
      currency: "RUB",
      selfServiceUnitCents: 900,
      agentUnitCents: 72_000,
      selfServiceContacts: 3,
      agentContacts: 5,
      totalCents: 362_700,
      allAgentCents: 576_000,
      savingsCents: 213_300,
      perContactCents: 45_338,
    });
  });

  it("counts only the contacts of the range: instants are exact, a day as the end is included whole", async () => {
    const admin = await callerAs(DEMO.admin);
    const day = await admin.admin.reports.overview({ from: "2031-03-13", to: "2031-03-13" });
    expect(day.contacts.total).toBe(1);
    const instants = await admin.admin.reports.overview({
      from: new Date("2031-03-10T10:00:00Z"),
      to: new Date("2031-03-12T10:00:00Z"),
    });
    expect(instants.contacts.total).toBe(1);
    const april = await admin.admin.reports.overview({ from: "2031-04-01", to: "2031-04-30" });
    expect(april.contacts.total).toBe(1);
  });

  it("answers no figure rather than a made-up one for an empty period", async () => {
    const admin = await callerAs(DEMO.admin);
    const empty = await admin.admin.reports.overview({ from: "2032-01-01", to: "2032-01-31" });
    expect(empty.contacts.total).toBe(0);
    expect(empty).toMatchObject({
      selfServiceRate: null,
      slaCompliance: null,
      fcr: null,
      csat: null,
      avgFirstResponseMinutes: null,
    });
    expect(empty.cost).toMatchObject({ totalCents: 0, savingsCents: 0, perContactCents: null });
  });

  it("the daily series adds up to the overview", async () => {
    const admin = await callerAs(DEMO.admin);
    const timeline = await admin.admin.reports.timeline({ from: "2031-03-01", to: "2031-03-31" });
    expect(timeline.bucket).toBe("day");
    expect(timeline.points).toHaveLength(31);
    expect(timeline.points.reduce((sum, point) => sum + point.contacts, 0)).toBe(8);
    expect(timeline.points.reduce((sum, point) => sum + point.toPerson, 0)).toBe(5);
    const march15 = timeline.points.find((point) => point.start.toISOString().startsWith("2031-03-15"));
    expect(march15).toMatchObject({ contacts: 1, toPerson: 1, slaCompliance: 0, fcr: 0, csat: 2 });
  });

  it("exports the same figures as CSV, labelled in the reader's language", async () => {
    const admin = await callerAs(DEMO.admin);
    const file = await admin.admin.reports.exportCsv({ from: "2031-03-01", to: "2031-03-31" });
    expect(file.filename).toBe("selfcare-report-2031-03-01-2031-03-31.csv");
    const lines = file.content
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines).toContain('contacts.total,"Обращения, всего",8');
    expect(lines).toContain("selfServiceRate,Доля самообслуживания,0.125");
    expect(lines).toContain("slaCompliance,Соблюдение SLA,0.75");
    expect(lines).toContain("fcr,Решено с первого обращения,0.4");
    expect(lines).toContain("cost.savingsCents (RUB),Экономия,2133.00");
    expect(lines).toContain("contacts.byChannel.PARTNER,Канал: PARTNER,1");
    expect(lines.filter((line) => /^2031-03-\d\d,/.test(line))).toHaveLength(31);
    const english = await admin.admin.reports.exportCsv({ from: "2031-03-01", to: "2031-03-31", locale: "en" });
    expect(english.content).toContain('contacts.total,"Contacts, total",8');
  });

  it("refuses a malformed or reversed range naming the field, and changes nothing", async () => {
    const admin = await callerAs(DEMO.admin);
    expect(
      Object.keys(await fieldErrorsOf(admin.admin.reports.overview({ from: "soon", to: "2031-03-31" }))),
    ).toContain("from");
    expect(
      Object.keys(await fieldErrorsOf(admin.admin.reports.overview({ from: "2031-03-31", to: "2031-03-01" }))),
    ).toContain("to");
    expect(
      Object.keys(await fieldErrorsOf(admin.admin.reports.overview({ from: "2020-01-01", to: "2031-03-01" }))),
    ).toContain("to");
  });

  it("is for supervisors only", async () => {
    for (const who of [DEMO.silver, DEMO.dealer1, DEMO.agent1]) {
      const caller = await callerAs(who);
      await expect(caller.admin.reports.overview({ from: "2031-03-01", to: "2031-03-31" })).toHaveTRPCCode("FORBIDDEN");
    }
    await expect(
      (await callerAs(null)).admin.reports.overview({ from: "2031-03-01", to: "2031-03-31" }),
    ).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("the seeded demo history", () => {
  it("spans at least six months and 200 contacts, with sensible figures for the last six months", async () => {
    const db = testDb();
    const { _min: oldest } = await db.serviceRequest.aggregate({
      where: { createdAt: { lt: new Date("2030-01-01") } },
      _min: { createdAt: true },
    });
    expect(Date.now() - oldest.createdAt!.getTime()).toBeGreaterThan(183 * 24 * 3600_000);
    expect(
      await db.serviceRequest.count({ where: { createdAt: { lt: new Date("2030-01-01") } } }),
    ).toBeGreaterThanOrEqual(200);
    const admin = await callerAs(DEMO.admin);
    const to = new Date();
    const report = await admin.admin.reports.overview({ from: new Date(to.getTime() - 183 * 24 * 3600_000), to });
    const total = await db.serviceRequest.count({ where: { createdAt: { gte: report.from, lt: report.to } } });
    expect(report.contacts.total).toBe(total);
    expect(report.contacts.total).toBeGreaterThan(0);
    for (const share of [report.selfServiceRate, report.escalationRate, report.slaCompliance, report.fcr]) {
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    expect(report.csat).toBeGreaterThanOrEqual(1);
    expect(report.csat).toBeLessThanOrEqual(5);
    expect(Object.values(report.contacts.byChannel).reduce((a, b) => a + b, 0)).toBe(report.contacts.total);
    expect(report.cost.savingsCents).toBeGreaterThan(0);
  });
});
