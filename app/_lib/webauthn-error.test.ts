import { describe, expect, it } from "vitest";
import { webAuthnFailureOf } from "./webauthn-error";

describe("webAuthnFailureOf", () => {
  it.each([
    [new DOMException("The operation either timed out or was not allowed.", "NotAllowedError"), "cancelled"],
    [Object.assign(new Error("aborted"), { name: "AbortError" }), "cancelled"],
    [
      Object.assign(new Error("The authenticator was previously registered"), { name: "InvalidStateError" }),
      "alreadyRegistered",
    ],
    [Object.assign(new Error("no"), { name: "NotSupportedError" }), "unsupported"],
    [Object.assign(new Error("rp id"), { name: "SecurityError" }), "unsupported"],
    [new TypeError("Failed to fetch"), "failed"],
    ["a string", "failed"],
    [null, "failed"],
  ])("%s is %s", (error, expected) => {
    expect(webAuthnFailureOf(error)).toBe(expected);
  });
});
