import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export type Secrets = { nextAuthSecret: string };

/**
 * Secrets a fresh machine needs and nobody configured: generated once and kept in DATA_DIR
 * (mode 0600), so sessions survive restarts. Environment variables win.
 */
export async function loadOrCreateSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<Secrets> = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : {};
  const secrets: Secrets = { nextAuthSecret: stored.nextAuthSecret ?? randomBytes(32).toString("base64url") };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return { nextAuthSecret: process.env.NEXTAUTH_SECRET || secrets.nextAuthSecret };
}
