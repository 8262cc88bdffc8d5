/**
 * Texts of the notifications the console sends, in the recipient's language (a subscriber's
 * or agent's `User.locale`; Russian unless it is "en").
 */
type Texts = {
  replyTitle: (number: number) => string;
  resolvedTitle: (number: number) => string;
  resolvedBody: (note: string) => string;
  transferTitle: (number: number) => string;
};

const TEXTS: Record<"ru" | "en", Texts> = {
  ru: {
    replyTitle: (number) => `Ответ по заявке №${number}`,
    resolvedTitle: (number) => `Заявка №${number} решена`,
    resolvedBody: (note) => `Решение: ${note}`,
    transferTitle: (number) => `Вам передана заявка №${number}`,
  },
  en: {
    replyTitle: (number) => `Reply to request #${number}`,
    resolvedTitle: (number) => `Request #${number} is resolved`,
    resolvedBody: (note) => `Resolution: ${note}`,
    transferTitle: (number) => `Request #${number} was handed to you`,
  },
};

export function notificationTexts(locale: string | null | undefined): Texts {
  return locale === "en" ? TEXTS.en : TEXTS.ru;
}

/** A notification body: the first words of a message, on one line. */
export function excerpt(text: string, max = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
