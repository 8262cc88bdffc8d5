import { describe, expect, it } from "vitest";
import { decodeQueueCursor, encodeQueueCursor, rowsAfter, type QueueSortKey } from "./queue-cursor";

describe("queue cursor", () => {
  it.each<[string, QueueSortKey]>([
    ["with an SLA due time", { priority: 2, slaDueAt: new Date("2026-11-20T10:15:00Z"), id: "req_000123" }],
    ["without one", { priority: 4, slaDueAt: null, id: "cmabc123xyz" }],
  ])("round-trips a key %s", (_name, key) => {
    expect(decodeQueueCursor(encodeQueueCursor(key))).toEqual(key);
  });

  it.each(["", "garbage", "5.123.req_1", "1.abc.req_1", "1.1.req 1", "1.1.'; DROP TABLE"])("rejects %j", (cursor) => {
    expect(decodeQueueCursor(cursor)).toBeNull();
  });

  it("continues after the key: lower priority, later SLA, then requests without an SLA", () => {
    const due = new Date("2026-11-20T10:15:00Z");
    expect(rowsAfter({ priority: 2, slaDueAt: due, id: "b" })).toEqual({
      OR: [
        { priority: { gt: 2 } },
        { priority: 2, slaDueAt: { gt: due } },
        { priority: 2, slaDueAt: due, id: { gt: "b" } },
        { priority: 2, slaDueAt: null },
      ],
    });
    expect(rowsAfter({ priority: 3, slaDueAt: null, id: "b" })).toEqual({
      OR: [{ priority: { gt: 3 } }, { priority: 3, slaDueAt: null, id: { gt: "b" } }],
    });
  });
});
