import { randomInt, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";

/** The tRPC code a call ends with ("OK" when it succeeds). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** The field errors of a BAD_REQUEST (zod or domain), as `{ "customer.birthDate": "..." }`. */
export async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") throw error;
    const cause = error.cause as {
      issues?: { path: (string | number)[]; message: string }[];
      fields?: Record<string, string>;
    };
    if (cause?.fields) return cause.fields;
    return Object.fromEntries((cause?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
  }
  throw new Error("expected BAD_REQUEST, the call succeeded");
}

/** A passport number nobody in the seed holds (region 45, a random number). */
export function freshPassport(): string {
  return `45${String(randomInt(10, 26))} ${String(randomInt(100_000, 999_999))}`;
}

export function newSubscriber(overrides: Record<string, unknown> = {}) {
  return {
    firstName: "Анна",
    lastName: "Смирнова",
    middleName: "Петровна",
    birthDate: "1991-04-12",
    documentNumber: freshPassport(),
    address: "123112, г. Москва, ул. Тверская, д. 7, кв. 12",
    email: "anna.smirnova@example.ru",
    phone: "+7 916 555-12-34",
    ...overrides,
  };
}

export function idempotencyKey(): string {
  return `reg-${randomUUID()}`;
}
