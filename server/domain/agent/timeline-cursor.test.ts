import { describe, expect, it } from "vitest";
import { decodeTimelineCursor, encodeTimelineCursor } from "./timeline-cursor";

describe("timeline cursor", () => {
  it("round-trips the last row's time and id", () => {
    const key = { at: new Date("2026-10-01T08:30:12.345Z"), id: "int_000001_012" };
    expect(decodeTimelineCursor(encodeTimelineCursor(key))).toEqual(key);
  });

  it.each(["", "x", "12.", ".abc", "12.a b", "-5.abc"])("rejects %j", (cursor) => {
    expect(decodeTimelineCursor(cursor)).toBeNull();
  });
});
