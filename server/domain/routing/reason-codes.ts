/** Why a contact was routed as it was: stable codes the UI translates. Imports nothing, so pages can use it. */
export const REASON_CODES = [
  "OUTAGE",
  "OUTAGE_KNOWN",
  "TECHNICAL_FAULT",
  "RETENTION",
  "COMPLAINT",
  "DISPUTE_ABOVE_LIMIT",
  "REPEAT_CONTACT",
  "ASKED_FOR_PERSON",
  "SELF_SERVICE_CATEGORY",
  "NEEDS_PERSON_CATEGORY",
  "PERSONAL_MANAGER",
  "NO_PERSONAL_MANAGER",
  "PRIORITY",
  "SLA",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
