import { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";
import { parseCustomerQuery, type CustomerQuery } from "./customer-query";

const DEFAULT_LIMIT = 20;

function likePrefix(word: string): string {
  return `${word.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The ids of the customers a query names, each way an index lookup (see the migration
 * 20261127014000_agent_customer_search): a phone is any of their line numbers, their login or
 * their contact phone; a name is words that each start one of their names, the first one their
 * last or first name ("соколов андр", "Andrey Sokolov").
 */
function idsQuery(query: CustomerQuery, take: number): Prisma.Sql {
  switch (query.kind) {
    case "account":
      return Prisma.sql`SELECT "id" FROM "Customer" WHERE "accountNumber" = ${query.value}`;
    case "phone":
      return Prisma.sql`
        SELECT "customerId" AS "id" FROM "Line" WHERE "msisdn" = ${query.value}
        UNION SELECT "customerId" FROM "User" WHERE "phone" = ${query.value} AND "customerId" IS NOT NULL
        UNION SELECT "id" FROM "Customer" WHERE "phone" = ${query.value}
        LIMIT ${take}`;
    case "email":
      return Prisma.sql`
        SELECT "id" FROM "Customer" WHERE lower("email") = ${query.value}
        UNION SELECT "customerId" FROM "User" WHERE "email" = ${query.value} AND "customerId" IS NOT NULL
        LIMIT ${take}`;
    case "name": {
      const [first, ...rest] = query.words.map(likePrefix);
      const others = rest.map(
        (pattern) =>
          Prisma.sql`AND (lower("lastName") LIKE ${pattern} OR lower("firstName") LIKE ${pattern} OR lower(coalesce("middleName", '')) LIKE ${pattern})`,
      );
      return Prisma.sql`
        SELECT "id" FROM "Customer"
         WHERE (lower("lastName") LIKE ${first} OR lower("firstName") LIKE ${first}) ${Prisma.join(others, " ", "", "")}
         ORDER BY "lastName", "firstName", "id"
         LIMIT ${take}`;
    }
  }
}

/** `agent.searchCustomers`: by phone number in any form, account number, e-mail, or name. */
export async function searchCustomers(db: Database, input: { query: string; limit?: number }) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const ids = await db.$queryRaw<{ id: string }[]>(idsQuery(parseCustomerQuery(input.query), limit + 1));
  if (ids.length === 0) return { items: [], hasMore: false };
  const rows = await db.customer.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      accountNumber: true,
      firstName: true,
      lastName: true,
      middleName: true,
      segment: true,
      status: true,
      balanceCents: true,
      currency: true,
      createdAt: true,
      personalManager: { select: { id: true, name: true } },
      lines: {
        where: { status: { not: "TERMINATED" } },
        orderBy: { activatedAt: "asc" },
        select: { id: true, msisdn: true, kind: true },
      },
    },
  });
  return {
    items: rows.map((row) => ({
      ...row,
      name: [row.lastName, row.firstName, row.middleName].filter(Boolean).join(" "),
    })),
    hasMore: ids.length > limit,
  };
}
