import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  OFFLINE_PAGE_SCRIPT_HASH,
  PERMISSIONS_POLICY,
  securityHeadersFor,
  STRICT_TRANSPORT_SECURITY,
} from "./security-headers";

/** The policy's directives by name, each with its sources. */
function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only by this response's nonce, or the offline page's hash, in production", () => {
    const nonce = createNonce();
    const directives = directivesOf(contentSecurityPolicy(nonce, { allowsEval: false }));
    expect(directives.get("script-src")).toEqual([
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      `'${OFFLINE_PAGE_SCRIPT_HASH}'`,
    ]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    for (const name of ["font-src", "connect-src", "worker-src", "manifest-src"])
      expect(directives.get(name), name).toEqual(["'self'"]);
  });

  it("adds 'unsafe-eval' for next dev only, and never 'unsafe-inline' for scripts", () => {
    const development = directivesOf(contentSecurityPolicy(createNonce(), { allowsEval: true }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    const production = directivesOf(contentSecurityPolicy(createNonce(), { allowsEval: false }));
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
    for (const directives of [development, production]) {
      expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
      expect(directives.has("script-src-elem")).toBe(false);
      expect(directives.has("script-src-attr")).toBe(false);
    }
  });

  it("gets a different nonce of 128 bits every time, in the form Next.js reads", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    // next/dist/server/app-render/get-script-nonce-from-header.js
    for (const nonce of nonces) expect(`'nonce-${nonce}'`).toMatch(/^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/);
  });

  it("carries the hash of every inline script of the offline page (public/offline.html)", () => {
    const html = readFileSync(path.resolve(import.meta.dirname, "../../public/offline.html"), "utf8");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(scripts).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(1);
    const hashes = scripts.map((script) => `sha256-${createHash("sha256").update(script).digest("base64")}`);
    expect(hashes).toEqual([OFFLINE_PAGE_SCRIPT_HASH]);
  });
});

describe("securityHeadersFor", () => {
  const policy = contentSecurityPolicy(createNonce(), { allowsEval: false });

  it("sends HSTS over https only", () => {
    const overHttps = new Map(securityHeadersFor({ policy, isHttps: true }).map(({ key, value }) => [key, value]));
    expect(overHttps.get("Strict-Transport-Security")).toBe(STRICT_TRANSPORT_SECURITY);
    expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=63072000; includeSubDomains");
    const overHttp = new Map(securityHeadersFor({ policy, isHttps: false }).map(({ key, value }) => [key, value]));
    expect(overHttp.has("Strict-Transport-Security")).toBe(false);
    for (const headers of [overHttps, overHttp]) {
      expect(headers.get("Content-Security-Policy")).toBe(policy);
      expect(headers.get("Permissions-Policy")).toBe(PERMISSIONS_POLICY);
      expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    }
  });

  it("turns off the features the app does not use and keeps passkeys for its own pages", () => {
    const features = new Map(PERMISSIONS_POLICY.split(", ").map((entry) => entry.split("=") as [string, string]));
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"])
      expect(features.get(feature), feature).toBe("()");
    expect(features.get("publickey-credentials-get")).toBe("(self)");
    expect(features.get("publickey-credentials-create")).toBe("(self)");
  });
});
