import { createECDH } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateSecrets } from "./secrets";

const saved = { ...process.env };
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "selfcare-secrets-"));
  delete process.env.NEXTAUTH_SECRET;
  delete process.env.VAPID_PUBLIC_KEY;
  delete process.env.VAPID_PRIVATE_KEY;
});
afterEach(async () => {
  process.env = { ...saved };
  await rm(dataDir, { recursive: true, force: true });
});

describe("VAPID keys in loadOrCreateSecrets", () => {
  it("generates a P-256 key pair on first start and keeps it (mode 0600) for the next", async () => {
    const first = await loadOrCreateSecrets(dataDir);
    const publicKey = Buffer.from(first.vapidPublicKey, "base64url");
    const privateKey = Buffer.from(first.vapidPrivateKey, "base64url");
    expect(publicKey).toHaveLength(65);
    expect(publicKey[0]).toBe(0x04);
    expect(privateKey).toHaveLength(32);
    // The public key is the one that belongs to the private key.
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(privateKey);
    expect(ecdh.getPublicKey().toString("base64url")).toBe(first.vapidPublicKey);

    const file = path.join(dataDir, "secrets.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ vapidPublicKey: first.vapidPublicKey });
    expect(await loadOrCreateSecrets(dataDir)).toEqual(first);
  });

  it("adds the keys to a secrets file written before push existed, keeping its session secret", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(dataDir, "secrets.json"), JSON.stringify({ nextAuthSecret: "kept-secret" }));
    const secrets = await loadOrCreateSecrets(dataDir);
    expect(secrets.nextAuthSecret).toBe("kept-secret");
    expect(secrets.vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
  });

  it("takes the pair from VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when both are set", async () => {
    process.env.VAPID_PUBLIC_KEY = "public-from-env";
    process.env.VAPID_PRIVATE_KEY = "private-from-env";
    expect(await loadOrCreateSecrets(dataDir)).toMatchObject({
      vapidPublicKey: "public-from-env",
      vapidPrivateKey: "private-from-env",
    });
    // Only one of them: the generated pair, never a mismatched one.
    delete process.env.VAPID_PRIVATE_KEY;
    const secrets = await loadOrCreateSecrets(dataDir);
    expect(secrets.vapidPublicKey).not.toBe("public-from-env");
  });
});
