import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { z } from "zod";

/** A JSON answer that no cache keeps (the network's APIs). */
export const jsonResponse = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Whether the request carries `Authorization: Bearer <expected>`; never when nothing is expected. */
export function hasBearerToken(request: Request, expected: string | undefined): boolean {
  if (!expected) return false;
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The network's call, checked before anything is done: the bearer token in `tokenVariable` (401
 * without it, and always when the variable is unset), a JSON body (400), and the body against
 * `schema` (400 with up to 20 failing fields, `invalidMessage` as the message). Answers the parsed
 * body, or the response to send instead.
 */
export async function readNetworkCall<Schema extends z.ZodType>(
  request: Request,
  { tokenVariable, schema, invalidMessage }: { tokenVariable: string; schema: Schema; invalidMessage: string },
): Promise<{ data: z.output<Schema> } | { response: Response }> {
  if (!hasBearerToken(request, process.env[tokenVariable])) {
    return {
      response: jsonResponse(401, { error: { code: "UNAUTHORIZED", message: "A valid bearer token is required" } }),
    };
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { response: jsonResponse(400, { error: { code: "BAD_REQUEST", message: "The body is not JSON" } }) };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.slice(0, 20).map((issue) => [issue.path.join(".") || "body", issue.message]),
    );
    return { response: jsonResponse(400, { error: { code: "BAD_REQUEST", message: invalidMessage, fields } }) };
  }
  return { data: parsed.data };
}
