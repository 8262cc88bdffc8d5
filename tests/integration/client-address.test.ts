/**
 * The client's address through the production HTTP path: the web server's request listener
 * (server/http/request-listener.ts) in front of next-auth's real handler and the real tRPC router.
 * Next.js is stood in for by what it does for /api/auth/*: the credentials callback gets the node
 * request's headers, query and form body (next-auth's own Node entry, `NextAuth(req, res, options)`).
 * A caller forging X-Forwarded-For (and the internal header itself) must neither escape the sign-in
 * throttle nor land its address in a session row or an audit row.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "../../server/auth/auth-options";
import { MAX_ADDRESS_FAILURES } from "../../server/domain/identity/login-throttle.service";
import { createRequestListener } from "../../server/http/request-listener";
import { DEMO, sessionFor, userIdOf } from "./helpers/callers";
import { handleNextAuthLikeNext, setCookiesOf } from "./helpers/next-auth-over-http";
import { testDb } from "./helpers/db";
import { demoTotpCode } from "../../server/domain/identity/totp";

const SECRET = "client-address-test-secret";

/** Next.js for this test: next-auth's handler for /api/auth/*, 404 for anything else. */
async function handleLikeNext(request: http.IncomingMessage, response: http.ServerResponse) {
  if (!(await handleNextAuthLikeNext(request, response))) response.writeHead(404).end();
}

type Server = { base: string; close(): Promise<void> };

async function startServer(trustedProxies: string): Promise<Server> {
  const server = http.createServer(createRequestListener({ handleWithNext: handleLikeNext, trustedProxies }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let forgery = 0;
/** A different forged address in every header a client could use to pass one. */
function forgedHeaders(): Record<string, string> {
  forgery += 1;
  const forged = `203.0.113.${forgery % 250}`;
  return { "x-forwarded-for": forged, "x-real-ip": forged, "x-selfcare-client-ip": forged };
}

/** next-auth's credentials sign-in as the sign-in page sends it; the error code it answers, or null on success. */
async function signInOverHttp(
  server: Server,
  credentials: { identifier: string; password: string; totp?: string },
  headers: Record<string, string>,
): Promise<{ error: string | null; cookie: string }> {
  const csrf = await fetch(`${server.base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = setCookiesOf(csrf).join("; ");
  const response = await fetch(`${server.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ ...credentials, csrfToken, json: "true", callbackUrl: "/" }),
  });
  const { url } = (await response.json()) as { url: string };
  return { error: new URL(url, server.base).searchParams.get("error"), cookie: setCookiesOf(response).join("; ") };
}

async function throttleKeysWith(fragment: string): Promise<string[]> {
  const rows = await testDb().loginThrottle.findMany({ where: { key: { contains: fragment } }, select: { key: true } });
  return rows.map((row) => row.key);
}

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
  authOptions.secret = SECRET;
});

describe("without TRUSTED_PROXIES: the socket's address, whatever the headers say", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer("");
    process.env.NEXTAUTH_URL = server.base;
  });
  afterAll(() => server.close());

  it("counts a failed sign-in on the socket's address, not the forged one", async () => {
    const headers = forgedHeaders();
    const { error } = await signInOverHttp(server, { identifier: DEMO.bronze, password: "wrong-password" }, headers);
    expect(error).toBe("INVALID");
    expect(await throttleKeysWith(headers["x-forwarded-for"]!)).toEqual([]);
    expect(await throttleKeysWith(`idip:${DEMO.bronze}|`)).toEqual([`idip:${DEMO.bronze}|127.0.0.1`]);
    expect(await throttleKeysWith("ip:127.0.0.1")).toContain("ip:127.0.0.1");
  });

  it("records the socket's address in the session row and in the audit rows of what the session does", async () => {
    const db = testDb();
    const headers = forgedHeaders();
    const { error, cookie } = await signInOverHttp(
      server,
      { identifier: DEMO.agent1, password: "selfcare-demo", totp: await demoTotpCode() },
      headers,
    );
    expect(error).toBeNull();
    const agentId = await userIdOf(DEMO.agent1);
    const session = await db.authSession.findFirstOrThrow({
      where: { userId: agentId },
      orderBy: { createdAt: "desc" },
    });
    expect(session.ip).toBe("127.0.0.1");

    // An audited action over tRPC with forged headers: another session of the agent's is ended.
    await sessionFor(DEMO.agent1);
    const answer = await fetch(`${server.base}/api/trpc/account.signOutOthers`, {
      method: "POST",
      headers: { ...forgedHeaders(), "content-type": "application/json", cookie },
      body: JSON.stringify(superjson.serialize(undefined)),
    });
    expect(answer.status).toBe(200);
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: agentId, action: "session.signOutOthers" } });
    expect(audit.ip).toBe("127.0.0.1");
    expect(await db.auditLog.count({ where: { ip: { startsWith: "203.0.113." } } })).toBe(0);
    expect(await db.authSession.count({ where: { ip: { startsWith: "203.0.113." } } })).toBe(0);
  });

  it("locks the address after too many failures, however many addresses the caller claims", async () => {
    let lastError: string | null = null;
    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) {
      const identifier = `stuffing-${i}@example.test`;
      ({ error: lastError } = await signInOverHttp(server, { identifier, password: "guess" }, forgedHeaders()));
    }
    expect(lastError).toMatch(/^THROTTLED:/);
    // The right password of another account, from yet another claimed address: still this socket, still locked.
    const { error } = await signInOverHttp(
      server,
      { identifier: DEMO.silver, password: "selfcare-demo" },
      forgedHeaders(),
    );
    expect(error).toMatch(/^THROTTLED:/);
    expect(await throttleKeysWith("203.0.113.")).toEqual([]);
  });
});

describe("with TRUSTED_PROXIES naming the balancer: the address it appended", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer("127.0.0.1");
    process.env.NEXTAUTH_URL = server.base;
  });
  afterAll(() => server.close());

  it("believes the balancer's hop and nothing the client wrote before it", async () => {
    // The client wrote 203.0.113.x; the balancer (here, on 127.0.0.1) appended the client's real address.
    const { error } = await signInOverHttp(
      server,
      { identifier: DEMO.platinum, password: "selfcare-demo" },
      { "x-forwarded-for": "203.0.113.200, 198.51.100.77", "x-selfcare-client-ip": "203.0.113.201" },
    );
    expect(error).toBeNull();
    const platinumId = await userIdOf(DEMO.platinum);
    const session = await testDb().authSession.findFirstOrThrow({
      where: { userId: platinumId },
      orderBy: { createdAt: "desc" },
    });
    expect(session.ip).toBe("198.51.100.77");
  });
});
