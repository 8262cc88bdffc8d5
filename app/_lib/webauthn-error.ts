/** What a failed browser ceremony (`startRegistration` / `startAuthentication`) means to the user. */
export type WebAuthnFailure = "cancelled" | "alreadyRegistered" | "unsupported" | "failed";

/**
 * The browser's error by its DOMException name (@simplewebauthn/browser keeps it as `name`):
 * NotAllowedError is a cancel or a timeout (browsers do not tell them apart, on purpose),
 * InvalidStateError an authenticator already registered (excludeCredentials).
 */
export function webAuthnFailureOf(error: unknown): WebAuthnFailure {
  const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  switch (name) {
    case "NotAllowedError":
    case "AbortError":
      return "cancelled";
    case "InvalidStateError":
      return "alreadyRegistered";
    case "NotSupportedError":
    case "SecurityError":
      return "unsupported";
    default:
      return "failed";
  }
}
