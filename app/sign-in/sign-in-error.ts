/** next-auth's `error` after a failed sign-in, as the server words it (`SIGN_IN_ERROR`). */
export type SignInFailure =
  | { kind: "invalid" }
  | { kind: "locked" }
  | { kind: "throttled"; retryAt: Date }
  /** Staff: the password was right; ask for the authenticator app's code (the second step). */
  | { kind: "totpRequired" }
  /** Staff: the code (or recovery code) was wrong. */
  | { kind: "totpInvalid" }
  /** Too many failed sign-ins on this account from anywhere: a password alone is not enough, sign in by SMS code. */
  | { kind: "codeRequired" }
  /** The passkey's answer did not verify: an unknown (removed) passkey or an expired request. */
  | { kind: "passkeyInvalid" }
  | { kind: "failed" };

const THROTTLED_PREFIX = "THROTTLED:";

export function parseSignInError(error: string | null | undefined): SignInFailure {
  if (error === "INVALID" || error === "CredentialsSignin") return { kind: "invalid" };
  if (error === "ACCOUNT_LOCKED") return { kind: "locked" };
  if (error === "TOTP_REQUIRED") return { kind: "totpRequired" };
  if (error === "TOTP_INVALID") return { kind: "totpInvalid" };
  if (error === "CODE_REQUIRED") return { kind: "codeRequired" };
  if (error === "PASSKEY_INVALID") return { kind: "passkeyInvalid" };
  if (error?.startsWith(THROTTLED_PREFIX)) {
    const retryAt = new Date(error.slice(THROTTLED_PREFIX.length));
    if (!Number.isNaN(retryAt.getTime())) return { kind: "throttled", retryAt };
  }
  return { kind: "failed" };
}

/** Only paths of this site, so a crafted link cannot send a fresh session elsewhere. */
export function safeCallbackUrl(value: string | string[] | undefined): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return undefined;
  }
  return value;
}
