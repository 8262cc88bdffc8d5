import { describe, expect, it } from "vitest";
import { DEFAULT_PUSH_SERVICE_HOSTS, isAllowedPushEndpoint, pushServiceHosts } from "./endpoint-policy";

describe("isAllowedPushEndpoint with the default push services", () => {
  it.each([
    ["https://fcm.googleapis.com/fcm/send/abc:def", true],
    ["https://updates.push.services.mozilla.com/wpush/v2/gAAAA", true],
    ["https://web.push.apple.com/QGuQyavXutnMH", true],
    ["https://wns2-db5p.notify.windows.com/w/?token=BQYAAA", true],
    ["http://fcm.googleapis.com/fcm/send/abc", false],
    ["https://fcm.googleapis.com.evil.example/fcm/send/abc", false],
    ["https://evilfcm.googleapis.com.example/x", false],
    ["https://user:pass@fcm.googleapis.com/fcm/send/abc", false],
    ["https://169.254.169.254/latest/meta-data", false],
    ["http://localhost:9000/push", false],
    ["not a url", false],
  ])("%s → %s", (endpoint, allowed) => {
    expect(isAllowedPushEndpoint(endpoint, DEFAULT_PUSH_SERVICE_HOSTS)).toBe(allowed);
  });
});

describe("isAllowedPushEndpoint with a local push service listed", () => {
  const hosts = ["127.0.0.1", "localhost"];
  it.each([
    ["http://127.0.0.1:9000/push/1", true],
    ["http://localhost:9000/push/1", true],
    ["https://localhost:9000/push/1", true],
    ["http://10.0.0.5:9000/push/1", false],
    ["ftp://127.0.0.1/push", false],
  ])("%s → %s", (endpoint, allowed) => {
    expect(isAllowedPushEndpoint(endpoint, hosts)).toBe(allowed);
  });
});

describe("pushServiceHosts", () => {
  it("uses the known push services unless PUSH_SERVICE_HOSTS replaces them", () => {
    expect(pushServiceHosts({})).toEqual(DEFAULT_PUSH_SERVICE_HOSTS);
    expect(pushServiceHosts({ PUSH_SERVICE_HOSTS: " Push.Example.net , 127.0.0.1 ," })).toEqual([
      "push.example.net",
      "127.0.0.1",
    ]);
    expect(pushServiceHosts({ PUSH_SERVICE_HOSTS: " , " })).toEqual(DEFAULT_PUSH_SERVICE_HOSTS);
  });
});
