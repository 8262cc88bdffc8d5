import type { FromWorkerMessage, ToWorkerMessage } from "./sw-protocol";

export function hasServiceWorker(): boolean {
  return typeof navigator !== "undefined" && "serviceWorker" in navigator;
}

/** The worker that will handle this message: the page's controller, or the active one once ready. */
async function activeWorker(timeoutMs: number): Promise<ServiceWorker | null> {
  if (!hasServiceWorker()) return null;
  if (navigator.serviceWorker.controller) return navigator.serviceWorker.controller;
  const ready = navigator.serviceWorker.ready.then((registration) => registration.active);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  return Promise.race([ready, timeout]);
}

export async function postToWorker(message: ToWorkerMessage, timeoutMs = 10_000): Promise<void> {
  (await activeWorker(timeoutMs))?.postMessage(message);
}

/** A question to the worker with a reply over a MessageChannel; null if there is no answer in time. */
export async function askWorker<T>(message: ToWorkerMessage, timeoutMs = 2_000): Promise<T | null> {
  const worker = await activeWorker(timeoutMs);
  if (!worker) return null;
  return new Promise<T | null>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), timeoutMs);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data as T);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

export function onWorkerMessage(handler: (message: FromWorkerMessage) => void): () => void {
  if (!hasServiceWorker()) return () => undefined;
  const listener = (event: MessageEvent) => handler(event.data as FromWorkerMessage);
  navigator.serviceWorker.addEventListener("message", listener);
  return () => navigator.serviceWorker.removeEventListener("message", listener);
}
