import { describe, expect, it } from "vitest";
import {
  CLIENT_IP_HEADER,
  CLIENT_PROTOCOL_HEADER,
  clientIpOf,
  isHttpsRequest,
  parseTrustedProxies,
  resolveClientAddress,
  resolveClientProtocol,
  UNKNOWN_CLIENT_IP,
} from "./client-address";

const FORGED = "203.0.113.66";

describe("resolveClientAddress: X-Forwarded-For read from the right, trusted hops only", () => {
  it.each([
    // [TRUSTED_PROXIES, socket address, X-Forwarded-For, the client's address]
    // Unset: the socket, whatever the caller wrote.
    [undefined, "198.51.100.7", undefined, "198.51.100.7"],
    [undefined, "198.51.100.7", FORGED, "198.51.100.7"],
    ["", "198.51.100.7", `${FORGED}, 10.0.0.1`, "198.51.100.7"],
    ["0", "198.51.100.7", FORGED, "198.51.100.7"],
    // One hop (a load balancer in front): the entry it appended, never the ones before it.
    ["1", "10.0.0.2", "198.51.100.7", "198.51.100.7"],
    ["1", "10.0.0.2", `${FORGED}, 198.51.100.7`, "198.51.100.7"],
    ["1", "10.0.0.2", undefined, "10.0.0.2"],
    // Two hops (a CDN, then the balancer).
    ["2", "10.0.0.2", `${FORGED}, 198.51.100.7, 172.16.0.9`, "198.51.100.7"],
    ["2", "10.0.0.2", "172.16.0.9", "172.16.0.9"],
    // A list: only the listed proxies are skipped; the first hop that is not one is the client.
    ["10.0.0.0/8,127.0.0.1", "10.1.2.3", `${FORGED}, 198.51.100.7, 10.9.9.9`, "198.51.100.7"],
    ["10.0.0.0/8, 127.0.0.1", "127.0.0.1", "198.51.100.7", "198.51.100.7"],
    // ...and a socket that is not a listed proxy is the client, whatever the header says.
    ["10.0.0.0/8,127.0.0.1", "198.51.100.7", FORGED, "198.51.100.7"],
    // A client that writes a trusted address into the header does not get further than its own hop.
    ["10.0.0.0/8", "10.0.0.2", `${FORGED}, 10.0.0.5, 198.51.100.7`, "198.51.100.7"],
    // IPv6.
    [undefined, "2001:db8::1", FORGED, "2001:db8::1"],
    ["2001:db8:ffff::/48", "2001:db8:ffff::2", `${FORGED}, 2001:db8:1::7`, "2001:db8:1::7"],
    ["::1", "::1", "2001:db8:0:0:0:0:0:7", "2001:db8::7"],
    // IPv4-mapped IPv6, as Node reports IPv4 peers on a dual-stack socket: plain IPv4.
    [undefined, "::ffff:198.51.100.7", FORGED, "198.51.100.7"],
    ["127.0.0.1", "::ffff:127.0.0.1", "198.51.100.7", "198.51.100.7"],
    ["1", "::ffff:10.0.0.2", "::ffff:198.51.100.7", "198.51.100.7"],
    // Garbage in the header: the walk stops at the hop that wrote it.
    ["1", "10.0.0.2", "not-an-address", "10.0.0.2"],
    ["1", "10.0.0.2", "", "10.0.0.2"],
    ["2", "10.0.0.2", "198.51.100.7, <script>", "10.0.0.2"],
    // Empty list elements are no hops (HTTP's list syntax allows them).
    ["1", "10.0.0.2", "198.51.100.7, , ", "198.51.100.7"],
    [undefined, "198.51.100.7", "' OR 1=1 --", "198.51.100.7"],
    // No socket address (a destroyed socket): nothing to believe.
    [undefined, undefined, FORGED, UNKNOWN_CLIENT_IP],
  ])("TRUSTED_PROXIES=%j, socket %s, X-Forwarded-For %j -> %s", (setting, socketAddress, forwardedFor, expected) => {
    const trust = parseTrustedProxies(setting);
    expect(resolveClientAddress({ socketAddress, forwardedFor, trust })).toBe(expected);
  });

  it("reads a header sent several times as one list", () => {
    const trust = parseTrustedProxies("1");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: [FORGED, "198.51.100.7"], trust })).toBe(
      "198.51.100.7",
    );
  });
});

describe("parseTrustedProxies", () => {
  it.each(["10.0.0.0/33", "not-a-proxy", "10.0.0.1,example.com", "1.5"])("refuses %j at start", (setting) => {
    expect(() => parseTrustedProxies(setting)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("clientIpOf: what the web server computed", () => {
  it.each([
    [{ [CLIENT_IP_HEADER]: "198.51.100.7" }, "198.51.100.7"],
    [{ [CLIENT_IP_HEADER]: ["198.51.100.7"] }, "198.51.100.7"],
    // X-Forwarded-For is never read here: only the listener reads it, through the trusted hops.
    [{ "x-forwarded-for": FORGED, "x-real-ip": FORGED }, UNKNOWN_CLIENT_IP],
    [{ [CLIENT_IP_HEADER]: "  " }, UNKNOWN_CLIENT_IP],
  ])("%j -> %s", (headers, expected) => {
    const record = headers as Record<string, string | string[] | undefined>;
    expect(clientIpOf((name) => record[name])).toBe(expected);
  });
});

describe("resolveClientProtocol: TLS, or X-Forwarded-Proto from a trusted proxy only", () => {
  it.each([
    // [TRUSTED_PROXIES, TLS socket, socket address, X-Forwarded-Proto, the protocol]
    [undefined, true, "198.51.100.7", undefined, "https"],
    [undefined, false, "198.51.100.7", undefined, "http"],
    // Nobody trusted: a client claiming https is not believed.
    [undefined, false, "198.51.100.7", "https", "http"],
    ["", false, "127.0.0.1", "https", "http"],
    // The socket is a trusted proxy: its header decides, the hop nearest the client first.
    ["127.0.0.1", false, "127.0.0.1", "https", "https"],
    ["127.0.0.1", false, "::ffff:127.0.0.1", "HTTPS", "https"],
    ["127.0.0.1", false, "127.0.0.1", "http", "http"],
    ["127.0.0.1", false, "127.0.0.1", undefined, "http"],
    ["1", false, "10.0.0.2", "https, http", "https"],
    ["1", false, "10.0.0.2", ["https", "http"], "https"],
    ["10.0.0.0/8", false, "10.1.2.3", "https", "https"],
    // The socket is not one of the listed proxies: whatever it says is the client's claim.
    ["10.0.0.0/8", false, "198.51.100.7", "https", "http"],
    ["10.0.0.0/8", false, undefined, "https", "http"],
    ["1", false, "10.0.0.2", "javascript", "http"],
  ])(
    "TRUSTED_PROXIES=%j, TLS %s, socket %s, X-Forwarded-Proto %j -> %s",
    (setting, isTlsSocket, socketAddress, forwardedProto, expected) => {
      const trust = parseTrustedProxies(setting);
      expect(resolveClientProtocol({ isTlsSocket, socketAddress, forwardedProto, trust })).toBe(expected);
    },
  );
});

describe("isHttpsRequest: what the web server computed", () => {
  it.each([
    [{ [CLIENT_PROTOCOL_HEADER]: "https" }, true],
    [{ [CLIENT_PROTOCOL_HEADER]: ["https"] }, true],
    [{ [CLIENT_PROTOCOL_HEADER]: "http" }, false],
    // X-Forwarded-Proto is never read here: only the listener reads it, from a trusted proxy.
    [{ "x-forwarded-proto": "https" }, false],
    [{}, false],
  ])("%j -> %s", (headers, expected) => {
    const record = headers as Record<string, string | string[] | undefined>;
    expect(isHttpsRequest((name) => record[name])).toBe(expected);
  });
});
