import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REASON_CODES } from "./reason-codes";

const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("routing reason codes", () => {
  it.each(["ru", "en"])("each has its sentence for the subscriber in %s (server texts)", (locale) => {
    const messages = JSON.parse(readFileSync(path.join(ROOT, "messages", locale, "server.json"), "utf8")) as {
      routingReason: Record<string, string>;
    };
    expect(Object.keys(messages.routingReason).sort()).toEqual([...REASON_CODES].sort());
    for (const code of REASON_CODES) expect(messages.routingReason[code]?.trim()).toBeTruthy();
  });
});
