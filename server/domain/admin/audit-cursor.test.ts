import { describe, expect, it } from "vitest";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";

describe("audit cursor", () => {
  it("round-trips time and id", () => {
    const entry = { at: new Date("2031-02-03T04:05:06.789Z"), id: "cm1abc_DEF-9" };
    expect(decodeAuditCursor(encodeAuditCursor(entry))).toEqual(entry);
  });
  it.each([undefined, "", "abc", "123", "_id", "12_a b", "1'; DROP_x", `1_${"x".repeat(65)}`])(
    "refuses %j",
    (cursor) => {
      expect(decodeAuditCursor(cursor)).toBeNull();
    },
  );
});
