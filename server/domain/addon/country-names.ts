const ru = new Intl.DisplayNames(["ru"], { type: "region", fallback: "none" });
const en = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** A country's name in Russian and English by its ISO 3166-1 alpha-2 code; null for an unknown code. */
export function countryNames(code: string): { ru: string; en: string } | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  let nameRu: string | undefined;
  let nameEn: string | undefined;
  try {
    nameRu = ru.of(code);
    nameEn = en.of(code);
  } catch {
    return null;
  }
  // Unassigned codes come back undefined, or as the code itself on some ICU builds.
  if (!nameRu || !nameEn || nameEn === code || nameEn === "Unknown Region") return null;
  return { ru: nameRu, en: nameEn };
}
