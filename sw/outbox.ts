/// <reference lib="webworker" />
import { deleteOutboxItem, getStoredSession, listOutbox, putOutboxItem } from "../app/_pwa/outbox-db";
import {
  deliveryOutcome,
  errorMessageOf,
  parseOutboxMutation,
  queuedResponseBody,
  resultIdOf,
} from "../app/_pwa/offline-rules";
import { OUTBOX_SYNC_TAG, QUEUED_HEADER, type FromWorkerMessage, type OutboxItem } from "../app/_pwa/sw-protocol";
import en from "../messages/en/pwa.json";
import ru from "../messages/ru/pwa.json";

declare const self: ServiceWorkerGlobalScope;

type SyncManager = { register(tag: string): Promise<void> };

/** A submission with an idempotency key that takes longer than this is kept and replayed instead. */
const SUBMIT_TIMEOUT_MS = 20_000;

export async function broadcast(message: FromWorkerMessage): Promise<void> {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true }))
    client.postMessage(message);
}

/** Asks the browser to wake the worker when the network is back (Background Sync, where there is one). */
async function requestSync(): Promise<void> {
  const sync = (self.registration as ServiceWorkerRegistration & { sync?: SyncManager }).sync;
  await sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}

/** The input without its idempotency key: two offline submits of the same thing are one item. */
function sameSubmission(a: string, b: string): boolean {
  const strip = (body: string) => body.replace(/"idempotencyKey":"[^"]*"/, "");
  return strip(a) === strip(b);
}

/**
 * POST of a mutation the outbox may keep (request.create, request.addMessage). Online it goes
 * straight through. When the network fails, the request is stored in IndexedDB with its
 * idempotency key and the page gets a tRPC error that says it will be sent.
 */
export async function submitOrKeep(request: Request): Promise<Response> {
  const body = await request.clone().text();
  const mutation = parseOutboxMutation(new URL(request.url), body);
  try {
    const timeout = mutation?.idempotencyKey ? AbortSignal.timeout(SUBMIT_TIMEOUT_MS) : undefined;
    return await fetch(request, { signal: timeout });
  } catch (error) {
    if (!mutation) throw error;
    const session = await getStoredSession();
    const pending = await listOutbox();
    const duplicate = pending.find(
      (item) =>
        item.status === "PENDING" &&
        item.procedure === mutation.procedure &&
        item.userId === (session?.userId ?? null) &&
        sameSubmission(item.body, body),
    );
    const item: OutboxItem = duplicate ?? {
      id: mutation.idempotencyKey ?? `local-${crypto.randomUUID()}`,
      userId: session?.userId ?? null,
      procedure: mutation.procedure,
      url: request.url,
      body,
      headers: [...request.headers.entries()],
      summary: mutation.summary,
      requestId: mutation.requestId,
      createdAt: Date.now(),
      status: "PENDING",
      attempts: 0,
    };
    if (!duplicate) await putOutboxItem(item);
    await requestSync();
    await broadcast({ type: "OUTBOX_CHANGED", delivered: [], needsSignIn: false });
    const texts = (session?.locale === "en" ? en : ru).outbox;
    const message = mutation.procedure === "request.create" ? texts.queued : texts.queuedMessage;
    return new Response(
      queuedResponseBody({ procedure: mutation.procedure, isBatch: mutation.isBatch, message, outboxId: item.id }),
      {
        status: 503,
        headers: { "content-type": "application/json", [QUEUED_HEADER]: item.id },
      },
    );
  }
}

export type FlushResult = { delivered: number; shouldRetry: boolean; needsSignIn: boolean };

let flushing: Promise<FlushResult> | undefined;

/** Sends what waits, oldest first, one flush at a time: the idempotency key covers a crash in between. */
export function flushOutbox(): Promise<FlushResult> {
  flushing ??= sendWaiting().finally(() => {
    flushing = undefined;
  });
  return flushing;
}

async function sendWaiting(): Promise<FlushResult> {
  const session = await getStoredSession();
  const result: FlushResult = { delivered: 0, shouldRetry: false, needsSignIn: false };
  const delivered: Extract<FromWorkerMessage, { type: "OUTBOX_CHANGED" }>["delivered"] = [];
  let changed = false;

  for (const item of await listOutbox()) {
    if (item.status === "REJECTED") continue;
    // Written by someone else on this device: never sent with this session.
    if (item.userId && item.userId !== session?.userId) continue;
    let response: Response;
    try {
      response = await fetch(item.url, {
        method: "POST",
        headers: item.headers,
        body: item.body,
        credentials: "same-origin",
        cache: "no-store",
      });
    } catch {
      result.shouldRetry = true; // still offline
      break;
    }
    const isBatch = new URL(item.url).searchParams.get("batch") === "1";
    const json: unknown = await response.json().catch(() => null);
    const outcome = deliveryOutcome(response.status);
    changed = true;
    if (outcome === "DELIVERED") {
      await deleteOutboxItem(item.id);
      delivered.push({
        id: item.id,
        procedure: item.procedure,
        summary: item.summary,
        resultId: resultIdOf(json, isBatch),
      });
      result.delivered++;
      continue;
    }
    if (outcome === "REJECTED") {
      await putOutboxItem({
        ...item,
        status: "REJECTED",
        attempts: item.attempts + 1,
        error: errorMessageOf(json, isBatch),
      });
      continue;
    }
    // The session ended (every other item would be refused too) or the server is struggling: stop here.
    await putOutboxItem({
      ...item,
      status: outcome === "NEEDS_SIGN_IN" ? "NEEDS_SIGN_IN" : "PENDING",
      attempts: item.attempts + 1,
    });
    result.needsSignIn = outcome === "NEEDS_SIGN_IN";
    result.shouldRetry = outcome === "RETRY";
    break;
  }
  if (changed) await broadcast({ type: "OUTBOX_CHANGED", delivered, needsSignIn: result.needsSignIn });
  if (result.shouldRetry) await requestSync();
  return result;
}
