/**
 * The eSIM activation code a phone scans (GSMA SGP.22, section 4.1): `LPA:1$<SM-DP+ address>$<matching id>`.
 * The address is the SM-DP+ server's host name; the matching id identifies the profile there and
 * is made of upper-case letters, digits and dashes.
 */

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const MATCHING_ID = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
/** No 0/O, 1/I/L: a matching id read out over the phone is typed right the first time. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export const DEFAULT_SMDP_ADDRESS = "smdp.selfcare.example";

export function isSmdpAddress(address: string): boolean {
  if (address.length > 253) return false;
  const labels = address.split(".");
  return labels.length >= 2 && labels.every((label) => HOST_LABEL.test(label));
}

export function isMatchingId(matchingId: string): boolean {
  return matchingId.length >= 1 && matchingId.length <= 255 && MATCHING_ID.test(matchingId);
}

/** The activation code for a profile; throws on an address or matching id the format does not allow. */
export function buildActivationCode(smdpAddress: string, matchingId: string): string {
  if (!isSmdpAddress(smdpAddress)) throw new Error(`Not an SM-DP+ address: ${smdpAddress}`);
  if (!isMatchingId(matchingId)) throw new Error(`Not a matching id: ${matchingId}`);
  return `LPA:1$${smdpAddress}$${matchingId}`;
}

/** The address and matching id of an activation code, or null when it is not one. */
export function parseActivationCode(code: string): { smdpAddress: string; matchingId: string } | null {
  const parts = code.split("$");
  if (parts.length !== 3 || parts[0] !== "LPA:1") return null;
  const [, smdpAddress, matchingId] = parts as [string, string, string];
  return isSmdpAddress(smdpAddress) && isMatchingId(matchingId) ? { smdpAddress, matchingId } : null;
}

/** A matching id of four groups of five, e.g. `K7QX2-M9P4T-...`, from random bytes (one byte a character). */
export function newMatchingId(randomBytes: (count: number) => Uint8Array): string {
  const bytes = randomBytes(20);
  const characters = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return characters.match(/.{5}/g)!.join("-");
}

/** ESIM_SMDP_ADDRESS, or the default when unset or not a host name. */
export function readSmdpAddress(env: Record<string, string | undefined> = process.env): string {
  const address = env.ESIM_SMDP_ADDRESS?.trim();
  return address && isSmdpAddress(address) ? address : DEFAULT_SMDP_ADDRESS;
}
