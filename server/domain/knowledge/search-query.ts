/** At most this many words of what the subscriber typed take part in the search. */
export const MAX_SEARCH_WORDS = 12;
const MAX_WORD_LENGTH = 40;

/** Words of free text: letters and digits only, so nothing typed can be tsquery syntax. */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .filter((word) => word.length >= 2)
    .slice(0, MAX_SEARCH_WORDS)
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
}

/**
 * A `to_tsquery` source that matches any of the words, the last one as a prefix: while the
 * subscriber is still typing it ("тариф" of "тарифы"), articles already match. Returns null when
 * there is nothing to search for. Ranking (ts_rank) rewards the articles that match more words.
 */
export function buildPrefixQuery(text: string): string | null {
  const words = searchWords(text);
  if (!words.length) return null;
  const isTyping = !/[\s\p{P}]$/u.test(text);
  return words.map((word, i) => (i === words.length - 1 && isTyping ? `${word}:*` : word)).join(" | ");
}

/** The PostgreSQL text search configuration of an article's language. */
export function searchConfigFor(locale: string): "russian" | "english" {
  return locale === "ru" ? "russian" : "english";
}
