import {
  DummyDriver,
  sql,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type ColumnType,
  type Compilable,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Expression,
  type QueryResult,
} from "kysely";
import type pg from "pg";
import type { DB as SchemaTables } from "./generated/kysely-types";

// The SQL that Prisma's query API cannot express is written with Kysely, typed by `DB`, which
// prisma-kysely generates from schema.prisma (`npm run db:generate`): a renamed column fails the
// typecheck wherever SQL uses it.

/**
 * Columns that migrations add in raw SQL because Prisma's schema language cannot express them
 * (schema.prisma's header): generated, so never written.
 */
type SqlOnlyColumns = {
  /** tsvector over title, summary and body in the article's language (migration 20261126000000_init). */
  KnowledgeArticle: { searchVector: ColumnType<unknown, never, never> };
};

/** Every table as Kysely sees it: the schema's models, plus the columns only migrations know. */
export type DB = Omit<SchemaTables, keyof SqlOnlyColumns> & {
  [Table in keyof SqlOnlyColumns]: SchemaTables[Table] & SqlOnlyColumns[Table];
};

/** Minutes from `start` to `end` (timestamps) as float8; null when either is null. */
export function minutesBetween(start: Expression<Date | null>, end: Expression<Date | null>) {
  return sql<number | null>`(EXTRACT(EPOCH FROM (${end} - ${start})) / 60)::float8`;
}

/** Kysely over prisma-extension-kysely's driver: the SQL runs as Prisma raw statements, in Prisma's transaction. */
export function kyselyOverPrisma(driver: Driver): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createDriver: () => driver,
      createAdapter: () => new PostgresAdapter(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A Date parameter as Prisma's pg adapter sends it: UTC wall time without a zone, the way
 * `timestamp` columns hold it. pg itself would send local time with an offset, which PostgreSQL
 * drops when it compares with a `timestamp` column.
 */
function utcTimestamp(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
  );
}

function withUtcDates(parameters: ReadonlyArray<unknown>): unknown[] {
  return parameters.map((value) => (value instanceof Date ? utcTimestamp(value) : value));
}

/**
 * Each statement as one `pool.query` (pg-pool acquires and releases the connection), with Date
 * parameters sent as UTC. No transactions: those run through Prisma (`tx.$kysely`).
 */
class PoolDriver implements Driver {
  readonly #connection: DatabaseConnection;

  constructor(pool: pg.Pool) {
    this.#connection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        const result = await pool.query(query.sql, withUtcDates(query.parameters));
        const isWrite = ["INSERT", "UPDATE", "DELETE", "MERGE"].includes(result.command);
        return {
          rows: result.rows as R[],
          ...(isWrite && result.rowCount !== null ? { numAffectedRows: BigInt(result.rowCount) } : {}),
        };
      },
      streamQuery() {
        throw new Error("kyselyOverPool does not stream");
      },
    };
  }

  async init() {}
  async acquireConnection() {
    return this.#connection;
  }
  async releaseConnection() {}
  async beginTransaction(): Promise<void> {
    throw new Error("kyselyOverPool runs single statements; use tx.$kysely inside db.$transaction");
  }
  async commitTransaction() {}
  async rollbackTransaction() {}
  // The pool belongs to the Prisma client beside it; `$disconnect` ends it.
  async destroy() {}
}

/**
 * Kysely that only builds and compiles statements, typed by `DB`, for code that sends them itself
 * (the seed's bulk writer on its one connection, the benchmark's plain-pg baseline).
 */
export const sqlBuilder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Kysely straight on the pg pool, without Prisma's per-statement cost. */
export function kyselyOverPool(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new PoolDriver(pool),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/**
 * A statement on every request's path, built with the typed builder and compiled once; each call
 * sends it with its own arguments. Building and compiling a Kysely query per call allocates a tree
 * of nodes the garbage collector then has to sweep, which showed in `npm run bench:bills`.
 * `placeholders` are distinct sample arguments: each compiled parameter equal to one of them
 * (by identity) is replaced by the matching argument of the call; other parameters stay as built.
 */
export function preparedStatement<Args extends unknown[], Row>(
  build: (builder: Kysely<DB>, ...args: Args) => Compilable<Row>,
  ...placeholders: Args
): (kysely: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  const compiled = build(sqlBuilder, ...placeholders).compile();
  const slots = compiled.parameters.map((parameter) => placeholders.indexOf(parameter));
  return async (kysely, ...args) => {
    const parameters = compiled.parameters.map((parameter, i) => (slots[i]! >= 0 ? args[slots[i]!] : parameter));
    return (await kysely.executeQuery<Row>({ ...compiled, parameters })).rows;
  };
}
