/** The message keys (admin.common.validation.*) for the schemas' English messages and issue codes. */
export type ValidationKey =
  | "required"
  | "number"
  | "integer"
  | "tooSmall"
  | "tooBig"
  | "tooShort"
  | "tooLong"
  | "invalid"
  | "money"
  | "weightsSum"
  | "thresholdsOrder"
  | "email"
  | "slug"
  | "code"
  | "categories";

const BY_MESSAGE: Record<string, ValidationKey> = {
  "Weights must add up to 1": "weightsSum",
  "Thresholds must fall from PLATINUM to SILVER": "thresholdsOrder",
  "Not an e-mail address": "email",
  "Lower-case Latin letters, digits and single hyphens": "slug",
  "2–32 Latin capitals, digits, - or _": "code",
  "Choose at least one category": "categories",
  Required: "required",
};

/**
 * Which message to show for a field error from the shared zod schemas (client) or the server's
 * field errors. Known sentences map to their key; otherwise the issue code decides.
 */
export function validationKey(
  error: { type?: string | number; message?: string } | undefined,
  options: { isMoney?: boolean; isText?: boolean } = {},
): ValidationKey | null {
  if (!error) return null;
  const known = error.message ? BY_MESSAGE[error.message] : undefined;
  if (known) return known;
  if (error.message?.startsWith("At least")) return options.isText ? "tooShort" : "tooSmall";
  switch (error.type) {
    case "invalid_type":
      return options.isMoney ? "money" : "number";
    case "too_small":
      return options.isText ? "tooShort" : options.isMoney ? "money" : "tooSmall";
    case "too_big":
      return options.isText ? "tooLong" : "tooBig";
    default:
      return options.isMoney ? "money" : "invalid";
  }
}
