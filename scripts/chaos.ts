/**
 * `npm run chaos`: subscribers pay, change tariffs and open requests for a minute while PostgreSQL
 * is restarted twice and the app is stopped once with SIGTERM (a supervisor starts it again); then
 * every acknowledged write is checked in the database. Prints the calls made, the failures seen and
 * the rows checked; exits 1 if anything was lost, doubled or answered 500.
 *
 * CHAOS_SECONDS (60), CHAOS_DATABASE_RESTARTS (2), CHAOS_APP_STOPS (1), CHAOS_SUBSCRIBERS (12),
 * CHAOS_CUSTOMERS (120) and CHAOS_PORT (3900) change the round; CHAOS_REPORT=<file> also writes the
 * figures as JSON (tests/e2e/chaos.spec.ts runs a short round that way).
 */
import { writeFileSync } from "node:fs";
import { formatChaosReport, runChaos } from "./chaos/chaos";

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && process.env[name] !== "" && process.env[name] !== undefined ? value : fallback;
};
const seconds = setting("CHAOS_SECONDS", 60);
const databaseRestarts = setting("CHAOS_DATABASE_RESTARTS", 2);
const appStops = setting("CHAOS_APP_STOPS", 1);
/** Disruptions spread over the middle of the round, the database's and the app's taking turns. */
const slots = databaseRestarts + appStops;
const at = (slot: number) => Math.round(((seconds * 1000) / (slots + 1)) * (slot + 1) * 0.85);
const order = Array.from({ length: slots }, (_, slot) => slot);
const databaseSlots = order.filter((slot) => slot % 2 === 0).slice(0, databaseRestarts);
const appSlots = order.filter((slot) => !databaseSlots.includes(slot)).slice(0, appStops);

const report = await runChaos({
  port: setting("CHAOS_PORT", 3900),
  durationMs: seconds * 1000,
  databaseRestartsAt: databaseSlots.map(at),
  databaseDownMs: 4000,
  appStopsAt: appSlots.map(at),
  subscribers: setting("CHAOS_SUBSCRIBERS", 12),
  customers: setting("CHAOS_CUSTOMERS", 120),
});
console.log(formatChaosReport(report));
if (report.failures.length) console.log(`the app's errors:\n${report.serverErrors.join("\n")}`);
if (process.env.CHAOS_REPORT) writeFileSync(process.env.CHAOS_REPORT, JSON.stringify(report, null, 2));
process.exit(report.violations.length || report.failures.length || !report.acknowledgedAfterLastDisruption ? 1 : 0);
