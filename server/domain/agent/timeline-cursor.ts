import { isDateInRange } from "../input.schema";

/** Keyset cursor of a customer's contact history (newest first): the last row's time and id. */
export type TimelineKey = { at: Date; id: string };

export function encodeTimelineCursor(key: TimelineKey): string {
  return `${key.at.getTime()}.${key.id}`;
}

export function decodeTimelineCursor(cursor: string): TimelineKey | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,60})$/.exec(cursor);
  if (!match) return null;
  const at = new Date(Number(match[1]));
  return isDateInRange(at) ? { at, id: match[2]! } : null;
}
