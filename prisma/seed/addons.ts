import { seedSql, type BulkWriter } from "./bulk-insert";
import { addMonths, type SeedClock } from "./time";

export type RoamingZoneDef = {
  id: string;
  name: string;
  nameEn: string;
  /** ISO 3166-1 alpha-2. */
  countries: string[];
  /** Pay-as-you-go prices without a pass, in kopecks. */
  mbCents: number;
  minuteCents: number;
  smsCents: number;
};

export type AddonDef = {
  id: string;
  kind: "DATA" | "MINUTES" | "ROAMING";
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  priceCents: number;
  dataMb: number | null;
  minutes: number | null;
  validityDays: number;
  zoneId: string | null;
  /** Empty means every mobile tariff. */
  eligibleTariffIds: string[];
  renewal: "ONE_OFF" | "MONTHLY";
  status: "ACTIVE" | "RETIRED";
};

const GB = 1024;

export const ROAMING_ZONES: readonly RoamingZoneDef[] = [
  {
    id: "zone_europe",
    name: "Европа",
    nameEn: "Europe",
    countries: ["AT", "BE", "CZ", "DE", "ES", "FI", "FR", "GB", "GR", "HU", "IT", "NL", "NO", "PL", "PT", "RS", "SE"],
    mbCents: 30_000,
    minuteCents: 9_900,
    smsCents: 1_900,
  },
  {
    id: "zone_cis_turkey",
    name: "СНГ и Турция",
    nameEn: "CIS and Turkey",
    countries: ["AM", "AZ", "BY", "GE", "KG", "KZ", "TJ", "TR", "UZ"],
    mbCents: 15_000,
    minuteCents: 4_900,
    smsCents: 1_500,
  },
  {
    id: "zone_world",
    name: "Остальной мир",
    nameEn: "Rest of the world",
    countries: ["AE", "CN", "EG", "ID", "IN", "JP", "TH", "US", "VN"],
    mbCents: 50_000,
    minuteCents: 19_900,
    smsCents: 2_900,
  },
];

/** Tariffs with a data allowance to top up (not the unlimited ones). */
const WITH_DATA_LIMIT = ["trf_classic", "trf_start", "trf_family", "trf_smart", "trf_loyal", "trf_smart_plus"];

function pass(
  zone: RoamingZoneDef,
  slug: string,
  days: number,
  dataMb: number,
  minutes: number,
  priceCents: number,
): AddonDef {
  const period = { 1: ["1 день", "1 day"], 7: ["7 дней", "7 days"], 30: ["30 дней", "30 days"] }[days] ?? [
    `${days} дн.`,
    `${days} days`,
  ];
  return {
    id: `add_roam_${slug}_${days}d`,
    kind: "ROAMING",
    name: `Роуминг: ${zone.name}, ${period[0]}`,
    nameEn: `Roaming: ${zone.nameEn}, ${period[1]}`,
    description: `${dataMb / GB} ГБ и ${minutes} минут в зоне «${zone.name}».`,
    descriptionEn: `${dataMb / GB} GB and ${minutes} minutes in the ${zone.nameEn} zone.`,
    priceCents,
    dataMb,
    minutes,
    validityDays: days,
    zoneId: zone.id,
    eligibleTariffIds: [],
    renewal: "ONE_OFF",
    status: "ACTIVE",
  };
}

const [europe, cis, world] = ROAMING_ZONES as [RoamingZoneDef, RoamingZoneDef, RoamingZoneDef];

export const ADDONS: readonly AddonDef[] = [
  {
    id: "add_data_1gb",
    kind: "DATA",
    name: "Интернет 1 ГБ",
    nameEn: "Data 1 GB",
    description: "1 ГБ мобильного интернета на 7 дней.",
    descriptionEn: "1 GB of mobile data for 7 days.",
    priceCents: 9_900,
    dataMb: GB,
    minutes: null,
    validityDays: 7,
    zoneId: null,
    eligibleTariffIds: WITH_DATA_LIMIT,
    renewal: "ONE_OFF",
    status: "ACTIVE",
  },
  {
    id: "add_data_5gb",
    kind: "DATA",
    name: "Интернет 5 ГБ",
    nameEn: "Data 5 GB",
    description: "5 ГБ мобильного интернета на 30 дней.",
    descriptionEn: "5 GB of mobile data for 30 days.",
    priceCents: 29_900,
    dataMb: 5 * GB,
    minutes: null,
    validityDays: 30,
    zoneId: null,
    eligibleTariffIds: WITH_DATA_LIMIT,
    renewal: "MONTHLY",
    status: "ACTIVE",
  },
  {
    id: "add_data_20gb",
    kind: "DATA",
    name: "Интернет 20 ГБ",
    nameEn: "Data 20 GB",
    description: "20 ГБ мобильного интернета на 30 дней.",
    descriptionEn: "20 GB of mobile data for 30 days.",
    priceCents: 59_900,
    dataMb: 20 * GB,
    minutes: null,
    validityDays: 30,
    zoneId: null,
    eligibleTariffIds: WITH_DATA_LIMIT,
    renewal: "MONTHLY",
    status: "ACTIVE",
  },
  {
    id: "add_minutes_300",
    kind: "MINUTES",
    name: "300 минут",
    nameEn: "300 minutes",
    description: "300 минут звонков по России на 30 дней.",
    descriptionEn: "300 minutes of calls within Russia for 30 days.",
    priceCents: 19_900,
    dataMb: null,
    minutes: 300,
    validityDays: 30,
    zoneId: null,
    eligibleTariffIds: [],
    renewal: "MONTHLY",
    status: "ACTIVE",
  },
  pass(europe, "europe", 1, 1 * GB, 30, 49_900),
  pass(europe, "europe", 7, 3 * GB, 100, 149_900),
  pass(europe, "europe", 30, 10 * GB, 300, 349_900),
  pass(cis, "cis", 1, 1 * GB, 30, 29_900),
  pass(cis, "cis", 7, 5 * GB, 100, 89_900),
  pass(cis, "cis", 30, 15 * GB, 300, 199_900),
  pass(world, "world", 1, 500, 20, 79_900),
  pass(world, "world", 7, 2 * GB, 60, 249_900),
  pass(world, "world", 30, 5 * GB, 200, 599_900),
];

export function insertAddons(writer: BulkWriter, clock: SeedClock): void {
  const createdAt = addMonths(clock.monthStart, -6);
  ROAMING_ZONES.forEach((zone, index) =>
    writer.run(
      seedSql.insertInto("RoamingZone").values({
        id: zone.id,
        name: zone.name,
        nameEn: zone.nameEn,
        countries: zone.countries,
        mbCents: zone.mbCents,
        minuteCents: zone.minuteCents,
        smsCents: zone.smsCents,
        sortOrder: index,
        createdAt,
        updatedAt: createdAt,
      }),
      "RoamingZone",
    ),
  );
  ADDONS.forEach((addon, index) =>
    writer.run(
      seedSql.insertInto("Addon").values({
        id: addon.id,
        kind: addon.kind,
        name: addon.name,
        nameEn: addon.nameEn,
        description: addon.description,
        descriptionEn: addon.descriptionEn,
        priceCents: addon.priceCents,
        currency: "RUB",
        dataMb: addon.dataMb,
        minutes: addon.minutes,
        validityDays: addon.validityDays,
        zoneId: addon.zoneId,
        eligibleTariffIds: addon.eligibleTariffIds,
        renewal: addon.renewal,
        status: addon.status,
        sortOrder: index,
        createdAt,
        updatedAt: createdAt,
      }),
      "Addon",
    ),
  );
}
