import { expect, type BrowserContext, type CDPSession, type Frame, type Page } from "@playwright/test";
import { apiSignIn, FIRST, signInWithForm } from "./helpers";

/** The service worker's own fetches go through Playwright's network layer (and its routes). */
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

export async function signIn(page: Page, identifier: string, home = /\/dashboard$/) {
  await signInWithForm(page, identifier);
  await expect(page).toHaveURL(home);
}

/** Signs in through the API (the session cookie lands in the page's context) and opens a page. */
export async function openSignedIn(page: Page, identifier: string, path = "/dashboard") {
  expect((await apiSignIn(page.request, FIRST, identifier)).ok).toBe(true);
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/** Waits until the service worker is active and controls this page. */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, {
    timeout: 30_000,
  });
}

/** No network at all: the page's requests and the service worker's own fetches fail. */
export async function goOffline(context: BrowserContext) {
  offlineContexts.add(context);
  await context.setOffline(true);
  await keepNavigatorOffline(context);
  if (routedContexts.has(context)) return;
  routedContexts.add(context);
  await context.route("**", (route) =>
    offlineContexts.has(context) ? route.abort("internetdisconnected") : route.fallback(),
  );
}

/**
 * The network back. The route stays and lets everything through: with `unrouteAll` here, about
 * one run in 12 of pwa.spec.ts's start-page test then hung closing the context (and the old
 * loading boundary made no difference), most likely a worker request paused in the removed route.
 */
export async function goOnline(context: BrowserContext) {
  offlineContexts.delete(context);
  await context.setOffline(false);
  await Promise.all(context.pages().map((page) => emulateOffline(page, false)));
}

const offlineContexts = new WeakSet<BrowserContext>();
const routedContexts = new WeakSet<BrowserContext>();
const watchedContexts = new WeakSet<BrowserContext>();
const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Chromium 150 (Debian bookworm's) forgets DevTools' offline emulation of `navigator.onLine` in
 * every new document, about:blank included: after `setOffline(true)` and a navigation the page
 * reads `navigator.onLine === true`, so the banner says "server unreachable" where a phone with
 * no network says "no network". Chromium 156 keeps it. So while offline, each page's new
 * document gets the emulation again (which fires its `offline` event, as a phone would).
 */
async function keepNavigatorOffline(context: BrowserContext) {
  const watch = (page: Page) => {
    const reapply = (frame?: Frame) => {
      if (frame && frame !== page.mainFrame()) return;
      if (offlineContexts.has(context)) void emulateOffline(page, true);
    };
    page.on("framenavigated", reapply);
    page.on("domcontentloaded", () => reapply());
  };
  if (!watchedContexts.has(context)) {
    watchedContexts.add(context);
    context.pages().forEach(watch);
    context.on("page", (page) => {
      watch(page);
      if (offlineContexts.has(context)) void emulateOffline(page, true);
    });
  }
  await Promise.all(context.pages().map((page) => emulateOffline(page, true)));
}

async function emulateOffline(page: Page, offline: boolean) {
  if (page.isClosed()) return;
  try {
    let session = cdpSessions.get(page);
    if (!session) {
      session = page.context().newCDPSession(page);
      cdpSessions.set(page, session);
    }
    await (
      await session
    ).send("Network.emulateNetworkConditions", { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  } catch {
    // The page closed or navigated away meanwhile: its next document is handled by its own event.
  }
}

/** Cache Storage as the page sees it: cache name → URLs (the precache of static files left out). */
export async function cachedPages(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const result: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      if (name.startsWith("workbox-precache")) continue;
      const cache = await caches.open(name);
      result[name] = (await cache.keys()).map((request) => new URL(request.url).pathname + new URL(request.url).search);
    }
    return result;
  });
}

export type StoredOutboxItem = {
  id: string;
  userId: string | null;
  procedure: string;
  status: string;
  summary: string;
  body: string;
};

/** The outbox in IndexedDB, read directly. */
export async function outboxItems(page: Page): Promise<StoredOutboxItem[]> {
  return page.evaluate(
    () =>
      new Promise<StoredOutboxItem[]>((resolve, reject) => {
        const open = indexedDB.open("selfcare-pwa");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("outbox")) return resolve([]);
          const all = db.transaction("outbox").objectStore("outbox").getAll();
          all.onsuccess = () => {
            resolve(all.result as StoredOutboxItem[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Puts an item back into the outbox, as a replay after a crash or a second sync would find it. */
export async function restoreOutboxItem(page: Page, item: StoredOutboxItem) {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("selfcare-pwa");
        open.onsuccess = () => {
          const tx = open.result.transaction("outbox", "readwrite");
          tx.objectStore("outbox").put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { ...item, status: "PENDING" },
  );
}

/** Asks the service worker to send what waits (what the app does on `online` and at start). */
export async function flushOutbox(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.controller?.postMessage({ type: "FLUSH_OUTBOX" }));
}
