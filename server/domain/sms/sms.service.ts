import "server-only";
import type { Database, Transaction } from "../../db/client";
import { log } from "../../log";
import { badRequest } from "../errors";
import { normalizePhone } from "../identity/identifier";
import { enqueueJob } from "../job-queue/enqueue.service";
import { createHttpSmsSender, SmsProviderError } from "./http-sms-sender";
import type { ListSmsInput } from "./sms.schema";
import { isOutboxRequested, outboxSender, readHttpSmsConfig, type SmsSender } from "./sms-sender";

/** Set by the demo seed (prisma/seed/staff.ts): a demo database may use the outbox. */
const DEMO_DATA_SETTING = "demoData";
const PAGE = 50;

/** What a supervisor sees of a secret text that went to a real phone: its digits hidden. */
function maskSecret(text: string): string {
  return text.replace(/\d/g, "•");
}

/**
 * The adapter for this process: the HTTP provider when SMS_PROVIDER_URL is set; else the
 * development outbox, if SMS_OUTBOX=1 or the database holds the demo data; else none, and every
 * message fails (loudly, in the log) rather than vanishing.
 */
export async function resolveSmsSender(
  db: Pick<Database, "setting">,
  env: Record<string, string | undefined> = process.env,
): Promise<SmsSender | null> {
  const http = readHttpSmsConfig(env);
  if (http) return createHttpSmsSender(http);
  if (isOutboxRequested(env)) return outboxSender;
  const demo = await db.setting.findUnique({ where: { key: DEMO_DATA_SETTING }, select: { key: true } });
  return demo ? outboxSender : null;
}

type SmsMessageInput = { to: string; text: string; isSecret: boolean };

/**
 * Queues a text: a row with status QUEUED and an `sms:send` job, in one transaction, so a
 * message is never queued without its job. `isSecret`: the text carries a one-time code, which
 * is never logged and not kept once a provider took it.
 */
export async function queueSms(db: Database, message: SmsMessageInput) {
  return db.$transaction(async (tx) => queueSmsInTransaction(tx, message));
}

/**
 * Queues a text in the caller's transaction: the row and its `sms:send` job commit (or roll back)
 * with the change that decided to send it, so a crash between the two cannot lose the text.
 */
export async function queueSmsInTransaction(tx: Transaction, message: SmsMessageInput) {
  const row = await tx.smsMessage.create({
    data: { to: message.to, body: message.text, isSecret: message.isSecret },
    select: { id: true },
  });
  await enqueueJob(tx, "sms:send", { messageId: row.id }, { jobKey: `sms:${row.id}`, maxAttempts: 3 });
  return row;
}

export type SmsDelivery = { status: "SENT" | "FAILED" | "SKIPPED"; via?: string };

/**
 * The `sms:send` job: hands one queued message to the adapter and records the outcome (SENT or
 * FAILED; the HTTP adapter has retried by then). A message that is no longer QUEUED is left
 * alone, so a repeated job sends nothing twice.
 */
export async function deliverSms(
  db: Database,
  messageId: string,
  options: { sender?: SmsSender | null; now?: Date } = {},
): Promise<SmsDelivery> {
  const message = await db.smsMessage.findUnique({ where: { id: messageId } });
  if (!message || message.status !== "QUEUED") return { status: "SKIPPED" };
  const sender = options.sender !== undefined ? options.sender : await resolveSmsSender(db);
  const keptBody = (via: string | null) =>
    message.isSecret && via !== "OUTBOX" ? maskSecret(message.body) : message.body;

  if (!sender) {
    log.error(
      { messageId },
      "SMS not sent: no provider is configured (set SMS_PROVIDER_URL, or SMS_OUTBOX=1 for the development outbox)",
    );
    await db.smsMessage.updateMany({
      where: { id: messageId, status: "QUEUED" },
      data: { status: "FAILED", error: "No SMS provider is configured", body: keptBody(null) },
    });
    return { status: "FAILED" };
  }
  try {
    await sender.send({ to: message.to, text: message.body });
  } catch (error) {
    const reason = error instanceof SmsProviderError ? error.message : "unexpected error";
    // Only the id and the reason: the text may be a code, the number is personal data.
    log.warn({ messageId, via: sender.via, reason }, "SMS not sent");
    await db.smsMessage.updateMany({
      where: { id: messageId, status: "QUEUED" },
      data: {
        status: "FAILED",
        via: sender.via,
        error: reason,
        attempts: { increment: 1 },
        body: keptBody(sender.via),
      },
    });
    return { status: "FAILED", via: sender.via };
  }
  await db.smsMessage.updateMany({
    where: { id: messageId, status: "QUEUED" },
    data: {
      status: "SENT",
      via: sender.via,
      sentAt: options.now ?? new Date(),
      attempts: { increment: 1 },
      body: keptBody(sender.via),
    },
  });
  log.info({ messageId, via: sender.via }, "SMS sent");
  return { status: "SENT", via: sender.via };
}

/** The messages sent, newest first, for the supervisor (the development outbox is here). */
export async function listSms(db: Database, input: ListSmsInput = {}) {
  let to: string | undefined;
  if (input?.to) {
    const phone = normalizePhone(input.to);
    if (!phone) throw badRequest("to", "Enter a phone number");
    to = phone;
  }
  const take = input?.limit ?? PAGE;
  const rows = await db.smsMessage.findMany({
    where: to ? { to } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(input?.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      to: true,
      body: true,
      isSecret: true,
      status: true,
      via: true,
      error: true,
      createdAt: true,
      sentAt: true,
    },
  });
  const items = rows.slice(0, take).map(({ isSecret, ...row }) => ({
    ...row,
    // A secret still waiting for a real provider is not shown in full either.
    body: isSecret && row.via !== "OUTBOX" ? maskSecret(row.body) : row.body,
  }));
  return { items, nextCursor: rows.length > take ? items[items.length - 1]!.id : null };
}
