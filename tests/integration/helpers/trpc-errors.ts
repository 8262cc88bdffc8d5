import type { MatcherResult, MatcherState } from "vitest";
import { readTRPCError, type TRPCErrorCode } from "../../../app/_lib/trpc-error";

type Expected = TRPCErrorCode | readonly TRPCErrorCode[];

declare module "vitest" {
  // The type parameter must match vitest's own declaration of Assertion.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
  interface Assertion<T = any> {
    /**
     * The call fails with this tRPC code (or one of these), from a server-side caller or a client:
     * `await expect(caller.bill.byId({ id })).toHaveTRPCCode("NOT_FOUND")`. It awaits the promise
     * itself; `.rejects.toHaveTRPCCode(...)` and an error already caught work too. A call that
     * succeeds fails the assertion, and so does an error that is not a tRPC (or domain) error.
     */
    toHaveTRPCCode(expected: Expected): Promise<void>;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

async function settle(
  received: unknown,
): Promise<{ isResolved: true; value: unknown } | { isResolved: false; error: unknown }> {
  if (!isThenable(received)) return { isResolved: false, error: received }; // `.rejects` hands over the error
  try {
    return { isResolved: true, value: await received };
  } catch (error) {
    return { isResolved: false, error };
  }
}

export async function toHaveTRPCCode(
  this: MatcherState,
  received: unknown,
  expected: Expected,
): Promise<Awaited<MatcherResult>> {
  const codes: readonly TRPCErrorCode[] = typeof expected === "string" ? [expected] : expected;
  const wanted = codes.join(" or ");
  const { printReceived } = this.utils;
  const outcome = await settle(received);
  if (outcome.isResolved) {
    return {
      pass: false,
      message: () => `expected the call to fail with ${wanted}, but it succeeded with ${printReceived(outcome.value)}`,
    };
  }
  const failure = readTRPCError(outcome.error);
  if (!failure.code) {
    // Not a tRPC error at all: a failure with `.not` as well, so a crash never passes as "not FORBIDDEN".
    return {
      pass: this.isNot,
      message: () => `expected the call to fail with ${wanted}, but it threw ${printReceived(outcome.error)}`,
    };
  }
  const actual = failure.code;
  // The fields say more than a server-side zod error's message, which is its issues as JSON.
  const detail = Object.keys(failure.fields).length ? JSON.stringify(failure.fields) : `"${failure.message}"`;
  const pass = codes.includes(actual);
  return {
    pass,
    message: () =>
      pass
        ? `expected the call not to fail with ${actual}, but it did: ${detail}`
        : `expected the call to fail with ${wanted}, but it failed with ${actual}: ${detail}`,
    actual,
    expected: wanted,
  };
}

/**
 * The field errors of a call that must fail with BAD_REQUEST, as a client sees them (path →
 * message, from zod or the domain): `expect(await fieldErrorsOf(call)).toHaveProperty(["amountCents"])`.
 */
export async function fieldErrorsOf(call: Promise<unknown>): Promise<Record<string, string>> {
  const outcome = await settle(call);
  if (outcome.isResolved) throw new Error("expected BAD_REQUEST, but the call succeeded");
  const failure = readTRPCError(outcome.error);
  if (failure.code !== "BAD_REQUEST") throw outcome.error;
  return failure.fields;
}
