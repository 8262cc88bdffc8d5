import "server-only";
import type { BillStatus } from "@prisma/client";
import type { Kysely } from "kysely";
import { kyselyOf, type Database } from "../../db/client";
import { preparedStatement, type DB } from "../../db/kysely";
import { badRequest, notFound } from "../errors";
import { isDateInRange, isIdLike } from "../input.schema";
import { amountDueCents, billStatusAfter } from "./bill-status";
import { localizeBillLine } from "./bill-line-text";
import { explainBill } from "./explain-bill";

export const DEFAULT_BILL_PAGE = 12;

type Cursor = { issuedAt: Date; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.issuedAt.toISOString()}|${cursor.id}`).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  const [at, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const issuedAt = new Date(at ?? "");
  if (!id || !isIdLike(id) || !isDateInRange(issuedAt)) throw badRequest("cursor", "Invalid cursor");
  return { issuedAt, id };
}

/** The stored status, except that an unpaid bill past its due date reads OVERDUE before the nightly job marks it. */
function statusNow(
  bill: { status: BillStatus; totalCents: number; paidCents: number; dueAt: Date },
  now: Date,
): BillStatus {
  if (bill.status !== "ISSUED" && bill.status !== "PARTIALLY_PAID") return bill.status;
  return billStatusAfter({ totalCents: bill.totalCents, paidCents: bill.paidCents, dueAt: bill.dueAt, now });
}

/** A customer's bills, newest first, `rowCount` of them (a page and one more, to tell whether more follow). */
export function billPageQuery(kysely: Kysely<DB>, customerId: string, rowCount: number) {
  return kysely
    .selectFrom("Bill")
    .select([
      "id",
      "number",
      "periodStart",
      "periodEnd",
      "issuedAt",
      "dueAt",
      "totalCents",
      "paidCents",
      "currency",
      "status",
    ])
    .where("customerId", "=", customerId)
    .orderBy("issuedAt", "desc")
    .orderBy("id", "desc")
    .limit(rowCount);
}

function billPageAfterQuery(kysely: Kysely<DB>, customerId: string, rowCount: number, issuedAt: Date, id: string) {
  return billPageQuery(kysely, customerId, rowCount).where(({ eb, refTuple, tuple }) =>
    eb(refTuple("issuedAt", "id"), "<", tuple(issuedAt, id)),
  );
}

const selectFirstBillPage = preparedStatement(billPageQuery, "customer-id", -1);
const selectBillPageAfter = preparedStatement(billPageAfterQuery, "customer-id", -1, new Date(0), "bill-id");

/**
 * The customer's bills, newest first, a keyset page at a time: one statement on the index
 * (customerId, issuedAt desc, id desc). It is the portal's busiest read, so it runs on the pool.
 */
export async function listBills(
  db: Database,
  input: { customerId: string; cursor?: string | null; limit?: number; now?: Date },
) {
  const limit = input.limit ?? DEFAULT_BILL_PAGE;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const now = input.now ?? new Date();
  const rows = after
    ? await selectBillPageAfter(kyselyOf(db), input.customerId, limit + 1, after.issuedAt, after.id)
    : await selectFirstBillPage(kyselyOf(db), input.customerId, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((bill) => ({ ...bill, status: statusNow(bill, now), amountDueCents: amountDueCents(bill) })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** A bill of the customer's, or NOT_FOUND: the ownership is part of the query. */
export async function getBillOrThrow(db: Database, { billId, customerId }: { billId: string; customerId: string }) {
  const bill = await db.bill.findFirst({
    where: { id: billId, customerId },
    include: {
      lines: {
        orderBy: { id: "asc" },
        include: {
          line: { select: { id: true, msisdn: true, kind: true, address: true } },
          addon: { select: { id: true } },
        },
      },
      payments: { orderBy: { createdAt: "desc" } },
      adjustments: {
        where: { status: "APPLIED" },
        orderBy: { createdAt: "asc" },
        select: { id: true, amountCents: true, reason: true, createdAt: true },
      },
      customer: {
        select: {
          id: true,
          accountNumber: true,
          firstName: true,
          lastName: true,
          middleName: true,
          address: true,
          locale: true,
        },
      },
    },
  });
  if (!bill) throw notFound("Bill");
  return bill;
}

const KIND_ORDER = ["SUBSCRIPTION", "PRORATION", "OVERAGE", "ONE_OFF", "ADJUSTMENT", "TAX"] as const;

/** Russian tariff, add-on and roaming zone names to English ones, for translating bill lines. */
export async function getTariffNames(db: Database): Promise<Map<string, string>> {
  const [tariffs, addons, zones] = await Promise.all([
    db.tariff.findMany({ select: { name: true, nameEn: true } }),
    db.addon.findMany({ select: { name: true, nameEn: true } }),
    db.roamingZone.findMany({ select: { name: true, nameEn: true } }),
  ]);
  return new Map([...tariffs, ...addons, ...zones].map((item) => [item.name, item.nameEn]));
}

/** Lines grouped by service line (account-level charges last), and within a line by kind. */
export function groupBillLines(bill: Awaited<ReturnType<typeof getBillOrThrow>>) {
  const groups = new Map<
    string,
    {
      lineId: string | null;
      msisdn: string | null;
      kind: string | null;
      address: string | null;
      totalCents: number;
      kinds: Map<string, typeof bill.lines>;
    }
  >();
  for (const item of bill.lines) {
    if (item.kind === "TAX") continue;
    const key = item.lineId ?? "";
    const group = groups.get(key) ?? {
      lineId: item.lineId,
      msisdn: item.line?.msisdn ?? null,
      kind: item.line?.kind ?? null,
      address: item.line?.address ?? null,
      totalCents: 0,
      kinds: new Map(),
    };
    group.totalCents += item.amountCents;
    group.kinds.set(item.kind, [...(group.kinds.get(item.kind) ?? []), item]);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => Number(a.lineId === null) - Number(b.lineId === null))
    .map((group) => ({
      lineId: group.lineId,
      msisdn: group.msisdn,
      serviceKind: group.kind,
      address: group.address,
      totalCents: group.totalCents,
      kinds: KIND_ORDER.filter((kind) => group.kinds.has(kind)).map((kind) => {
        const items = group.kinds.get(kind)!;
        return {
          kind,
          totalCents: items.reduce((sum, item) => sum + item.amountCents, 0),
          items: items.map((item) => ({
            id: item.id,
            description: item.description,
            quantity: item.quantity,
            amountCents: item.amountCents,
          })),
        };
      }),
    }));
}

/**
 * The bill with its lines (flat, as the contract has them, and grouped by line and kind), its
 * payments and status. Reading writes nothing (a GET): the page records the view with
 * `recordBillView` (bill-view.service.ts) once it shows the bill.
 */
export async function viewBill(
  db: Database,
  input: { billId: string; customerId: string; locale?: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const found = await getBillOrThrow(db, input);
  const names = await getTariffNames(db);
  const bill = {
    ...found,
    lines: found.lines.map((line) => ({
      ...line,
      description: localizeBillLine(line.description, input.locale ?? "ru", names),
    })),
  };
  const { customer, ...rest } = bill;
  return {
    ...rest,
    status: statusNow(bill, now),
    amountDueCents: amountDueCents(bill),
    lines: bill.lines.map((item) => ({
      id: item.id,
      lineId: item.lineId,
      kind: item.kind,
      description: item.description,
      quantity: item.quantity,
      amountCents: item.amountCents,
    })),
    groups: groupBillLines(bill),
    payments: bill.payments.map((payment) => ({
      id: payment.id,
      amountCents: payment.amountCents,
      currency: payment.currency,
      status: payment.status,
      cardLast4: payment.cardLast4,
      failureReason: payment.failureReason,
      channel: payment.channel,
      createdAt: payment.createdAt,
    })),
    accountNumber: customer.accountNumber,
  };
}

/**
 * What changed against the previous bill, and why, line by line; the service lines are named by
 * their number (or address for home internet).
 */
export async function explainBillForCustomer(
  db: Database,
  input: { billId: string; customerId: string; locale?: string },
) {
  const bill = await getBillOrThrow(db, input);
  const names = await getTariffNames(db);
  const previous = await db.bill.findFirst({
    where: { customerId: input.customerId, periodStart: { lt: bill.periodStart } },
    orderBy: { periodStart: "desc" },
    include: {
      lines: {
        select: {
          id: true,
          lineId: true,
          kind: true,
          description: true,
          amountCents: true,
          addon: { select: { id: true } },
        },
      },
    },
  });
  // Outage credits (issue 17) are adjustments the explanation names as such.
  const credited = new Set(
    (
      await db.outageCredit.findMany({
        where: { billLineId: { in: [...bill.lines, ...(previous?.lines ?? [])].map((line) => line.id) } },
        select: { billLineId: true },
      })
    ).map((credit) => credit.billLineId),
  );
  const localize = <T extends { id: string; description: string; addon: { id: string } | null }>(lines: T[]) =>
    lines.map(({ addon, ...line }) => ({
      ...line,
      isAddon: addon !== null,
      isOutageCredit: credited.has(line.id),
      description: localizeBillLine(line.description, input.locale ?? "ru", names),
    }));
  const explanation = explainBill(localize(bill.lines), previous ? localize(previous.lines) : null);
  const lineIds = explanation.lines.map((line) => line.lineId).filter((id): id is string => id !== null);
  const lines = await db.line.findMany({
    where: { id: { in: lineIds }, customerId: input.customerId },
    select: { id: true, msisdn: true, kind: true, address: true },
  });
  const byId = new Map(lines.map((line) => [line.id, line]));
  return {
    ...explanation,
    billId: bill.id,
    currency: bill.currency,
    previous: previous
      ? { id: previous.id, number: previous.number, periodStart: previous.periodStart, totalCents: previous.totalCents }
      : null,
    lines: explanation.lines.map((line) => ({ ...line, line: line.lineId ? (byId.get(line.lineId) ?? null) : null })),
  };
}
