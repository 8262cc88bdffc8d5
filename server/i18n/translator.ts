import "server-only";
import { createTranslator } from "next-intl";
import en from "../../messages/en/server.json";
import ru from "../../messages/ru/server.json";
import { log } from "../log";
import { localeOrDefault, type AppLocale } from "./locales";

/**
 * Texts the server writes (bill lines, bill and contract PDFs, notifications, report exports) live
 * in messages/<locale>/server.json, rendered with next-intl's translator and ICU formatting. They
 * are not among the namespaces app/i18n/messages.ts loads, so no page or client bundle carries them.
 */
export type ServerMessages = typeof en;
export type ServerNamespace = keyof ServerMessages;

// A key missing in either language fails the typecheck (server/i18n/translator.test.ts checks both ways).
const catalogues: Record<AppLocale, ServerMessages> = { en, ru: ru satisfies ServerMessages };

function translate<Namespace extends ServerNamespace>(locale: AppLocale, namespace: Namespace) {
  return createTranslator({
    locale,
    messages: catalogues[locale],
    namespace,
    // A missing text or a bad argument shows the key rather than failing a bill run or a notification.
    onError: (error) => log.error({ err: error, locale, namespace }, "server text could not be rendered"),
  });
}

export type ServerTranslator<Namespace extends ServerNamespace> = ReturnType<typeof translate<Namespace>>;

// One translator per language and namespace for the process: each compiles a message once.
const translators = new Map<string, unknown>();

/** The translator of `namespace` in `locale` (any stored or requested value; Russian unless it is a known locale). */
export function translatorFor<Namespace extends ServerNamespace>(
  locale: string | null | undefined,
  namespace: Namespace,
): ServerTranslator<Namespace> {
  const appLocale = localeOrDefault(locale);
  const key = `${appLocale}:${namespace}`;
  let translator = translators.get(key) as ServerTranslator<Namespace> | undefined;
  if (!translator) {
    translator = translate(appLocale, namespace);
    translators.set(key, translator);
  }
  return translator;
}
