import { createECDH, createPublicKey, hkdfSync, randomBytes, verify, createDecipheriv } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A browser's side of a push subscription: the keys the server must encrypt for. */
export type TestSubscriber = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  privateKey: Buffer;
  publicKey: Buffer;
  authSecret: Buffer;
};

export type ReceivedPush = {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The decrypted plaintext. */
  payload: string;
  /** The verified VAPID claims. */
  vapid: { aud: string; exp: number; sub: string; publicKey: string };
};

/** Keys as a browser generates them for `pushManager.subscribe`: ECDH P-256 and a 16-byte secret. */
export function createSubscriber(endpoint: string): TestSubscriber {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    endpoint,
    keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: authSecret.toString("base64url") },
    privateKey: ecdh.getPrivateKey(),
    publicKey: ecdh.getPublicKey(),
    authSecret,
  };
}

/** RFC 8291 §3.4 and RFC 8188: the receiving user agent's decryption of an aes128gcm message. */
export function decryptAes128gcm(body: Buffer, subscriber: TestSubscriber): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body.readUInt8(20);
  const serverPublicKey = body.subarray(21, 21 + keyIdLength);
  const records = body.subarray(21 + keyIdLength);
  if (keyIdLength !== 65 || serverPublicKey[0] !== 0x04) throw new Error("keyid is not an uncompressed P-256 key");
  if (records.length > recordSize) throw new Error("more than one record");

  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(subscriber.privateKey);
  const sharedSecret = ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), subscriber.publicKey, serverPublicKey]);
  const ikm = Buffer.from(hkdfSync("sha256", sharedSecret, subscriber.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));

  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 0x02) throw new Error("missing last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/** RFC 8292: `Authorization: vapid t=<ES256 JWT>, k=<public key>`; returns the verified claims. */
export function verifyVapid(header: string | undefined, endpointOrigin: string): ReceivedPush["vapid"] {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) throw new Error(`not a VAPID authorization header: ${header}`);
  const [, token = "", publicKey = ""] = match;
  const [headerPart = "", claimsPart = "", signature = ""] = token.split(".");
  const jwtHeader = JSON.parse(Buffer.from(headerPart, "base64url").toString());
  if (jwtHeader.alg !== "ES256") throw new Error("VAPID JWT is not ES256");
  const point = Buffer.from(publicKey, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const isValid = verify(
    "sha256",
    Buffer.from(`${headerPart}.${claimsPart}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!isValid) throw new Error("VAPID signature does not verify");
  const claims = JSON.parse(Buffer.from(claimsPart, "base64url").toString());
  if (claims.aud !== endpointOrigin) throw new Error(`VAPID aud ${claims.aud} is not ${endpointOrigin}`);
  const now = Math.floor(Date.now() / 1000);
  if (!(claims.exp > now && claims.exp <= now + 24 * 60 * 60)) throw new Error("VAPID exp is not within 24 hours");
  return { aud: claims.aud, exp: claims.exp, sub: claims.sub, publicKey };
}

/**
 * A push service on 127.0.0.1: it checks VAPID, decrypts each message with the subscriber's
 * private key, and answers with the status the test asks for per path (201 by default).
 */
export async function startLocalPushService() {
  const subscribers = new Map<string, TestSubscriber>();
  const statusByPath = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const failures: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const status = statusByPath.get(path) ?? 201;
      try {
        const subscriber = subscribers.get(path);
        if (!subscriber) throw new Error(`no subscriber at ${path}`);
        if (request.method !== "POST") throw new Error(`method ${request.method}`);
        if (request.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
        if (!request.headers.ttl) throw new Error("no TTL header");
        const vapid = verifyVapid(request.headers.authorization, origin);
        const payload = decryptAes128gcm(Buffer.concat(chunks), subscriber);
        if (status < 300) received.push({ path, headers: request.headers, payload, vapid });
        response.writeHead(status).end();
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
        response.writeHead(400).end("bad push");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let counter = 0;
  return {
    origin,
    received,
    failures,
    /** A new browser subscription on this service. */
    subscribe(): TestSubscriber {
      const subscriber = createSubscriber(`${origin}/push/${++counter}-${randomBytes(6).toString("hex")}`);
      subscribers.set(new URL(subscriber.endpoint).pathname, subscriber);
      return subscriber;
    },
    answer(subscriber: TestSubscriber, status: number) {
      statusByPath.set(new URL(subscriber.endpoint).pathname, status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
