import "server-only";
import type { WebAuthnPurpose } from "@prisma/client";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
} from "@simplewebauthn/server";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import type { Database } from "../../db/client";
import { log } from "../../log";
import { AppError, badRequest, notFound } from "../errors";
import { consumeOrThrow } from "../abuse/abuse-limits.service";
import { passkeyNameFor } from "./device";
import {
  PASSKEY_MESSAGES,
  passkeySignInCredential,
  type PasskeySignInCredential,
  type RegisterPasskeyInput,
  type RemovePasskeyInput,
} from "./passkey.schema";
import { recordSessionAction, type SessionOwner } from "./sessions.service";
import { webAuthnConfigFrom } from "./webauthn-config";

/** A ceremony's challenge lives this long (WebAuthn's recommended timeout is 5 minutes). */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Passkeys one account may have: each is a row and an entry in every registration's exclude list. */
export const MAX_PASSKEYS = 20;

const TRANSPORTS: readonly AuthenticatorTransportFuture[] = [
  "ble",
  "cable",
  "hybrid",
  "internal",
  "nfc",
  "smart-card",
  "usb",
];

function knownTransports(values: readonly string[] | undefined): AuthenticatorTransportFuture[] {
  return (values ?? []).filter((value): value is AuthenticatorTransportFuture =>
    TRANSPORTS.includes(value as AuthenticatorTransportFuture),
  );
}

/** Read on every ceremony rather than once, so a test (or an operator) changing the environment is obeyed. */
function relyingParty() {
  return webAuthnConfigFrom(process.env);
}

/** The WebAuthn user handle of a user: their id's bytes (never a phone or an e-mail). */
function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return isoUint8Array.fromUTF8String(userId) as Uint8Array<ArrayBuffer>;
}

async function storeChallenge(
  db: Database,
  purpose: WebAuthnPurpose,
  challenge: string,
  userId: string | null,
  now: Date,
) {
  return db.webAuthnChallenge.create({
    data: { challenge, purpose, userId, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) },
    select: { id: true },
  });
}

/**
 * Uses a challenge up, once: one UPDATE that only a live, unused challenge passes, so a replayed
 * or a racing answer finds nothing. Answers the challenge, or null.
 */
async function consumeChallenge(
  db: Database,
  where: { id?: string; challenge?: string; purpose: WebAuthnPurpose; userId?: string },
  now: Date,
): Promise<string | null> {
  const [row] = await db.webAuthnChallenge.updateManyAndReturn({
    where: { ...where, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
    select: { challenge: true },
  });
  return row?.challenge ?? null;
}

/** Why the library refused an answer (its message names the origin, the RP id or the counter; no secrets). */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : "unknown";
}

/** The challenge a browser signed, read from its clientDataJSON (verification checks it again). */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const clientData = JSON.parse(isoBase64URL.toUTF8String(clientDataJSON)) as { challenge?: unknown };
    return typeof clientData.challenge === "string" ? clientData.challenge : null;
  } catch {
    return null;
  }
}

/**
 * Options for `startRegistration()`: a discoverable credential (the browser's account picker signs
 * in without an identifier) with user verification (a fingerprint, a face or the device PIN), the
 * user's existing passkeys excluded so one authenticator is not registered twice.
 */
export async function passkeyRegistrationOptions(db: Database, user: { id: string }, now = new Date()) {
  const rp = relyingParty();
  const account = await db.user.findUnique({
    where: { id: user.id },
    select: {
      name: true,
      email: true,
      phone: true,
      passkeys: { select: { credentialId: true, transports: true }, take: MAX_PASSKEYS },
    },
  });
  if (!account) throw notFound("User");
  if (account.passkeys.length >= MAX_PASSKEYS) throw new AppError("CONFLICT", PASSKEY_MESSAGES.tooMany);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    userID: userHandleOf(user.id),
    userName: account.email ?? account.phone ?? user.id,
    userDisplayName: account.name,
    attestationType: "none",
    excludeCredentials: account.passkeys.map((passkey) => ({
      id: passkey.credentialId,
      transports: knownTransports(passkey.transports),
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    timeout: CHALLENGE_TTL_MS,
  });
  // A user's unanswered registrations go as a new one starts: at most one waits per user.
  await db.webAuthnChallenge.deleteMany({ where: { userId: user.id, purpose: "REGISTER" } });
  await storeChallenge(db, "REGISTER", options.challenge, user.id, now);
  return options;
}

/**
 * Verifies the browser's answer against the challenge this user was given (used up first, so
 * each answer is judged once) and the relying party's origins and RP id, then keeps the
 * credential. Recorded in the subscriber's interaction history or the staff audit log.
 */
export async function registerPasskey(
  db: Database,
  owner: SessionOwner,
  input: RegisterPasskeyInput,
  now = new Date(),
) {
  const rp = relyingParty();
  const challenge = challengeOf(input.response.response.clientDataJSON);
  if (!challenge) throw badRequest("response", PASSKEY_MESSAGES.notAResponse);
  const expectedChallenge = await consumeChallenge(db, { challenge, purpose: "REGISTER", userId: owner.id }, now);
  if (!expectedChallenge) throw badRequest("response", PASSKEY_MESSAGES.expired);

  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: { ...input.response, response: { ...input.response.response, transports: undefined } },
      expectedChallenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      requireUserVerification: true,
    });
  } catch (error) {
    log.info({ userId: owner.id, reason: reasonOf(error) }, "a passkey registration was refused");
    throw badRequest("response", PASSKEY_MESSAGES.refused);
  }
  if (!verification.verified) throw badRequest("response", PASSKEY_MESSAGES.refused);
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;

  let name = input.name?.trim();
  if (!name) {
    const session = await db.authSession.findUnique({ where: { id: owner.sessionId }, select: { userAgent: true } });
    name = passkeyNameFor(session?.userAgent);
  }
  return db.$transaction(async (tx) => {
    const count = await tx.passkey.count({ where: { userId: owner.id } });
    if (count >= MAX_PASSKEYS) throw new AppError("CONFLICT", PASSKEY_MESSAGES.tooMany);
    const passkey = await tx.passkey.create({
      data: {
        userId: owner.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: knownTransports(input.response.response.transports ?? credential.transports),
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name,
        createdAt: now,
      },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    });
    await recordSessionAction(tx, owner, {
      interaction: "PASSKEY_ADDED",
      audit: "passkey.add",
      entityType: "Passkey",
      entityId: passkey.id,
      data: { passkeyId: passkey.id, name: passkey.name },
      before: null,
      after: { passkeyId: passkey.id, name: passkey.name },
    });
    return passkey;
  });
}

/** The caller's passkeys, the newest first. */
export async function listPasskeys(db: Database, user: { id: string }) {
  const items = await db.passkey.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: MAX_PASSKEYS,
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
  return { items };
}

/** Removes one of the caller's passkeys; another user's or an unknown id is NOT_FOUND. */
export async function removePasskey(db: Database, owner: SessionOwner, input: RemovePasskeyInput) {
  return db.$transaction(async (tx) => {
    const passkey = await tx.passkey.findFirst({
      where: { id: input.id, userId: owner.id },
      select: { id: true, name: true },
    });
    if (!passkey) throw notFound("Passkey");
    await tx.passkey.delete({ where: { id: passkey.id } });
    await recordSessionAction(tx, owner, {
      interaction: "PASSKEY_REMOVED",
      audit: "passkey.remove",
      entityType: "Passkey",
      entityId: passkey.id,
      data: { passkeyId: passkey.id, name: passkey.name },
      before: { passkeyId: passkey.id, name: passkey.name },
      after: null,
    });
    return { id: passkey.id };
  });
}

/**
 * Options for `startAuthentication()` before anyone is known: no allowCredentials (the browser
 * offers the passkeys it holds for this site), user verification required. Each challenge is a
 * row, so the address is limited.
 */
export async function passkeySignInOptions(db: Database, input: { ip: string }, now = new Date()) {
  await consumeOrThrow(db, "passkeyChallengeAddress", input.ip);
  const rp = relyingParty();
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId,
    userVerification: "required",
    timeout: CHALLENGE_TTL_MS,
  });
  const { id } = await storeChallenge(db, "SIGN_IN", options.challenge, null, now);
  return { challengeId: id, options };
}

/** The credentials' `passkey` field (JSON text), or null when it is not a passkey answer. */
export function parsePasskeyCredential(raw: string): PasskeySignInCredential | null {
  try {
    const parsed = passkeySignInCredential.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type PasskeyAssertion =
  { ok: true; userId: string; credentialId: string; passkeyId: string } | { ok: false; credentialId: string };

/**
 * Checks a passkey sign-in (the credentials' `passkey` field): the challenge is used up, the
 * credential is one of ours, the signature verifies with its public key for our origin and RP id
 * with the user verified, and its counter moves forward (a counter that goes back is a cloned
 * authenticator). The counter is claimed atomically, so two racing answers cannot both pass.
 */
export async function verifyPasskeyAssertion(
  db: Database,
  credential: PasskeySignInCredential,
  now = new Date(),
): Promise<PasskeyAssertion> {
  const { challengeId, response } = credential;
  const credentialId = response.id;

  const expectedChallenge = await consumeChallenge(db, { id: challengeId, purpose: "SIGN_IN" }, now);
  if (!expectedChallenge) return { ok: false, credentialId };
  const passkey = await db.passkey.findUnique({ where: { credentialId } });
  if (!passkey) return { ok: false, credentialId };
  const userHandle = response.response.userHandle;
  if (userHandle && userHandle !== isoBase64URL.fromBuffer(userHandleOf(passkey.userId))) {
    return { ok: false, credentialId };
  }

  const rp = relyingParty();
  let newCounter: number;
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: knownTransports(passkey.transports),
      },
      requireUserVerification: true,
    });
    if (!verification.verified) return { ok: false, credentialId };
    newCounter = verification.authenticationInfo.newCounter;
  } catch (error) {
    log.info({ passkeyId: passkey.id, reason: reasonOf(error) }, "a passkey sign-in was refused");
    return { ok: false, credentialId };
  }

  // Authenticators that do not count always answer 0; the others must move forward, once.
  const claimed = await db.passkey.updateMany({
    where: { id: passkey.id, counter: newCounter === 0 ? 0 : { lt: BigInt(newCounter) } },
    data: { counter: BigInt(newCounter), lastUsedAt: now },
  });
  if (claimed.count === 0) return { ok: false, credentialId };
  return { ok: true, userId: passkey.userId, credentialId, passkeyId: passkey.id };
}

/** Whether the user has a passkey: for staff, a second factor (it verifies the user). */
export async function hasPasskey(db: Pick<Database, "passkey">, userId: string): Promise<boolean> {
  return (await db.passkey.count({ where: { userId }, take: 1 })) > 0;
}
