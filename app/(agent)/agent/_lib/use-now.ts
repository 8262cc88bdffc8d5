"use client";

import { useEffect, useState } from "react";

/**
 * The current time, refreshed every `intervalMs`, so countdowns move without refetching.
 * Null during server rendering and hydration (the clocks differ), then the browser's time.
 */
export function useNow(intervalMs = 30_000): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
