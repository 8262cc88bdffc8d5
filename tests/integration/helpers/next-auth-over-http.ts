import type http from "node:http";
import { parse as parseCookies } from "cookie";
import NextAuth from "next-auth";
import { authOptionsFor } from "../../../server/auth/auth-options";

function readForm(request: http.IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let raw = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (raw += chunk));
    request.on("end", () => resolve(Object.fromEntries(new URLSearchParams(raw))));
    request.on("error", reject);
  });
}

/**
 * What Next.js does for app/api/auth/[...nextauth]: next-auth's handler with the request's headers,
 * query and form body, and the options of that request (authOptionsFor, as the route passes them),
 * through next-auth's own Node entry, `NextAuth(req, res, options)`. Answers false for other paths.
 */
export async function handleNextAuthLikeNext(
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<boolean> {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith("/api/auth/")) return false;
  const body = request.method === "POST" ? await readForm(request) : undefined;
  const req = Object.assign(request, {
    query: { ...Object.fromEntries(url.searchParams), nextauth: url.pathname.slice("/api/auth/".length).split("/") },
    body,
    cookies: parseCookies(request.headers.cookie ?? ""),
  });
  const res = Object.assign(response, {
    status(code: number) {
      response.statusCode = code;
      return res;
    },
    json(value: unknown) {
      response.setHeader("Content-Type", "application/json");
      response.end(JSON.stringify(value));
    },
    send(value: unknown) {
      response.end(typeof value === "string" ? value : JSON.stringify(value ?? ""));
    },
  });
  const options = authOptionsFor(request.headers);
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, options);
  return true;
}

/** The `name=value` pairs a response sets, as a browser would send them back. */
export function setCookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}
