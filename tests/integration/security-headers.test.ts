/**
 * The security headers through the production HTTP path: the web server's request listener
 * (server/http/request-listener.ts) with the real tRPC router and next-auth's real handler; Next.js
 * is stood in for by a handler that answers pages, the health check and the service worker and
 * notes the policy it was handed (Next.js reads its scripts' nonce from there). Every kind of answer
 * carries a Content-Security-Policy with a fresh nonce, Permissions-Policy and Referrer-Policy; HSTS
 * and `Secure` cookies follow https as the listener establishes it (TLS or a trusted proxy's
 * X-Forwarded-Proto), even with NEXTAUTH_URL unset. tests/e2e/csp.spec.ts checks the pages in Chromium.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "../../server/auth/auth-options";
import { createRequestListener } from "../../server/http/request-listener";
import { PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY } from "../../server/http/security-headers";
import { DEMO, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { handleNextAuthLikeNext, setCookiesOf } from "./helpers/next-auth-over-http";

const SECRET = "security-headers-test-secret";
/** The policy each request carried when it reached the stand-in for Next.js. */
const policiesSeenByNext: string[] = [];

async function handleLikeNext(request: http.IncomingMessage, response: http.ServerResponse) {
  if (await handleNextAuthLikeNext(request, response)) return;
  policiesSeenByNext.push(String(request.headers["content-security-policy"]));
  if (request.url === "/api/health")
    return void response.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"ok","db":"ok"}');
  if (request.url === "/sw.js")
    return void response.writeHead(200, { "Content-Type": "application/javascript" }).end("self.skipWaiting();");
  if (request.url === "/no-such-page") return void response.writeHead(404, { "Content-Type": "text/html" }).end();
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end("<!doctype html><title>page</title>");
}

type Server = { base: string; close(): Promise<void> };

const distDir = mkdtempSync(path.join(tmpdir(), "security-headers-dist-"));
mkdirSync(path.join(distDir, "static/chunks"), { recursive: true });
writeFileSync(path.join(distDir, "static/chunks/app.js"), "console.log('app');".repeat(100));

async function startServer(options: { trustedProxies: string; allowsEval?: boolean }): Promise<Server> {
  const server = http.createServer(
    createRequestListener({ handleWithNext: handleLikeNext, distDir, allowsEval: false, ...options }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The sources of one directive of a response's policy. */
function sourcesOf(policy: string | null, directive: string): string[] {
  const found = (policy ?? "")
    .split(";")
    .map((entry) => entry.trim().split(/\s+/))
    .find(([name]) => name === directive);
  return found?.slice(1) ?? [];
}

function nonceOf(policy: string | null): string | undefined {
  return sourcesOf(policy, "script-src")
    .find((source) => source.startsWith("'nonce-"))
    ?.slice("'nonce-".length, -1);
}

/** The proxy in front adds these: the client's address (a fresh one each time, clear of any throttle) and its protocol. */
let client = 0;
function fromProxy(protocol: "https" | "http"): Record<string, string> {
  client += 1;
  return { "x-forwarded-for": `198.51.100.${client % 250}`, "x-forwarded-proto": protocol };
}

/** Every Set-Cookie of a response, whole (with its attributes). */
function cookieLines(response: Response): string[] {
  return response.headers.getSetCookie();
}

const hasAttribute = (line: string, attribute: string) =>
  line
    .split(";")
    .slice(1)
    .some((part) => part.trim().toLowerCase() === attribute.toLowerCase());

let direct: Server;
let behindProxy: Server;
const savedNextAuthUrl = process.env.NEXTAUTH_URL;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  authOptions.secret = SECRET;
  // The deployment this is about: https at a proxy in front, NEXTAUTH_URL never set.
  delete process.env.NEXTAUTH_URL;
  direct = await startServer({ trustedProxies: "" });
  behindProxy = await startServer({ trustedProxies: "127.0.0.1" });
});

afterAll(async () => {
  if (savedNextAuthUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = savedNextAuthUrl;
  await direct.close();
  await behindProxy.close();
});

describe("the Content-Security-Policy, Permissions-Policy and Referrer-Policy on every kind of answer", () => {
  it.each([
    ["a page", "/dashboard", 200],
    ["a page that does not exist", "/no-such-page", 404],
    ["a tRPC answer", "/api/trpc/me.get", 401],
    ["next-auth", "/api/auth/csrf", 200],
    ["a build script", "/_next/static/chunks/app.js", 200],
    ["the service worker", "/sw.js", 200],
    ["the health check", "/api/health", 200],
  ])("on %s, with a fresh nonce each time", async (_kind, url, status) => {
    const first = await fetch(`${direct.base}${url}`);
    const second = await fetch(`${direct.base}${url}`);
    expect(first.status).toBe(status);
    const nonces = new Set<string | undefined>();
    for (const response of [first, second]) {
      const policy = response.headers.get("content-security-policy");
      const scriptSources = sourcesOf(policy, "script-src");
      expect(scriptSources).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
      expect(scriptSources).not.toContain("'unsafe-inline'");
      expect(scriptSources).not.toContain("'unsafe-eval'");
      expect(sourcesOf(policy, "object-src")).toEqual(["'none'"]);
      expect(sourcesOf(policy, "frame-ancestors")).toEqual(["'none'"]);
      expect(nonceOf(policy)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      nonces.add(nonceOf(policy));
      expect(response.headers.get("permissions-policy")).toBe(PERMISSIONS_POLICY);
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    expect(nonces.size).toBe(2);
  });

  it("hands Next.js the policy of its own response, never one the caller sent", async () => {
    policiesSeenByNext.length = 0;
    const response = await fetch(`${direct.base}/dashboard`, {
      headers: {
        "content-security-policy": "script-src 'nonce-Zm9yZ2VkLW5vbmNlLTEyMw=='",
        "content-security-policy-report-only": "script-src 'nonce-Zm9yZ2VkLW5vbmNlLTEyMw=='",
      },
    });
    expect(policiesSeenByNext).toEqual([response.headers.get("content-security-policy")]);
    expect(nonceOf(policiesSeenByNext[0]!)).not.toBe("Zm9yZ2VkLW5vbmNlLTEyMw==");
  });

  it("allows 'unsafe-eval' (for next dev) by default only when NODE_ENV is not production", async () => {
    const policyUnder = async (nodeEnv: string) => {
      vi.stubEnv("NODE_ENV", nodeEnv);
      const server = await startServer({ trustedProxies: "", allowsEval: undefined });
      vi.unstubAllEnvs();
      try {
        return (await fetch(`${server.base}/dashboard`)).headers.get("content-security-policy");
      } finally {
        await server.close();
      }
    };
    expect(sourcesOf(await policyUnder("production"), "script-src")).not.toContain("'unsafe-eval'");
    expect(sourcesOf(await policyUnder("development"), "script-src")).toContain("'unsafe-eval'");
  });
});

describe("HSTS only over https", () => {
  it("is sent when a trusted proxy says the client came over https", async () => {
    const response = await fetch(`${behindProxy.base}/dashboard`, { headers: fromProxy("https") });
    expect(response.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
    const trpc = await fetch(`${behindProxy.base}/api/trpc/me.get`, { headers: fromProxy("https") });
    expect(trpc.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it("is not sent over plain http, nor when the client claims https itself", async () => {
    const plain = await fetch(`${behindProxy.base}/dashboard`, { headers: fromProxy("http") });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const unproxied = await fetch(`${behindProxy.base}/dashboard`);
    expect(unproxied.headers.get("strict-transport-security")).toBeNull();
    // No trusted proxy: the header, and the internal one, are only the client's word.
    const claimed = await fetch(`${direct.base}/dashboard`, {
      headers: { "x-forwarded-proto": "https", "x-selfcare-client-proto": "https" },
    });
    expect(claimed.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("Secure cookies behind https with NEXTAUTH_URL unset", () => {
  /** GET /api/auth/csrf: the token and the cookies to send back. */
  async function csrfOver(server: Server, headers: Record<string, string>) {
    const response = await fetch(`${server.base}/api/auth/csrf`, { headers });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { csrfToken, lines: cookieLines(response), cookie: setCookiesOf(response).join("; ") };
  }

  async function postForm(server: Server, url: string, form: Record<string, string>, headers: Record<string, string>) {
    return fetch(`${server.base}${url}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...form, json: "true" }),
    });
  }

  it("signs in, reads the session and signs out with __Secure- cookies, each Secure", async () => {
    expect(process.env.NEXTAUTH_URL).toBeUndefined();
    const csrf = await csrfOver(behindProxy, fromProxy("https"));
    expect(csrf.lines.map((line) => line.split("=")[0])).toEqual(
      expect.arrayContaining(["__Host-next-auth.csrf-token", "__Secure-next-auth.callback-url"]),
    );
    for (const line of csrf.lines) expect(hasAttribute(line, "Secure"), line).toBe(true);

    const signIn = await postForm(
      behindProxy,
      "/api/auth/callback/credentials",
      { csrfToken: csrf.csrfToken, identifier: DEMO.silver, password: "selfcare-demo", callbackUrl: "/" },
      { ...fromProxy("https"), cookie: csrf.cookie },
    );
    const { url } = (await signIn.json()) as { url: string };
    expect(new URL(url, behindProxy.base).searchParams.get("error")).toBeNull();
    const sessionLine = cookieLines(signIn).find((line) => line.startsWith("__Secure-next-auth.session-token="));
    expect(sessionLine).toBeDefined();
    expect(hasAttribute(sessionLine!, "Secure")).toBe(true);
    expect(hasAttribute(sessionLine!, "HttpOnly")).toBe(true);
    const sessionCookie = sessionLine!.split(";")[0]!;

    // The session is read under the same name: by tRPC on the direct path and by next-auth.
    const me = await fetch(`${behindProxy.base}/api/trpc/me.get`, {
      headers: { ...fromProxy("https"), cookie: sessionCookie },
    });
    expect(me.status).toBe(200);
    expect(
      superjson.deserialize<{ id: string }>(((await me.json()) as { result: { data: never } }).result.data).id,
    ).toBe(await userIdOf(DEMO.silver));
    const session = await fetch(`${behindProxy.base}/api/auth/session`, {
      headers: { ...fromProxy("https"), cookie: sessionCookie },
    });
    expect(((await session.json()) as { sid?: string }).sid).toEqual(expect.any(String));

    // Sign-out clears the same cookie and ends the session row.
    const signOut = await postForm(
      behindProxy,
      "/api/auth/signout",
      { csrfToken: csrf.csrfToken },
      { ...fromProxy("https"), cookie: `${csrf.cookie}; ${sessionCookie}` },
    );
    const cleared = cookieLines(signOut).find((line) => line.startsWith("__Secure-next-auth.session-token="));
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    const after = await fetch(`${behindProxy.base}/api/trpc/me.get`, {
      headers: { ...fromProxy("https"), cookie: sessionCookie },
    });
    expect(after.status).toBe(401);
    const ended = await testDb().authSession.findFirstOrThrow({
      where: { userId: await userIdOf(DEMO.silver) },
      orderBy: { createdAt: "desc" },
    });
    expect(ended.revokedAt).not.toBeNull();
  });

  it("keeps plain cookies over plain http, and when the client only claims https", async () => {
    for (const { server, headers } of [
      { server: behindProxy, headers: fromProxy("http") },
      { server: direct, headers: { "x-forwarded-proto": "https", "x-selfcare-client-proto": "https" } },
    ]) {
      const csrf = await csrfOver(server, headers);
      expect(csrf.lines.map((line) => line.split("=")[0])).toEqual(
        expect.arrayContaining(["next-auth.csrf-token", "next-auth.callback-url"]),
      );
      for (const line of csrf.lines) expect(hasAttribute(line, "Secure"), line).toBe(false);
    }
  });
});
