import type { FieldErrors, UseFormReturn } from "react-hook-form";
import type { RoutingPolicyConfig } from "@/server/domain/routing/policy.schema";
import { validationKey } from "../../_lib/validation";

export type PolicyForm = UseFormReturn<RoutingPolicyConfig>;

type Issue = { type?: string | number; message?: string; root?: { type?: string | number; message?: string } };

/** The error at a dotted path of the form's errors (object-level errors included). */
export function errorAt(errors: FieldErrors<RoutingPolicyConfig>, path: string): Issue | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const issue = node as Issue | undefined;
  if (!issue) return undefined;
  if (issue.message) return issue;
  return issue.root;
}

/** A translated message for the error at `path`, or undefined. */
export function messageAt(
  errors: FieldErrors<RoutingPolicyConfig>,
  path: string,
  translate: (key: string) => string,
  options: { isMoney?: boolean } = {},
): string | undefined {
  const key = validationKey(errorAt(errors, path), options);
  return key ? translate(`validation.${key}`) : undefined;
}

/** Categories DESIGN.md always escalates to a person, whatever the policy says. */
export const ALWAYS_TO_PERSON = new Set(["NO_SERVICE", "TECHNICAL_FAULT", "CANCEL_CONTRACT", "COMPLAINT"]);
