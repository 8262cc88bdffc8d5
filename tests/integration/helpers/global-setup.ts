import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { seedDemo } from "../../../prisma/seed/seed-demo";
import { startEmbeddedDatabase } from "../../../server/db/embedded";
import { applyMigrations } from "../../../server/db/migrate";
import { migrateJobQueue } from "../../../server/jobs/runner";

export const TEMPLATE_DATABASE = "selfcare_template";
/** Small but complete demo data: the demo accounts plus this many generated customers. */
const TEMPLATE_CUSTOMERS = 150;

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

/**
 * One real PostgreSQL server for the run. A template database is migrated and seeded once;
 * every test file gets a fresh copy of it (see setup.ts), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "selfcare-it-"));
  // PostgreSQL runs as its own user (we may be root), which must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedDatabase({ dataDir, database: TEMPLATE_DATABASE, port: 0 });
  const templateUrl = server.urlFor(TEMPLATE_DATABASE);
  await applyMigrations(templateUrl, () => {});
  await migrateJobQueue(templateUrl);
  await seedDemo(templateUrl, { customers: TEMPLATE_CUSTOMERS, log: () => {} });

  // A template must have no open connections when it is copied.
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH ALLOW_CONNECTIONS false`);
  await admin.end();

  project.provide("pgServerUrl", server.urlFor("postgres"));
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
