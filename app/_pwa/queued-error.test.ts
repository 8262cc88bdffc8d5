import { describe, expect, it } from "vitest";
import { queuedResponseBody } from "./offline-rules";
import { isQueuedOffline } from "./queued-error";

describe("isQueuedOffline", () => {
  it("recognises the worker's answer as the tRPC client exposes it (error.data)", () => {
    const [envelope] = JSON.parse(
      queuedResponseBody({ procedure: "request.create", isBatch: true, message: "m", outboxId: "k" }),
    );
    expect(isQueuedOffline({ data: envelope.error.json.data })).toBe(true);
  });

  it.each([
    [null],
    [undefined],
    [new Error("Failed to fetch")],
    [{ data: { code: "BAD_REQUEST" } }],
    [{ data: { queued: "yes" } }],
  ])("is false for any other error: %s", (error) => {
    expect(isQueuedOffline(error)).toBe(false);
  });
});
