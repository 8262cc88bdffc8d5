import { z } from "zod";
import { cursorSchema, idempotencyKeySchema, idSchema, limitSchema, safeString } from "../input.schema";
import { iccidProblem, normalizeIccid } from "./iccid";

export const simKindSchema = z.enum(["PHYSICAL", "ESIM"]);

/** `sim.replace`: the public contract (issue 16). */
export const replaceSimInput = z.object({
  lineId: idSchema,
  kind: simKindSchema,
  idempotencyKey: idempotencyKeySchema,
});

export const simStatusInput = z.object({ lineId: idSchema });

export const esimCodeInput = z.object({ replacementId: idSchema });

export const ICCID_MESSAGES = {
  NOT_DIGITS: "An ICCID is digits only",
  LENGTH: "An ICCID has 19 or 20 digits",
  NOT_TELECOM: "An ICCID starts with 89",
  CHECK_DIGIT: "The ICCID's check digit does not match: check it for a typo",
} as const;

/** The ICCID printed on the SIM card, as a dealer types it (spaces and dashes are dropped). */
export const iccidSchema = safeString()
  .max(40, ICCID_MESSAGES.LENGTH)
  .transform(normalizeIccid)
  .superRefine((iccid, context) => {
    const problem = iccidProblem(iccid);
    if (problem) context.addIssue({ code: "custom", message: ICCID_MESSAGES[problem] });
  });

export const pickupListInput = z
  .object({ cursor: cursorSchema().optional(), limit: limitSchema(50).optional() })
  .optional();

/** `partner.simReplacements.complete`: the SIM handed over, after the dealer checked the customer's passport. */
export const completePickupInput = z.object({
  replacementId: idSchema,
  iccid: iccidSchema,
  /** The last four digits of the passport the customer showed. */
  documentLast4: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "The last four digits of the passport"),
  identityChecked: z.literal(true, "Check the customer's passport first"),
});

export type ReplaceSimInput = z.infer<typeof replaceSimInput>;
export type CompletePickupInput = z.infer<typeof completePickupInput>;

/** `sim.cancelReplacement`: the line's replacement not yet with the network; the key makes a retry answer the same. */
export const cancelSimReplacementInput = z.object({
  lineId: idSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** `agent.cancelSimReplacement`: the key is required, as for every audited staff mutation. */
export const agentCancelSimReplacementInput = cancelSimReplacementInput.extend({
  idempotencyKey: idempotencyKeySchema,
});

export type CancelSimReplacementInput = z.infer<typeof cancelSimReplacementInput>;
