/** The tRPC error's code, message and field errors, as the errorFormatter in server/api/trpc.ts shapes them. */
export function errorDetails(error: unknown): { code?: string; message?: string; fields: Record<string, string> } {
  const shaped = error as { message?: string; data?: { code?: string; fields?: Record<string, string> } } | null;
  return { code: shaped?.data?.code, message: shaped?.message, fields: shaped?.data?.fields ?? {} };
}
