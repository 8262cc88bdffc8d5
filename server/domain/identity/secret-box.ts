import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets the server must read back (TOTP seeds) are sealed at rest with AES-256-GCM: a database
 * dump or backup alone does not reveal them. The key is derived with HKDF-SHA-256 from the app's
 * signing secret (NEXTAUTH_SECRET), which lives in the environment or DATA_DIR/secrets.json, never
 * in the database; a separate `info` per purpose keeps this key apart from every other use of that
 * secret. GCM authenticates the ciphertext and the associated data (the user id), so a sealed value
 * copied onto another user's row does not open. See docs/decisions/0009-staff-totp.md.
 */
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function deriveKey(appSecret: string, purpose: string): Buffer {
  if (!appSecret) throw new Error("No secret to derive a key from");
  return Buffer.from(hkdfSync("sha256", appSecret, "selfcare-secret-box", purpose, 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, each part base64url. */
export function seal(key: Buffer, plaintext: string, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

/** The plaintext, or null when the value was not sealed with this key for this associated data. */
export function open(key: Buffer, sealed: string, associatedData: string): string | null {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
