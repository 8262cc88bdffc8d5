/// <reference lib="webworker" />
/**
 * The Selfcare service worker. Built by scripts/build-sw.ts (esbuild, then Workbox
 * injectManifest over the Next.js build) into public/sw.js.
 *
 * - precaches the build's static files, the icons and the offline page;
 * - the subscriber's own views (offline-rules.ts) are NetworkFirst, HTML navigations and React
 *   Server Component requests in separate caches, readable offline from what was last loaded;
 *   any other page that fails to load shows the offline page;
 * - request.create / request.addMessage written offline wait in the outbox (outbox.ts);
 * - the caches belong to one user: emptied on sign-in, sign-out and when another user appears;
 * - web push: shows the notification, and a click opens its page.
 */
import type { WorkboxPlugin } from "workbox-core/types";
import { ExpirationPlugin } from "workbox-expiration";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { NetworkFirst, NetworkOnly } from "workbox-strategies";
import { isOfflineReadablePath, isPrefetchRequest, isRscRequest, pageCacheKey } from "../app/_pwa/offline-rules";
import { clearOutbox, getStoredSession, storeSession } from "../app/_pwa/outbox-db";
import {
  CACHED_AT_HEADER,
  isUserCache,
  OUTBOX_PROCEDURES,
  OUTBOX_SYNC_TAG,
  USER_CACHES,
  WARM_AFTER_MS,
  WARM_PATHS,
  type CachedAtReply,
  type ToWorkerMessage,
} from "../app/_pwa/sw-protocol";
import { safeNotificationUrl } from "../server/domain/push/push-message";
import { flushOutbox, submitOrKeep } from "./outbox";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };
declare const __BUILD_ID__: string;

type SyncEvent = ExtendableEvent & { tag: string };

const OFFLINE_PAGE = "/offline.html";
/**
 * A page load (the app starting) that gets no answer this long shows the last copy: a weak signal
 * is worse than none. Client-side navigations and refreshes wait for the server and fall back only
 * when the network fails, so a refresh after a payment never shows the page from before it.
 */
const NAVIGATION_TIMEOUT_SECONDS = 5;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// A new version waits until the page asks for it ("a new version is available — reload").
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      await self.clients.claim();
      await flushOutbox();
    })(),
  );
});

// --- Which page each tab shows from the cache, for the "offline, as of <time>" banner.

/** Changes whenever the user data is cleared: a fetch that started before must not store its answer. */
let userGeneration = 0;

/** clientId → the path it shows from the cache and when that copy was stored. */
const servedFromCache = new Map<string, { path: string; cachedAt: number; hasFresh?: boolean }>();

function clientIdOf(event: ExtendableEvent | undefined): string | undefined {
  const fetchEvent = event as FetchEvent | undefined;
  return fetchEvent?.resultingClientId || fetchEvent?.clientId || undefined;
}

/** Stamps what is stored, and notes what is shown from the cache. */
function pageCachePlugin(kind: "html" | "rsc"): WorkboxPlugin {
  return {
    cacheKeyWillBeUsed: async ({ request }) => pageCacheKey(new URL(request.url), kind),
    requestWillFetch: async ({ request, state }) => {
      if (state) state.generation = userGeneration;
      return request;
    },
    cacheWillUpdate: async ({ response, state }) => {
      // The user signed out (or another signed in) while this was loading: not theirs to keep.
      if (state?.generation !== undefined && state.generation !== userGeneration) return null;
      const type = response.headers.get("content-type") ?? "";
      const isExpectedType = kind === "html" ? type.includes("text/html") : type.includes("text/x-component");
      if (response.status !== 200 || response.redirected || !isExpectedType) return null;
      const headers = new Headers(response.headers);
      headers.set(CACHED_AT_HEADER, String(Date.now()));
      return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
    },
    cachedResponseWillBeUsed: async ({ cachedResponse, event, request, state }) => {
      const clientId = clientIdOf(event);
      if (cachedResponse && clientId) {
        if (state) state.fromCache = true;
        const path = new URL(request.url).pathname;
        const cachedAt = Number(cachedResponse.headers.get(CACHED_AT_HEADER)) || Date.now();
        servedFromCache.set(clientId, { path, cachedAt });
        if (servedFromCache.size > 100) servedFromCache.delete(servedFromCache.keys().next().value!);
        if (kind === "rsc")
          (await self.clients.get(clientId))?.postMessage({ type: "SERVED_FROM_CACHE", path, cachedAt });
      }
      return cachedResponse;
    },
    fetchDidSucceed: async ({ request, response, event, state }) => {
      const clientId = clientIdOf(event);
      if (!clientId || !response.ok) return response;
      if (!state?.fromCache) {
        servedFromCache.delete(clientId);
      } else {
        // The copy was shown because the server was slow; now it answered: the page may refresh.
        const entry = servedFromCache.get(clientId);
        if (entry) entry.hasFresh = true;
        const path = new URL(request.url).pathname;
        (await self.clients.get(clientId))?.postMessage({ type: "FRESH_AVAILABLE", path });
      }
      return response;
    },
  };
}

function pagesStrategy(kind: "html" | "rsc") {
  return new NetworkFirst({
    cacheName: USER_CACHES[kind],
    networkTimeoutSeconds: kind === "html" ? NAVIGATION_TIMEOUT_SECONDS : undefined,
    // Keys are normalised by the plugin; Next.js varies its answers on router headers we drop.
    matchOptions: { ignoreVary: true },
    plugins: [pageCachePlugin(kind), new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * 24 * 60 * 60 })],
  });
}

const isSameOrigin = (url: URL) => url.origin === self.location.origin;

// --- Routes, first match wins.

// Offline submissions.
registerRoute(
  ({ url, request }) =>
    isSameOrigin(url) &&
    request.method === "POST" &&
    (OUTBOX_PROCEDURES as readonly string[]).includes(decodeURIComponent(url.pathname.replace(/^\/api\/trpc\//, ""))),
  ({ request }) => submitOrKeep(request),
  "POST",
);

// Signing in or out: whatever was cached before belongs to the previous session.
registerRoute(
  ({ url }) =>
    isSameOrigin(url) && (url.pathname.startsWith("/api/auth/callback/") || url.pathname === "/api/auth/signout"),
  async ({ request }) => {
    const response = await fetch(request);
    if (response.ok) {
      await clearUserCaches();
      // Who signed in is known when their first page says so; what another user left in the
      // outbox stays with that user (never sent or shown with this session). Sign-out empties it.
      if (new URL(request.url).pathname === "/api/auth/signout") await forgetUser();
      else await storeSession(null);
    }
    return response;
  },
  "POST",
);

// The subscriber's own views, as React Server Component payloads (client-side navigation).
registerRoute(
  ({ url, request }) =>
    isSameOrigin(url) &&
    isRscRequest(url, request.headers) &&
    !isPrefetchRequest(request.headers) &&
    isOfflineReadablePath(url.pathname),
  pagesStrategy("rsc"),
);

// ... and as HTML (a full load, the installed app starting).
registerRoute(
  ({ url, request }) => isSameOrigin(url) && request.mode === "navigate" && isOfflineReadablePath(url.pathname),
  pagesStrategy("html"),
);

// Any other page: the network, or the offline page.
registerRoute(({ request }) => request.mode === "navigate", new NetworkOnly());

setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate") return (await matchPrecache(OFFLINE_PAGE)) ?? Response.error();
  return Response.error();
});

// --- Users and their data.

async function clearUserCaches(): Promise<void> {
  userGeneration++;
  const names = await caches.keys();
  await Promise.all(names.filter(isUserCache).map((name) => caches.delete(name)));
  servedFromCache.clear();
}

async function forgetUser(): Promise<void> {
  await clearOutbox();
  await storeSession(null);
}

/**
 * A page says who is signed in. Another user than before: the pages cached for the previous one
 * go. Their unsent items stay theirs: never shown to or sent as anyone else.
 */
async function adoptSession(session: { userId: string; locale: string }, warmPages: boolean): Promise<void> {
  const previous = await getStoredSession();
  if (previous && previous.userId !== session.userId) await clearUserCaches();
  await storeSession(session);
  await flushOutbox();
  if (warmPages) await warmUserPages(session.userId);
}

/**
 * Fetches the subscriber's main views in the background when their copy is missing or older than
 * WARM_AFTER_MS, so the installed app opens offline on its start page and shortcuts even when the
 * user only ever reached them by client-side navigation.
 */
async function warmUserPages(userId: string): Promise<void> {
  const generation = userGeneration;
  const cache = await caches.open(USER_CACHES.html);
  for (const path of WARM_PATHS) {
    const key = pageCacheKey(new URL(path, self.location.origin), "html");
    const cached = await cache.match(key);
    if (cached && Date.now() - Number(cached.headers.get(CACHED_AT_HEADER)) < WARM_AFTER_MS) continue;
    const response = await fetch(path, {
      credentials: "same-origin",
      redirect: "manual",
      headers: { accept: "text/html" },
    }).catch(() => null);
    if (!response || response.status !== 200 || !(response.headers.get("content-type") ?? "").includes("text/html"))
      continue;
    // Signed out or someone else signed in meanwhile: this page is not theirs to keep.
    if (generation !== userGeneration || (await getStoredSession())?.userId !== userId) return;
    const headers = new Headers(response.headers);
    headers.set(CACHED_AT_HEADER, String(Date.now()));
    await cache.put(
      key,
      new Response(await response.blob(), { status: 200, statusText: response.statusText, headers }),
    );
  }
}

self.addEventListener("message", (event) => {
  const message = event.data as ToWorkerMessage | undefined;
  switch (message?.type) {
    case "SKIP_WAITING":
      void self.skipWaiting();
      return;
    case "SESSION":
      event.waitUntil(adoptSession(message.session, message.warmPages === true));
      return;
    case "SIGNED_OUT":
      event.waitUntil(Promise.all([clearUserCaches(), forgetUser()]));
      return;
    case "FLUSH_OUTBOX":
      event.waitUntil(flushOutbox());
      return;
    case "CACHED_AT": {
      const clientId = (event.source as Client | null)?.id;
      const entry = clientId ? servedFromCache.get(clientId) : undefined;
      const isThisPage = entry?.path === message.path;
      const reply: CachedAtReply = {
        cachedAt: isThisPage ? entry!.cachedAt : null,
        hasFresh: isThisPage && entry!.hasFresh === true,
      };
      event.ports[0]?.postMessage(reply);
      return;
    }
  }
});

self.addEventListener("sync", (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(
    flushOutbox().then((result) => {
      // A rejected sync is retried by the browser with its own back-off.
      if (result.shouldRetry) throw new Error("outbox: network still unavailable");
    }),
  );
});

// --- Web push.

type PushMessage = { id?: string; title?: string; body?: string; url?: string; kind?: string };

self.addEventListener("push", (event) => {
  let message: PushMessage = {};
  try {
    message = (event.data?.json() as PushMessage) ?? {};
  } catch {
    message = { body: event.data?.text() };
  }
  event.waitUntil(
    self.registration.showNotification(message.title || "Selfcare", {
      body: message.body ?? "",
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      tag: message.id,
      data: { url: safeNotificationUrl(message.url), id: message.id, kind: message.kind },
    }),
  );
});

/** Opens the notification's page: in an open window of the app if there is one, else a new one. */
async function openNotificationTarget(notification: Notification): Promise<void> {
  const target = new URL(safeNotificationUrl((notification.data as { url?: string } | null)?.url), self.location.origin)
    .href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    await open.focus().catch(() => undefined);
    const navigated = await open.navigate(target).catch(() => null);
    if (navigated) return;
  }
  await self.clients.openWindow(target);
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const opening = openNotificationTarget(event.notification);
  try {
    event.waitUntil(opening);
  } catch {
    // Only the browser's own (trusted) events may extend the worker's life; the page opens anyway.
  }
});

// The push service rotated the subscription: register the new one for the same user.
self.addEventListener("pushsubscriptionchange", (event) => {
  const change = event as ExtendableEvent & { oldSubscription?: PushSubscription | null };
  change.waitUntil(
    (async () => {
      const key = change.oldSubscription?.options.applicationServerKey;
      if (!key) return;
      const subscription = await self.registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: key,
      });
      await fetch("/api/trpc/push.subscribe", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ json: subscription.toJSON() }),
      });
    })(),
  );
});

console.info(`[sw] Selfcare service worker, build ${__BUILD_ID__}`);
