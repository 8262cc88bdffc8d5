import { describe, expect, it } from "vitest";
import { canTransition } from "../request/request-status";
import { statusAfterReply } from "./reply-rules";

describe("statusAfterReply", () => {
  it.each([
    ["ASSIGNED", false, "IN_PROGRESS"],
    ["ASSIGNED", true, "WAITING_CUSTOMER"],
    ["IN_PROGRESS", false, null],
    ["IN_PROGRESS", true, "WAITING_CUSTOMER"],
    ["WAITING_CUSTOMER", false, "IN_PROGRESS"],
    ["WAITING_CUSTOMER", true, null],
    ["REOPENED", false, "IN_PROGRESS"],
    ["RESOLVED", false, null],
    ["RESOLVED", true, null],
    ["CLOSED", false, null],
  ] as const)("a reply on %s (wait for customer: %s) → %s", (status, wait, next) => {
    expect(statusAfterReply(status, wait)).toBe(next);
    // Every move it asks for is one the request workflow allows.
    if (next) expect(canTransition(status, next)).toBe(true);
  });
});
