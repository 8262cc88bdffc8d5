import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { PWA_DB_NAME, PWA_DB_VERSION, type OutboxItem, type PwaSession } from "./sw-protocol";

type PwaDb = DBSchema & {
  outbox: { key: string; value: OutboxItem; indexes: { createdAt: number } };
  meta: { key: "session"; value: PwaSession };
};

let opening: Promise<IDBPDatabase<PwaDb>> | undefined;

/** The PWA's IndexedDB, shared by the pages and the service worker. */
export function openPwaDb(): Promise<IDBPDatabase<PwaDb>> {
  opening ??= openDB<PwaDb>(PWA_DB_NAME, PWA_DB_VERSION, {
    upgrade(db) {
      const outbox = db.createObjectStore("outbox", { keyPath: "id" });
      outbox.createIndex("createdAt", "createdAt");
      db.createObjectStore("meta");
    },
    // Another tab upgraded the schema: let go so it can proceed; the next call reopens.
    blocking() {
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  });
  return opening;
}

/** Oldest first: they are sent in the order they were written. */
export async function listOutbox(): Promise<OutboxItem[]> {
  return (await openPwaDb()).getAllFromIndex("outbox", "createdAt");
}

export async function getOutboxItem(id: string): Promise<OutboxItem | undefined> {
  return (await openPwaDb()).get("outbox", id);
}

export async function putOutboxItem(item: OutboxItem): Promise<void> {
  await (await openPwaDb()).put("outbox", item);
}

export async function deleteOutboxItem(id: string): Promise<void> {
  await (await openPwaDb()).delete("outbox", id);
}

export async function clearOutbox(): Promise<void> {
  await (await openPwaDb()).clear("outbox");
}

export async function getStoredSession(): Promise<PwaSession | undefined> {
  return (await openPwaDb()).get("meta", "session");
}

export async function storeSession(session: PwaSession | null): Promise<void> {
  const db = await openPwaDb();
  if (session) await db.put("meta", session, "session");
  else await db.delete("meta", "session");
}
