/**
 * `npm run bench:reports`: how fast the supervisor's figures answer on the benchmark database
 * (100,000 customers): `admin.reports.overview` and `.timeline` for 30 days, 6 and 12 months,
 * `admin.policy.whatIf` over the last 30 days, article effectiveness and the home page. Prints
 * p50/p95 per call and the SQL statements of one call (Prisma query events), so a query per row
 * would show. Read-only: nothing is written.
 *
 * The database: DATABASE_URL, or the shared bench server on EMBEDDED_PG_PORT (default 55600, in
 * DATA_DIR, default .data/bench, as `npm run bench:agent` leaves it), started and seeded if needed.
 *
 *   npm run bench:reports [-- --calls 20 --customers 100000]
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { createCaller } from "../server/api/root";
import { withKysely } from "../server/db/client";
import { DEFAULT_ROUTING_POLICY } from "../server/domain/routing/policy.schema";
import { argument, openBenchDatabase, percentile } from "./bench/bench-database";

const DAY_MS = 24 * 60 * 60 * 1000;

const CALLS = argument("calls", 20);
const CUSTOMERS = argument("customers", 100_000);

async function main() {
  const { url, embedded } = await openBenchDatabase(CUSTOMERS);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
  let statements = 0;
  prisma.$on("query", () => {
    statements += 1;
  });
  const db = withKysely(prisma);
  try {
    const admin = await db.user.findFirstOrThrow({ where: { email: "admin@selfcare.test" } });
    const caller = createCaller({
      db,
      session: {
        id: admin.id,
        sessionId: "bench",
        role: admin.role,
        name: admin.name,
        locale: admin.locale,
        customerId: null,
        partnerId: null,
      },
      ip: "127.0.0.1",
      channel: "WEB",
    });
    const counts = await db.$kysely
      .selectNoFrom((eb) => [
        eb.selectFrom("Customer").select(eb.cast<number>(eb.fn.countAll(), "integer").as("n")).as("customers"),
        eb.selectFrom("ServiceRequest").select(eb.cast<number>(eb.fn.countAll(), "integer").as("n")).as("requests"),
      ])
      .executeTakeFirstOrThrow();
    console.log(
      `[bench] ${(counts.customers ?? 0).toLocaleString("en-US")} customers, ${(counts.requests ?? 0).toLocaleString("en-US")} requests; ${CALLS} calls each`,
    );

    const now = new Date();
    const range = (days: number) => ({ from: new Date(now.getTime() - days * DAY_MS), to: now });
    const draft = structuredClone(DEFAULT_ROUTING_POLICY);
    draft.selfServiceCategories.SILVER = draft.selfServiceCategories.SILVER.filter(
      (category) => category !== "BILLING_QUESTION",
    );
    draft.segmentThresholds.SILVER = 45;
    const cases: [string, () => Promise<unknown>][] = [
      ["reports.overview 30 days", () => caller.admin.reports.overview(range(30))],
      ["reports.overview 6 months", () => caller.admin.reports.overview(range(183))],
      ["reports.overview 12 months", () => caller.admin.reports.overview(range(365))],
      ["reports.timeline 6 months", () => caller.admin.reports.timeline(range(183))],
      ["policy.whatIf 30 days", () => caller.admin.policy.whatIf({ config: draft })],
      ["knowledge.effectiveness 90 days", () => caller.admin.knowledge.effectiveness({ days: 90 })],
      ["admin.home", () => caller.admin.home()],
    ];
    for (const [name, call] of cases) {
      await call();
      statements = 0;
      await call();
      const perCall = statements;
      const timings: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const started = performance.now();
        await call();
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(34)} p50 ${percentile(timings, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(timings, 95).toFixed(1).padStart(7)} ms   ${perCall} SQL statements`,
      );
    }
  } finally {
    await db.$disconnect();
    await pool.end();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
