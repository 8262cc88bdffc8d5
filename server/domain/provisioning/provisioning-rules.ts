import type { LineStatus, ProvisioningKind } from "@prisma/client";

/** How long the send job waits before the next attempt: 5 s, 10 s, 20 s, ... capped at 10 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(attempt - 1, 0), 10 * 60_000);
}

/** The attempts before a command is handed to an agent (PROVISIONING_MAX_ATTEMPTS, default 5). */
export function maxProvisioningAttempts(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.PROVISIONING_MAX_ATTEMPTS ?? 5);
  return Number.isInteger(value) && value > 0 ? value : 5;
}

/** The line's status once the network has applied a command; null: the command leaves it as it is. */
export function lineStatusAfter(kind: ProvisioningKind, current: LineStatus): LineStatus | null {
  if (current === "TERMINATED") return null;
  switch (kind) {
    case "BLOCK":
      return "BLOCKED";
    case "UNBLOCK":
      return current === "BLOCKED" ? "ACTIVE" : null;
    case "SUSPEND":
      return current === "BLOCKED" ? null : "SUSPENDED";
    case "RESUME":
      return current === "SUSPENDED" ? "ACTIVE" : null;
    default:
      return null;
  }
}
