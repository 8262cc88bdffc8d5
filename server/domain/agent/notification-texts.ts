import { translatorFor } from "../../i18n/translator";

/**
 * Texts of the notifications the console sends, in the recipient's language (a subscriber's
 * or agent's `User.locale`; Russian unless it is a known locale): messages/<locale>/server.json.
 */
export function notificationTexts(locale: string | null | undefined) {
  const t = translatorFor(locale, "notifications");
  return {
    replyTitle: (number: number) => t("requestReplyTitle", { number }),
    resolvedTitle: (number: number) => t("requestResolvedTitle", { number }),
    resolvedBody: (note: string) => t("requestResolvedBody", { note }),
    transferTitle: (number: number) => t("requestTransferredTitle", { number }),
  };
}

/** A notification body: the first words of a message, on one line. */
export function excerpt(text: string, max = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
