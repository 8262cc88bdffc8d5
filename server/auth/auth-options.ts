import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { clientIpOf } from "../domain/identity/client-address";
import { headerReaderOf, usesSecureCookies } from "./secure-cookies";
import { endSession, SESSION_MAX_AGE_SECONDS, signIn } from "./sign-in";

/** Error codes the sign-in page reads from next-auth's `error`. */
export const SIGN_IN_ERROR = {
  invalid: "INVALID",
  locked: "ACCOUNT_LOCKED",
  throttledPrefix: "THROTTLED:",
  /** Staff: the password was right; the page asks for the code and sends `totp` with the same credentials. */
  totpRequired: "TOTP_REQUIRED",
  /** Staff: the TOTP or recovery code was wrong (a failed sign-in for the throttle). */
  totpInvalid: "TOTP_INVALID",
  /** Too many failures on the identifier from anywhere: a password alone is not enough, sign in by SMS code. */
  codeRequired: "CODE_REQUIRED",
  /** The passkey's answer did not verify (unknown passkey, expired request). */
  passkeyInvalid: "PASSKEY_INVALID",
} as const;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Selfcare",
      credentials: {
        identifier: { label: "Phone or e-mail", type: "text" },
        password: { label: "Password", type: "password" },
        /** A one-time code sent by SMS (auth.requestCode), instead of the password. */
        code: { label: "Code from the SMS", type: "text" },
        /** Staff only: the authenticator app's code, or one of the recovery codes. */
        totp: { label: "Code from the authenticator app", type: "text" },
        /** A passkey: the JSON of `{challengeId, response}` (auth.passkeyOptions, then the browser's answer). */
        passkey: { label: "Passkey", type: "text" },
      },
      async authorize(credentials, req) {
        const headers = (req?.headers ?? {}) as Record<string, string | string[] | undefined>;
        const result = await signIn(getDb(), {
          identifier: String(credentials?.identifier ?? ""),
          password: String(credentials?.password ?? ""),
          code: String(credentials?.code ?? ""),
          totp: String(credentials?.totp ?? ""),
          passkey: String(credentials?.passkey ?? ""),
          // The web server computed it from the socket and the trusted proxies (server/http/request-listener.ts).
          ip: clientIpOf((name) => headers[name]),
          userAgent: String(headers["user-agent"] ?? ""),
        });
        if (result.ok) return { ...result.user, email: null, image: null };
        if (result.reason === "THROTTLED")
          throw new Error(SIGN_IN_ERROR.throttledPrefix + result.retryAt.toISOString());
        throw new Error(result.reason);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as { sessionId: string; role: string };
        token.sid = signedIn.sessionId;
        token.role = signedIn.role;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid, role: token.role };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(getDb(), String(token.sid));
    },
  },
};

/**
 * The options for one request: its cookies are `Secure`, with next-auth's `__Secure-` and `__Host-`
 * names (session, CSRF, callback URL), when it came over https, even with NEXTAUTH_URL unset or
 * http (server/auth/secure-cookies.ts). Sign-in, sign-out and the session reading agree on it.
 */
export function authOptionsFor(headers: Headers | Record<string, string | string[] | undefined>): NextAuthOptions {
  return { ...authOptions, useSecureCookies: usesSecureCookies(headerReaderOf(headers)) };
}
