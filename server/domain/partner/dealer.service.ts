import "server-only";
import type { Prisma } from "@prisma/client";
import { sql, type Expression } from "kysely";
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
  const moscowTime = (at: Expression<Date>) => sql<Date>`(${at} AT TIME ZONE 'UTC' AT TIME ZONE ${TIME_ZONE})`;
  const [perDay, perMonth, totals] = await Promise.all([
    db.$kysely
      .with("today", (db) => db.selectNoFrom(sql<Date>`(${now}::timestamptz AT TIME ZONE ${TIME_ZONE})::date`.as("d")))
      .with("counted", (db) =>
        db
          .selectFrom(["Order", "today"])
          .where("Order.partnerId", "=", input.partnerId)
          .where("Order.status", "=", "COMPLETED")
          .select((eb) => [
            sql<Date>`${moscowTime(eb.ref("Order.createdAt"))}::date`.as("day"),
            eb.cast<number>(eb.fn.countAll(), "integer").as("count"),
          ])
          .where((eb) =>
            eb(
              "Order.createdAt",
              ">=",
              sql<Date>`((${eb.ref("today.d")} - ${days - 1}::int)::timestamp AT TIME ZONE ${TIME_ZONE}) AT TIME ZONE 'UTC'`,
            ),
          )
          .groupBy(sql`1`),
      )
      .selectFrom("today")
      .crossJoin((eb) =>
        sql<{
          day: Date;
        }>`generate_series(${eb.ref("today.d")} - ${days - 1}::int, ${eb.ref("today.d")}, interval '1 day')`.as<"series">(
          sql`series(day)`,
        ),
      )
      .leftJoin("counted", (join) => join.on((eb) => eb("counted.day", "=", sql<Date>`${eb.ref("series.day")}::date`)))
      .select((eb) => [
        sql<string>`to_char(${eb.ref("series.day")}, 'YYYY-MM-DD')`.as("day"),
        eb.cast<number>(eb.fn.coalesce("counted.count", eb.lit(0)), "integer").as("count"),
      ])
      .orderBy("series.day")
      .execute(),
    db.$kysely
      .with("thisMonth", (db) =>
        db.selectNoFrom(sql<Date>`date_trunc('month', ${now}::timestamptz AT TIME ZONE ${TIME_ZONE})::date`.as("m")),
      )
      .with("counted", (db) =>
        db
          .selectFrom(["Order", "thisMonth"])
          .where("Order.partnerId", "=", input.partnerId)
          .where("Order.status", "=", "COMPLETED")
          .select((eb) => [
            sql<Date>`date_trunc('month', ${moscowTime(eb.ref("Order.createdAt"))})::date`.as("month"),
            eb.cast<number>(eb.fn.countAll(), "integer").as("count"),
          ])
          .where((eb) =>
            eb(
              "Order.createdAt",
              ">=",
              sql<Date>`(((${eb.ref("thisMonth.m")} - make_interval(months => ${months - 1}::int))::timestamp) AT TIME ZONE ${TIME_ZONE}) AT TIME ZONE 'UTC'`,
            ),
          )
          .groupBy(sql`1`),
      )
      .selectFrom("thisMonth")
      .crossJoin((eb) =>
        sql<{
          month: Date;
        }>`generate_series(${eb.ref("thisMonth.m")} - make_interval(months => ${months - 1}::int), ${eb.ref("thisMonth.m")}, interval '1 month')`.as<"series">(
          sql`series(month)`,
        ),
      )
      .leftJoin("counted", (join) =>
        join.on((eb) => eb("counted.month", "=", sql<Date>`${eb.ref("series.month")}::date`)),
      )
      .select((eb) => [
        sql<string>`to_char(${eb.ref("series.month")}, 'YYYY-MM')`.as("month"),
        eb.cast<number>(eb.fn.coalesce("counted.count", eb.lit(0)), "integer").as("count"),
      ])
      .orderBy("series.month")
      .execute(),
    db.$kysely
      .selectFrom("Customer as c")
      .leftJoin("User as u", "u.customerId", "c.id")
      .select((eb) => [
        eb.cast<number>(eb.fn.countAll(), "integer").as("customers"),
        eb.cast<number>(eb.fn.count("u.passwordHash"), "integer").as("activated"),
      ])
      .where("c.partnerId", "=", input.partnerId)
      .execute(),
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
