/**
 * `npm run bench:agent`: how fast `agent.customer360` answers on a 100,000-customer database,
 * for customers with a full year of history, with one agent calling (one request at a time).
 * Prints p50/p95/p99 and the number of SQL statements per call (counted with Prisma's query
 * events), so a query per row would show as a count that grows with the history.
 *
 * The database lives in DATA_DIR (default .data/bench) on EMBEDDED_PG_PORT (default 55600),
 * shared with `npm run bench:bills`: reused when it is already seeded, seeded when it is empty
 * (`--customers N` to change the size; the first seed of 100,000 takes several minutes).
 * With DATABASE_URL set, that database is used as it is.
 *
 *   npm run bench:agent [-- --calls 300 --customers 100000]
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { sql } from "kysely";
import pg from "pg";
import superjson from "superjson";
import { createCaller } from "../server/api/root";
import { withKysely } from "../server/db/client";
import { selectCustomer360 } from "../server/domain/agent/customer-360-query.service";
import { argument, openBenchDatabase, percentile } from "./bench/bench-database";

const CALLS = argument("calls", 300);
const CUSTOMERS = argument("customers", 100_000);
const WARM_UP = 30;
/** `--verbose`: the statements by total time, and the plan of one call, to see where a call spends it. */
const VERBOSE = process.argv.includes("--verbose");
const SAMPLE_CUSTOMERS = 100;

async function main() {
  const { url, embedded, customers } = await openBenchDatabase(CUSTOMERS);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
  let statements = 0;
  const byStatement = new Map<string, { count: number; ms: number }>();
  prisma.$on("query", (event) => {
    statements += 1;
    if (!VERBOSE) return;
    const key = event.query.replace(/\s+/g, " ").slice(0, 140);
    const entry = byStatement.get(key) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += Number(event.duration);
    byStatement.set(key, entry);
  });
  const db = withKysely(prisma);

  try {
    // Customers with a full year of history: twelve or more bills and a year of tenure.
    const sample = await db.$kysely
      .selectFrom("Customer as c")
      .select("c.id")
      .where("c.createdAt", "<=", sql<Date>`now() - interval '12 months'`)
      .where((eb) =>
        eb(
          eb.selectFrom("Bill as b").select(eb.fn.countAll<number>().as("n")).whereRef("b.customerId", "=", "c.id"),
          ">=",
          12,
        ),
      )
      .orderBy((eb) => eb.fn("md5", ["c.id"]))
      .limit(SAMPLE_CUSTOMERS)
      .execute();
    if (sample.length === 0) throw new Error("No customer with a year of history: is the database seeded?");
    const agent = await db.user.findFirstOrThrow({ where: { email: "agent1@selfcare.test" } });
    const caller = createCaller({
      db,
      session: {
        id: agent.id,
        sessionId: "bench",
        role: agent.role,
        name: agent.name,
        locale: agent.locale,
        customerId: null,
        partnerId: null,
      },
      ip: "127.0.0.1",
      channel: "WEB",
    });

    const call = async (customerId: string) => {
      statements = 0;
      const started = performance.now();
      const view = await caller.agent.customer360({ customerId });
      // What the HTTP transport does with the answer.
      const body = JSON.stringify(superjson.serialize(view));
      return { ms: performance.now() - started, statements, bytes: body.length, view };
    };

    for (let i = 0; i < WARM_UP; i++) await call(sample[i % sample.length]!.id);

    const timings: number[] = [];
    const statementCounts = new Set<number>();
    let bytes = 0;
    let rows = { bills: 0, payments: 0, interactions: 0, requests: 0, lines: 0 };
    for (let i = 0; i < CALLS; i++) {
      const result = await call(sample[i % sample.length]!.id);
      timings.push(result.ms);
      statementCounts.add(result.statements);
      bytes += result.bytes;
      rows = {
        bills: rows.bills + result.view.bills.length,
        payments: rows.payments + result.view.payments.length,
        interactions: rows.interactions + result.view.interactions.length,
        requests: rows.requests + result.view.requests.length,
        lines: rows.lines + result.view.lines.length,
      };
    }
    timings.sort((a, b) => a - b);
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const per = (n: number) => (n / CALLS).toFixed(1);
    console.log("");
    console.log(
      `agent.customer360 — ${customers.toLocaleString("en-US")} customers, ${sample.length} customers with a full year of history, ${CALLS} calls, one agent`,
    );
    console.log(
      `  p50 ${fmt(percentile(timings, 50))}   p95 ${fmt(percentile(timings, 95))}   p99 ${fmt(percentile(timings, 99))}   max ${fmt(timings[timings.length - 1]!)}`,
    );
    console.log(
      `  SQL statements per call: ${[...statementCounts].sort((a, b) => a - b).join(", ")} (the same for every customer: no query per row)`,
    );
    console.log(
      `  per call on average: ${per(rows.lines)} lines, ${per(rows.bills)} bills, ${per(rows.payments)} payments, ${per(rows.requests)} requests, ${per(rows.interactions)} interactions, ${(bytes / CALLS / 1024).toFixed(1)} kB of JSON`,
    );
    if (VERBOSE) {
      const plan = await selectCustomer360(db.$kysely, sample[0]!.id, new Date()).explain<{ "QUERY PLAN": string }>(
        undefined,
        sql`analyze, buffers`,
      );
      const lines = plan.map((row) => row["QUERY PLAN"]);
      console.log(
        `  plan of one call: ${lines.filter((line) => /Planning Time|Execution Time/.test(line)).join(", ")}`,
      );
      for (const line of lines.filter((line) => /Seq Scan/.test(line))) console.log(`  ${line.trim()}`);
      const slowest = [...byStatement.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
      for (const [query, { count, ms }] of slowest)
        console.log(`  ${(ms / count).toFixed(2).padStart(7)} ms avg  ${query}`);
    }
    // The search box an agent starts from: by phone (any form), account number and name.
    const people = await db.customer.findMany({
      where: { id: { in: sample.slice(0, 20).map((row) => row.id) } },
      select: {
        accountNumber: true,
        lastName: true,
        firstName: true,
        lines: { where: { msisdn: { not: null } }, select: { msisdn: true }, take: 1 },
      },
    });
    for (const [kind, queryOf] of [
      [
        "phone, typed as 8 (9xx) xxx-xx-xx",
        (p: (typeof people)[number]) =>
          (p.lines[0]?.msisdn ?? "").replace(/^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/, "8 ($1) $2-$3-$4"),
      ],
      ["account number", (p: (typeof people)[number]) => p.accountNumber],
      ["name, lower case", (p: (typeof people)[number]) => `${p.lastName} ${p.firstName.slice(0, 3)}`.toLowerCase()],
    ] as const) {
      const searchTimings: number[] = [];
      for (const person of people) {
        const started = performance.now();
        const found = await caller.agent.searchCustomers({ query: queryOf(person) });
        searchTimings.push(performance.now() - started);
        if (found.items.length === 0) throw new Error(`search by ${kind} found nobody for "${queryOf(person)}"`);
      }
      searchTimings.sort((a, b) => a - b);
      console.log(
        `  agent.searchCustomers by ${kind}: p50 ${fmt(percentile(searchTimings, 50))}, p95 ${fmt(percentile(searchTimings, 95))} (${people.length} searches)`,
      );
    }
    const target = percentile(timings, 95) <= 100;
    console.log(`  target p95 <= 100 ms: ${target ? "met" : "NOT met"}`);
    if (!target) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await pool.end().catch(() => {});
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
