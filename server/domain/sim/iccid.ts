/**
 * ICCIDs (ITU-T E.118): 19 or 20 digits starting with 89 (telecom), the last one a Luhn check
 * digit over the rest. A dealer types the one printed on the SIM card; a typo fails the check.
 */

/** The Luhn check digit for a string of digits (the digit to append). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubled: every second digit counting leftwards from the one next to the check digit.
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** What a dealer types: spaces and dashes between groups are fine. */
export function normalizeIccid(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export type IccidProblem = "NOT_DIGITS" | "LENGTH" | "NOT_TELECOM" | "CHECK_DIGIT";

/** Why an ICCID is not one, or null when it is (after normalizeIccid). */
export function iccidProblem(iccid: string): IccidProblem | null {
  if (!/^\d+$/.test(iccid)) return "NOT_DIGITS";
  if (iccid.length < 19 || iccid.length > 20) return "LENGTH";
  if (!iccid.startsWith("89")) return "NOT_TELECOM";
  if (luhnCheckDigit(iccid.slice(0, -1)) !== Number(iccid.slice(-1))) return "CHECK_DIGIT";
  return null;
}

/** A 19-digit ICCID for an eSIM profile: 89 (telecom), 7 (Russia), 01 (issuer), 14 random digits, the check digit. */
export function newIccid(randomDigits: (count: number) => string): string {
  const body = `89701${randomDigits(13)}`;
  return `${body}${luhnCheckDigit(body)}`;
}
