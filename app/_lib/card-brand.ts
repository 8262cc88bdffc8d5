const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", mir: "Мир" };

/** A saved card's brand as people write it ("visa" -> "Visa"); an unknown brand as the provider gave it. */
export function cardBrandName(brand: string): string {
  return BRANDS[brand] ?? brand;
}
