import { afterEach, describe, expect, it, vi } from "vitest";
import { newIdempotencyKey } from "./idempotency-key";

describe("newIdempotencyKey", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is fresh each time, names its purpose and fits the server's 8..100 characters", () => {
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey("pay")));
    expect(keys.size).toBe(100);
    for (const key of keys) {
      expect(key).toMatch(/^pay-[0-9a-f-]{32,36}$/);
      expect(key.length).toBeGreaterThanOrEqual(8);
      expect(key.length).toBeLessThanOrEqual(100);
    }
  });

  it("works where randomUUID is missing (a page served over plain HTTP)", () => {
    vi.stubGlobal("crypto", { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    const [first, second] = [newIdempotencyKey("reply"), newIdempotencyKey("reply")];
    expect(first).toMatch(/^reply-[0-9a-f]{32}$/);
    expect(first).not.toBe(second);
  });
});
