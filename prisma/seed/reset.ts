import pg from "pg";

/** Empties every application table (never `_prisma_migrations`) and restarts their sequences. */
export async function resetDatabase(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    const tables = rows.map((row) => row.tablename);
    if (tables.length)
      await client.query(
        `TRUNCATE TABLE ${tables.map((table) => client.escapeIdentifier(table)).join(", ")} RESTART IDENTITY CASCADE`,
      );
    return tables;
  } finally {
    await client.end();
  }
}
