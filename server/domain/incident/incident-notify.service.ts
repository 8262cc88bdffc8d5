import "server-only";
import type { Database } from "../../db/client";
import { localeOrDefault } from "../../i18n/locales";
import { translatorFor } from "../../i18n/translator";
import { OPERATOR_TIME_ZONE } from "../billing/adjustment-rules";
import { notifyMany } from "../notification/notify.service";
import { queueSmsInTransaction } from "../sms/sms.service";
import type { IncidentService } from "./incident.schema";

const BATCH = 2_000;

function formatTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: OPERATOR_TIME_ZONE,
  }).format(date);
}

type UpdateToTell = {
  kind: string;
  messageRu: string;
  messageEn: string;
  etaAt: Date | null;
  startedAt: Date;
  services: IncidentService[];
};

/** An incident update in one language: a title and a body (the push, the in-app row and the SMS). */
export function incidentNoticeText(update: UpdateToTell, language: string) {
  const locale = localeOrDefault(language);
  const t = translatorFor(locale, "notifications");
  const services = update.services.map((service) => t("incidentService", { service })).join(", ");
  const message = locale === "en" ? update.messageEn : update.messageRu;
  const eta = update.etaAt ? formatTime(update.etaAt, locale) : "";
  const hasEta = update.etaAt ? "yes" : "no";
  if (update.kind === "RESOLVED") {
    return { title: t("incidentResolvedTitle", { services }), body: t("incidentResolvedBody", { message }) };
  }
  if (update.kind === "UPDATED") {
    return { title: t("incidentUpdatedTitle", { services }), body: t("incidentUpdatedBody", { hasEta, eta, message }) };
  }
  return {
    title: t("incidentDeclaredTitle", { services }),
    body: t("incidentDeclaredBody", { since: formatTime(update.startedAt, locale), hasEta, eta, message }),
  };
}

type Recipient = { userId: string; locale: string; phone: string | null };

/**
 * Tells the people an incident update concerns (the `incident:notify` job): when it is declared,
 * every subscriber with an affected line learns of it in the app and by push before they write;
 * later updates and the resolution go to those who asked to be notified (push and SMS) and to the
 * authors of the requests attached to it (in the app and by push). One transaction per batch of
 * recipients; the job's key makes it run once per update.
 */
export async function notifyIncidentUpdate(db: Database, incidentId: string, updateId: string) {
  const update = await db.incidentUpdate.findUnique({
    where: { id: updateId },
    include: { incident: { select: { id: true, startedAt: true, services: true } } },
  });
  if (!update || update.incidentId !== incidentId) return { notified: 0, texted: 0 };
  const toTell: UpdateToTell = { ...update, startedAt: update.incident.startedAt, services: update.incident.services };

  const recipients = new Map<string, Recipient & { sms: boolean }>();
  if (update.kind === "DECLARED") {
    const logins = await db.$kysely
      .selectFrom("IncidentLine as il")
      .innerJoin("User as u", "u.customerId", "il.customerId")
      .select(["u.id as userId", "u.locale", "u.phone"])
      .where("il.incidentId", "=", incidentId)
      .distinct()
      .execute();
    for (const login of logins) recipients.set(login.userId, { ...login, sms: false });
  } else {
    const [subscribers, authors] = await Promise.all([
      db.incidentSubscription.findMany({
        where: { incidentId },
        select: { user: { select: { id: true, locale: true, phone: true } } },
      }),
      db.serviceRequest.findMany({
        where: { incidentId },
        select: { createdBy: { select: { id: true, locale: true, phone: true } } },
        distinct: ["createdById"],
      }),
    ]);
    for (const { createdBy } of authors)
      recipients.set(createdBy.id, {
        userId: createdBy.id,
        locale: createdBy.locale,
        phone: createdBy.phone,
        sms: false,
      });
    for (const { user } of subscribers)
      recipients.set(user.id, { userId: user.id, locale: user.locale, phone: user.phone, sms: true });
  }

  // The notice depends only on the language: written once per language, not once per recipient.
  const notices = new Map<string, { title: string; body: string; sms: string }>();
  const noticeIn = (language: string) => {
    const locale = localeOrDefault(language);
    if (!notices.has(locale)) {
      const text = incidentNoticeText(toTell, locale);
      notices.set(locale, { ...text, sms: translatorFor(locale, "notifications")("incidentSms", text) });
    }
    return notices.get(locale)!;
  };
  const all = [...recipients.values()];
  let texted = 0;
  for (let start = 0; start < all.length; start += BATCH) {
    const batch = all.slice(start, start + BATCH);
    await db.$transaction(
      async (tx) => {
        await notifyMany(
          tx,
          batch.map((recipient) => ({
            userId: recipient.userId,
            kind: "INCIDENT" as const,
            title: noticeIn(recipient.locale).title,
            body: noticeIn(recipient.locale).body,
            url: "/dashboard",
          })),
        );
        for (const recipient of batch) {
          if (!recipient.sms || !recipient.phone) continue;
          await queueSmsInTransaction(tx, {
            to: recipient.phone,
            text: noticeIn(recipient.locale).sms,
            isSecret: false,
          });
          texted++;
        }
      },
      { timeout: 120_000 },
    );
  }
  return { notified: all.length, texted };
}
