/**
 * Bill lines are stored in Russian, the language of the operator's documents (the bill run and the
 * demo history write the same phrases). A subscriber reading in English gets each known phrase
 * translated, with the tariff's English name; free text (an agent's adjustment reason) stays as written.
 */

type Rule = { pattern: RegExp; render: (match: RegExpExecArray, tariff: (name: string) => string) => string };

const HOME = " (домашний интернет)";

const RULES: Rule[] = [
  {
    pattern: /^Абонентская плата за неполный месяц, тариф «(.+?)», (\d+) из (\d+) дн\.$/,
    render: (m, tariff) => `Monthly fee for part of the month, ${tariff(m[1]!)} tariff, ${m[2]} of ${m[3]} days`,
  },
  { pattern: /^Абонентская плата, тариф «(.+?)»$/, render: (m, tariff) => `Monthly fee, ${tariff(m[1]!)} tariff` },
  {
    pattern: /^Перерасчёт: тариф «(.+?)» с (\d{2}\.\d{2}), (\d+) дн\.$/,
    render: (m, tariff) => `Refund: ${tariff(m[1]!)} tariff from ${m[2]}, ${m[3]} days`,
  },
  {
    pattern: /^Тариф «(.+?)» с (\d{2}\.\d{2}), (\d+) дн\.$/,
    render: (m, tariff) => `${tariff(m[1]!)} tariff from ${m[2]}, ${m[3]} days`,
  },
  { pattern: /^Звонки сверх пакета: (\d+) мин$/, render: (m) => `Calls above the allowance: ${m[1]} min` },
  { pattern: /^SMS сверх пакета: (\d+) шт\.$/, render: (m) => `Texts above the allowance: ${m[1]}` },
  {
    pattern: /^Мобильный интернет сверх пакета: (\d+) × 100 МБ$/,
    render: (m) => `Mobile data above the allowance: ${m[1]} × 100 MB`,
  },
  { pattern: /^НДС (\d+(?:[.,]\d+)?)%$/, render: (m) => `VAT ${m[1]!.replace(",", ".")}%` },
  { pattern: /^Замена SIM-карты$/, render: () => "SIM card replacement" },
  { pattern: /^Детализация счёта на бумаге$/, render: () => "Itemised bill on paper" },
];

/** The line's description in `locale`; `tariffNames` maps Russian tariff names to English ones. */
export function localizeBillLine(
  description: string,
  locale: string,
  tariffNames: ReadonlyMap<string, string>,
): string {
  if (locale !== "en") return description;
  let text = description;
  let suffix = "";
  if (text.endsWith(HOME)) {
    text = text.slice(0, -HOME.length);
    suffix = " (home internet)";
  } else {
    const phone = /( \(\+7 \d{3} \d{3}-\d{2}-\d{2}\))$/.exec(text);
    if (phone) {
      text = text.slice(0, -phone[1]!.length);
      suffix = phone[1]!;
    }
  }
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match) return rule.render(match, (name) => tariffNames.get(name) ?? name) + suffix;
  }
  return description;
}
