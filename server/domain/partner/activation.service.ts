import "server-only";
import type { Database, Transaction } from "../../db/client";
import { getLockedUntil, recordFailure, recordSuccess } from "../identity/login-throttle.service";
import { assertAcceptablePassword } from "../identity/common-passwords";
import { hashPassword, verifyPassword } from "../identity/password";
import { AppError } from "../errors";
import { consumeOrThrow } from "../abuse/abuse-limits.service";
import { recordInteraction } from "../interaction/record-interaction.service";
import { normalizeActivationCode } from "./activation-code";
import { parseActivationIdentifier, type ActivationInput } from "./activation.schema";

const WRONG_CODE = "The code does not match this account. If you have activated it already, sign in with your password";

let dummyHash: Promise<string> | undefined;

async function findLogin(db: Database, identifier: ReturnType<typeof parseActivationIdentifier>) {
  if (!identifier) return null;
  if (identifier.kind === "phone") {
    return db.user.findUnique({ where: { phone: identifier.value }, include: { customer: true } });
  }
  const customer = await db.customer.findUnique({
    where: { accountNumber: identifier.value },
    include: { login: true },
  });
  return customer?.login ? { ...customer.login, customer } : null;
}

/**
 * A subscriber registered by a dealer sets a password with the one-time code: the code is
 * consumed, and the subscriber then signs in like any other. Wrong codes count against the
 * same throttle as sign-ins (per account and per address), so codes cannot be guessed, and an
 * address has a budget of attempts (server/domain/abuse/abuse-limits.service.ts).
 */
export async function activateAccount(
  db: Database,
  input: ActivationInput & { ip: string; channel: "WEB" | "PWA" },
  now = new Date(),
): Promise<{ phone: string; accountNumber: string; name: string }> {
  // Every attempt costs argon2 work: an address gets a budget before anything is looked up.
  await consumeOrThrow(db, "activationAddress", input.ip);
  const identifier = parseActivationIdentifier(input.identifier);
  const throttleKey = `activation:${identifier?.value ?? input.identifier.trim()}`;
  const lockedUntil = await getLockedUntil(db, throttleKey, input.ip, now);
  if (lockedUntil) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many wrong codes; try again after ${lockedUntil.toISOString()}`);
  }

  const login = await findLogin(db, identifier);
  const pending =
    login && login.role === "SUBSCRIBER" && !login.passwordHash && login.activationCodeHash ? login : null;
  // Verify against a dummy when there is nothing to check, so timing does not tell who exists.
  dummyHash ??= hashPassword("selfcare-activation-guard");
  const isMatch = await verifyPassword(
    pending?.activationCodeHash ?? (await dummyHash),
    normalizeActivationCode(input.code),
  );
  if (!pending || !isMatch || !pending.customer || !pending.phone) {
    const retryAt = await recordFailure(db, throttleKey, input.ip, now);
    if (retryAt)
      throw new AppError("TOO_MANY_REQUESTS", `Too many wrong codes; try again after ${retryAt.toISOString()}`);
    throw new AppError("BAD_REQUEST", WRONG_CODE, { code: WRONG_CODE });
  }
  if (!pending.activationExpiresAt || pending.activationExpiresAt <= now) {
    const expired = "This code has expired; ask your dealer for a new one";
    throw new AppError("BAD_REQUEST", expired, { code: expired });
  }

  assertAcceptablePassword(input.password, "password", [pending.phone, pending.email ?? ""]);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx: Transaction) => {
    // Consumed once: a second request with the same code finds it gone.
    const { count } = await tx.user.updateMany({
      where: { id: pending.id, passwordHash: null, activationCodeHash: pending.activationCodeHash },
      data: { passwordHash, activationCodeHash: null, activationExpiresAt: null },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This account has just been activated; sign in with your password");
    await recordInteraction(tx, {
      customerId: pending.customer!.id,
      channel: input.channel,
      type: "ACCOUNT_ACTIVATED",
      actorId: pending.id,
      at: now,
    });
  });
  await recordSuccess(db, throttleKey, input.ip);
  return { phone: pending.phone, accountNumber: pending.customer.accountNumber, name: pending.name };
}
