import "server-only";
import { scheduleAutopay } from "../payment/autopay.service";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Database, Transaction } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { notifyMany } from "../notification/notify.service";
import { queueValueRecompute } from "../value/queue-recompute.service";
import { billStatusAfter } from "./bill-status";
import {
  addonBillItems,
  composeBill,
  outageCreditBillItems,
  suspensionBillItems,
  type AppliedChange,
  type LineToBill,
} from "./compose-bill";
import { DAY_MS, previousCycle } from "./cycle";
import type { TariffPrice } from "./price-usage";
import { getBillingSettings } from "./settings.service";
import { groupBy } from "../group-by";
import { rateLines } from "../usage/line-rating.service";

export const BILL_BATCH_SIZE = 200;

export type BillRunSlice = { periodStart: Date; periodEnd: Date; customerIds: string[] };

type Draft = {
  id: string;
  customer: { id: string; accountNumber: string; currency: string; login: { id: string; locale: string } | null };
  bill: ReturnType<typeof composeBill>;
  /** Add-on purchases charged on this bill: purchase id to the id of its bill line. */
  addonLines: { purchaseId: string; billLineId: string }[];
  /** Suspension fees charged on this bill: the SUSPEND command's id to the id of its bill line. */
  suspensionLines: { commandId: string; billLineId: string }[];
  /** Outage credits (issue 17) on this bill: the credit's id to the id of its bill line. */
  creditLines: { creditId: string; billLineId: string }[];
  status: ReturnType<typeof billStatusAfter>;
};

function periodEndOf(periodStart: Date): Date {
  return new Date(Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + 1, periodStart.getUTCDate()));
}

/**
 * Who is due a bill at `now`: for each billing day, the cycle that ended last, and the customers
 * on that day with service in it and no bill for it yet. Running again finds only the rest.
 */
export async function planBillRun(db: Database, now: Date, batchSize = BILL_BATCH_SIZE): Promise<BillRunSlice[]> {
  const days = await db.$kysely
    .selectFrom("Customer")
    .select("billingDay")
    .distinct()
    .where("status", "<>", "CLOSED")
    .execute();
  const slices: BillRunSlice[] = [];
  for (const { billingDay } of days) {
    const period = previousCycle(billingDay, now);
    const rows = await db.$kysely
      .selectFrom("Customer as c")
      .select("c.id")
      .where("c.billingDay", "=", billingDay)
      .where("c.status", "<>", "CLOSED")
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("Line as l")
            .select("l.id")
            .whereRef("l.customerId", "=", "c.id")
            .where("l.activatedAt", "<", period.end)
            .where("l.status", "<>", "TERMINATED"),
        ),
      )
      .where(({ exists, not, selectFrom, cast, val }) =>
        not(
          exists(
            selectFrom("Bill as b")
              .select("b.id")
              .whereRef("b.customerId", "=", "c.id")
              .where("b.periodStart", "=", cast<Date>(val(period.start), "date")),
          ),
        ),
      )
      .orderBy("c.id")
      .execute();
    for (let i = 0; i < rows.length; i += batchSize) {
      slices.push({
        periodStart: period.start,
        periodEnd: period.end,
        customerIds: rows.slice(i, i + batchSize).map((row) => row.id),
      });
    }
  }
  return slices;
}

const tariffPrice = {
  select: {
    id: true,
    code: true,
    name: true,
    nameEn: true,
    monthlyFeeCents: true,
    minutes: true,
    sms: true,
    dataMb: true,
    minuteCents: true,
    smsCents: true,
    dataBlockCents: true,
  },
} as const;

/**
 * Issues the period's bill for each customer in the slice: the bill with its lines, the balance,
 * and a BILL_ISSUED notification, in one transaction for the slice. The unique (customer, period)
 * key makes a second run (or a concurrent one) skip the customer instead of billing twice.
 */
export async function billCustomers(
  db: Database,
  slice: { periodStart: Date; customerIds: string[] },
  now = new Date(),
) {
  const period = { start: slice.periodStart, end: periodEndOf(slice.periodStart) };
  const settings = await getBillingSettings(db);
  const customers = await db.customer.findMany({
    where: { id: { in: slice.customerIds }, status: { not: "CLOSED" } },
    select: {
      id: true,
      accountNumber: true,
      locale: true,
      currency: true,
      login: { select: { id: true, locale: true } },
      lines: {
        where: { status: { not: "TERMINATED" }, activatedAt: { lt: period.end } },
        select: { id: true, msisdn: true, activatedAt: true, tariff: tariffPrice },
        orderBy: { activatedAt: "asc" },
      },
    },
  });
  const lineIds = customers.flatMap((customer) => customer.lines.map((line) => line.id));
  const [changes, usage, addons, suspensions, outageCredits] = await Promise.all([
    db.tariffChange.findMany({
      where: { lineId: { in: lineIds }, status: "APPLIED", effectiveAt: { gte: period.start } },
      select: {
        lineId: true,
        effective: true,
        effectiveAt: true,
        prorationCreditCents: true,
        prorationChargeCents: true,
        fromTariff: tariffPrice,
        toTariff: tariffPrice,
      },
      orderBy: { effectiveAt: "asc" },
    }),
    // Usage rated against the add-ons: what packs leave goes to the tariff, roaming is priced by zone.
    rateLines(db, lineIds, period),
    // Every purchase made before the period's end and not charged yet: charged once, on this bill.
    db.lineAddon.findMany({
      where: { lineId: { in: lineIds }, billLineId: null, createdAt: { lt: period.end } },
      select: { id: true, lineId: true, priceCents: true, createdAt: true, addon: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    // Voluntary suspensions the network confirmed before the period's end, their fee not charged yet.
    db.provisioningCommand.findMany({
      where: { lineId: { in: lineIds }, kind: "SUSPEND", status: "DONE", billLineId: null, doneAt: { lt: period.end } },
      select: { id: true, lineId: true, payload: true, doneAt: true },
      orderBy: [{ doneAt: "asc" }, { id: "asc" }],
    }),
    // Outage credits issued before the period's end and not billed yet: on this bill, once. By
    // customer, so a credit on a line terminated since the outage still reaches the account.
    db.outageCredit.findMany({
      where: {
        customerId: { in: customers.map((customer) => customer.id) },
        billLineId: null,
        createdAt: { lt: period.end },
      },
      select: {
        id: true,
        customerId: true,
        lineId: true,
        minutes: true,
        amountCents: true,
        incident: { select: { number: true, startedAt: true } },
        line: { select: { msisdn: true, activatedAt: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const creditsByCustomer = groupBy(outageCredits, (credit) => credit.customerId);
  const suspensionsByLine = groupBy(
    suspensions.filter((command) => feeOf(command.payload).feeCents > 0),
    (command) => command.lineId,
  );
  const addonsByLine = groupBy(addons, (purchase) => purchase.lineId);
  const changesByLine = groupBy(changes, (change) => change.lineId);

  const dueAt = new Date(now.getTime() + settings.paymentTermDays * DAY_MS);
  const drafts: Draft[] = [];
  let skipped = 0;
  for (const customer of customers) {
    const lines: LineToBill[] = customer.lines.map((line) => ({
      id: line.id,
      msisdn: line.msisdn,
      activatedAt: line.activatedAt,
      currentTariff: line.tariff as TariffPrice,
      changes: (changesByLine.get(line.id) ?? []).map((change): AppliedChange => ({
        effective: change.effective,
        effectiveAt: change.effectiveAt,
        from: change.fromTariff,
        to: change.toTariff,
        creditCents: change.prorationCreditCents,
        chargeCents: change.prorationChargeCents,
      })),
      dailyUsage: usage.rated.get(line.id)?.domestic ?? [],
      roaming: (usage.rated.get(line.id)?.roaming ?? []).map((charge) => ({
        ...charge,
        zoneName: charge.zoneId ? (usage.zones.get(charge.zoneId)?.name ?? charge.zoneId) : null,
      })),
    }));
    // Lines are stored in Russian, the language of the operator's documents; pages and PDFs translate them.
    const purchases = customer.lines.flatMap((line) =>
      (addonsByLine.get(line.id) ?? []).map((purchase) => ({
        id: purchase.id,
        lineId: purchase.lineId,
        msisdn: line.msisdn,
        name: purchase.addon.name,
        priceCents: purchase.priceCents,
        boughtAt: purchase.createdAt,
      })),
    );
    const addonItems = addonBillItems(purchases, customer.lines.length > 1, "ru");
    const addonLines = addonItems.map((item) => ({
      purchaseId: item.purchaseId,
      billLineId: `bln_${randomBytes(12).toString("hex")}`,
    }));
    const suspensionItems = suspensionBillItems(
      customer.lines.flatMap((line) =>
        (suspensionsByLine.get(line.id) ?? []).map((command) => ({
          commandId: command.id,
          lineId: command.lineId,
          msisdn: line.msisdn,
          since: command.doneAt!,
          ...feeOf(command.payload),
        })),
      ),
      customer.lines.length > 1,
      "ru",
    );
    const suspensionLines = suspensionItems.map((item) => ({
      commandId: item.commandId,
      billLineId: `bln_${randomBytes(12).toString("hex")}`,
    }));
    const credits = creditsByCustomer.get(customer.id) ?? [];
    const creditItems = outageCreditBillItems(
      credits.map((credit) => ({
        creditId: credit.id,
        lineId: credit.lineId,
        msisdn: credit.line.msisdn,
        incidentNumber: credit.incident.number,
        minutes: credit.minutes,
        startedAt: new Date(Math.max(credit.incident.startedAt.getTime(), credit.line.activatedAt.getTime())),
        amountCents: credit.amountCents,
      })),
      new Set([...customer.lines.map((line) => line.id), ...credits.map((credit) => credit.lineId)]).size > 1,
      "ru",
    );
    const creditLines = creditItems.map((item) => ({
      creditId: item.creditId,
      billLineId: `bln_${randomBytes(12).toString("hex")}`,
    }));
    const bill = composeBill({
      period,
      lines,
      taxRateBps: settings.taxRateBps,
      locale: "ru",
      extraItems: [
        ...addonItems.map((item, index) => ({ ...item.item, id: addonLines[index]!.billLineId })),
        ...suspensionItems.map((item, index) => ({ ...item.item, id: suspensionLines[index]!.billLineId })),
        ...creditItems.map((item, index) => ({ ...item.item, id: creditLines[index]!.billLineId })),
      ],
    });
    if (!bill.hasService) {
      skipped++;
      continue;
    }
    drafts.push({
      id: `bil_${randomBytes(12).toString("hex")}`,
      customer,
      bill,
      addonLines,
      suspensionLines,
      creditLines,
      status: billStatusAfter({ totalCents: bill.totalCents, paidCents: 0, dueAt, now }),
    });
  }
  if (!drafts.length) return { billed: 0, skipped };

  // One transaction for the slice. The unique (customer, period) key skips a customer already
  // billed (a rerun, a retried job, a concurrent run); only the bills inserted here get lines,
  // balance and a notification.
  const billed = await db.$transaction(
    async (tx) => {
      await tx.bill.createMany({
        data: drafts.map(({ id, customer, bill, status }) => ({
          id,
          number: `${period.start.toISOString().slice(0, 7)}-${customer.accountNumber}`,
          customerId: customer.id,
          periodStart: period.start,
          periodEnd: new Date(period.end.getTime() - DAY_MS),
          issuedAt: now,
          dueAt,
          subtotalCents: bill.subtotalCents,
          taxCents: bill.taxCents,
          totalCents: bill.totalCents,
          currency: customer.currency,
          status,
          paidAt: status === "PAID" ? now : null,
          createdAt: now,
        })),
        skipDuplicates: true,
      });
      const inserted = new Set(
        (await tx.bill.findMany({ where: { id: { in: drafts.map((draft) => draft.id) } }, select: { id: true } })).map(
          (row) => row.id,
        ),
      );
      const mine = drafts.filter((draft) => inserted.has(draft.id));
      if (!mine.length) return 0;
      await tx.billLine.createMany({
        data: mine.flatMap((draft) => draft.bill.items.map((item) => ({ ...item, billId: draft.id }))),
      });
      await markBilled(
        tx,
        "LineAddon",
        mine.flatMap((draft) => draft.addonLines.map((row) => ({ id: row.purchaseId, billLineId: row.billLineId }))),
        "An add-on purchase was charged by another bill run; retry the slice",
      );
      const suspended = mine.flatMap((draft) => draft.suspensionLines);
      for (const { commandId, billLineId } of suspended) {
        const marked = await tx.provisioningCommand.updateMany({
          where: { id: commandId, billLineId: null },
          data: { billLineId },
        });
        if (marked.count !== 1) throw new Error("A suspension fee was charged by another bill run; retry the slice");
      }
      await markBilled(
        tx,
        "OutageCredit",
        mine.flatMap((draft) => draft.creditLines.map((row) => ({ id: row.creditId, billLineId: row.billLineId }))),
        "An outage credit was billed by another bill run; retry the slice",
      );
      const customerIds = mine.map((draft) => draft.customer.id);
      const totals = mine.map((draft) => draft.bill.totalCents);
      const totalByCustomer = sql<{
        id: string;
        total: number;
      }>`unnest(${customerIds}::text[], ${totals}::int[])`.as<"v">(sql`v(id, total)`);
      await tx.$kysely
        .updateTable("Customer as c")
        .from(totalByCustomer)
        .set((eb) => ({ balanceCents: eb("c.balanceCents", "+", eb.ref("v.total")), updatedAt: now }))
        .whereRef("c.id", "=", "v.id")
        .execute();
      await scheduleAutopay(
        tx,
        mine.map((draft) => ({ billId: draft.id, customerId: draft.customer.id })),
        now,
      );
      await notifyMany(
        tx,
        mine.flatMap(({ id, customer, bill }) => {
          if (!customer.login) return [];
          const t = translatorFor(customer.login.locale, "notifications");
          return [
            {
              userId: customer.login.id,
              kind: "BILL_ISSUED" as const,
              title: t("billIssuedTitle", { month: period.start.toISOString().slice(0, 7) }),
              body: t("billIssuedBody", {
                amount: bill.totalCents / 100,
                currency: customer.currency,
                dueDay: dueAt.toISOString().slice(0, 10),
              }),
              url: `/bills/${id}`,
            },
          ];
        }),
      );
      return mine.length;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { billed, skipped: skipped + drafts.length - billed };
}

/** The whole run inline (tests, scripts); the job queue runs the same slices as separate jobs. */
export async function runBillRun(db: Database, now = new Date()) {
  let billed = 0;
  let skipped = 0;
  for (const slice of await planBillRun(db, now)) {
    const result = await billCustomers(db, slice, now);
    billed += result.billed;
    skipped += result.skipped;
  }
  return { billed, skipped };
}

/**
 * Unpaid bills past their due date become OVERDUE, and each of their customers is queued for a
 * rescore (an overdue bill lowers payment discipline); returns how many bills changed.
 */
export async function markOverdueBills(db: Database, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const marked = await tx.bill.updateManyAndReturn({
      where: { status: { in: ["ISSUED", "PARTIALLY_PAID"] }, dueAt: { lt: now } },
      data: { status: "OVERDUE" },
      select: { customerId: true },
    });
    for (const customerId of new Set(marked.map((bill) => bill.customerId))) await queueValueRecompute(tx, customerId);
    return marked.length;
  });
}

/**
 * Marks what the slice's bills charged or credited (add-on purchases, outage credits) with their
 * bill lines, only where still unbilled: anything another run billed meanwhile rolls the slice
 * back (`conflict`), and the retry leaves it out.
 */
async function markBilled(
  tx: Transaction,
  table: "LineAddon" | "OutageCredit",
  rows: { id: string; billLineId: string }[],
  conflict: string,
) {
  if (!rows.length) return;
  const pairs = sql<{
    id: string;
    billLineId: string;
  }>`unnest(${rows.map((row) => row.id)}::text[], ${rows.map((row) => row.billLineId)}::text[])`.as<"v">(
    sql`v(id, "billLineId")`,
  );
  const updated = await tx.$kysely
    // Both tables have the same `id` and `billLineId` columns; the statement is typed by one of them.
    .updateTable(`${table} as t` as "LineAddon as t")
    .from(pairs)
    .set((eb) => ({ billLineId: eb.ref("v.billLineId") }))
    .whereRef("t.id", "=", "v.id")
    .where("t.billLineId", "is", null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== rows.length) throw new Error(conflict);
}

/** The fee stored on a SUSPEND command when the subscriber confirmed it (see `line.suspend`). */
function feeOf(payload: unknown): { days: number; feeCents: number } {
  const fee = (payload ?? {}) as { days?: unknown; feeCents?: unknown };
  return {
    days: Number.isInteger(fee.days) ? (fee.days as number) : 0,
    feeCents: Number.isInteger(fee.feeCents) ? (fee.feeCents as number) : 0,
  };
}
