import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError } from "../../../server/domain/errors";
import { DEMO } from "./callers";
import { testDb } from "./db";

/** The tRPC code a call ends with, or "OK". */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** The code and the fields a BAD_REQUEST names (from zod or from the domain). */
export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await promise;
    return { code: "OK", fields: [] };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause;
    const fields =
      cause instanceof ZodError
        ? cause.issues.map((issue) => issue.path.join("."))
        : cause instanceof AppError
          ? Object.keys(cause.fields ?? {})
          : [];
    return { code: error.code, fields };
  }
}

/** The customer behind a demo subscriber login, with lines by number. */
export async function demoCustomer(identifier: (typeof DEMO)[keyof typeof DEMO]) {
  const db = testDb();
  const user = await db.user.findUniqueOrThrow({
    where: { phone: identifier },
    include: { customer: { include: { lines: { include: { tariff: true } } } } },
  });
  const customer = user.customer!;
  const line = (msisdn: string | null) => {
    const found = customer.lines.find((candidate) => candidate.msisdn === msisdn);
    if (!found) throw new Error(`no line ${msisdn}`);
    return found;
  };
  return { user, customer, line };
}

export function key(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The login phone of the n-th generated (non-demo) subscriber, for tests that need a customer of their own. */
export async function generatedSubscriber(n: number): Promise<string> {
  const users = await testDb().user.findMany({
    where: {
      role: "SUBSCRIBER",
      phone: { notIn: Object.values(DEMO) },
      customer: { lines: { some: { status: "ACTIVE" } }, status: "ACTIVE" },
    },
    orderBy: { phone: "asc" },
    take: n + 1,
    select: { phone: true },
  });
  const phone = users[n]?.phone;
  if (!phone) throw new Error(`no generated subscriber #${n}`);
  return phone;
}
