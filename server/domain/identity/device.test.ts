import { describe, expect, it } from "vitest";
import { describeDevice, passkeyNameFor } from "./device";

const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36";
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const WINDOWS_EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

describe("describeDevice", () => {
  it.each([
    [ANDROID_CHROME, "WEB", { kind: "BROWSER", browser: "Chrome 131", os: "Android 14", platform: "mobile" }],
    [ANDROID_CHROME, "PWA", { kind: "APP", browser: "Chrome 131", os: "Android 14", platform: "mobile" }],
    [IPHONE_SAFARI, "WEB", { kind: "BROWSER", browser: "Safari 18", os: "iOS 18.1", platform: "mobile" }],
    [WINDOWS_EDGE, "WEB", { kind: "BROWSER", browser: "Microsoft Edge 131", os: "Windows 10", platform: "desktop" }],
    ["curl/8.5.0", "WEB", { kind: "BROWSER", browser: null, os: null, platform: null }],
    [null, "PWA", { kind: "APP", browser: null, os: null, platform: null }],
  ])("%s on %s", (userAgent, channel, expected) => {
    expect(describeDevice(userAgent, channel)).toEqual(expected);
  });
});

describe("passkeyNameFor", () => {
  it.each([
    [ANDROID_CHROME, "Chrome on Android"],
    [IPHONE_SAFARI, "Safari on iOS"],
    [WINDOWS_EDGE, "Microsoft Edge on Windows"],
    ["curl/8.5.0", "Passkey"],
    ["", "Passkey"],
    [null, "Passkey"],
  ])("%s is %s", (userAgent, expected) => {
    expect(passkeyNameFor(userAgent)).toBe(expected);
  });
});
