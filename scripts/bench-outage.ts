/**
 * `npm run bench:outage` (issue 17): on the 100,000-customer bench database (DATA_DIR,
 * EMBEDDED_PG_PORT and DATABASE_URL as for the other benchmarks), declares an incident on enough
 * cells to touch about 10,000 lines and measures, each through the domain function the product runs:
 * - matching: `declareIncident` (the area matched to lines, IncidentLine rows written);
 * - notifications: `notifyIncidentUpdate` for the declaration (every affected subscriber told);
 * - `request.create` (`createRequest`, NO_SERVICE on the affected line) for `--filers` affected
 *   subscribers filing at once, its p95: a first burst after the start, then a second one (other
 *   subscribers) as a portal that has been serving meets an outage; then the same filings over
 *   HTTP, through the production server (`--port`, default 3298), signed in as each subscriber;
 * - credits: the incident resolved, then `issueOutageCredits` for all its lines.
 * Targets: credits for 10,000 lines within 60 s; request.create p95 at most 100 ms.
 *
 *   npm run bench:outage [-- --customers 100000 --lines 10000 --filers 200]
 */
import { sql } from "kysely";
import { randomUUID } from "node:crypto";
import { createDatabase, kyselyOf } from "../server/db/client";
import { declareIncident, resolveIncident } from "../server/domain/incident/incident-admin.service";
import { notifyIncidentUpdate } from "../server/domain/incident/incident-notify.service";
import { issueOutageCredits } from "../server/domain/incident/outage-credit.service";
import { createRequest } from "../server/domain/request/create-request.service";
import { migrateJobQueue } from "../server/jobs/runner";
import { limitKey } from "../server/domain/abuse/abuse-limits.service";
import { argument, openBenchDatabase, percentile } from "./bench/bench-database";
import { startPortal } from "./bench/portal";
import { signIn } from "./session-cookie";

const CUSTOMERS = argument("customers", 100_000);
const LINES = argument("lines", 10_000);
const FILERS = argument("filers", 200);
/** Connections in the bench's pool (the filers share it). */
const POOL = argument("pool", 40);
const HOUR = 3_600_000;
/** Filings timed one at a time before the burst. */
const ONE_BY_ONE = 50;
/** The production server's port for the filings over HTTP. */
const APP_PORT = argument("port", 3298);
const BENCH_MESSAGE = { ru: "Нагрузочный тест: авария на базовых станциях", en: "Bench: cell sites down" };

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

type Filer = { userId: string; phone: string | null; customerId: string; lineId: string };

/**
 * The same filings through the production server, signed in as each subscriber: `ONE_BY_ONE` one
 * at a time (also warming the server), then `FILERS` at once. Each is a tRPC POST of
 * `request.create`, so the session check, tRPC and the HTTP round trip are in the figure.
 */
async function fileOverHttp(databaseUrl: string, filers: Filer[]) {
  const portal = await startPortal(databaseUrl, APP_PORT);
  try {
    const cookies: string[] = [];
    // Signing in hashes the password (argon2): a few at a time.
    for (let i = 0; i < filers.length; i += 8) {
      cookies.push(...(await Promise.all(filers.slice(i, i + 8).map((filer) => signIn(portal.base, filer.phone!)))));
    }
    let failed = 0;
    let attached = 0;
    const file = async (filer: Filer, cookie: string) => {
      const started = performance.now();
      const response = await fetch(`${portal.base}/api/trpc/request.create`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({
          json: {
            category: "NO_SERVICE",
            subject: "Нет связи",
            description: "С утра нет связи и мобильного интернета на этом номере.",
            lineId: filer.lineId,
            idempotencyKey: `bench-${randomUUID()}`,
          },
        }),
      });
      const body = (await response.json()) as { result?: { data?: { json?: { incidentId: string | null } } } };
      const ms = performance.now() - started;
      if (!response.ok) failed++;
      else if (body.result?.data?.json?.incidentId) attached++;
      return ms;
    };
    const alone: number[] = [];
    for (let i = 0; i < ONE_BY_ONE; i++) alone.push(await file(filers[i]!, cookies[i]!));
    failed = 0;
    attached = 0;
    const started = performance.now();
    const latencies = await Promise.all(
      filers.slice(ONE_BY_ONE).map((filer, i) => file(filer, cookies[ONE_BY_ONE + i]!)),
    );
    const ms = performance.now() - started;
    // For scale: the cheapest signed-in call (`me.get`, the session and nothing else) as many at once.
    const cheapest = async (cookie: string) => {
      const begun = performance.now();
      const response = await fetch(`${portal.base}/api/trpc/me.get`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) failed++;
      return performance.now() - begun;
    };
    const meStarted = performance.now();
    const me = await Promise.all(cookies.slice(ONE_BY_ONE).map(cheapest));
    const meMs = performance.now() - meStarted;
    return {
      alone: alone.sort((a, b) => a - b),
      burst: { latencies: latencies.sort((a, b) => a - b), ms, attached, failed },
      me: { latencies: me.sort((a, b) => a - b), ms: meMs },
    };
  } finally {
    await portal.stop();
  }
}

async function main() {
  const { url, embedded } = await openBenchDatabase(CUSTOMERS);
  // Declaring and resolving queue the notify and credits jobs (run here directly, and timed).
  await migrateJobQueue(url);
  const db = createDatabase(url, { max: POOL });
  const k = kyselyOf(db);

  // Cells in a stable order until the mobile lines on them add up to about --lines.
  const mobile = (
    await sql<{ id: string; cells: string[] }>`
      SELECT id, cells FROM "Line" WHERE kind = 'MOBILE' AND status <> 'TERMINATED'`.execute(k)
  ).rows;
  const linesOn = new Map<string, string[]>();
  for (const line of mobile) for (const cell of line.cells) linesOn.set(cell, [...(linesOn.get(cell) ?? []), line.id]);
  const cells: string[] = [];
  const reached = new Set<string>();
  for (const cell of [...linesOn.keys()].sort()) {
    if (reached.size >= LINES) break;
    cells.push(cell);
    for (const id of linesOn.get(cell)!) reached.add(id);
  }
  const reach = reached.size;
  // Credits of earlier runs' incidents, not billed, would cover this run's outage: removed.
  await db.outageCredit.deleteMany({
    where: { billLineId: null, incident: { messageEn: BENCH_MESSAGE.en } },
  });
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, role: true } });
  const author = { actor: { ...admin, ip: "127.0.0.1" }, idempotencyKey: `bench-outage-${randomUUID()}` };
  const startedAt = new Date(Date.now() - 3 * HOUR);
  console.log(`[bench] ${cells.length} cells, ${reach.toLocaleString("en-US")} mobile lines on them`);

  const declared = await timed(() =>
    declareIncident(db, author, {
      services: ["VOICE", "SMS", "MOBILE_DATA"],
      area: { regions: [], cells, nodes: [], buildings: [] },
      startedAt,
      etaAt: new Date(Date.now() + HOUR),
      message: BENCH_MESSAGE,
    }),
  );
  const incident = declared.result;
  const update = await db.incidentUpdate.findFirstOrThrow({
    where: { incidentId: incident.id, kind: "DECLARED" },
    select: { id: true },
  });
  console.log(`[bench] declared: ${incident.affectedLines} lines in ${declared.ms.toFixed(0)} ms`);
  const notified = await timed(() => notifyIncidentUpdate(db, incident.id, update.id));

  console.log(`[bench] notified: ${notified.result.notified} in ${notified.ms.toFixed(0)} ms`);
  // Affected subscribers with a login file "no service" on their affected line, all at once.
  const filers = await k
    .selectFrom("IncidentLine as il")
    .innerJoin("User as u", "u.customerId", "il.customerId")
    .select(["u.id as userId", "u.phone", "il.customerId", "il.lineId"])
    .distinctOn("il.customerId")
    .where("il.incidentId", "=", incident.id)
    .orderBy("il.customerId")
    .limit(3 * FILERS + 2 * ONE_BY_ONE)
    .execute();
  // The bench files for the same subscribers on every run: their hourly budget of requests
  // (`requestCreate`) starts afresh, or a second run within the hour is refused.
  await k
    .deleteFrom("RateLimit")
    .where(
      "key",
      "in",
      filers.map((filer) => limitKey("requestCreate", filer.userId)),
    )
    .execute();
  let attached = 0;
  const failures: string[] = [];
  async function file(filer: (typeof filers)[number]): Promise<number> {
    const { ms, result } = await timed(() =>
      createRequest(
        db,
        { userId: filer.userId, customerId: filer.customerId, channel: "WEB", locale: "ru" },
        {
          category: "NO_SERVICE",
          subject: "Нет связи",
          description: "С утра нет связи и мобильного интернета на этом номере.",
          lineId: filer.lineId,
          idempotencyKey: `bench-${randomUUID()}`,
        },
      ).catch((error: unknown) => {
        failures.push(error instanceof Error ? error.message.split("\n").at(-1)! : String(error));
        return null;
      }),
    );
    if (result?.incidentId) attached++;
    return ms;
  }
  async function fileAtOnce(group: typeof filers) {
    attached = 0;
    failures.length = 0;
    const filing = await timed(() => Promise.all(group.map(file)));
    if (failures.length) console.log(`[bench] ${failures.length} filings failed, e.g. ${failures[0]}`);
    return { latencies: filing.result.sort((a, b) => a - b), ms: filing.ms, attached, failed: failures.length };
  }
  // First one at a time (the time a filing takes); then --filers at once, twice, with other
  // subscribers each time. The first burst meets the database just after its start: PostgreSQL
  // waits on reads of pages that a database in service keeps in memory (docs/benchmarks.md).
  // The target is about the second. Then the same over HTTP, through the production server.
  const alone: number[] = [];
  for (const filer of filers.slice(2 * FILERS, 2 * FILERS + ONE_BY_ONE)) alone.push(await file(filer));
  alone.sort((a, b) => a - b);
  const first = await fileAtOnce(filers.slice(0, FILERS));
  const second = await fileAtOnce(filers.slice(FILERS, 2 * FILERS));
  const overHttp = await fileOverHttp(url, filers.slice(2 * FILERS + ONE_BY_ONE));

  await resolveIncident(
    db,
    { actor: author.actor },
    {
      id: incident.id,
      resolvedAt: new Date(),
    },
  );
  const credits = await timed(() => issueOutageCredits(db, incident.id));

  const burstRow = (label: string, burst: Awaited<ReturnType<typeof fileAtOnce>>, target: boolean) => {
    const p95 = percentile(burst.latencies, 95);
    return [
      label,
      `${burst.latencies.length} at once, ${burst.attached} attached, ${burst.failed} failed`,
      `${p95.toFixed(0)} ms (p50 ${percentile(burst.latencies, 50).toFixed(0)} ms, all in ${(burst.ms / 1000).toFixed(2)} s)`,
      target ? (p95 <= 100 ? "<= 100 ms: met" : "<= 100 ms: MISSED") : "",
    ];
  };
  const rows = [
    [
      "matching (declare)",
      `${incident.affectedLines.toLocaleString("en-US")} lines`,
      `${(declared.ms / 1000).toFixed(2)} s`,
      "",
    ],
    [
      "notifications (declared)",
      `${notified.result.notified.toLocaleString("en-US")} subscribers`,
      `${(notified.ms / 1000).toFixed(2)} s`,
      "",
    ],
    burstRow("request.create p95", second, true),
    burstRow("request.create p95, first burst after start", first, false),
    burstRow("request.create p95 over HTTP (tRPC, signed in)", overHttp.burst, false),
    [
      "reference: me.get p95 over HTTP, signed in",
      `${overHttp.me.latencies.length} at once`,
      `${percentile(overHttp.me.latencies, 95).toFixed(0)} ms (p50 ${percentile(overHttp.me.latencies, 50).toFixed(0)} ms, all in ${(overHttp.me.ms / 1000).toFixed(2)} s)`,
      "",
    ],
    [
      "request.create over HTTP, one at a time",
      `${overHttp.alone.length} filings`,
      `p95 ${percentile(overHttp.alone, 95).toFixed(0)} ms (p50 ${percentile(overHttp.alone, 50).toFixed(0)} ms)`,
      "",
    ],
    [
      "request.create one at a time",
      `${alone.length} filings`,
      `p95 ${percentile(alone, 95).toFixed(0)} ms (p50 ${percentile(alone, 50).toFixed(0)} ms)`,
      "",
    ],
    [
      "credits (on resolution)",
      `${credits.result.credited.toLocaleString("en-US")} lines, ${(credits.result.totalCents / 100).toLocaleString("en-US")} RUB`,
      `${(credits.ms / 1000).toFixed(2)} s`,
      credits.ms <= 60_000 ? "<= 60 s: met" : "<= 60 s: MISSED",
    ],
  ];
  console.log("\n| step | volume | time | target |\n|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);

  await db.$disconnect();
  await embedded?.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
