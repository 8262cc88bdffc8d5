import "server-only";
import type { NotNull } from "kysely";
import type { Database, SqlExecutor } from "../../db/client";
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
async function findIds(db: SqlExecutor, query: CustomerQuery, take: number): Promise<{ id: string }[]> {
  const kysely = db.$kysely;
  switch (query.kind) {
    case "account":
      return kysely.selectFrom("Customer").select("id").where("accountNumber", "=", query.value).execute();
    case "phone":
      return kysely
        .selectFrom("Line")
        .select("customerId as id")
        .where("msisdn", "=", query.value)
        .union(
          kysely
            .selectFrom("User")
            .select("customerId as id")
            .where("phone", "=", query.value)
            .where("customerId", "is not", null)
            .$narrowType<{ id: NotNull }>(),
        )
        .union(kysely.selectFrom("Customer").select("id").where("phone", "=", query.value))
        .limit(take)
        .execute();
    case "email":
      return kysely
        .selectFrom("Customer")
        .select("id")
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", query.value))
        .union(
          kysely
            .selectFrom("User")
            .select("customerId as id")
            .where("email", "=", query.value)
            .where("customerId", "is not", null)
            .$narrowType<{ id: NotNull }>(),
        )
        .limit(take)
        .execute();
    case "name": {
      const [first, ...rest] = query.words.map(likePrefix);
      if (first === undefined) return [];
      return kysely
        .selectFrom("Customer")
        .select("id")
        .where((eb) => {
          const starts = (column: "lastName" | "firstName", pattern: string) =>
            eb(eb.fn("lower", [column]), "like", pattern);
          return eb.and([
            eb.or([starts("lastName", first), starts("firstName", first)]),
            ...rest.map((pattern) =>
              eb.or([
                starts("lastName", pattern),
                starts("firstName", pattern),
                eb(eb.fn("lower", [eb.fn.coalesce("middleName", eb.val(""))]), "like", pattern),
              ]),
            ),
          ]);
        })
        .orderBy("lastName")
        .orderBy("firstName")
        .orderBy("id")
        .limit(take)
        .execute();
    }
  }
}

/** `agent.searchCustomers`: by phone number in any form, account number, e-mail, or name. */
export async function searchCustomers(db: Database, input: { query: string; limit?: number }) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const ids = await findIds(db, parseCustomerQuery(input.query), limit + 1);
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
