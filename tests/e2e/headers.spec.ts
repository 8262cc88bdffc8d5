import { expect, test, type APIResponse } from "@playwright/test";
import { apiSignIn, FIRST } from "./helpers";

/** Set once, by the web server's request listener, on every answer of the built server. */
const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": expect.stringContaining("camera=()"),
  // A nonce of its own on every answer; over plain http, no HSTS.
  "content-security-policy": expect.stringMatching(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/),
};

function expectSecurityHeaders(response: APIResponse) {
  expect(response.headers(), response.url()).toMatchObject(SECURITY_HEADERS);
  expect(response.headers()["strict-transport-security"], response.url()).toBeUndefined();
}

test.describe("security headers on the production server", () => {
  test("on pages, signed out and in, and on a page that does not exist", async ({ request }) => {
    const signIn = await request.get(`${FIRST}/sign-in`);
    expect(signIn.status()).toBe(200);
    expect(signIn.headers()["content-type"]).toContain("text/html");
    expectSecurityHeaders(signIn);

    const missing = await request.get(`${FIRST}/no-such-page`);
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing);

    expect((await apiSignIn(request, FIRST, "+79001000003")).ok).toBe(true);
    const dashboard = await request.get(`${FIRST}/dashboard`);
    expect(dashboard.status()).toBe(200);
    expectSecurityHeaders(dashboard);
  });

  test("on the build's scripts, brotli-compressed or not", async ({ request }) => {
    const html = await (await request.get(`${FIRST}/sign-in`)).text();
    const script = html.match(/\/_next\/static\/chunks\/[^"']+\.js/)?.[0];
    expect(script).toBeTruthy();
    const brotli = await request.get(`${FIRST}${script}`, { headers: { "Accept-Encoding": "br" } });
    expect(brotli.headers()["content-encoding"]).toBe("br");
    expectSecurityHeaders(brotli);
    const plain = await request.get(`${FIRST}${script}`, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.status()).toBe(200);
    expect(plain.headers()["content-encoding"]).toBeUndefined();
    expectSecurityHeaders(plain);
  });

  test("on tRPC answers and errors, next-auth, the health check and the service worker", async ({ request }) => {
    const refused = await request.get(`${FIRST}/api/trpc/me.get`);
    expect(refused.status()).toBe(401);
    expectSecurityHeaders(refused);

    const csrf = await request.get(`${FIRST}/api/auth/csrf`);
    expect(csrf.status()).toBe(200);
    expectSecurityHeaders(csrf);

    expect((await apiSignIn(request, FIRST, "+79001000003")).ok).toBe(true);
    const me = await request.get(`${FIRST}/api/trpc/me.get`);
    expect(me.status()).toBe(200);
    expectSecurityHeaders(me);

    const health = await request.get(`${FIRST}/api/health`);
    expect(health.status()).toBe(200);
    expectSecurityHeaders(health);

    const worker = await request.get(`${FIRST}/sw.js`);
    expect(worker.status()).toBe(200);
    expect(worker.headers()["cache-control"]).toBe("no-cache, max-age=0, must-revalidate");
    expectSecurityHeaders(worker);
  });
});
