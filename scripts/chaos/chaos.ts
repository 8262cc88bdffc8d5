/**
 * A mixed load of subscribers paying bills, changing tariffs and opening requests against a real
 * `npm start` (the compiled orchestrator with its job runner and the web server) on its own
 * embedded PostgreSQL, while PostgreSQL is restarted and the app is stopped with SIGTERM and started
 * again by a supervisor. Every call is retried with its idempotency key until it gets an answer, as
 * the app's own outbox does. Afterwards every acknowledged write is checked in the database: there,
 * once, and money applied once. `npm run chaos` prints the figures; tests/e2e/chaos.spec.ts runs a
 * short round.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrate";
import { migrateJobQueue } from "../../server/jobs/runner";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "selfcare-demo";
/** How long past its set time the load may run while waiting for the app to acknowledge a write after the last disruption. */
const RECOVERY_GRACE_MS = 60_000;

export type ChaosOptions = {
  port: number;
  /** How long the load runs. */
  durationMs: number;
  /** When (ms from the start of the load) PostgreSQL is stopped, and for how long. */
  databaseRestartsAt: number[];
  databaseDownMs: number;
  /** When (ms from the start of the load) the app gets SIGTERM; the supervisor starts it again. */
  appStopsAt: number[];
  /** Subscribers calling at once. */
  subscribers: number;
  customers: number;
  log?: (line: string) => void;
};

export type ChaosReport = {
  calls: Record<string, Record<string, number>>;
  /** Answers no client should ever get (500s), and calls that never got an answer. */
  failures: string[];
  acknowledged: { payments: number; requests: number; tariffChanges: number };
  rowsChecked: number;
  /** What the checks found wrong: empty when nothing was lost or doubled. */
  violations: string[];
  databaseRestarts: number;
  appRestarts: number;
  /** Writes acknowledged after the last disruption: the app recovered by itself. */
  acknowledgedAfterLastDisruption: number;
  jobsPending: number;
  /** The app's error log lines (the first 20): what a 500 was. */
  serverErrors: string[];
};

type Session = { phone: string; userId: string; cookie: string };
type Payment = { userId: string; key: string; billId: string; amountCents: number; status: string; id: string };
type Ack = { userId: string; key: string; id: string; at: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const base = `http://127.0.0.1:${options.port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "selfcare-chaos-"));
  await chmod(dataDir, 0o755);
  let database: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir, port: 0 });
  const databasePort = database.port;
  const databaseUrl = database.url;
  log(`[chaos] PostgreSQL on port ${databasePort}; migrating and seeding ${options.customers} customers`);
  await applyMigrations(databaseUrl, () => {});
  await migrateJobQueue(databaseUrl);
  await seedDemo(databaseUrl, { customers: options.customers, log: () => {} });

  const report: ChaosReport = {
    calls: {},
    failures: [],
    acknowledged: { payments: 0, requests: 0, tariffChanges: 0 },
    rowsChecked: 0,
    violations: [],
    databaseRestarts: 0,
    appRestarts: 0,
    acknowledgedAfterLastDisruption: 0,
    jobsPending: 0,
    serverErrors: [],
  };
  const count = (procedure: string, outcome: string) => {
    const byOutcome = (report.calls[procedure] ??= {});
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
  };

  // The app, under a supervisor that starts it again whenever it exits (as systemd or Kubernetes would).
  let app: ChildProcess | undefined;
  let supervising = true;
  let appOutput = "";
  const startApp = () => {
    app = spawn(process.execPath, ["dist/start.js"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(options.port),
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        // Each simulated subscriber opens requests far faster than a person: the hourly limit
        // (tested on its own in rate-limits.test.ts) would turn most of the load into refusals.
        RATE_LIMIT_REQUESTS_PER_HOUR: "100000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      appOutput = (appOutput + text).slice(-20_000);
      for (const line of text.split("\n")) {
        // The job runner's own reconnect lines are expected while the database is away.
        const isError = line.includes('"level":50') && !line.includes('"module":"jobs"');
        if (isError && report.serverErrors.length < 20) report.serverErrors.push(line.slice(0, 1500));
      }
    };
    app.stdout!.on("data", keep);
    app.stderr!.on("data", keep);
    app.once("exit", (code) => {
      if (!supervising) return;
      report.appRestarts += 1;
      log(`[chaos] the app exited (${code}); the supervisor starts it again`);
      setTimeout(() => supervising && startApp(), 500);
    });
  };
  const healthy = () =>
    fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
  const waitHealthy = async (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await healthy()) return;
      await sleep(250);
    }
    throw new Error(`the app was not healthy within ${ms} ms:\n${appOutput.slice(-3000)}`);
  };

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => {});
  try {
    startApp();
    await waitHealthy(180_000);
    log(`[chaos] the app is up on ${base}`);

    // Generated subscribers with an unpaid bill and a line: each pays, changes tariff and files requests.
    const { rows: people } = await pool.query<{ phone: string; userId: string; billId: string; lineId: string }>(
      `SELECT DISTINCT ON (u.id) u.phone, u.id AS "userId", b.id AS "billId", l.id AS "lineId"
         FROM "User" u JOIN "Customer" c ON c.id = u."customerId"
         JOIN "Bill" b ON b."customerId" = c.id AND b.status IN ('ISSUED', 'OVERDUE') AND b."totalCents" - b."paidCents" > 1000
         JOIN "Line" l ON l."customerId" = c.id AND l.status = 'ACTIVE'
        WHERE u.role = 'SUBSCRIBER' AND u.phone NOT LIKE '+7900100000%' AND c.status = 'ACTIVE'
        ORDER BY u.id, b."issuedAt" DESC LIMIT $1`,
      [options.subscribers],
    );
    const { rows: tariffs } = await pool.query<{ id: string }>(`SELECT id FROM "Tariff" WHERE status = 'ACTIVE'`);

    const started = Date.now();
    let lastDisruptionAt = 0;
    let isDisrupting = true;
    const payments: Payment[] = [];
    const requests: Ack[] = [];
    const changes: Ack[] = [];
    const ackedSinceLastDisruption = () =>
      requests.some((ack) => ack.at > lastDisruptionAt) || changes.some((ack) => ack.at > lastDisruptionAt);
    // The load runs its set time, and past it (up to RECOVERY_GRACE_MS) until the app, back from the
    // last disruption, has acknowledged a write: a slow restart on a loaded machine is still a recovery.
    const isLoadRunning = () => {
      const elapsed = Date.now() - started;
      if (elapsed < options.durationMs) return true;
      if (elapsed > options.durationMs + RECOVERY_GRACE_MS) return false;
      return isDisrupting || !ackedSinceLastDisruption();
    };

    /** One call, retried with the same input (and so the same idempotency key) until it is answered. */
    const call = async (
      session: Session,
      procedure: string,
      input: unknown,
    ): Promise<{ ok: boolean; data: unknown }> => {
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        let status = 0;
        let body: { result?: { data?: { json?: unknown } }; error?: { json?: { data?: { code?: string } } } } = {};
        try {
          const response = await fetch(`${base}/api/trpc/${procedure}`, {
            method: "POST",
            headers: { "Content-Type": "application/json", cookie: session.cookie },
            body: JSON.stringify({ json: input }),
            signal: AbortSignal.timeout(30_000),
          });
          status = response.status;
          body = (await response.json().catch(() => ({}))) as typeof body;
        } catch {
          count(procedure, "no answer (connection refused or cut)");
          await sleep(300);
          continue;
        }
        const code = body.error?.json?.data?.code ?? (status === 200 ? "OK" : `HTTP ${status}`);
        count(procedure, status === 200 ? "OK" : code);
        if (status === 200) return { ok: true, data: body.result?.data?.json };
        if (status >= 500 && status !== 503) {
          report.failures.push(`${procedure} answered ${status} ${code}`);
        }
        // 503 (the database is away) and 502/504 from the stop are retried; a client error is final.
        if (status >= 500 || status === 0) {
          await sleep(300);
          continue;
        }
        return { ok: false, data: body.error };
      }
      report.failures.push(`${procedure} got no answer in 120 s`);
      return { ok: false, data: null };
    };

    const signIn = async (phone: string, userId: string): Promise<Session> => {
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        try {
          const csrf = await fetch(`${base}/api/auth/csrf`);
          const { csrfToken } = (await csrf.json()) as { csrfToken: string };
          const csrfCookie = csrf.headers
            .getSetCookie()
            .map((c) => c.split(";")[0])
            .join("; ");
          const response = await fetch(`${base}/api/auth/callback/credentials`, {
            method: "POST",
            redirect: "manual",
            headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: csrfCookie },
            body: new URLSearchParams({ csrfToken, identifier: phone, password: PASSWORD, json: "true" }),
          });
          const session = response.headers
            .getSetCookie()
            .map((c) => c.split(";")[0]!)
            .find((c) => c.includes("session-token="));
          if (session) return { phone, userId, cookie: session };
        } catch {
          // the app is restarting
        }
        await sleep(500);
      }
      throw new Error(`could not sign in ${phone}`);
    };

    const sessions = await Promise.all(people.map((p) => signIn(p.phone, p.userId)));
    log(`[chaos] ${sessions.length} subscribers signed in; the load runs for ${options.durationMs / 1000} s`);

    const worker = async (session: Session, person: (typeof people)[number], index: number) => {
      let round = 0;
      while (isLoadRunning()) {
        round += 1;
        const kind = (index + round) % 3;
        const key = randomUUID();
        if (kind === 0) {
          const amountCents = 100 + (round % 5);
          const answer = await call(session, "bill.pay", { billId: person.billId, amountCents, idempotencyKey: key });
          if (answer.ok) {
            const payment = answer.data as { id: string; status: string; amountCents: number };
            payments.push({ ...payment, userId: session.userId, key, billId: person.billId, amountCents });
          }
        } else if (kind === 1) {
          const tariffId = tariffs[(index + round) % tariffs.length]!.id;
          const answer = await call(session, "tariff.change", {
            lineId: person.lineId,
            tariffId,
            effective: "NEXT_CYCLE",
            idempotencyKey: key,
          });
          if (answer.ok) {
            const change = answer.data as { id?: string; change?: { id: string } };
            changes.push({ userId: session.userId, key, id: change.id ?? change.change?.id ?? "", at: Date.now() });
            // Cancelled again at once, so the next round can schedule another.
            await call(session, "tariff.cancelChange", { changeId: change.id ?? change.change?.id });
          }
        } else {
          const answer = await call(session, "request.create", {
            category: "OTHER",
            subject: `Проверка связи ${round}`,
            description: `Нагрузочная проверка: обращение номер ${round} от ${session.phone}.`,
            idempotencyKey: key,
          });
          if (answer.ok) {
            const request = answer.data as { id?: string; request?: { id: string } };
            requests.push({ userId: session.userId, key, id: request.id ?? request.request?.id ?? "", at: Date.now() });
          }
        }
        await sleep(50);
      }
    };

    const disruptions = (async () => {
      const events = [
        ...options.databaseRestartsAt.map((at) => ({ at, kind: "database" as const })),
        ...options.appStopsAt.map((at) => ({ at, kind: "app" as const })),
      ].sort((a, b) => a.at - b.at);
      for (const event of events) {
        await sleep(Math.max(0, started + event.at - Date.now()));
        if (event.kind === "database") {
          log(`[chaos] ${((Date.now() - started) / 1000).toFixed(1)} s: stopping PostgreSQL`);
          await database.stop();
          await sleep(options.databaseDownMs);
          database = await startEmbeddedDatabase({ dataDir, port: databasePort });
          report.databaseRestarts += 1;
          log(`[chaos] ${((Date.now() - started) / 1000).toFixed(1)} s: PostgreSQL is back`);
        } else {
          log(`[chaos] ${((Date.now() - started) / 1000).toFixed(1)} s: SIGTERM to the app`);
          app?.kill("SIGTERM");
          await new Promise((resolve) => app?.once("exit", resolve));
        }
        lastDisruptionAt = Date.now();
      }
      isDisrupting = false;
    })();

    await Promise.all([...sessions.map((s, i) => worker(s, people[i]!, i)), disruptions]);
    await waitHealthy(180_000);

    // Jobs resume: the queue drains of everything that was due (payments:reconcile settles what the stops left).
    const drainUntil = Date.now() + 90_000;
    do {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM graphile_worker._private_jobs
          WHERE run_at < now() - interval '5 seconds' AND attempts < max_attempts AND locked_at IS NULL`,
      );
      report.jobsPending = Number(rows[0]!.n);
      if (report.jobsPending === 0) break;
      await sleep(1000);
    } while (Date.now() < drainUntil);

    // Every acknowledged write is there once; money is applied once.
    report.acknowledged = { payments: payments.length, requests: requests.length, tariffChanges: changes.length };
    for (const payment of payments) {
      const { rows } = await pool.query<{ id: string; amountCents: number }>(
        `SELECT id, "amountCents" FROM "Payment" WHERE "actorId" = $1 AND "idempotencyKey" = $2`,
        [payment.userId, payment.key],
      );
      report.rowsChecked += 1;
      if (rows.length !== 1 || rows[0]!.id !== payment.id || rows[0]!.amountCents !== payment.amountCents) {
        report.violations.push(`payment ${payment.key}: ${rows.length} rows for an acknowledged payment`);
      }
      const charges = await pool.query(`SELECT 1 FROM "TestProviderCharge" WHERE "idempotencyKey" = $1`, [
        `${payment.userId}:${payment.key}`,
      ]);
      if (charges.rowCount! > 1) report.violations.push(`payment ${payment.key}: charged ${charges.rowCount} times`);
    }
    const bills = [...new Set(payments.map((p) => p.billId))];
    const { rows: sums } = await pool.query<{ id: string; paidCents: number; succeeded: string }>(
      `SELECT b.id, b."paidCents",
              coalesce((SELECT sum(p."amountCents") FROM "Payment" p WHERE p."billId" = b.id AND p.status = 'SUCCEEDED'), 0) AS succeeded
         FROM "Bill" b WHERE b.id = ANY($1)`,
      [bills],
    );
    for (const bill of sums) {
      report.rowsChecked += 1;
      if (Number(bill.succeeded) !== bill.paidCents) {
        report.violations.push(`bill ${bill.id}: paid ${bill.paidCents}, succeeded payments ${bill.succeeded}`);
      }
    }
    for (const [table, column, acks] of [
      ["ServiceRequest", "createdById", requests],
      ["TariffChange", "requestedById", changes],
    ] as const) {
      for (const ack of acks) {
        const { rows } = await pool.query<{ id: string }>(
          `SELECT id FROM "${table}" WHERE "${column}" = $1 AND "idempotencyKey" = $2`,
          [ack.userId, ack.key],
        );
        report.rowsChecked += 1;
        if (rows.length !== 1 || rows[0]!.id !== ack.id) {
          report.violations.push(`${table} ${ack.key}: ${rows.length} rows for an acknowledged write`);
        }
      }
    }
    report.acknowledgedAfterLastDisruption = [...requests, ...changes].filter((a) => a.at > lastDisruptionAt).length;
    return report;
  } finally {
    supervising = false;
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app?.once("exit", resolve));
    }
    await pool.end().catch(() => {});
    await database.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The figures as `npm run chaos` prints them. */
export function formatChaosReport(report: ChaosReport): string {
  const calls = Object.entries(report.calls).map(
    ([procedure, outcomes]) =>
      `  ${procedure.padEnd(22)} ${Object.entries(outcomes)
        .sort(([, a], [, b]) => b - a)
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(", ")}`,
  );
  return [
    `calls made:`,
    ...calls,
    `disruptions: PostgreSQL restarted ${report.databaseRestarts} time(s), the app restarted ${report.appRestarts} time(s)`,
    `failures seen: ${report.failures.length ? report.failures.slice(0, 20).join("; ") : "none (no 500, every call answered)"}`,
    `acknowledged: ${report.acknowledged.payments} payments, ${report.acknowledged.tariffChanges} tariff changes, ${report.acknowledged.requests} requests; ${report.acknowledgedAfterLastDisruption} after the last disruption`,
    `rows checked: ${report.rowsChecked}; violations: ${report.violations.length ? report.violations.slice(0, 20).join("; ") : "none (every acknowledged write there exactly once, money applied once)"}`,
    `jobs still due after the run: ${report.jobsPending}`,
  ].join("\n");
}
