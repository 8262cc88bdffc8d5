import type { FieldErrors, UseFormReturn } from "react-hook-form";
import { fieldErrorAt } from "@/app/_lib/form-errors";
import type { RoutingPolicyConfig } from "@/server/domain/routing/policy.schema";
import { validationKey } from "../../_lib/validation";

export type PolicyForm = UseFormReturn<RoutingPolicyConfig>;

/** A translated message for the error at `path`, or undefined. */
export function messageAt(
  errors: FieldErrors<RoutingPolicyConfig>,
  path: string,
  translate: (key: string) => string,
  options: { isMoney?: boolean } = {},
): string | undefined {
  const key = validationKey(fieldErrorAt(errors, path), options);
  return key ? translate(`validation.${key}`) : undefined;
}

/** Categories DESIGN.md always escalates to a person, whatever the policy says. */
export const ALWAYS_TO_PERSON = new Set(["NO_SERVICE", "TECHNICAL_FAULT", "CANCEL_CONTRACT", "COMPLAINT"]);
