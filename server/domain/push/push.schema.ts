import { z } from "zod";
import { safeString } from "../input.schema";

/** base64url (RFC 4648 §5), with or without padding, as `PushSubscription.toJSON()` gives keys. */
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

function decodedLength(value: string): number {
  const unpadded = value.replace(/=+$/, "");
  return Math.floor((unpadded.length * 3) / 4);
}

export const pushEndpointSchema = safeString()
  .trim()
  .max(1000, "The endpoint is too long")
  .refine((value) => URL.canParse(value), "Must be the push service URL of the subscription");

/** A browser's push subscription: the push service endpoint and the keys to encrypt for it (RFC 8291). */
export const pushSubscribeInput = z.object({
  endpoint: pushEndpointSchema,
  keys: z.object({
    // An uncompressed P-256 public key: 65 bytes.
    p256dh: safeString()
      .trim()
      .max(200, "Must be a 65-byte P-256 public key")
      .regex(BASE64URL, "Must be base64url")
      .refine((value) => decodedLength(value) === 65, "Must be a 65-byte P-256 public key"),
    // The authentication secret: 16 bytes.
    auth: safeString()
      .trim()
      .max(100, "Must be a 16-byte secret")
      .regex(BASE64URL, "Must be base64url")
      .refine((value) => decodedLength(value) === 16, "Must be a 16-byte secret"),
  }),
});

export const pushUnsubscribeInput = z.object({ endpoint: pushEndpointSchema });

export type PushSubscribeInput = z.infer<typeof pushSubscribeInput>;

/** What the service worker receives in a push message (kept small: push services cap payloads at 4 kB). */
export const pushMessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string(),
});

export type PushMessage = z.infer<typeof pushMessageSchema>;
