import { describe, expect, it } from "vitest";
import { preparedStatement, sqlBuilder, type DB } from "./kysely";
import type { Kysely } from "kysely";

/** A Kysely stand-in that records what would be sent. */
function recorder() {
  const sent: { sql: string; parameters: readonly unknown[] }[] = [];
  const kysely = {
    executeQuery: async (query: { sql: string; parameters: readonly unknown[] }) => {
      sent.push({ sql: query.sql, parameters: query.parameters });
      return { rows: [] };
    },
  } as unknown as Kysely<DB>;
  return { kysely, sent };
}

const billsAfter = (kysely: Kysely<DB>, customerId: string, rowCount: number, issuedAt: Date) =>
  kysely
    .selectFrom("Bill")
    .select(["id", "totalCents"])
    .where("customerId", "=", customerId)
    .where("issuedAt", "<", issuedAt)
    .where("status", "=", "ISSUED")
    .limit(rowCount);

describe("preparedStatement", () => {
  it("sends the statement compiled once with each call's arguments in their places, constants kept", async () => {
    const select = preparedStatement(billsAfter, "customer", -1, new Date(0));
    const { kysely, sent } = recorder();
    const at = new Date("2026-11-01T00:00:00Z");
    await select(kysely, "cus_1", 13, at);
    await select(kysely, "cus_2", 5, at);
    const fresh = billsAfter(sqlBuilder, "cus_1", 13, at).compile();
    expect(sent[0]).toEqual({ sql: fresh.sql, parameters: fresh.parameters });
    expect(sent[0]!.parameters).toEqual(["cus_1", at, "ISSUED", 13]);
    expect(sent[1]!.parameters).toEqual(["cus_2", at, "ISSUED", 5]);
  });
});
