/**
 * A signed-in session the way a browser gets one, for scripts that call the portal over HTTP
 * (`npm run bench:bills`, `npm run bench:outage`, `npm run lighthouse`). Imports nothing of the
 * server, so any script can use it.
 */

const DEMO_PASSWORD = "selfcare-demo";

/** Signs in through next-auth like a browser (the public contract) and returns the Cookie header of the session. */
export async function signIn(base: string, identifier: string, password = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token")))
    throw new Error(`sign-in of ${identifier} failed (${response.status})`);
  return cookie();
}
