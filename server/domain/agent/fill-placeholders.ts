export type PlaceholderValues = Record<string, string | number | null | undefined>;

/**
 * Fills `{name}` placeholders of a canned response from the customer's data. A placeholder
 * without a value stays as it is and is listed in `missing`, so the agent sees what to complete
 * before sending rather than the customer reading an empty gap.
 */
export function fillPlaceholders(template: string, values: PlaceholderValues): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === null || value === undefined || value === "") {
      missing.add(name);
      return placeholder;
    }
    return String(value);
  });
  return { text, missing: [...missing] };
}

/** "+79001000001" → "+7 900 100-00-01", the way agents read numbers out. */
export function formatMsisdn(msisdn: string | null | undefined): string | null {
  if (!msisdn) return null;
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(msisdn);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : msisdn;
}
