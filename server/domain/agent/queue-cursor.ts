import { isDateInRange } from "../input.schema";

/**
 * Keyset cursor of the agent queue. The queue is ordered by priority, then SLA due time (requests
 * without one last), then id; the cursor is the last row's sort key, so a page never repeats or
 * skips a row that kept its place.
 */
export type QueueSortKey = { priority: number; slaDueAt: Date | null; id: string };

export function encodeQueueCursor(key: QueueSortKey): string {
  return [key.priority, key.slaDueAt ? key.slaDueAt.getTime() : "", key.id].join(".");
}

/** The sort key of a cursor, or null when it is not one this queue handed out. */
export function decodeQueueCursor(cursor: string): QueueSortKey | null {
  const match = /^([1-4])\.(\d{0,15})\.([A-Za-z0-9_-]{1,40})$/.exec(cursor);
  if (!match) return null;
  const [, priority, due, id] = match;
  const slaDueAt = due ? new Date(Number(due)) : null;
  if (slaDueAt && !isDateInRange(slaDueAt)) return null;
  return { priority: Number(priority), slaDueAt, id: id! };
}

type Where = Record<string, unknown>;

/** Prisma `where` for the rows after `key` in queue order. */
export function rowsAfter(key: QueueSortKey): Where {
  const samePriority: Where[] = key.slaDueAt
    ? [
        { priority: key.priority, slaDueAt: { gt: key.slaDueAt } },
        { priority: key.priority, slaDueAt: key.slaDueAt, id: { gt: key.id } },
        { priority: key.priority, slaDueAt: null },
      ]
    : [{ priority: key.priority, slaDueAt: null, id: { gt: key.id } }];
  return { OR: [{ priority: { gt: key.priority } }, ...samePriority] };
}
