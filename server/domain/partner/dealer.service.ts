import type { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";
import { normalizePhone } from "../identity/identifier";

/**
 * What a dealer sees of its own customers and orders: who, which number, which tariff, status
 * and date. Never bills, payments, balances or another dealer's customers: every query is
 * scoped to the dealer's partner.
 */

type Page = { partnerId: string; cursor?: string; limit?: number; search?: string };

function customerSearch(search: string | undefined): Prisma.CustomerWhereInput {
  const text = search?.trim();
  if (!text) return {};
  const digits = text.replace(/\D/g, "");
  if (digits.length >= 3 && /^[\d\s()+-]+$/.test(text)) {
    const phone = normalizePhone(text);
    return {
      OR: [{ accountNumber: { contains: digits } }, { lines: { some: { msisdn: { contains: phone ?? digits } } } }],
    };
  }
  const words = text.split(/\s+/).slice(0, 3);
  return {
    AND: words.map((word) => ({
      OR: [
        { lastName: { contains: word, mode: "insensitive" as const } },
        { firstName: { contains: word, mode: "insensitive" as const } },
      ],
    })),
  };
}

export async function listPartnerCustomers(db: Database, input: Page) {
  const limit = input.limit ?? 25;
  const rows = await db.customer.findMany({
    where: { partnerId: input.partnerId, ...customerSearch(input.search) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      accountNumber: true,
      firstName: true,
      lastName: true,
      status: true,
      createdAt: true,
      login: { select: { passwordHash: true } },
      lines: {
        orderBy: { activatedAt: "asc" },
        select: {
          msisdn: true,
          kind: true,
          status: true,
          tariff: { select: { id: true, code: true, name: true, nameEn: true } },
        },
      },
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => {
      const line = row.lines.find((candidate) => candidate.status !== "TERMINATED") ?? row.lines[0];
      return {
        id: row.id,
        accountNumber: row.accountNumber,
        name: `${row.firstName} ${row.lastName}`,
        msisdn: line?.msisdn ?? null,
        lineCount: row.lines.length,
        tariff: line?.tariff ?? null,
        status: row.status,
        isActivated: !!row.login?.passwordHash,
        createdAt: row.createdAt,
      };
    }),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

export async function listPartnerOrders(db: Database, input: Page) {
  const limit = input.limit ?? 25;
  const search = input.search?.trim();
  const rows = await db.order.findMany({
    where: {
      partnerId: input.partnerId,
      ...(search
        ? { OR: [{ msisdn: { contains: search.replace(/\D/g, "") || search } }, { customer: customerSearch(search) }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      kind: true,
      msisdn: true,
      lineId: true,
      line: { select: { address: true } },
      status: true,
      depositCents: true,
      creditLimitCents: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      tariff: { select: { id: true, code: true, name: true, nameEn: true, monthlyFeeCents: true, currency: true } },
      customer: {
        select: {
          id: true,
          accountNumber: true,
          firstName: true,
          lastName: true,
          login: { select: { passwordHash: true, activationExpiresAt: true } },
        },
      },
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      status: row.status,
      kind: row.kind,
      msisdn: row.msisdn,
      /** Home internet: the line's service identifier and where it is installed. */
      serviceId: row.kind === "HOME_INTERNET" ? row.lineId : null,
      installationAddress: row.kind === "HOME_INTERNET" ? (row.line?.address ?? null) : null,
      tariff: row.tariff,
      depositCents: row.depositCents,
      creditLimitCents: row.creditLimitCents,
      dealerName: row.createdBy.name,
      customer: row.customer
        ? {
            id: row.customer.id,
            accountNumber: row.customer.accountNumber,
            name: `${row.customer.firstName} ${row.customer.lastName}`,
          }
        : null,
      isActivated: !!row.customer?.login?.passwordHash,
      activationExpiresAt: row.customer?.login?.passwordHash
        ? null
        : (row.customer?.login?.activationExpiresAt ?? null),
      contractUrl: `/partner/orders/${row.id}/contract`,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

const TIME_ZONE = "Europe/Moscow";

/** Registrations per day (last `days`, Moscow days) and per month (last `months`), with no gaps. */
export async function getPartnerFigures(
  db: Database,
  input: { partnerId: string; days?: number; months?: number; now?: Date },
) {
  const now = input.now ?? new Date();
  const days = input.days ?? 30;
  const months = input.months ?? 12;
  const [perDay, perMonth, totals] = await Promise.all([
    db.$queryRaw<{ day: string; count: number }[]>`
      WITH today AS (SELECT (${now}::timestamptz AT TIME ZONE ${TIME_ZONE})::date AS d),
      counted AS (
        SELECT ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${TIME_ZONE})::date AS day, count(*)::int AS count
        FROM "Order", today
        WHERE "partnerId" = ${input.partnerId} AND "status" = 'COMPLETED'
          AND "createdAt" >= ((today.d - ${days - 1}::int)::timestamp AT TIME ZONE ${TIME_ZONE}) AT TIME ZONE 'UTC'
        GROUP BY 1)
      SELECT to_char(series.day, 'YYYY-MM-DD') AS day, coalesce(counted.count, 0)::int AS count
      FROM today, generate_series(today.d - ${days - 1}::int, today.d, interval '1 day') AS series(day)
      LEFT JOIN counted ON counted.day = series.day::date
      ORDER BY series.day`,
    db.$queryRaw<{ month: string; count: number }[]>`
      WITH this_month AS (SELECT date_trunc('month', ${now}::timestamptz AT TIME ZONE ${TIME_ZONE})::date AS m),
      counted AS (
        SELECT date_trunc('month', "createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${TIME_ZONE})::date AS month, count(*)::int AS count
        FROM "Order", this_month
        WHERE "partnerId" = ${input.partnerId} AND "status" = 'COMPLETED'
          AND "createdAt" >= (((this_month.m - make_interval(months => ${months - 1}::int))::timestamp) AT TIME ZONE ${TIME_ZONE}) AT TIME ZONE 'UTC'
        GROUP BY 1)
      SELECT to_char(series.month, 'YYYY-MM') AS month, coalesce(counted.count, 0)::int AS count
      FROM this_month, generate_series(this_month.m - make_interval(months => ${months - 1}::int), this_month.m, interval '1 month') AS series(month)
      LEFT JOIN counted ON counted.month = series.month::date
      ORDER BY series.month`,
    db.$queryRaw<{ customers: number; activated: number }[]>`
      SELECT count(*)::int AS customers, count(u."passwordHash")::int AS activated
      FROM "Customer" c LEFT JOIN "User" u ON u."customerId" = c."id"
      WHERE c."partnerId" = ${input.partnerId}`,
  ]);
  const today = perDay[perDay.length - 1]?.count ?? 0;
  const thisMonth = perMonth[perMonth.length - 1]?.count ?? 0;
  return {
    perDay,
    perMonth,
    today,
    thisMonth,
    customers: totals[0]?.customers ?? 0,
    activated: totals[0]?.activated ?? 0,
  };
}
