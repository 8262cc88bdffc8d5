export type VapidConfig = { publicKey: string; privateKey: string; subject: string };

export const DEFAULT_VAPID_SUBJECT = "mailto:noc@selfcare.example";

/**
 * The VAPID key pair (RFC 8292) that signs every push. `npm start` generates one on first start
 * into DATA_DIR/secrets.json and passes it in the environment; VAPID_PUBLIC_KEY and
 * VAPID_PRIVATE_KEY set by hand win. Without keys, push is off.
 */
export function readVapidConfig(env: Record<string, string | undefined> = process.env): VapidConfig | null {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.VAPID_PRIVATE_KEY?.trim();
  if (!publicKey || !privateKey) return null;
  return { publicKey, privateKey, subject: env.VAPID_SUBJECT?.trim() || DEFAULT_VAPID_SUBJECT };
}
