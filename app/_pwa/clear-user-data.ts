import { postToWorker } from "./sw-client";
import { isUserCache } from "./sw-protocol";

/** Empties what this device keeps for the signed-in user: cached pages and the outbox. */
export async function clearCachedUserData(): Promise<void> {
  if (typeof caches !== "undefined") {
    const names = await caches.keys();
    await Promise.all(names.filter(isUserCache).map((name) => caches.delete(name)));
  }
  if (typeof indexedDB !== "undefined") {
    const { clearOutbox, storeSession } = await import("./outbox-db");
    await clearOutbox();
    await storeSession(null);
  }
  await postToWorker({ type: "SIGNED_OUT" }, 1_000);
}

/** This device stops receiving the user's notifications (while the session still exists to say so). */
async function forgetPushSubscription(): Promise<void> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager?.getSubscription();
  if (!subscription) return;
  await fetch("/api/trpc/push.unsubscribe", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { endpoint: subscription.endpoint } }),
  }).catch(() => undefined);
  await subscription.unsubscribe().catch(() => false);
}

/**
 * Before sign-out: nothing this user saw or wrote stays on the device for the next one, and
 * their notifications stop coming here. Never throws: signing out must always work.
 */
export async function clearDeviceBeforeSignOut(): Promise<void> {
  await Promise.allSettled([forgetPushSubscription(), clearCachedUserData()]);
}
