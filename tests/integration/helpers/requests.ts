import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { testDb } from "./db";

/** A fresh idempotency key. */
export const key = () => `test-${randomUUID()}`;

/** The tRPC error code a call ends with, or "OK". */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** The failing fields of a BAD_REQUEST (as the API reports them). */
export async function badFieldsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
      const cause = error.cause as
        { issues?: { path: (string | number)[] }[]; fields?: Record<string, string> } | undefined;
      if (cause?.issues) return cause.issues.map((issue) => issue.path.join("."));
      return Object.keys(cause?.fields ?? {});
    }
    throw error;
  }
  throw new Error("Expected BAD_REQUEST, the call succeeded");
}

export async function customerIdOf(phone: string): Promise<string> {
  const user = await testDb().user.findUniqueOrThrow({ where: { phone } });
  return user.customerId!;
}

/** Starts a demo subscriber with no request history, so earlier contacts do not count as repeats. */
export async function clearRequests(phone: string): Promise<string> {
  const customerId = await customerIdOf(phone);
  await testDb().serviceRequest.deleteMany({ where: { customerId } });
  return customerId;
}
