import { seedSql, type BulkWriter } from "./bulk-insert";
import { addMonths, type SeedClock } from "./time";

export type SegmentName = "PLATINUM" | "GOLD" | "SILVER" | "BRONZE";
export type ServiceKind = "MOBILE" | "HOME_INTERNET";

export type TariffDef = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  kind: ServiceKind;
  monthlyFeeCents: number;
  /** Allowances per cycle; null is unlimited. */
  minutes: number | null;
  sms: number | null;
  dataMb: number | null;
  minuteCents: number;
  smsCents: number;
  /** Per started 100 MB. */
  dataBlockCents: number;
  openToSegments: SegmentName[];
  soldToNewCustomers: boolean;
  minTermMonths: number;
  status: "ACTIVE" | "RETIRED";
  /** Months before the current one the tariff was launched. */
  launchedMonthsAgo: number;
};

const GB = 1024;

export const TARIFFS = {
  classic: {
    id: "trf_classic",
    code: "CLASSIC",
    name: "Классический",
    nameEn: "Classic",
    description:
      "Архивный тариф: 300 минут, 100 SMS и 3 ГБ в месяц. Не подключается, действует для тех, кто уже на нём.",
    descriptionEn:
      "Archived plan: 300 minutes, 100 texts and 3 GB a month. No longer available; existing subscribers keep it.",
    kind: "MOBILE",
    monthlyFeeCents: 29_000,
    minutes: 300,
    sms: 100,
    dataMb: 3 * GB,
    minuteCents: 300,
    smsCents: 250,
    dataBlockCents: 2_000,
    openToSegments: [],
    soldToNewCustomers: false,
    minTermMonths: 0,
    status: "RETIRED",
    launchedMonthsAgo: 130,
  },
  start: {
    id: "trf_start",
    code: "START",
    name: "Старт",
    nameEn: "Start",
    description: "Самый доступный тариф: 200 минут, 50 SMS и 5 ГБ интернета в месяц.",
    descriptionEn: "Our most affordable plan: 200 minutes, 50 texts and 5 GB of data a month.",
    kind: "MOBILE",
    monthlyFeeCents: 35_000,
    minutes: 200,
    sms: 50,
    dataMb: 5 * GB,
    minuteCents: 250,
    smsCents: 200,
    dataBlockCents: 1_500,
    openToSegments: [],
    soldToNewCustomers: true,
    minTermMonths: 0,
    status: "ACTIVE",
    launchedMonthsAgo: 60,
  },
  family: {
    id: "trf_family",
    code: "FAMILY",
    name: "Семейный",
    nameEn: "Family",
    description: "Для дополнительных номеров в семье: 400 минут, 100 SMS и 10 ГБ. Звонки внутри сети без ограничений.",
    descriptionEn: "For extra numbers in the family: 400 minutes, 100 texts and 10 GB. Unlimited on-net calls.",
    kind: "MOBILE",
    monthlyFeeCents: 45_000,
    minutes: 400,
    sms: 100,
    dataMb: 10 * GB,
    minuteCents: 200,
    smsCents: 200,
    dataBlockCents: 1_200,
    openToSegments: [],
    soldToNewCustomers: true,
    minTermMonths: 0,
    status: "ACTIVE",
    launchedMonthsAgo: 84,
  },
  smart: {
    id: "trf_smart",
    code: "SMART",
    name: "Смарт",
    nameEn: "Smart",
    description: "500 минут, 100 SMS и 15 ГБ интернета. Мессенджеры не расходуют трафик.",
    descriptionEn: "500 minutes, 100 texts and 15 GB of data. Messengers do not count against your data.",
    kind: "MOBILE",
    monthlyFeeCents: 55_000,
    minutes: 500,
    sms: 100,
    dataMb: 15 * GB,
    minuteCents: 200,
    smsCents: 200,
    dataBlockCents: 1_200,
    openToSegments: [],
    soldToNewCustomers: true,
    minTermMonths: 0,
    status: "ACTIVE",
    launchedMonthsAgo: 96,
  },
  loyal: {
    id: "trf_loyal",
    code: "LOYAL",
    name: "Свой",
    nameEn: "Loyal",
    description:
      "Тариф для тех, кто с нами давно: 1000 минут, 300 SMS и 40 ГБ. Переход только для действующих абонентов.",
    descriptionEn: "For long-standing subscribers: 1000 minutes, 300 texts and 40 GB. Existing subscribers only.",
    kind: "MOBILE",
    monthlyFeeCents: 65_000,
    minutes: 1_000,
    sms: 300,
    dataMb: 40 * GB,
    minuteCents: 150,
    smsCents: 150,
    dataBlockCents: 800,
    openToSegments: ["PLATINUM", "GOLD", "SILVER"],
    soldToNewCustomers: false,
    minTermMonths: 0,
    status: "ACTIVE",
    launchedMonthsAgo: 30,
  },
  smartPlus: {
    id: "trf_smart_plus",
    code: "SMART_PLUS",
    name: "Смарт Плюс",
    nameEn: "Smart Plus",
    description: "800 минут, 300 SMS и 30 ГБ интернета, раздача интернета на другие устройства включена.",
    descriptionEn: "800 minutes, 300 texts and 30 GB of data, tethering included.",
    kind: "MOBILE",
    monthlyFeeCents: 75_000,
    minutes: 800,
    sms: 300,
    dataMb: 30 * GB,
    minuteCents: 200,
    smsCents: 150,
    dataBlockCents: 1_000,
    openToSegments: [],
    soldToNewCustomers: true,
    minTermMonths: 0,
    status: "ACTIVE",
    launchedMonthsAgo: 72,
  },
  unlimited: {
    id: "trf_unlimited",
    code: "UNLIMITED",
    name: "Безлимит",
    nameEn: "Unlimited",
    description: "Безлимитный мобильный интернет, 1500 минут и 500 SMS. Минимальный срок — 3 месяца.",
    descriptionEn: "Unlimited mobile data, 1500 minutes and 500 texts. Minimum term 3 months.",
    kind: "MOBILE",
    monthlyFeeCents: 110_000,
    minutes: 1_500,
    sms: 500,
    dataMb: null,
    minuteCents: 150,
    smsCents: 150,
    dataBlockCents: 0,
    openToSegments: [],
    soldToNewCustomers: true,
    minTermMonths: 3,
    status: "ACTIVE",
    launchedMonthsAgo: 48,
  },
  premium: {
    id: "trf_premium",
    code: "PREMIUM",
    name: "Премиум",
    nameEn: "Premium",
    description:
      "Безлимитные звонки, SMS и интернет, роуминг 5 ГБ в месяц, персональный менеджер и бизнес-залы аэропортов. Для клиентов категорий Платинум и Золото; минимальный срок — 6 месяцев.",
    descriptionEn:
      "Unlimited calls, texts and data, 5 GB of roaming a month, a personal manager and airport lounges. For Platinum and Gold customers; minimum term 6 months.",
    kind: "MOBILE",
    monthlyFeeCents: 250_000,
    minutes: null,
    sms: null,
    dataMb: null,
    minuteCents: 0,
    smsCents: 0,
    dataBlockCents: 0,
    openToSegments: ["PLATINUM", "GOLD"],
    soldToNewCustomers: true,
    minTermMonths: 6,
    status: "ACTIVE",
    launchedMonthsAgo: 110,
  },
  home100: {
    id: "trf_home_100",
    code: "HOME_100",
    name: "Домашний 100",
    nameEn: "Home 100",
    description: "Домашний интернет до 100 Мбит/с без ограничения трафика, Wi-Fi роутер в аренду за 0 ₽.",
    descriptionEn: "Home internet up to 100 Mbit/s with no data cap, Wi-Fi router rented for free.",
    kind: "HOME_INTERNET",
    monthlyFeeCents: 50_000,
    minutes: 0,
    sms: 0,
    dataMb: null,
    minuteCents: 0,
    smsCents: 0,
    dataBlockCents: 0,
    openToSegments: [],
    soldToNewCustomers: true,
    minTermMonths: 0,
    status: "ACTIVE",
    launchedMonthsAgo: 120,
  },
  home500: {
    id: "trf_home_500",
    code: "HOME_500",
    name: "Домашний 500",
    nameEn: "Home 500",
    description: "Домашний интернет до 500 Мбит/с без ограничения трафика, двухдиапазонный Wi-Fi 6 роутер.",
    descriptionEn: "Home internet up to 500 Mbit/s with no data cap, dual-band Wi-Fi 6 router.",
    kind: "HOME_INTERNET",
    monthlyFeeCents: 80_000,
    minutes: 0,
    sms: 0,
    dataMb: null,
    minuteCents: 0,
    smsCents: 0,
    dataBlockCents: 0,
    openToSegments: [],
    soldToNewCustomers: true,
    minTermMonths: 0,
    status: "ACTIVE",
    launchedMonthsAgo: 66,
  },
  homeGiga: {
    id: "trf_home_giga",
    code: "HOME_GIGA",
    name: "Домашний Гига",
    nameEn: "Home Giga",
    description:
      "Домашний интернет до 1 Гбит/с, Wi-Fi 6 Mesh-система и статический IP-адрес. Минимальный срок — 12 месяцев.",
    descriptionEn:
      "Home internet up to 1 Gbit/s, a Wi-Fi 6 mesh system and a static IP address. Minimum term 12 months.",
    kind: "HOME_INTERNET",
    monthlyFeeCents: 120_000,
    minutes: 0,
    sms: 0,
    dataMb: null,
    minuteCents: 0,
    smsCents: 0,
    dataBlockCents: 0,
    openToSegments: [],
    soldToNewCustomers: true,
    minTermMonths: 12,
    status: "ACTIVE",
    launchedMonthsAgo: 40,
  },
} as const satisfies Record<string, TariffDef>;

export const TARIFF_LIST: readonly TariffDef[] = Object.values(TARIFFS);

export function insertTariffs(writer: BulkWriter, clock: SeedClock): void {
  for (const tariff of TARIFF_LIST) {
    const createdAt = addMonths(clock.monthStart, -tariff.launchedMonthsAgo);
    writer.run(
      seedSql.insertInto("Tariff").values({
        id: tariff.id,
        code: tariff.code,
        name: tariff.name,
        nameEn: tariff.nameEn,
        description: tariff.description,
        descriptionEn: tariff.descriptionEn,
        kind: tariff.kind,
        monthlyFeeCents: tariff.monthlyFeeCents,
        currency: "RUB",
        minutes: tariff.minutes,
        sms: tariff.sms,
        dataMb: tariff.dataMb,
        minuteCents: tariff.minuteCents,
        smsCents: tariff.smsCents,
        dataBlockCents: tariff.dataBlockCents,
        openToSegments: [...tariff.openToSegments],
        soldToNewCustomers: tariff.soldToNewCustomers,
        minTermMonths: tariff.minTermMonths,
        status: tariff.status,
        createdAt,
        updatedAt: createdAt,
      }),
      "Tariff",
    );
  }
}
