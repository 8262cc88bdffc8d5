import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { currentCycle } from "../billing/cycle";
import { notifyMany } from "../notification/notify.service";
import { getActivePolicy } from "../routing/policy.service";
import { outageCreditCents, uncoveredMinutes, type Interval } from "./outage-credit";

/** Customers per transaction: all of a customer's affected lines are in one batch (one notification each). */
const BATCH = 2_000;
const MINUTE_MS = 60_000;
/** Longer than any billing cycle: earlier incidents looked at around this one's start. */
const CYCLE_REACH_MS = 32 * 24 * 60 * MINUTE_MS;

type LineRow = {
  lineId: string;
  customerId: string;
  activatedAt: Date;
  monthlyFeeCents: number;
  billingDay: number;
  currency: string;
  userId: string | null;
  locale: string | null;
};

/**
 * Credits a resolved incident's affected lines (the `incident:credits` job, issue 17): each line out
 * of service longer than the policy's threshold gets its monthly fee prorated to the outage, at the
 * policy's rate, at least the floor, and never more than the fee left in its cycle after earlier
 * credits (whose outages are not counted twice). The credit goes on the next bill (bill-run.service.ts).
 * Batches of whole customers, one transaction each; the unique (incident, line) key makes a rerun or
 * a concurrent run insert nothing twice, and only the customers whose credits this run inserted are
 * notified, once per incident. Not resolved: nothing.
 */
export async function issueOutageCredits(db: Database, incidentId: string, now = new Date()) {
  const incident = await db.incident.findUnique({
    where: { id: incidentId },
    select: { id: true, number: true, status: true, startedAt: true, resolvedAt: true },
  });
  if (!incident || incident.status !== "RESOLVED" || !incident.resolvedAt) return { credited: 0, totalCents: 0 };
  const resolvedAt = incident.resolvedAt;
  const policy = (await getActivePolicy(db)).config.outageCredit;

  let credited = 0;
  let totalCents = 0;
  let afterCustomer = "";
  for (;;) {
    const customerIds = (
      await db.$kysely
        .selectFrom("IncidentLine")
        .select("customerId")
        .distinct()
        .where("incidentId", "=", incidentId)
        .where("customerId", ">", afterCustomer)
        .orderBy("customerId")
        .limit(BATCH)
        .execute()
    ).map((row) => row.customerId);
    if (!customerIds.length) break;
    afterCustomer = customerIds.at(-1)!;

    const lines: LineRow[] = await db.$kysely
      .selectFrom("IncidentLine as il")
      .innerJoin("Line as l", "l.id", "il.lineId")
      .innerJoin("Tariff as t", "t.id", "l.tariffId")
      .innerJoin("Customer as c", "c.id", "il.customerId")
      .leftJoin("User as u", "u.customerId", "c.id")
      .select([
        "il.lineId",
        "il.customerId",
        "l.activatedAt",
        "t.monthlyFeeCents",
        "c.billingDay",
        "c.currency",
        "u.id as userId",
        "u.locale",
      ])
      .where("il.incidentId", "=", incidentId)
      .where("il.customerId", "in", customerIds)
      .orderBy("il.lineId")
      .execute();
    const lineIds = lines.map((line) => line.lineId);
    const earlier = await db.$kysely
      .selectFrom("OutageCredit as oc")
      .innerJoin("Incident as i", "i.id", "oc.incidentId")
      .select(["oc.lineId", "oc.amountCents", "i.startedAt", "i.resolvedAt"])
      .where("oc.lineId", "in", lineIds)
      .where("oc.incidentId", "!=", incidentId)
      .where("i.startedAt", ">", new Date(incident.startedAt.getTime() - CYCLE_REACH_MS))
      .where("i.startedAt", "<", new Date(incident.startedAt.getTime() + CYCLE_REACH_MS))
      .execute();
    const earlierByLine = new Map<string, typeof earlier>();
    for (const row of earlier) earlierByLine.set(row.lineId, [...(earlierByLine.get(row.lineId) ?? []), row]);

    const rows = lines.flatMap((line) => {
      const cycle = currentCycle(line.billingDay, incident.startedAt);
      const inCycle = (earlierByLine.get(line.lineId) ?? []).filter(
        (row) => row.startedAt >= cycle.start && row.startedAt < cycle.end,
      );
      const from = (at: Date) => new Date(Math.max(at.getTime(), line.activatedAt.getTime()));
      const outage: Interval = { from: from(incident.startedAt), to: resolvedAt };
      const minutes = uncoveredMinutes(
        outage,
        inCycle.map((row) => ({ from: from(row.startedAt), to: row.resolvedAt ?? row.startedAt })),
      );
      const amountCents = outageCreditCents({
        monthlyFeeCents: line.monthlyFeeCents,
        minutes,
        cycleMinutes: (cycle.end.getTime() - cycle.start.getTime()) / MINUTE_MS,
        creditedInCycleCents: inCycle.reduce((sum, row) => sum + row.amountCents, 0),
        policy,
      });
      return amountCents > 0
        ? [{ incidentId, lineId: line.lineId, customerId: line.customerId, minutes, amountCents, createdAt: now }]
        : [];
    });
    if (!rows.length) continue;

    const inserted = await db.$transaction(
      async (tx) => {
        const created = await tx.$kysely
          .insertInto("OutageCredit")
          .values(rows.map((row) => ({ id: `ocr_${randomBytes(12).toString("hex")}`, ...row })))
          .onConflict((oc) => oc.columns(["incidentId", "lineId"]).doNothing())
          .returning(["customerId", "minutes", "amountCents"])
          .execute();
        const byCustomer = new Map<string, { lines: number; minutes: number; cents: number }>();
        for (const row of created) {
          const sum = byCustomer.get(row.customerId) ?? { lines: 0, minutes: 0, cents: 0 };
          byCustomer.set(row.customerId, {
            lines: sum.lines + 1,
            minutes: Math.max(sum.minutes, row.minutes),
            cents: sum.cents + row.amountCents,
          });
        }
        const loginOf = new Map(lines.map((line) => [line.customerId, line]));
        await notifyMany(
          tx,
          [...byCustomer].flatMap(([customerId, sum]) => {
            const login = loginOf.get(customerId);
            if (!login?.userId) return [];
            const t = translatorFor(login.locale, "notifications");
            return [
              {
                userId: login.userId,
                kind: "OUTAGE_CREDIT" as const,
                title: t("outageCreditTitle", { number: String(incident.number) }),
                body: t("outageCreditBody", {
                  lines: sum.lines,
                  hours: Math.floor(sum.minutes / 60),
                  minutes: sum.minutes % 60,
                  amount: sum.cents / 100,
                  currency: login.currency,
                }),
                url: "/bills",
              },
            ];
          }),
        );
        return created;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    credited += inserted.length;
    totalCents += inserted.reduce((sum, row) => sum + row.amountCents, 0);
  }
  await db.incident.updateMany({ where: { id: incidentId, creditsIssuedAt: null }, data: { creditsIssuedAt: now } });
  return { credited, totalCents };
}
