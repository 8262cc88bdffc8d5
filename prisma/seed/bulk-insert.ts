import { sql, type Compilable } from "kysely";
import type pg from "pg";
import { sqlBuilder, type DB } from "../../server/db/kysely";

/**
 * PostgreSQL type of a column as it is cast in `unnest($n::type[])`; enums are quoted names.
 * "text[]" (an array column) travels as one array literal per row and is cast back per row.
 */
export type ColumnType = "text" | "int" | "real" | "bool" | "timestamp" | "date" | "jsonb" | "text[]" | `"${string}"`;

export type TableSpec<C extends Record<string, ColumnType>> = { table: keyof DB & string; columns: C };

type CellValue = string | number | boolean | Date | null | undefined | object;
export type Row<C extends Record<string, ColumnType>> = { [K in keyof C]: CellValue };

/** A table the seed fills in bulk: its name and columns are checked against the schema (`DB`). */
export function defineTable<T extends keyof DB & string, const C extends Record<string, ColumnType>>(
  table: T,
  columns: C & { [Column in Exclude<keyof C, keyof DB[T]>]: never },
): TableSpec<C> {
  return { table, columns };
}

/** Builds the seed's single statements, typed by the schema (`DB`), for `BulkWriter.run` to queue. */
export const seedSql = sqlBuilder;

function toCell(type: ColumnType, value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (type === "jsonb") return JSON.stringify(value);
  if (type === "text[]") {
    if (!Array.isArray(value)) throw new Error("A text[] column needs an array");
    return `{${value.map((item) => `"${String(item).replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
  }
  if (typeof value === "object") throw new Error(`Object value for a ${type} column`);
  return value;
}

export type Statement = { text: string; values: unknown[]; rows: number };
/** What the writer needs of a buffer, whatever its columns. */
export type DrainableBuffer = { readonly spec: { table: string }; drain(batchSize: number): Statement[] };

/** Rows of one table kept column by column, ready to be sent as one array per column. */
export class RowBuffer<C extends Record<string, ColumnType>> {
  private readonly names: (keyof C & string)[];
  private columns: (string | number | boolean | null)[][];

  constructor(readonly spec: TableSpec<C>) {
    this.names = Object.keys(spec.columns) as (keyof C & string)[];
    this.columns = this.names.map(() => []);
  }

  get length(): number {
    return this.columns[0]?.length ?? 0;
  }

  add(row: Row<C>): void {
    this.names.forEach((name, i) => this.columns[i]!.push(toCell(this.spec.columns[name] as ColumnType, row[name])));
  }

  /** Hands the collected rows over as insert statements and empties the buffer. */
  drain(batchSize: number): Statement[] {
    const columnList = this.names.map((name) => `"${name}"`).join(", ");
    const typeOf = (name: string) => this.spec.columns[name] as ColumnType;
    const casts = this.names
      .map((name, i) => `$${i + 1}::${typeOf(name) === "text[]" ? "text" : typeOf(name)}[]`)
      .join(", ");
    const aliases = this.names.map((_, i) => `c${i}`);
    const values = this.names.map((name, i) => (typeOf(name) === "text[]" ? `c${i}::text[]` : `c${i}`)).join(", ");
    const text = `INSERT INTO "${this.spec.table}" (${columnList}) SELECT ${values} FROM unnest(${casts}) AS u(${aliases.join(", ")})`;
    const statements: Statement[] = [];
    for (let start = 0; start < this.length; start += batchSize) {
      const end = Math.min(this.length, start + batchSize);
      statements.push({ text, values: this.columns.map((column) => column.slice(start, end)), rows: end - start });
    }
    this.columns = this.names.map(() => []);
    return statements;
  }
}

/** The sequence behind a serial column, for `setval` after rows were written with their numbers. */
export function serialSequenceOf<T extends keyof DB & string>(table: T, column: keyof DB[T] & string) {
  return sql`pg_get_serial_sequence(${sql.lit(`"${table}"`)}, ${sql.lit(column)})`;
}

/** Runs a statement built with `seedSql` on the connection now, for its typed rows. */
export async function runOn<O>(client: pg.PoolClient, query: Compilable<O>): Promise<O[]> {
  const { sql, parameters } = query.compile();
  return (await client.query(sql, [...parameters])).rows as O[];
}

/**
 * Sends statements over one connection without the caller waiting for each: they are chained,
 * so the database inserts one chunk while JavaScript builds the next. The first failure is kept and
 * rethrown by `settle`; everything runs inside the caller's transaction.
 */
export class BulkWriter {
  private inFlight = 0;
  private failure: unknown = null;
  private waiters: (() => void)[] = [];
  /** One statement at a time on the connection, chained in order. */
  private tail: Promise<void> = Promise.resolve();
  readonly counts = new Map<string, number>();

  constructor(
    private readonly client: pg.PoolClient,
    private readonly batchSize = 5000,
  ) {}

  write(buffer: DrainableBuffer): void {
    const table = buffer.spec.table;
    for (const statement of buffer.drain(this.batchSize)) {
      this.counts.set(table, (this.counts.get(table) ?? 0) + statement.rows);
      this.query(statement.text, statement.values);
    }
  }

  /**
   * Queues a statement built with `seedSql`; with `countAs`, the rows it affects are added to that
   * table's count. Dates travel as ISO strings (UTC), which `timestamp` columns read as UTC.
   */
  run(query: Compilable, countAs?: keyof DB): void {
    const { sql, parameters } = query.compile();
    const values = parameters.map((value) => (value instanceof Date ? value.toISOString() : value));
    this.query(sql, values, countAs);
  }

  /** Queues any statement; with `countAs`, the rows it affects are added to that table's count. */
  query(text: string, values: unknown[] = [], countAs?: string): void {
    this.inFlight++;
    this.tail = this.tail.then(async () => {
      try {
        if (this.failure) return;
        const result = await this.client.query(text, values);
        if (countAs) this.counts.set(countAs, (this.counts.get(countAs) ?? 0) + (result.rowCount ?? 0));
      } catch (error) {
        this.failure ??= error;
      } finally {
        this.inFlight--;
        for (const wake of this.waiters.splice(0)) wake();
      }
    });
  }

  /** Waits until at most `maxInFlight` statements are queued, then rethrows a failure if any. */
  async settle(maxInFlight = 0): Promise<void> {
    while (this.inFlight > maxInFlight) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
  }
}

/** Lets queued database work start while a long synchronous generation loop runs. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
