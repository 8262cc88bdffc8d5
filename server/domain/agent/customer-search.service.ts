import type { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";
import { parseCustomerQuery } from "./customer-query";

const DEFAULT_LIMIT = 20;

function whereFor(query: string): Prisma.CustomerWhereInput {
  const parsed = parseCustomerQuery(query);
  switch (parsed.kind) {
    case "account":
      return { accountNumber: parsed.value };
    case "phone":
      // The number of any of their lines, their contact phone or their login.
      return { OR: [{ lines: { some: { msisdn: parsed.value } } }, { phone: parsed.value }, { login: { phone: parsed.value } }] };
    case "email":
      return { OR: [{ email: { equals: parsed.value, mode: "insensitive" } }, { login: { email: parsed.value } }] };
    case "name":
      // Every word starts one of the names, in any order: "соколов андрей", "Andrey Sokolov" (as typed).
      return {
        AND: parsed.words.map((word) => ({
          OR: [
            { lastName: { startsWith: word, mode: "insensitive" as const } },
            { firstName: { startsWith: word, mode: "insensitive" as const } },
            { middleName: { startsWith: word, mode: "insensitive" as const } },
          ],
        })),
      };
  }
}

/** `agent.searchCustomers`: by phone number in any form, account number, e-mail, or name. */
export async function searchCustomers(db: Database, input: { query: string; limit?: number }) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const rows = await db.customer.findMany({
    where: whereFor(input.query),
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: limit + 1,
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
    items: rows.slice(0, limit).map((row) => ({
      ...row,
      name: [row.lastName, row.firstName, row.middleName].filter(Boolean).join(" "),
    })),
    hasMore: rows.length > limit,
  };
}
