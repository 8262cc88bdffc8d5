/**
 * Where passkeys belong (the WebAuthn relying party): the RP id, a domain the credentials are bound
 * to, and the origins the browser may report. `WEBAUTHN_RP_ID` and `WEBAUTHN_ORIGIN` (comma-separated)
 * set them; otherwise both come from `NEXTAUTH_URL` (start.ts defaults it to http://localhost:$PORT,
 * which browsers treat as a secure context). A pure function of the environment, so the rules are
 * tested without a server.
 */
export type WebAuthnConfig = { rpId: string; rpName: string; origins: string[] };

export const RP_NAME = "Selfcare";

type Env = Partial<Record<"WEBAUTHN_RP_ID" | "WEBAUTHN_ORIGIN" | "NEXTAUTH_URL" | "PORT", string>>;

export class WebAuthnConfigError extends Error {
  constructor(message: string) {
    super(`WebAuthn configuration: ${message}`);
    this.name = "WebAuthnConfigError";
  }
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function originOf(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new WebAuthnConfigError(`${what} is not a URL: ${value}`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && url.hostname === "localhost")) {
    // Browsers offer WebAuthn only in a secure context: https, or http on localhost.
    throw new WebAuthnConfigError(`${what} must be https (or http://localhost): ${value}`);
  }
  return url;
}

/** Whether `host` is the RP id or one of its subdomains (WebAuthn: the RP id is a registrable suffix of the origin's host). */
function isWithin(host: string, rpId: string): boolean {
  return host === rpId || host.endsWith(`.${rpId}`);
}

export function webAuthnConfigFrom(env: Env): WebAuthnConfig {
  const site = env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT?.trim() || "3000"}`;
  const origins = (env.WEBAUTHN_ORIGIN?.trim() ? env.WEBAUTHN_ORIGIN.split(",") : [site])
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => originOf(value, env.WEBAUTHN_ORIGIN?.trim() ? "WEBAUTHN_ORIGIN" : "NEXTAUTH_URL"));
  if (origins.length === 0) throw new WebAuthnConfigError("WEBAUTHN_ORIGIN lists no origin");

  const rpId = (env.WEBAUTHN_RP_ID?.trim() || origins[0]!.hostname).toLowerCase();
  if (IPV4.test(rpId) || rpId.includes(":") || rpId.includes("/") || rpId.startsWith("[")) {
    throw new WebAuthnConfigError(`the RP id must be a domain name, not an address or a URL: ${rpId}`);
  }
  for (const origin of origins) {
    if (!isWithin(origin.hostname, rpId)) {
      throw new WebAuthnConfigError(`the origin ${origin.origin} is not within the RP id ${rpId}`);
    }
  }
  return { rpId, rpName: RP_NAME, origins: [...new Set(origins.map((origin) => origin.origin))] };
}
