export type AppErrorCode =
  "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "TOO_MANY_REQUESTS" | "PRECONDITION_FAILED";

/** The one error type of the domain; `server/api/trpc.ts` maps it to tRPC codes. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** For BAD_REQUEST: the failing fields and what is wrong with each. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found`);
}

export function badRequest(field: string, message: string): AppError {
  return new AppError("BAD_REQUEST", message, { [field]: message });
}

/** Prisma's unique-constraint violation (P2002), also when raised through a driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: string; cause?: { code?: string } };
  if (code === "P2002" || code === "23505") return true;
  const message = (error as { message?: string }).message ?? "";
  return cause?.code === "23505" || /Unique constraint failed|duplicate key value/.test(message);
}
