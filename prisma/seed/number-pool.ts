import { RowBuffer, type BulkWriter } from "./bulk-insert";
import { NUMBER_POOL } from "./tables";

export const POOL_SIZE = 3000;

/** "Beautiful" numbers that dealers sell at a premium: a tail of one repeated digit, or of two digits only. */
export function isNiceNumber(msisdn: string): boolean {
  const tail = msisdn.slice(-7);
  if (/(\d)\1{3}$/.test(tail)) return true;
  return new Set(tail).size <= 2;
}

/** Free numbers +7999xxxxxxx: 90 hand-picked nice ones and a scramble of the rest. */
export function poolNumbers(): string[] {
  const numbers = new Set<string>();
  for (let a = 1; a <= 9; a++) for (let b = 0; b <= 9; b++) numbers.add(`+7999${a}${a}${a}${b}${b}${b}${b}`);
  for (let k = 0; numbers.size < POOL_SIZE; k++) {
    // 7 digits; 3 967 is coprime with 10^7, so the scramble is injective.
    numbers.add(`+7999${String((k * 3_967 + 1_234_567) % 10_000_000).padStart(7, "0")}`);
  }
  return [...numbers].sort();
}

export function insertNumberPool(writer: BulkWriter): void {
  const pool = new RowBuffer(NUMBER_POOL);
  for (const msisdn of poolNumbers()) pool.add({ msisdn, status: "FREE", isNice: isNiceNumber(msisdn) });
  writer.write(pool);
}
