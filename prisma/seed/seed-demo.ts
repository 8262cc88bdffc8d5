import { fakerRU } from "@faker-js/faker";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { sql } from "kysely";
import pg from "pg";
import { withKysely } from "../../server/db/client";
import { hashPassword } from "../../server/domain/identity/password";
import { recomputeAllValueScores } from "../../server/domain/value/value.service";
import { insertArticles, queueArticleViewCounts, writeBrowsingViews } from "./articles";
import { BulkWriter, runOn, seedSql, serialSequenceOf, yieldToEventLoop } from "./bulk-insert";
import { BULK_TABLES, suspendConstraints } from "./bulk-load";
import { insertCannedResponses } from "./canned-responses";
import { applyDemoProfile, demoRequestScenarios, isDemoIndex, writeDemoNotifications } from "./demo-profiles";
import { createCustomerBuffers, writeCustomer, type CustomerBuffers, type CustomerSummary } from "./history";
import { insertNumberPool } from "./number-pool";
import { planCustomer } from "./people";
import { mixSeed, Rng, SEED } from "./random";
import {
  createRequestBuffers,
  writeRequest,
  type ArticleIndex,
  type RequestBuffers,
  type WrittenRequest,
} from "./request-lifecycle";
import { orderScenarios, planRandomRequests } from "./request-scenarios";
import { insertStaffAndSettings } from "./staff";
import { insertAddons } from "./addons";
import { insertTariffs } from "./tariffs";
import { createClock, type SeedClock } from "./time";
import { addUsageLines, createUsageRecipe, queueUsage, type UsageRecipe } from "./usage";

export const DEMO_PASSWORD = "selfcare-demo";
export const DEFAULT_CUSTOMERS = 2000;

export type SeedOptions = {
  customers?: number;
  log?: (line: string) => void;
  /** The seed's notion of "now" (default: the current time); history is anchored to its month. */
  now?: Date;
};

const CHUNK = 1000;
const USAGE_LINES_PER_STATEMENT = 800;
/** Statements queued ahead of the database before generation waits (about two chunks). */
const MAX_IN_FLIGHT = 50;

async function assertEmpty(client: pg.PoolClient): Promise<void> {
  const rows = await runOn(
    client,
    seedSql
      .selectFrom("User")
      .select("id")
      .union(seedSql.selectFrom("Customer").select("id"))
      .union(seedSql.selectFrom("Tariff").select("id"))
      .limit(1),
  );
  if (rows.length > 0) throw new Error("The database already has data: seed an empty database (or use --reset).");
}

async function listApplicationTables(client: pg.PoolClient): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  return rows.map((row) => row.name).join(", ");
}

function flushCustomers(writer: BulkWriter, buffers: CustomerBuffers, usage: UsageRecipe, clock: SeedClock): void {
  for (const buffer of [
    buffers.customers,
    buffers.users,
    buffers.lines,
    buffers.orders,
    buffers.tariffChanges,
    buffers.bills,
    buffers.billLines,
    buffers.adjustments,
    buffers.payments,
    buffers.interactions,
    buffers.audit,
  ]) {
    writer.write(buffer);
  }
  for (let start = 0; start < usage.lineIds.length; start += USAGE_LINES_PER_STATEMENT) {
    const end = start + USAGE_LINES_PER_STATEMENT;
    queueUsage(
      writer,
      {
        lineIds: usage.lineIds.slice(start, end),
        firstDays: usage.firstDays.slice(start, end),
        minutes: usage.minutes.slice(start, end),
        sms: usage.sms.slice(start, end),
        dataMb: usage.dataMb.slice(start, end),
        trends: usage.trends.slice(start, end),
      },
      clock,
    );
  }
}

function flushRequests(writer: BulkWriter, buffers: RequestBuffers): void {
  for (const buffer of [
    buffers.requests,
    buffers.messages,
    buffers.events,
    buffers.interactions,
    buffers.views,
    buffers.feedback,
  ])
    writer.write(buffer);
}

/** Customers `from..to`, yielding now and then so the queued inserts keep the database busy meanwhile. */
async function writeCustomerChunk(
  from: number,
  to: number,
  clock: SeedClock,
  passwordHash: string,
  writer: BulkWriter,
  summaries: CustomerSummary[],
): Promise<void> {
  const buffers = createCustomerBuffers();
  const usage = createUsageRecipe();
  for (let index = from; index <= to; index++) {
    const rng = new Rng(mixSeed(SEED, index));
    const plan = planCustomer(index, fakerRU, rng, clock);
    applyDemoProfile(plan, rng, clock);
    const summary = writeCustomer(plan, rng, clock, passwordHash, buffers);
    if (!isDemoIndex(index)) summary.bills = [];
    summaries.push(summary);
    addUsageLines(usage, plan, clock);
    if (index % 100 === 0) await yieldToEventLoop();
  }
  flushCustomers(writer, buffers, usage, clock);
}

function writeRequestsAndExtras(
  writer: BulkWriter,
  summaries: CustomerSummary[],
  articles: ArticleIndex,
  clock: SeedClock,
  total: number,
): number {
  const requestCount = Math.max(300, Math.round(total / 5));
  const rng = new Rng(mixSeed(SEED, 0x52455155));
  const feedbackGiven = new Set<string>();
  const buffers = createRequestBuffers();
  const resolvedDemoRequests = new Map<string, WrittenRequest[]>();
  const planned = [
    ...demoRequestScenarios(summaries, clock),
    ...planRandomRequests(requestCount, summaries, rng, clock),
  ];
  // In creation order, so request numbers (and ids) follow time as the app's sequence does.
  const scenarios = orderScenarios(planned, rng, clock);
  scenarios.forEach((scenario, i) => {
    const written = writeRequest(i + 1, scenario, rng, clock, articles, feedbackGiven, buffers);
    if (isDemoIndex(scenario.customer.index) && written.resolvedAt) {
      resolvedDemoRequests.set(scenario.customer.id, [
        ...(resolvedDemoRequests.get(scenario.customer.id) ?? []),
        written,
      ]);
    }
    if (buffers.messages.length > 20_000) flushRequests(writer, buffers);
  });
  flushRequests(writer, buffers);
  writer.run(
    seedSql.selectNoFrom(
      sql`setval(${serialSequenceOf("ServiceRequest", "number")}, ${scenarios.length + 1}::int, false)`.as("next"),
    ),
  );

  writeBrowsingViews(summaries, articles, new Rng(mixSeed(SEED, 0x41525449)), clock, feedbackGiven, writer);
  queueArticleViewCounts(writer);
  writeDemoNotifications(summaries, resolvedDemoRequests, clock, writer);
  return scenarios.length;
}

/**
 * Fills an empty, migrated database with the demo data set: catalogue, staff, `customers`
 * subscribers (the three demo profiles included) with a year of history, service requests and
 * the knowledge base. The same arguments on the same day give the same data (history follows
 * the month, what happened "so far" the day; see `SeedClock`).
 *
 * One transaction, so a failure leaves the database empty. Rows are generated in JavaScript and
 * sent in `unnest` batches (daily usage is generated by the database) while the next chunk is
 * built; foreign keys and the indexes of the biggest tables are rebuilt once at the end. Then the
 * app's value scoring runs over the committed data.
 */
export async function seedDemo(
  databaseUrl: string,
  options: SeedOptions = {},
): Promise<{ customers: number; ms: number }> {
  const started = performance.now();
  const total = Math.floor(options.customers ?? DEFAULT_CUSTOMERS);
  if (!Number.isFinite(total) || total < 3) throw new Error("customers must be at least 3 (the demo profiles)");
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = createClock(options.now ?? new Date());
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on("error", (error) => log(`[seed] idle client error: ${error.message}`));
  const client = await pool.connect();
  try {
    await assertEmpty(client);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    const restoreSteps = await suspendConstraints(client);
    const writer = new BulkWriter(client);

    log(
      `[seed] 1/4 catalogue: tariffs, add-ons, partners, staff, settings, routing policy, knowledge base, number pool`,
    );
    insertTariffs(writer, clock);
    insertAddons(writer, clock);
    insertStaffAndSettings(writer, clock, passwordHash);
    const articles = insertArticles(writer, clock);
    insertCannedResponses(writer);
    insertNumberPool(writer);

    log(`[seed] 2/4 customers: ${total} with lines, bills, payments, daily usage and contact history`);
    fakerRU.seed(SEED);
    const summaries: CustomerSummary[] = [];
    let nextReport = 0.1;
    for (let from = 1; from <= total; from += CHUNK) {
      const to = Math.min(total, from + CHUNK - 1);
      await writeCustomerChunk(from, to, clock, passwordHash, writer, summaries);
      await writer.settle(MAX_IN_FLIGHT);
      if (to / total >= nextReport) {
        log(`[seed]   ${to}/${total} customers (${elapsed()})`);
        while (nextReport <= to / total) nextReport += 0.1;
      }
    }

    log(`[seed] 3/4 service requests with messages and events, help-centre views, notifications`);
    const requests = writeRequestsAndExtras(writer, summaries, articles, clock, total);
    await writer.settle();

    log(`[seed] 4/4 rebuilding the indexes of ${BULK_TABLES.join(", ")} and checking foreign keys (${elapsed()})`);
    // Statistics first: the foreign-key checks are joins, planned on them (and the app's first queries too).
    await client.query(`ANALYZE ${await listApplicationTables(client)}`);
    for (const step of restoreSteps) {
      const stepStarted = performance.now();
      await client.query(step.sql);
      if (process.env.SEED_DEBUG) log(`[seed]   ${step.label}: ${(performance.now() - stepStarted).toFixed(0)} ms`);
    }
    await client.query("COMMIT");

    // Segments come from the data: the app's own value score over the bills, lines and usage
    // just written (the estimate above only seeded plausible routing history).
    log(`[seed] value scores and segments from the data (${elapsed()})`);
    const valuePool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const db = withKysely(new PrismaClient({ adapter: new PrismaPg(valuePool) }));
    try {
      const value = await recomputeAllValueScores(db, { now: clock.asOf });
      log(
        `[seed]   ${Object.entries(value.bySegment)
          .map(([segment, count]) => `${segment} ${count}`)
          .join(", ")}`,
      );
    } finally {
      // The pool is ours, not Prisma's: close it, or the database keeps a session (a template could not be copied).
      await db.$disconnect();
      await valuePool.end();
    }

    const ms = Math.round(performance.now() - started);
    log(
      `[seed] created: ${[...writer.counts].map(([table, rows]) => `${table} ${rows.toLocaleString("en-US")}`).join(", ")}`,
    );
    log(`[seed] done: ${total} customers, ${requests} requests in ${(ms / 1000).toFixed(1)} s`);
    return { customers: total, ms };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}
