import type { RequestStatus } from "@prisma/client";

/** Where a public reply moves the request (null: it stays where it is). */
export function statusAfterReply(status: RequestStatus, waitForCustomer: boolean): RequestStatus | null {
  if (status === "RESOLVED" || status === "CLOSED") return null;
  const target: RequestStatus = waitForCustomer ? "WAITING_CUSTOMER" : "IN_PROGRESS";
  return status === target ? null : target;
}
