import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { billCustomers } from "../../server/domain/billing/bill-run.service";
import { currentCycle } from "../../server/domain/billing/cycle";
import { outageCreditCents } from "../../server/domain/incident/outage-credit";
import { issueOutageCredits } from "../../server/domain/incident/outage-credit.service";
import { DEFAULT_ROUTING_POLICY } from "../../server/domain/routing/policy.schema";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { generatedSubscriber } from "./helpers/money";

const MINUTE = 60_000;
const message = { ru: "Не работает базовая станция", en: "A cell site is down" };

async function mobileLineOf(phone: string) {
  return testDb().line.findFirstOrThrow({
    where: { customerId: await customerIdOf(phone), kind: "MOBILE", status: "ACTIVE" },
    orderBy: { activatedAt: "asc" },
    include: { tariff: true, customer: true },
  });
}

/** A three-hour outage on the cells of these subscribers' first mobile lines, declared and resolved. */
async function threeHourOutage(phones: string[]) {
  const lines = await Promise.all(phones.map(mobileLineOf));
  const admin = await callerAs(DEMO.admin);
  const resolvedAt = new Date(Date.now() - MINUTE);
  const startedAt = new Date(resolvedAt.getTime() - 180 * MINUTE);
  const incident = await admin.admin.incidents.declare({
    services: ["VOICE", "MOBILE_DATA"],
    area: { cells: [...new Set(lines.map((line) => line.cells[0]!))] },
    startedAt,
    message,
    idempotencyKey: newIdempotencyKey("declare"),
  });
  return { admin, lines, incident, startedAt, resolvedAt };
}

async function queuedCreditJobs(incidentId: string): Promise<number> {
  const [row] = await testDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker.jobs
    WHERE task_identifier = 'incident:credits' AND key = ${`incident-credits:${incidentId}`}`;
  return row!.n;
}

describe("outage credits", () => {
  it("credit each line past the threshold once, even when the job runs twice and at once, and tell each customer once", async () => {
    const db = testDb();
    const [first, second] = [await generatedSubscriber(3), await generatedSubscriber(4)];
    const { admin, lines, incident, startedAt, resolvedAt } = await threeHourOutage([DEMO.silver, first, second]);
    const [full, midOutage, tooLate] = lines as [(typeof lines)[0], (typeof lines)[0], (typeof lines)[0]];
    // One line joined 90 minutes before the repair (a 90-minute outage), one 30 minutes before (under the threshold).
    await db.line.update({
      where: { id: midOutage.id },
      data: { activatedAt: new Date(resolvedAt.getTime() - 90 * MINUTE) },
    });
    await db.line.update({
      where: { id: tooLate.id },
      data: { activatedAt: new Date(resolvedAt.getTime() - 30 * MINUTE) },
    });

    // Not resolved yet: nothing.
    expect(await issueOutageCredits(db, incident.id)).toEqual({ credited: 0, totalCents: 0 });
    expect(await queuedCreditJobs(incident.id)).toBe(0);

    await admin.admin.incidents.resolve({ id: incident.id, resolvedAt });
    expect(await queuedCreditJobs(incident.id)).toBe(1);

    const [a, b] = await Promise.all([issueOutageCredits(db, incident.id), issueOutageCredits(db, incident.id)]);
    const again = await issueOutageCredits(db, incident.id);
    expect(again).toEqual({ credited: 0, totalCents: 0 });

    const affected = await db.incidentLine.findMany({ where: { incidentId: incident.id }, include: { line: true } });
    const credits = await db.outageCredit.findMany({ where: { incidentId: incident.id } });
    expect(a.credited + b.credited).toBe(credits.length);
    expect(a.totalCents + b.totalCents).toBe(credits.reduce((sum, credit) => sum + credit.amountCents, 0));
    // One credit per line out of service past the threshold, none for the rest.
    const pastThreshold = affected.filter(
      (row) => resolvedAt.getTime() - Math.max(startedAt.getTime(), row.line.activatedAt.getTime()) > 60 * MINUTE,
    );
    expect(credits.map((credit) => credit.lineId).sort()).toEqual(pastThreshold.map((row) => row.lineId).sort());
    expect(new Set(credits.map((credit) => credit.lineId)).size).toBe(credits.length);

    const byLine = new Map(credits.map((credit) => [credit.lineId, credit]));
    expect(byLine.get(tooLate.id)).toBeUndefined();
    expect(byLine.get(midOutage.id)?.minutes).toBe(90);
    expect(byLine.get(full.id)?.minutes).toBe(180);
    for (const line of [full, midOutage]) {
      const cycle = currentCycle(line.customer.billingDay, startedAt);
      expect(byLine.get(line.id)?.amountCents).toBe(
        outageCreditCents({
          monthlyFeeCents: line.tariff.monthlyFeeCents,
          minutes: byLine.get(line.id)!.minutes,
          cycleMinutes: (cycle.end.getTime() - cycle.start.getTime()) / MINUTE,
          creditedInCycleCents: 0,
          policy: DEFAULT_ROUTING_POLICY.outageCredit,
        }),
      );
    }
    expect(byLine.get(full.id)!.amountCents).toBeGreaterThan(0);

    // Each credited customer with a login is told once, in their language, with a link to the bills.
    const customers = [...new Set(credits.map((credit) => credit.customerId))];
    const logins = await db.user.findMany({ where: { customerId: { in: customers } }, select: { id: true } });
    const told = await db.notification.findMany({
      where: { kind: "OUTAGE_CREDIT", userId: { in: logins.map((login) => login.id) } },
    });
    expect(told).toHaveLength(logins.length);
    const silverLogin = await userIdOf(DEMO.silver);
    const silver = told.find((row) => row.userId === silverLogin);
    expect(silver).toMatchObject({ url: "/bills" });
    expect(silver!.title).toMatch(new RegExp(`(№|#)${incident.number}$`));
    const tooLateLogin = await db.user.findUnique({ where: { customerId: tooLate.customerId } });
    const tooLateOthers = credits.some((credit) => credit.customerId === tooLate.customerId);
    if (tooLateLogin && !tooLateOthers)
      expect(await db.notification.count({ where: { kind: "OUTAGE_CREDIT", userId: tooLateLogin.id } })).toBe(0);

    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).creditsIssuedAt).not.toBeNull();
  });

  it("go on the next bill once, lower its total by the credit, and the explainer names them", async () => {
    const db = testDb();
    const { admin, lines, incident, resolvedAt } = await threeHourOutage([DEMO.bronze]);
    const line = lines[0]!;
    await admin.admin.incidents.resolve({ id: incident.id, resolvedAt });
    await issueOutageCredits(db, incident.id);
    const credit = await db.outageCredit.findUniqueOrThrow({
      where: { incidentId_lineId: { incidentId: incident.id, lineId: line.id } },
    });
    expect(credit.billLineId).toBeNull();

    const cycle = currentCycle(line.customer.billingDay, new Date());
    const runAt = new Date(cycle.end.getTime() + 5 * MINUTE);
    const slice = { periodStart: cycle.start, customerIds: [line.customerId] };
    const [one, two] = await Promise.all([billCustomers(db, slice, runAt), billCustomers(db, slice, runAt)]);
    expect(one.billed + two.billed).toBe(1);
    expect(await billCustomers(db, slice, runAt)).toMatchObject({ billed: 0 });

    const billed = await db.outageCredit.findUniqueOrThrow({ where: { id: credit.id } });
    expect(billed.billLineId).not.toBeNull();
    const item = await db.billLine.findUniqueOrThrow({ where: { id: billed.billLineId! } });
    expect(item).toMatchObject({ kind: "ADJUSTMENT", amountCents: -credit.amountCents, lineId: line.id });
    expect(item.description).toMatch(
      new RegExp(`^Компенсация за аварию №${incident.number}: 3 ч 0 мин без связи \\(\\d{2}\\.\\d{2}\\)`),
    );
    const bill = await db.bill.findUniqueOrThrow({ where: { id: item.billId }, include: { lines: true } });
    expect(bill.lines.reduce((sum, row) => sum + row.amountCents, 0)).toBe(bill.totalCents);
    const withoutCredit = bill.lines.filter((row) => row.kind !== "TAX" && row.id !== item.id);
    expect(bill.subtotalCents).toBe(withoutCredit.reduce((sum, row) => sum + row.amountCents, 0) - credit.amountCents);

    const caller = await callerAs(DEMO.bronze);
    for (const [locale, text] of [
      ["en", /^Credit for outage #\d+: 3 h 0 min out of service/],
      ["ru", /^Компенсация за аварию №\d+/],
    ] as const) {
      const explained = await caller.bill.explain({ id: bill.id, locale });
      const change = explained.lines.flatMap((row) => row.changes).find((row) => row.kind === "ADJUSTMENT");
      expect(change?.reason).toBe("OUTAGE_CREDIT");
      expect(change?.items).toEqual(expect.arrayContaining([expect.stringMatching(text)]));
    }

    // The next cycle's bill does not credit it again.
    const next = currentCycle(line.customer.billingDay, new Date(cycle.end.getTime() + 86_400_000));
    await billCustomers(
      db,
      { periodStart: next.start, customerIds: [line.customerId] },
      new Date(next.end.getTime() + 5 * MINUTE),
    );
    expect(
      await db.billLine.count({
        where: {
          kind: "ADJUSTMENT",
          bill: { customerId: line.customerId },
          description: { startsWith: `Компенсация за аварию №${incident.number}:` },
        },
      }),
    ).toBe(1);
  });

  it("reach the account on its next bill when the line was terminated after the outage", async () => {
    const db = testDb();
    // A subscriber with two mobile lines (from the end of the list: other tests take the first ones).
    const [owner] = await db.$queryRaw<{ phone: string }[]>`
      SELECT u.phone FROM "User" u
      JOIN "Customer" c ON c.id = u."customerId" AND c.status = 'ACTIVE'
      JOIN "Line" l ON l."customerId" = c.id AND l.status = 'ACTIVE' AND l.kind = 'MOBILE'
      WHERE u.role = 'SUBSCRIBER' AND u.phone <> ALL(${Object.values(DEMO)})
      GROUP BY u.phone HAVING count(*) >= 2
      ORDER BY u.phone DESC LIMIT 1`;
    const { admin, lines, incident, resolvedAt } = await threeHourOutage([owner!.phone]);
    const line = lines[0]!;
    await admin.admin.incidents.resolve({ id: incident.id, resolvedAt });
    await issueOutageCredits(db, incident.id);
    const credit = await db.outageCredit.findUniqueOrThrow({
      where: { incidentId_lineId: { incidentId: incident.id, lineId: line.id } },
    });
    await db.line.update({ where: { id: line.id }, data: { status: "TERMINATED" } });

    const cycle = currentCycle(line.customer.billingDay, new Date());
    await billCustomers(
      db,
      { periodStart: cycle.start, customerIds: [line.customerId] },
      new Date(cycle.end.getTime() + 5 * MINUTE),
    );
    const billed = await db.outageCredit.findUniqueOrThrow({ where: { id: credit.id } });
    expect(billed.billLineId).not.toBeNull();
    const item = await db.billLine.findUniqueOrThrow({ where: { id: billed.billLineId! }, include: { bill: true } });
    expect(item).toMatchObject({ kind: "ADJUSTMENT", amountCents: -credit.amountCents, lineId: line.id });
    expect(item.bill.customerId).toBe(line.customerId);
    // The account has other lines: the credit names the number it is for.
    expect(item.description).toMatch(new RegExp(`${line.msisdn!.slice(-4, -2)}-${line.msisdn!.slice(-2)}\\)$`));

    const explained = await (await callerAs(owner!.phone)).bill.explain({ id: item.billId, locale: "en" });
    const change = explained.lines.flatMap((row) => row.changes).find((row) => row.reason === "OUTAGE_CREDIT");
    expect(change?.items).toEqual(expect.arrayContaining([expect.stringMatching(/^Credit for outage #\d+/)]));
  });
});
