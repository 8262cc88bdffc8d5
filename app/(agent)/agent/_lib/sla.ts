/** Where a request stands against its SLA (minutes to the first response) at `now`. */
export type SlaState = "NONE" | "MET" | "LATE_RESPONSE" | "OK" | "NEAR" | "BREACHED";

/** The last quarter of the window counts as near breach: at least the last 10 minutes, at most the last 2 hours. */
const NEAR_SHARE = 0.25;
const NEAR_MINIMUM_MS = 10 * 60_000;
const NEAR_MAXIMUM_MS = 120 * 60_000;

export function slaStateOf(input: {
  slaDueAt: Date | null;
  /** When the clock started: escalation or creation. */
  startedAt: Date;
  firstResponseAt: Date | null;
  now: Date;
}): { state: SlaState; msLeft: number | null } {
  const { slaDueAt, startedAt, firstResponseAt, now } = input;
  if (!slaDueAt) return { state: "NONE", msLeft: null };
  if (firstResponseAt) {
    return { state: firstResponseAt.getTime() <= slaDueAt.getTime() ? "MET" : "LATE_RESPONSE", msLeft: null };
  }
  const msLeft = slaDueAt.getTime() - now.getTime();
  if (msLeft <= 0) return { state: "BREACHED", msLeft };
  const window = Math.max(0, slaDueAt.getTime() - startedAt.getTime());
  const nearFrom = Math.min(Math.max(window * NEAR_SHARE, NEAR_MINIMUM_MS), NEAR_MAXIMUM_MS);
  return { state: msLeft <= nearFrom ? "NEAR" : "OK", msLeft };
}

/** A countdown split for display: "1 h 05 min" / "3 d 4 h". */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}
