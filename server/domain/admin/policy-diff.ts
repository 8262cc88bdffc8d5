import type { RoutingPolicyConfig } from "../routing/policy.schema";

/** Settings that decide a customer's value score and segment: changing any re-scores everyone. */
export const VALUE_MODEL_KEYS = [
  "valueWeights",
  "revenueForFullScoreCents",
  "tenureForFullScoreMonths",
  "linesForFullScore",
  "segmentThresholds",
] as const satisfies readonly (keyof RoutingPolicyConfig)[];

function leaves(value: unknown, prefix: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    // Category lists are sets: their order does not matter.
    out.set(prefix, JSON.stringify([...value].map(String).sort()));
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.set(prefix, JSON.stringify(value));
}

/** Dotted paths of the settings that differ, e.g. ["segmentThresholds.SILVER", "slaMinutes.GOLD.2"]. */
export function changedSettings(before: RoutingPolicyConfig, after: RoutingPolicyConfig): string[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  leaves(before, "", a);
  leaves(after, "", b);
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => a.get(path) !== b.get(path)).sort();
}

/** Whether the change moves value scores or segments, so every customer must be re-scored. */
export function isValueModelChange(changed: readonly string[]): boolean {
  return changed.some((path) => VALUE_MODEL_KEYS.some((key) => path === key || path.startsWith(`${key}.`)));
}
