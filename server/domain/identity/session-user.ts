import type { Role } from "@prisma/client";

/** The signed-in user behind a request: who, in which role, for which customer or dealer. */
export type SessionUser = {
  id: string;
  sessionId: string;
  role: Role;
  name: string;
  locale: string;
  customerId: string | null;
  partnerId: string | null;
  /**
   * A staff member without a second factor yet: the session opens only the enrolment
   * (`secondFactor.*`, `me.*`); every role procedure and staff page refuses it until then.
   */
  secondFactorPending?: boolean;
};
