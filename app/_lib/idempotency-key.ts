"use client";

import { useCallback, useState } from "react";

function randomId(): string {
  // randomUUID needs a secure context (HTTPS or localhost); getRandomValues works everywhere.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * A fresh idempotency key for one intention of the user, e.g. "pay-3f1c…" (the server takes
 * 8..100 characters). The purpose only makes the key readable in logs and the database.
 */
export function newIdempotencyKey(purpose: string): string {
  return `${purpose}-${randomId()}`;
}

/**
 * One key per submission: it stays the same across retries of the same submission (a lost answer
 * must not pay or send twice) and `renew` gives the next submission its own, after a success or
 * once the server has settled the attempt.
 */
export function useIdempotencyKey(purpose: string): { key: string; renew: () => void } {
  const [key, setKey] = useState(() => newIdempotencyKey(purpose));
  const renew = useCallback(() => setKey(newIdempotencyKey(purpose)), [purpose]);
  return { key, renew };
}
