import { z } from "zod";
import { normalizeEmail, normalizePhone } from "../identity/identifier";
import {
  cursorSchema,
  idempotencyKeySchema,
  idSchema,
  INPUT_MESSAGES,
  isIdLike,
  limitSchema,
  safeString,
} from "../input.schema";
import {
  checkAddress,
  checkBirthDate,
  checkDocumentNumber,
  checkName,
  normalizeDocumentNumber,
  normalizeName,
  operatorToday,
  REGISTRATION_MESSAGES as M,
  type RegistrationMessageKey,
} from "./registration-rules";

/** A refinement from a pure rule: the rule's message key becomes the issue's message. */
function rule(check: (value: string) => RegistrationMessageKey | null) {
  return (value: string, ctx: z.RefinementCtx) => {
    const key = check(value);
    if (key) ctx.addIssue({ code: "custom", message: M[key] });
  };
}

const nameSchema = safeString(M.nameRequired).superRefine(rule(checkName)).transform(normalizeName);

/** Optional text inputs arrive as "" from a form (or null from an API client): empty means not given. */
function optional<Out>(schema: z.ZodType<Out, string>) {
  return safeString()
    .trim()
    .nullish()
    .transform((value) => value || undefined)
    .pipe(schema.optional());
}

export const birthDateSchema = safeString(M.birthDateFormat)
  .trim()
  .max(20, M.birthDateFormat)
  .superRefine((value, ctx) => rule((date) => checkBirthDate(date, operatorToday()))(value, ctx));

export const documentNumberSchema = safeString(M.documentFormat)
  .max(40, M.documentFormat)
  .superRefine(rule(checkDocumentNumber))
  .transform((value) => normalizeDocumentNumber(value) ?? value);

const phoneSchema = safeString()
  .max(40, M.phoneInvalid)
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: M.phoneInvalid });
      return z.NEVER;
    }
    return phone;
  });

/** A Russian mobile number in any common form, as E.164; `required` is the message when empty. */
function russianMobileSchema(required: string) {
  return safeString(required)
    .trim()
    .min(1, required)
    .transform((value, ctx) => {
      const phone = normalizePhone(value);
      if (!phone?.startsWith("+7")) {
        ctx.addIssue({ code: "custom", message: M.phoneInvalid });
        return z.NEVER;
      }
      return phone;
    });
}

/** A number of the operator's pool. */
export const msisdnSchema = russianMobileSchema(M.msisdnRequired);

const emailSchema = safeString().transform((value, ctx) => {
  const email = value.length <= 254 ? normalizeEmail(value) : null;
  if (!email) {
    ctx.addIssue({ code: "custom", message: M.emailInvalid });
    return z.NEVER;
  }
  return email;
});

const addressSchema = safeString(M.addressRequired)
  .superRefine(rule(checkAddress))
  .transform((value) => value.trim().replace(/\s+/g, " "));

/** The subscriber's identity and contacts, as the contract of `partner.registerSubscriber` names them. */
export const registrationCustomerSchema = z.object({
  firstName: nameSchema,
  lastName: nameSchema,
  middleName: optional(nameSchema),
  birthDate: birthDateSchema,
  documentNumber: documentNumberSchema,
  address: addressSchema,
  email: optional(emailSchema),
  /** A phone to reach the subscriber besides the new number. */
  phone: optional(phoneSchema),
});

const tariffIdSchema = safeString(M.tariffRequired)
  .trim()
  .min(1, M.tariffRequired)
  // Empty is "choose a tariff" alone, not also "not an id".
  .refine((value) => value === "" || isIdLike(value), INPUT_MESSAGES.notAnId);

/** The subscriber's login for home internet. */
const contactPhoneSchema = russianMobileSchema(M.contactPhoneRequired);

export const SERVICE_KINDS = ["MOBILE", "HOME_INTERNET"] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** A SIM card: a mobile tariff and a number from the pool. Without `kind` an order is MOBILE (the original contract). */
export const mobileRegistrationSchema = z.object({
  kind: z.literal("MOBILE").default("MOBILE"),
  customer: registrationCustomerSchema,
  tariffId: tariffIdSchema,
  msisdn: msisdnSchema,
});

/**
 * Home internet: a home-internet tariff and where to install it (empty: the registration address).
 * There is no number; the contact phone becomes the subscriber's login.
 */
export const homeInternetRegistrationSchema = z.object({
  kind: z.literal("HOME_INTERNET"),
  customer: registrationCustomerSchema,
  tariffId: tariffIdSchema,
  contactPhone: contactPhoneSchema,
  installationAddress: optional(addressSchema),
});

/** What the dealer's form submits; the server validates the same schema (plus the idempotency key). */
export const registrationSchema = z.discriminatedUnion("kind", [
  mobileRegistrationSchema,
  homeInternetRegistrationSchema,
]);

export const registerSubscriberInput = z.discriminatedUnion("kind", [
  mobileRegistrationSchema.extend({ idempotencyKey: idempotencyKeySchema }),
  homeInternetRegistrationSchema.extend({ idempotencyKey: idempotencyKeySchema }),
]);

export type RegistrationFormInput = z.input<typeof registrationSchema>;
export type Registration = z.output<typeof registrationSchema>;
export type RegisterSubscriberInput = z.output<typeof registerSubscriberInput>;

export const creditCheckInput = z.object({
  documentNumber: documentNumberSchema,
  birthDate: birthDateSchema,
  tariffId: tariffIdSchema,
});

export const availableNumbersInput = z
  .object({
    /** Digits the number should contain, e.g. "777". */
    search: safeString().trim().max(11).regex(/^\d*$/, "Digits only").optional(),
    niceOnly: z.boolean().optional(),
    limit: limitSchema(60),
    /** The last number of the previous page. */
    cursor: safeString().max(20).optional(),
  })
  .optional();

export const numberInput = z.object({ msisdn: msisdnSchema });

const cursor = cursorSchema(100).optional();

export const partnerListInput = z
  .object({
    cursor,
    limit: limitSchema(),
    /** A name, an account number or a phone number (or part of one). */
    search: safeString().trim().max(100).optional(),
  })
  .optional();

export const orderIdInput = z.object({ orderId: idSchema });

export const reissueActivationCodeInput = orderIdInput.extend({ idempotencyKey: idempotencyKeySchema });

export type ReissueActivationCodeInput = z.output<typeof reissueActivationCodeInput>;

export const figuresInput = z
  .object({ days: z.number().int().min(7).max(92).optional(), months: z.number().int().min(3).max(24).optional() })
  .optional();
