import { isDateInRange } from "../input.schema";

/** Keyset cursor of the audit log, ordered by time then id, newest first: "<epoch ms>_<id>". */
export type AuditCursor = { at: Date; id: string };

export function encodeAuditCursor(entry: AuditCursor): string {
  return `${entry.at.getTime()}_${entry.id}`;
}

/** The cursor, or null when it is not one of ours (a tampered or stale value starts from the top). */
export function decodeAuditCursor(cursor: string | undefined): AuditCursor | null {
  if (!cursor) return null;
  const match = /^(\d{1,15})_([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!match) return null;
  const at = new Date(Number(match[1]));
  return isDateInRange(at) ? { at, id: match[2]! } : null;
}
