import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase, type Database } from "../../../server/db/client";

let current: { db: Database; name: string } | undefined;

function urlFor(database: string): string {
  const url = new URL(inject("pgServerUrl"));
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("pgServerUrl") });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh copy of the seeded template database for this test file. */
export async function openTestDatabase(): Promise<Database> {
  const name = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE selfcare_template`));
  const url = urlFor(name);
  process.env.DATABASE_URL = url;
  current = { db: createDatabase(url, { max: 8 }), name };
  return current.db;
}

export async function closeTestDatabase(): Promise<void> {
  if (!current) return;
  const { db, name } = current;
  current = undefined;
  await db.$disconnect();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** The database of the running test file. */
export function testDb(): Database {
  if (!current) throw new Error("No test database: is tests/integration/helpers/setup.ts a setup file?");
  return current.db;
}

export function testDatabaseUrl(): string {
  if (!current) throw new Error("No test database");
  return urlFor(current.name);
}
