/**
 * `npm run bench:usage`: how many of the network's usage records a second go through the
 * ingestion path (server/api/usage-api.ts: the JSON body parsed, every record checked by its
 * schema, then one SQL statement per batch that stores new records by id and adds them to their
 * lines' days) into PostgreSQL on the 100,000-customer bench database (DATA_DIR, EMBEDDED_PG_PORT
 * and DATABASE_URL as for the other benchmarks). Batches of 5,000 records over numbers of real
 * lines, several batches at once; the records are removed afterwards. Target: 50,000 records/s.
 *
 * `--lines` sets how many lines the records are spread over: 20,000 by default, so each line-day
 * total is added to about 25 times and concurrent batches wait on each other's rows; a network's
 * stream over all of an operator's lines overlaps less.
 *
 *   npm run bench:usage [-- --records 1000000 --batch 5000 --concurrency 4 --customers 100000 --lines 20000]
 */
import { sql } from "kysely";
import { handleUsagePost } from "../server/api/usage-api";
import { createDatabase, kyselyOf } from "../server/db/client";
import { argument, openBenchDatabase, percentile } from "./bench/bench-database";

const RECORDS = argument("records", 1_000_000);
const BATCH = argument("batch", 5_000);
const CONCURRENCY = argument("concurrency", 4);
const CUSTOMERS = argument("customers", 100_000);
const LINES = argument("lines", 20_000);
/** A day no bill or dashboard of the bench data looks at; its totals are removed afterwards. */
const DAY = "2035-06-01";
const KINDS = ["DATA", "VOICE", "SMS"] as const;

async function main() {
  const { url, embedded } = await openBenchDatabase(CUSTOMERS);
  const db = createDatabase(url, { max: CONCURRENCY + 2 });
  const numbers = (
    await sql<{ msisdn: string }>`SELECT msisdn FROM "Line" WHERE msisdn IS NOT NULL LIMIT ${LINES}`.execute(
      kyselyOf(db),
    )
  ).rows.map((row) => row.msisdn);
  const run = `bench-${Date.now()}`;
  process.env.USAGE_API_TOKEN = "bench-usage-token";
  const bodies: string[] = [];
  for (let start = 0; start < RECORDS; start += BATCH) {
    const records = Array.from({ length: Math.min(BATCH, RECORDS - start) }, (_, i) => {
      const n = start + i;
      const kind = KINDS[n % 3]!;
      return {
        id: `${run}-${n}`,
        msisdn: numbers[(n * 7919) % numbers.length]!,
        kind,
        amount: kind === "DATA" ? 1 + (n % 50) : kind === "VOICE" ? 5 + (n % 600) : 1,
        at: `${DAY}T${String(n % 24).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}:00Z`,
      };
    });
    bodies.push(JSON.stringify({ records }));
  }
  console.log(
    `[bench] ${RECORDS.toLocaleString("en-US")} records over ${numbers.length.toLocaleString("en-US")} lines, ` +
      `${bodies.length} batches of ${BATCH}, ${CONCURRENCY} at once`,
  );

  const latencies: number[] = [];
  let accepted = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const t0 = performance.now();
        const response = await handleUsagePost(
          new Request("http://bench/api/usage", {
            method: "POST",
            headers: { Authorization: "Bearer bench-usage-token", "Content-Type": "application/json" },
            body,
          }),
          db,
        );
        if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${await response.text()}`);
        accepted += ((await response.json()) as { accepted: number }).accepted;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `[bench] ${Math.round(RECORDS / seconds).toLocaleString("en-US")} records/s ` +
      `(${accepted.toLocaleString("en-US")} stored in ${seconds.toFixed(2)} s); per batch ` +
      `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
  );
  if (accepted !== RECORDS) throw new Error(`stored ${accepted} of ${RECORDS} records`);

  await sql`DELETE FROM "UsageEvent" WHERE id LIKE ${`${run}-%`}`.execute(kyselyOf(db));
  await sql`DELETE FROM "UsageRecord" WHERE date = ${DAY}::date`.execute(kyselyOf(db));
  // The removed rows' space made reusable, so the next run starts from the same tables as this one.
  await sql`VACUUM (ANALYZE) "UsageEvent", "UsageRecord"`.execute(kyselyOf(db));
  await db.$disconnect();
  await embedded?.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
