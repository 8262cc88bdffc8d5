import type { Priority } from "./route-contact";

/** The share of the SLA window left when the watch raises the priority. */
export const SLA_WARN_SHARE = 0.25;
/** Never warn later than this before the due time. */
export const SLA_MIN_WARNING_MS = 5 * 60_000;

export type SlaState = {
  priority: number;
  /** When the SLA clock started: creation, escalation or reopening, whichever is latest. */
  startedAt: Date;
  slaDueAt: Date;
  slaWarnedAt: Date | null;
};

export type SlaAction =
  { kind: "NONE" } | { kind: "WARN"; priority: Priority } | { kind: "BREACH"; priority: Priority };

/** When the watch warns: a quarter of the window before the due time, but at least five minutes before. */
export function slaWarningAt(state: Pick<SlaState, "startedAt" | "slaDueAt">): Date {
  const window = Math.max(0, state.slaDueAt.getTime() - state.startedAt.getTime());
  const lead = Math.max(SLA_MIN_WARNING_MS, window * SLA_WARN_SHARE);
  return new Date(state.slaDueAt.getTime() - lead);
}

const raise = (priority: number): Priority => Math.max(1, Math.min(4, priority - 1)) as Priority;

/**
 * What the SLA watch does with a request still waiting for a person (DESIGN.md "SLA"): near the
 * due time it raises the priority once; past it, it flags the breach (raising it too if it was
 * never warned).
 */
export function slaActionFor(state: SlaState, now: Date): SlaAction {
  if (now.getTime() >= state.slaDueAt.getTime()) {
    return {
      kind: "BREACH",
      priority: state.slaWarnedAt ? (Math.max(1, Math.min(4, state.priority)) as Priority) : raise(state.priority),
    };
  }
  if (!state.slaWarnedAt && now.getTime() >= slaWarningAt(state).getTime())
    return { kind: "WARN", priority: raise(state.priority) };
  return { kind: "NONE" };
}
