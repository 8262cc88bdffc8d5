import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionIdOf } from "./session-token";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";

function requestWith(token: string | null) {
  const cookies = token ? [{ name: "next-auth.session-token", value: token }] : [];
  return { cookies: { getAll: () => cookies }, headers: new Headers() } as never;
}

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
});

describe("sessionIdOf", () => {
  it("reads the session id from the cookie, the same on every call", async () => {
    const token = await encode({ token: { sub: "usr_1", sid: "ses_1" }, secret: SECRET });
    expect(await sessionIdOf(requestWith(token))).toBe("ses_1");
    expect(await sessionIdOf(requestWith(token))).toBe("ses_1");
  });

  it("answers null without a cookie, for a tampered or foreign one, and for a token without a session id", async () => {
    const token = await encode({ token: { sub: "usr_2", sid: "ses_2" }, secret: SECRET });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    const foreign = await encode({
      token: { sub: "usr_3", sid: "ses_3" },
      secret: "another-secret-of-at-least-thirty-two-chars",
    });
    const withoutSession = await encode({ token: { sub: "usr_4" }, secret: SECRET });
    expect(await sessionIdOf(requestWith(null))).toBeNull();
    expect(await sessionIdOf(requestWith(tampered))).toBeNull();
    expect(await sessionIdOf(requestWith(foreign))).toBeNull();
    expect(await sessionIdOf(requestWith(withoutSession))).toBeNull();
  });

  it("stops answering for a token once it has expired", async () => {
    const token = await encode({ token: { sub: "usr_5", sid: "ses_5" }, secret: SECRET, maxAge: -60 });
    expect(await sessionIdOf(requestWith(token))).toBeNull();
  });
});
