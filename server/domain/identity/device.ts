import Bowser from "bowser";

/** How a signed-in device is shown: the installed app or a browser, with its browser and system as far as known. */
export type DeviceDescription = {
  kind: "APP" | "BROWSER";
  /** "Chrome 131", "Safari 18.1"; null when the user agent says nothing recognisable. */
  browser: string | null;
  /** "Android 14", "iOS 18.1", "Windows 10"; null when unknown. */
  os: string | null;
  /** mobile, tablet, desktop or tv; null when unknown. */
  platform: string | null;
};

function nameWithVersion(name: string | undefined, version: string | undefined, parts = 1): string | null {
  if (!name) return null;
  const short = version?.split(".").slice(0, parts).join(".");
  return short ? `${name} ${short}` : name;
}

/**
 * A session's device from the user agent it signed in with (bowser's parser) and the channel its
 * requests came on: PWA is the installed app (the app sends `x-selfcare-channel: PWA`).
 */
export function describeDevice(userAgent: string | null | undefined, channel: string): DeviceDescription {
  const kind = channel === "PWA" ? "APP" : "BROWSER";
  if (!userAgent?.trim()) return { kind, browser: null, os: null, platform: null };
  const parsed = Bowser.parse(userAgent);
  return {
    kind,
    browser: nameWithVersion(parsed.browser.name, parsed.browser.version),
    os: nameWithVersion(parsed.os.name, parsed.os.versionName ?? parsed.os.version, 2),
    platform: parsed.platform.type ?? null,
  };
}

/** A passkey's default name from the browser that made it: "Chrome on Android", "Safari on iOS"; "Passkey" when unknown. */
export function passkeyNameFor(userAgent: string | null | undefined): string {
  if (!userAgent?.trim()) return "Passkey";
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || "Passkey";
}
