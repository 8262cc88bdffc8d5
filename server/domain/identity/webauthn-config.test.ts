import { describe, expect, it } from "vitest";
import { webAuthnConfigFrom } from "./webauthn-config";

describe("webAuthnConfigFrom", () => {
  it.each([
    ["defaults to localhost on the port", { PORT: "3140" }, "localhost", ["http://localhost:3140"]],
    ["defaults to localhost:3000", {}, "localhost", ["http://localhost:3000"]],
    ["follows NEXTAUTH_URL", { NEXTAUTH_URL: "https://my.operator.ru/" }, "my.operator.ru", ["https://my.operator.ru"]],
    [
      "NEXTAUTH_URL with a port and a path",
      { NEXTAUTH_URL: "https://Selfcare.Example:8443/portal" },
      "selfcare.example",
      ["https://selfcare.example:8443"],
    ],
    [
      "an RP id of the parent domain",
      { NEXTAUTH_URL: "https://my.operator.ru", WEBAUTHN_RP_ID: "operator.ru" },
      "operator.ru",
      ["https://my.operator.ru"],
    ],
    [
      "several origins under one RP id",
      {
        WEBAUTHN_RP_ID: "operator.ru",
        WEBAUTHN_ORIGIN: "https://my.operator.ru, https://app.operator.ru,https://operator.ru",
      },
      "operator.ru",
      ["https://my.operator.ru", "https://app.operator.ru", "https://operator.ru"],
    ],
    [
      "the RP id from the first origin",
      { NEXTAUTH_URL: "https://ignored.example", WEBAUTHN_ORIGIN: "https://my.operator.ru" },
      "my.operator.ru",
      ["https://my.operator.ru"],
    ],
  ])("%s", (_name, env, rpId, origins) => {
    expect(webAuthnConfigFrom(env)).toEqual({ rpId, rpName: "Selfcare", origins });
  });

  it.each([
    ["plain http off localhost", { NEXTAUTH_URL: "http://my.operator.ru" }, /must be https/],
    ["an IP address as the host", { NEXTAUTH_URL: "https://10.0.0.1" }, /domain name/],
    ["an RP id that is an address", { WEBAUTHN_RP_ID: "127.0.0.1" }, /domain name/],
    [
      "an origin outside the RP id",
      { WEBAUTHN_RP_ID: "operator.ru", WEBAUTHN_ORIGIN: "https://evil-operator.ru" },
      /not within the RP id/,
    ],
    [
      "a suffix that is not a subdomain",
      { WEBAUTHN_RP_ID: "tor.ru", NEXTAUTH_URL: "https://operator.ru" },
      /not within/,
    ],
    ["not a URL", { WEBAUTHN_ORIGIN: "my.operator.ru" }, /not a URL/],
    ["an empty list", { WEBAUTHN_ORIGIN: " , " }, /no origin/],
  ])("refuses %s", (_name, env, message) => {
    expect(() => webAuthnConfigFrom(env)).toThrow(message);
  });
});
