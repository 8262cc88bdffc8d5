import { fakerRU } from "@faker-js/faker";
import pg from "pg";
import { hashPassword } from "../../server/auth/password";
import { insertArticles, queueArticleViewCounts, writeBrowsingViews } from "./articles";
import { BulkWriter, yieldToEventLoop } from "./bulk-insert";
import { insertCannedResponses } from "./canned-responses";
import { applyDemoProfile, demoRequestScenarios, isDemoIndex, writeDemoNotifications } from "./demo-profiles";
import { createCustomerBuffers, writeCustomer, type CustomerBuffers, type CustomerSummary } from "./history";
import { insertNumberPool } from "./number-pool";
import { planCustomer } from "./people";
import { mixSeed, Rng, SEED } from "./random";
import { createRequestBuffers, planRandomRequests, writeRequest, type RequestBuffers } from "./requests";
import { insertStaffAndSettings } from "./staff";
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
const MAX_IN_FLIGHT = 60;

async function assertEmpty(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Customer") + (SELECT count(*) FROM "Tariff") AS n`,
  );
  if (Number(rows[0]?.n) > 0) throw new Error("The database already has data: seed an empty database (or use --reset).");
}

function flushCustomers(writer: BulkWriter, buffers: CustomerBuffers): void {
  // Foreign keys decide the order: customers, their logins, lines, then everything that refers to them.
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
}

function flushUsage(writer: BulkWriter, recipe: UsageRecipe, clock: SeedClock): void {
  for (let start = 0; start < recipe.lineIds.length; start += USAGE_LINES_PER_STATEMENT) {
    const end = start + USAGE_LINES_PER_STATEMENT;
    queueUsage(
      writer,
      {
        lineIds: recipe.lineIds.slice(start, end),
        firstDays: recipe.firstDays.slice(start, end),
        minutes: recipe.minutes.slice(start, end),
        sms: recipe.sms.slice(start, end),
        dataMb: recipe.dataMb.slice(start, end),
        trends: recipe.trends.slice(start, end),
      },
      clock,
    );
  }
}

function flushRequests(writer: BulkWriter, buffers: RequestBuffers, isFirst: boolean): void {
  writer.write(buffers.requests);
  if (isFirst) writer.query(`ANALYZE "ServiceRequest"`);
  for (const buffer of [buffers.messages, buffers.events, buffers.interactions, buffers.views, buffers.feedback]) {
    writer.write(buffer);
  }
}

/**
 * Fills an empty, migrated database with the demo data set: catalogue, staff, `customers`
 * subscribers (the three demo profiles included) with a year of history, requests and the
 * knowledge base. Deterministic for the same arguments within a month (see `SeedClock`).
 * Everything is inserted in one transaction, so a failure leaves the database empty.
 */
export async function seedDemo(databaseUrl: string, options: SeedOptions = {}): Promise<{ customers: number; ms: number }> {
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
    const writer = new BulkWriter(client);

    log(`[seed] catalogue: tariffs, partners, staff, settings, routing policy, knowledge base, number pool`);
    insertTariffs(writer, clock);
    insertStaffAndSettings(writer, clock, passwordHash);
    const articles = insertArticles(writer, clock);
    insertCannedResponses(writer);
    insertNumberPool(writer);
    await writer.settle();

    log(`[seed] customers: ${total} with lines, bills, payments, usage and contact history`);
    fakerRU.seed(SEED);
    const summaries: CustomerSummary[] = [];
    let nextReport = 0.1;
    for (let chunkStart = 1; chunkStart <= total; chunkStart += CHUNK) {
      const chunkEnd = Math.min(total, chunkStart + CHUNK - 1);
      const buffers = createCustomerBuffers();
      const usage = createUsageRecipe();
      for (let index = chunkStart; index <= chunkEnd; index++) {
        const rng = new Rng(mixSeed(SEED, index));
        const plan = planCustomer(index, fakerRU, rng, clock);
        applyDemoProfile(plan, rng, clock);
        const summary = writeCustomer(plan, rng, clock, passwordHash, buffers);
        if (!isDemoIndex(index)) summary.bills = [];
        summaries.push(summary);
        addUsageLines(usage, plan, clock);
        if (index % 200 === 0) await yieldToEventLoop();
      }
      flushCustomers(writer, buffers);
      // Foreign-key checks cache their plans; planned against near-empty tables they scan
      // sequentially and the seed turns quadratic. Fresh statistics make them use the indexes.
      if (chunkStart === 1) writer.query(`ANALYZE "Customer", "User", "Line", "Bill", "Tariff", "Partner", "KnowledgeArticle"`);
      flushUsage(writer, usage, clock);
      await writer.settle(MAX_IN_FLIGHT);
      if (chunkEnd / total >= nextReport || chunkEnd === total) {
        log(`[seed]   ${chunkEnd}/${total} customers (${elapsed()})`);
        while (nextReport <= chunkEnd / total) nextReport += 0.1;
      }
    }

    const requestCount = Math.max(300, Math.round(total / 5));
    log(`[seed] service requests: ${requestCount} with messages, events and article views`);
    const requestRng = new Rng(mixSeed(SEED, 0x52455155));
    const feedbackGiven = new Set<string>();
    const requestBuffers = createRequestBuffers();
    let requestsFlushed = false;
    const resolvedDemoRequests = new Map<string, { id: string; resolvedAt: Date }[]>();
    const scenarios = [...demoRequestScenarios(summaries, clock), ...planRandomRequests(requestCount, summaries, requestRng, clock)];
    scenarios.forEach((scenario, i) => {
      const written = writeRequest(i + 1, scenario, requestRng, clock, articles, feedbackGiven, requestBuffers);
      if (isDemoIndex(scenario.customer.index) && written.resolvedAt) {
        const list = resolvedDemoRequests.get(scenario.customer.id) ?? [];
        list.push({ id: written.id, resolvedAt: written.resolvedAt });
        resolvedDemoRequests.set(scenario.customer.id, list);
      }
      if (requestBuffers.messages.length > 20_000) {
        flushRequests(writer, requestBuffers, !requestsFlushed);
        requestsFlushed = true;
      }
    });
    flushRequests(writer, requestBuffers, !requestsFlushed);
    // Request numbers follow creation time, like the ones the app hands out.
    writer.query(
      `UPDATE "ServiceRequest" r SET "number" = o.rn FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS rn FROM "ServiceRequest") o WHERE o."id" = r."id"`,
    );
    writer.query(
      `SELECT setval(pg_get_serial_sequence('"ServiceRequest"', 'number'), (SELECT coalesce(max("number"), 0) + 1 FROM "ServiceRequest"), false)`,
    );

    log(`[seed] help-centre views, notifications`);
    writeBrowsingViews(summaries, articles, new Rng(mixSeed(SEED, 0x41525449)), clock, feedbackGiven, writer);
    queueArticleViewCounts(writer);
    writeDemoNotifications(summaries, resolvedDemoRequests, clock, writer);

    await writer.settle();
    log(`[seed] committing (${elapsed()})`);
    await client.query("COMMIT");

    const ms = Math.round(performance.now() - started);
    const counts = [...writer.counts.entries()].map(([table, rows]) => `${table} ${rows.toLocaleString("en-US")}`);
    log(`[seed] created: ${counts.join(", ")}`);
    log(`[seed] done: ${total} customers in ${(ms / 1000).toFixed(1)} s`);
    return { customers: total, ms };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}
