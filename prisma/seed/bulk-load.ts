import type pg from "pg";

/**
 * Tables that receive millions of rows at scale. Their keys and indexes are dropped for the load
 * and rebuilt once at the end, as PostgreSQL's "Populating a Database" advises: one sort per
 * index instead of millions of single-row insertions.
 */
export const BULK_TABLES = ["UsageRecord", "BillLine", "Bill", "Payment", "Interaction"] as const;

export type RestoreStep = { label: string; sql: string };

type Definition = { table: string; name: string; def: string };

/**
 * Inside the caller's transaction: drops every foreign key of the schema (each costs a lookup and
 * a row lock per inserted row) and the keys and indexes of `BULK_TABLES`, and returns the
 * statements that put back exactly what was there, read from the catalogue. PostgreSQL DDL is
 * transactional, so a rollback restores them too.
 */
export async function suspendConstraints(client: pg.PoolClient): Promise<RestoreStep[]> {
  const tables = BULK_TABLES.map((table) => `"${table}"`);
  const { rows: foreignKeys } = await client.query<Definition>(
    `SELECT c.conrelid::regclass::text AS "table", quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c
     WHERE c.connamespace = current_schema()::regnamespace AND c.contype = 'f'
     ORDER BY 1, 2`,
  );
  const { rows: keys } = await client.query<Definition>(
    `SELECT c.conrelid::regclass::text AS "table", quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c
     WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY($1::regclass[])
     ORDER BY 1, 2`,
    [tables],
  );
  const { rows: indexes } = await client.query<Definition>(
    `SELECT i.indrelid::regclass::text AS "table", i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
     ORDER BY 1, 2`,
    [tables],
  );

  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const key of keys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);

  return [
    ...keys.map((key) => ({
      label: `${key.table} ${key.name}`,
      sql: `ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.def}`,
    })),
    ...indexes.map((index) => ({ label: `${index.table} ${index.name}`, sql: index.def })),
    ...foreignKeys.map((fk) => ({
      label: `${fk.table} ${fk.name}`,
      sql: `ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`,
    })),
  ];
}
