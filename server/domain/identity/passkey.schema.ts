import { z } from "zod";
import { idSchema, safeString, safeText } from "../input.schema";

/** English messages the API answers; pages translate them by key (`passkeys.*` in messages). */
export const PASSKEY_MESSAGES = {
  notAResponse: "Not a passkey response",
  expired: "This passkey request has expired or was used already; try again",
  refused: "The passkey could not be verified",
  tooMany: "You have as many passkeys as one account may have; remove one first",
} as const;

/** base64url as WebAuthn JSON carries binary fields, bounded. */
function base64url(max: number) {
  return safeString(PASSKEY_MESSAGES.notAResponse)
    .max(max, PASSKEY_MESSAGES.notAResponse)
    .regex(/^[A-Za-z0-9_-]*={0,2}$/, PASSKEY_MESSAGES.notAResponse);
}

const credentialId = base64url(1400).min(1, PASSKEY_MESSAGES.notAResponse);
/** The extension results the server reads (none needs more); others are dropped. */
const extensions = z
  .object({
    appid: z.boolean().optional(),
    credProps: z.object({ rk: z.boolean().optional() }).optional(),
    hmacCreateSecret: z.boolean().optional(),
  })
  .default({});
const transports = z.array(safeString().max(32)).max(10).optional();

/** What `startRegistration()` of @simplewebauthn/browser answers (RegistrationResponseJSON). */
export const registrationResponseSchema = z.object(
  {
    id: credentialId,
    rawId: credentialId,
    type: z.literal("public-key", PASSKEY_MESSAGES.notAResponse),
    response: z.object({
      clientDataJSON: base64url(8192),
      attestationObject: base64url(65536),
      authenticatorData: base64url(65536).optional(),
      transports,
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(8192).optional(),
    }),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    clientExtensionResults: extensions,
  },
  PASSKEY_MESSAGES.notAResponse,
);

/** What `startAuthentication()` answers (AuthenticationResponseJSON). */
export const authenticationResponseSchema = z.object(
  {
    id: credentialId,
    rawId: credentialId,
    type: z.literal("public-key", PASSKEY_MESSAGES.notAResponse),
    response: z.object({
      clientDataJSON: base64url(8192),
      authenticatorData: base64url(65536),
      signature: base64url(8192),
      userHandle: base64url(512).optional(),
    }),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    clientExtensionResults: extensions,
  },
  PASSKEY_MESSAGES.notAResponse,
);

/** `passkey.register`: the browser's answer to `passkey.registrationOptions`, and a name for the passkey. */
export const registerPasskeyInput = z.object({
  response: registrationResponseSchema,
  /** Empty: derived from the browser ("Chrome on Android"). */
  name: safeText({ max: 60 }).optional(),
});
export type RegisterPasskeyInput = z.infer<typeof registerPasskeyInput>;

/** `passkey.remove`: one of the caller's passkeys, by the id `passkey.list` answers. */
export const removePasskeyInput = z.object({ id: idSchema });
export type RemovePasskeyInput = z.infer<typeof removePasskeyInput>;

/**
 * The credentials sign-in's `passkey` field, a JSON string: the challenge `auth.passkeyOptions`
 * answered and the browser's answer to it.
 */
export const passkeySignInCredential = z.object({
  challengeId: idSchema,
  response: authenticationResponseSchema,
});
export type PasskeySignInCredential = z.infer<typeof passkeySignInCredential>;
