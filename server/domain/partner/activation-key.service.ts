import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client";

const KEY_SETTING = "activationKey";

/**
 * The key activation codes are derived from: the app's signing secret, or (when the process has
 * none, as in scripts and tests) a random key kept once in the database, shared by every instance.
 */
export async function getActivationKey(db: Pick<Database, "setting">): Promise<string> {
  const fromEnv = process.env.ACTIVATION_SECRET || process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  await db.setting.upsert({
    where: { key: KEY_SETTING },
    create: { key: KEY_SETTING, value: randomBytes(32).toString("hex") },
    update: {},
  });
  const row = await db.setting.findUniqueOrThrow({ where: { key: KEY_SETTING } });
  return String(row.value);
}
