import "server-only";
import { sql } from "kysely";
import type { SqlExecutor } from "../../db/client";
import type { UsageRecordInput } from "./usage.schema";

export type IngestResult = {
  received: number;
  /** Records stored now: each counted once into its line's day. */
  accepted: number;
  /** Records with an id already stored (a replayed batch, a resent record): counted before, not again. */
  duplicates: number;
  /** Ids of records whose number is not one of our lines: not stored. */
  unknownNumbers: string[];
};

/** What the ingestion answers, and the batch's lines with a spending limit or bar (for their check). */
export type IngestOutcome = IngestResult & { cappedLineIds: string[] };

/**
 * Takes a batch of the network's usage records in one SQL statement: each new record (by its id)
 * is stored, and the day's totals of its line grow by it, in the same statement: UsageRecord at home,
 * RoamingUsageRecord per country abroad (what the dashboard, the alerts and the bill run rate), so a replayed batch changes nothing and a
 * batch is counted entirely or not at all. Days are UTC dates; a call is rated in whole minutes,
 * rounded up per call. Totals are upserted in (line, day) order so parallel batches lock alike.
 * The same lookup of the batch's numbers tells which of its lines have a spending limit or bar.
 */
export async function ingestUsage(db: SqlExecutor, records: UsageRecordInput[]): Promise<IngestOutcome> {
  const ids = records.map((r) => r.id);
  const numbers = records.map((r) => r.msisdn);
  const kinds = records.map((r) => r.kind);
  const amounts = records.map((r) => r.amount);
  const times = records.map((r) => r.at.toISOString());
  const countries = records.map((r) => r.roamingCountry ?? null);
  const { rows } = await sql<{ matched: number; inserted: number; unknown: string[] | null; capped: string[] | null }>`
    WITH input AS (
      SELECT * FROM unnest(
        ${ids}::text[], ${numbers}::text[], ${kinds}::text[], ${amounts}::int[], ${times}::timestamptz[], ${countries}::text[]
      ) AS r(id, msisdn, kind, amount, at, country)
    ),
    matched AS (
      -- Each record's line by its number (an index lookup a record, or a hash join over the lines
      -- when they are few), and whether the line has a spending limit or bar.
      SELECT r.*, l.id AS line_id, l.capped FROM input r
        CROSS JOIN LATERAL (
          SELECT id, "spendLimitCents" IS NOT NULL OR "spendBarredAt" IS NOT NULL AS capped
            FROM "Line" WHERE msisdn = r.msisdn
        ) l
    ),
    inserted AS (
      INSERT INTO "UsageEvent" (id, "lineId", kind, amount, at, "roamingCountry")
      SELECT id, line_id, kind::"UsageKind", amount, at AT TIME ZONE 'UTC', country FROM matched
      ON CONFLICT (id) DO NOTHING
      RETURNING "lineId", kind, amount, at, "roamingCountry" AS country
    ),
    daily AS (
      SELECT "lineId", at::date AS day, country,
             sum(CASE WHEN kind = 'VOICE' THEN ceil(amount / 60.0) ELSE 0 END)::int AS minutes,
             sum(CASE WHEN kind = 'SMS' THEN amount ELSE 0 END)::int AS sms,
             sum(CASE WHEN kind = 'DATA' THEN amount ELSE 0 END)::int AS data_mb
        FROM inserted GROUP BY 1, 2, 3
    ),
    abroad AS (
      INSERT INTO "RoamingUsageRecord" ("lineId", date, country, minutes, sms, "dataMb")
      SELECT "lineId", day, country, minutes, sms, data_mb
        FROM daily WHERE country IS NOT NULL ORDER BY "lineId", day, country
      ON CONFLICT ("lineId", date, country) DO UPDATE SET
        minutes = "RoamingUsageRecord".minutes + EXCLUDED.minutes,
        sms = "RoamingUsageRecord".sms + EXCLUDED.sms,
        "dataMb" = "RoamingUsageRecord"."dataMb" + EXCLUDED."dataMb"
      RETURNING 1
    ),
    totals AS (
      INSERT INTO "UsageRecord" ("lineId", date, minutes, sms, "dataMb")
      SELECT "lineId", day, minutes, sms, data_mb
        FROM daily WHERE country IS NULL ORDER BY "lineId", day
      ON CONFLICT ("lineId", date) DO UPDATE SET
        minutes = "UsageRecord".minutes + EXCLUDED.minutes,
        sms = "UsageRecord".sms + EXCLUDED.sms,
        "dataMb" = "UsageRecord"."dataMb" + EXCLUDED."dataMb"
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM matched) AS matched,
           (SELECT count(*)::int FROM inserted) AS inserted,
           (SELECT count(*) FROM totals) + (SELECT count(*) FROM abroad) AS days,
           (SELECT array_agg(id) FROM input WHERE msisdn NOT IN (SELECT msisdn FROM matched)) AS unknown,
           (SELECT array_agg(DISTINCT line_id ORDER BY line_id) FROM matched WHERE capped) AS capped`.execute(
    db.$kysely,
  );
  const { matched, inserted, unknown, capped } = rows[0]!;
  return {
    received: records.length,
    accepted: inserted,
    duplicates: matched - inserted,
    unknownNumbers: unknown ?? [],
    cappedLineIds: capped ?? [],
  };
}
