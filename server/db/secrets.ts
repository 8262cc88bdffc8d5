import "server-only";
import { createECDH, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export type Secrets = { nextAuthSecret: string; vapidPublicKey: string; vapidPrivateKey: string };

/** A VAPID key pair (RFC 8292): P-256, the public key uncompressed, both base64url as web-push expects. */
function generateVapidKeys(): { vapidPublicKey: string; vapidPrivateKey: string } {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const privateKey = ecdh.getPrivateKey();
  return {
    vapidPublicKey: ecdh.getPublicKey().toString("base64url"),
    // Exactly 32 bytes, also when the scalar happens to start with a zero byte.
    vapidPrivateKey: Buffer.concat([Buffer.alloc(32 - privateKey.length), privateKey]).toString("base64url"),
  };
}

/**
 * Secrets a fresh machine needs and nobody configured: generated once and kept in DATA_DIR
 * (mode 0600), so sessions and push subscriptions survive restarts. Environment variables win
 * (VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY only as a pair).
 */
export async function loadOrCreateSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<Secrets> = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : {};
  const vapid = stored.vapidPublicKey && stored.vapidPrivateKey ? undefined : generateVapidKeys();
  const secrets: Secrets = {
    nextAuthSecret: stored.nextAuthSecret ?? randomBytes(32).toString("base64url"),
    vapidPublicKey: vapid?.vapidPublicKey ?? stored.vapidPublicKey!,
    vapidPrivateKey: vapid?.vapidPrivateKey ?? stored.vapidPrivateKey!,
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  const vapidFromEnv = process.env.VAPID_PUBLIC_KEY && process.env.VAPID_PRIVATE_KEY;
  return {
    nextAuthSecret: process.env.NEXTAUTH_SECRET || secrets.nextAuthSecret,
    vapidPublicKey: vapidFromEnv ? process.env.VAPID_PUBLIC_KEY! : secrets.vapidPublicKey,
    vapidPrivateKey: vapidFromEnv ? process.env.VAPID_PRIVATE_KEY! : secrets.vapidPrivateKey,
  };
}
