import { localeOrDefault, type AppLocale } from "../../i18n/locales";
import { translatorFor, type ServerTranslator } from "../../i18n/translator";

/**
 * Bill lines are stored in Russian, the language of the operator's documents (the bill run and the
 * demo history write the same phrases, messages/ru/server.json `billLines`). A subscriber reading
 * in another language gets each known phrase in theirs, with the tariff's name in it; free text
 * (an agent's adjustment reason) stays as written.
 */
export const BILL_LINES_LOCALE: AppLocale = "ru";

type Rule = {
  pattern: RegExp;
  render: (match: RegExpExecArray, t: ServerTranslator<"billLines">, tariff: (name: string) => string) => string;
};

const RULES: Rule[] = [
  {
    pattern: /^Абонентская плата за неполный месяц, тариф «(.+?)», (\d+) из (\d+) дн\.$/,
    render: (m, t, tariff) => t("partialFee", { tariff: tariff(m[1]!), days: m[2]!, cycleDays: m[3]! }),
  },
  { pattern: /^Абонентская плата, тариф «(.+?)»$/, render: (m, t, tariff) => t("fee", { tariff: tariff(m[1]!) }) },
  {
    pattern: /^Перерасчёт: тариф «(.+?)» с (\d{2}\.\d{2}), (\d+) дн\.$/,
    render: (m, t, tariff) => t("credit", { tariff: tariff(m[1]!), since: m[2]!, days: m[3]! }),
  },
  {
    pattern: /^Тариф «(.+?)» с (\d{2}\.\d{2}), (\d+) дн\.$/,
    render: (m, t, tariff) => t("charge", { tariff: tariff(m[1]!), since: m[2]!, days: m[3]! }),
  },
  { pattern: /^Звонки сверх пакета: (\d+) мин$/, render: (m, t) => t("minutes", { minutes: m[1]! }) },
  { pattern: /^SMS сверх пакета: (\d+) шт\.$/, render: (m, t) => t("sms", { sms: m[1]! }) },
  { pattern: /^Мобильный интернет сверх пакета: (\d+) × 100 МБ$/, render: (m, t) => t("data", { blocks: m[1]! }) },
  { pattern: /^НДС (\d+(?:[.,]\d+)?)%$/, render: (m, t) => t("tax", { percent: Number(m[1]!.replace(",", ".")) }) },
  {
    pattern: /^Пакет «(.+?)», куплен (\d{2}\.\d{2})$/,
    render: (m, t, name) => t("addon", { addon: name(m[1]!), day: m[2]! }),
  },
  {
    pattern: /^Роуминг, зона «(.+?)»: (\d+) МБ, (\d+) мин, (\d+) SMS$/,
    render: (m, t, name) => t("roaming", { zone: name(m[1]!), dataMb: m[2]!, minutes: m[3]!, sms: m[4]! }),
  },
  {
    pattern: /^Роуминг вне зон: (\d+) МБ, (\d+) мин, (\d+) SMS$/,
    render: (m, t) => t("roamingNoZone", { dataMb: m[1]!, minutes: m[2]!, sms: m[3]! }),
  },
  {
    pattern: /^Добровольная приостановка номера: (\d+) дн\. с (\d{2}\.\d{2})$/,
    render: (m, t) => t("suspension", { days: m[1]!, since: m[2]! }),
  },
  {
    pattern: /^Компенсация за аварию №(\d+): (\d+) ч (\d+) мин без связи \((\d{2}\.\d{2})\)$/,
    render: (m, t) => t("outageCredit", { number: m[1]!, hours: m[2]!, minutes: m[3]!, day: m[4]! }),
  },
  { pattern: /^Замена SIM-карты$/, render: (_m, t) => t("simReplacement") },
  { pattern: /^Детализация счёта на бумаге$/, render: (_m, t) => t("paperBill") },
];

/** The line's description in `locale`; `tariffNames` maps Russian tariff (and add-on) names to English ones. */
export function localizeBillLine(
  description: string,
  locale: string,
  tariffNames: ReadonlyMap<string, string>,
): string {
  const target = localeOrDefault(locale);
  if (target === BILL_LINES_LOCALE) return description;
  const t = translatorFor(target, "billLines");
  const home = ` (${translatorFor(BILL_LINES_LOCALE, "billLines")("homeInternet")})`;
  let text = description;
  let suffix = "";
  if (text.endsWith(home)) {
    text = text.slice(0, -home.length);
    suffix = ` (${t("homeInternet")})`;
  } else {
    const phone = /( \(\+7 \d{3} \d{3}-\d{2}-\d{2}\))$/.exec(text);
    if (phone) {
      text = text.slice(0, -phone[1]!.length);
      suffix = phone[1]!;
    }
  }
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match) return rule.render(match, t, (name) => tariffNames.get(name) ?? name) + suffix;
  }
  return description;
}
