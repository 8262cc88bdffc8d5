import { DEFAULT_BILLING_SETTINGS } from "../../server/domain/billing/bill-math";
import { DEFAULT_CREDIT_POLICY } from "../../server/domain/partner/credit-policy.schema";
import { DEFAULT_ROUTING_POLICY } from "../../server/domain/routing/policy.schema";
import { RowBuffer, seedSql, type BulkWriter } from "./bulk-insert";
import { AUDIT_LOG, USER } from "./tables";
import { addDays, addMonths, type SeedClock } from "./time";

/** A Russian taxpayer number (INN) of a legal entity: nine digits plus the check digit. */
export function legalEntityInn(nineDigits: string): string {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(nineDigits[i]), 0);
  return nineDigits + ((sum % 11) % 10);
}

/** A 13-digit primary state registration number (OGRN) with its check digit. */
function ogrn(twelveDigits: string): string {
  return twelveDigits + Number((BigInt(twelveDigits) % 11n) % 10n);
}

export const PARTNERS = [
  {
    id: "prt_technosvyaz",
    code: "TS-MSK-001",
    name: "ООО «ТехноСвязь» (салоны связи, Москва)",
    inn: legalEntityInn("772845613"),
    dealerId: "usr_dealer1",
    monthsAgo: 40,
  },
  {
    id: "prt_severtelecom",
    code: "ST-SPB-002",
    name: "ООО «Север Телеком Ритейл» (Санкт-Петербург)",
    inn: legalEntityInn("781462390"),
    dealerId: "usr_dealer2",
    monthsAgo: 28,
  },
] as const;

export type StaffUser = {
  id: string;
  role: "AGENT" | "PARTNER" | "ADMIN";
  email: string;
  name: string;
  locale: string;
  partnerId: string | null;
  monthsAgo: number;
};

export const STAFF: readonly StaffUser[] = [
  {
    id: "usr_admin",
    role: "ADMIN",
    email: "admin@selfcare.test",
    name: "Ольга Руденко",
    locale: "ru",
    partnerId: null,
    monthsAgo: 48,
  },
  {
    id: "usr_agent1",
    role: "AGENT",
    email: "agent1@selfcare.test",
    name: "Мария Ковалёва",
    locale: "ru",
    partnerId: null,
    monthsAgo: 46,
  },
  {
    id: "usr_agent2",
    role: "AGENT",
    email: "agent2@selfcare.test",
    name: "Алексей Орлов",
    locale: "en",
    partnerId: null,
    monthsAgo: 40,
  },
  {
    id: "usr_agent3",
    role: "AGENT",
    email: "agent3@selfcare.test",
    name: "Дмитрий Зайцев",
    locale: "ru",
    partnerId: null,
    monthsAgo: 30,
  },
  {
    id: "usr_agent4",
    role: "AGENT",
    email: "agent4@selfcare.test",
    name: "Анна Белова",
    locale: "ru",
    partnerId: null,
    monthsAgo: 22,
  },
  {
    id: "usr_agent5",
    role: "AGENT",
    email: "agent5@selfcare.test",
    name: "Сергей Никитин",
    locale: "ru",
    partnerId: null,
    monthsAgo: 14,
  },
  {
    id: "usr_agent6",
    role: "AGENT",
    email: "agent6@selfcare.test",
    name: "Екатерина Фролова",
    locale: "ru",
    partnerId: null,
    monthsAgo: 8,
  },
  {
    id: "usr_dealer1",
    role: "PARTNER",
    email: "dealer1@selfcare.test",
    name: "Игорь Лебедев",
    locale: "ru",
    partnerId: PARTNERS[0].id,
    monthsAgo: 40,
  },
  {
    id: "usr_dealer2",
    role: "PARTNER",
    email: "dealer2@selfcare.test",
    name: "Наталья Григорьева",
    locale: "ru",
    partnerId: PARTNERS[1].id,
    monthsAgo: 28,
  },
];

export const ADMIN_ID = "usr_admin";
export const AGENT_IDS = STAFF.filter((user) => user.role === "AGENT").map((user) => user.id);
/** Personal managers of the PLATINUM customers. */
export const MANAGER_IDS = ["usr_agent1", "usr_agent2"] as const;

export const OPERATOR_SETTINGS = {
  legalName: "ООО «Селфкеа Телеком»",
  legalNameEn: "Selfcare Telecom LLC",
  brand: "Selfcare",
  inn: legalEntityInn("770345182"),
  kpp: "770301001",
  ogrn: ogrn("115774612839"),
  address: "123112, г. Москва, Пресненская наб., д. 12, этаж 31, помещение 3",
  addressEn: "Floor 31, Premises 3, 12 Presnenskaya Embankment, Moscow 123112, Russia",
  supportPhone: "8 800 301-45-67",
  supportPhoneE164: "+78003014567",
  supportEmail: "support@selfcare-telecom.ru",
  website: "https://selfcare-telecom.ru",
  bank: {
    name: "ПАО Сбербанк, г. Москва",
    bik: "044525225",
    account: "40702810938000123456",
    correspondentAccount: "30101810400000000225",
  },
  licence: "Лицензия Роскомнадзора № 187462 на оказание услуг подвижной радиотелефонной связи",
};

export function insertStaffAndSettings(writer: BulkWriter, clock: SeedClock, passwordHash: string): void {
  for (const partner of PARTNERS) {
    writer.run(
      seedSql.insertInto("Partner").values({
        id: partner.id,
        code: partner.code,
        name: partner.name,
        inn: partner.inn,
        createdAt: addMonths(clock.monthStart, -partner.monthsAgo),
      }),
      "Partner",
    );
  }

  const users = new RowBuffer(USER);
  for (const user of STAFF) {
    const createdAt = addMonths(clock.monthStart, -user.monthsAgo);
    users.add({ ...user, phone: null, passwordHash, customerId: null, createdAt, updatedAt: createdAt });
  }
  writer.write(users);
  // Every staff member is enrolled with the public demo TOTP secret (README), so anyone can sign in to
  // the demo with an authenticator app. It is public, so nothing is sealed: `isDemo` names it instead.
  writer.run(
    seedSql.insertInto("TotpFactor").values(
      STAFF.map((user) => {
        const enrolledAt = addMonths(clock.monthStart, -user.monthsAgo);
        return { userId: user.id, isDemo: true, confirmedAt: enrolledAt, createdAt: enrolledAt, updatedAt: enrolledAt };
      }),
    ),
    "TotpFactor",
  );

  const policyAt = addMonths(clock.monthStart, -12);
  writer.run(
    seedSql.insertInto("RoutingPolicy").values({
      id: "rpl_v1",
      version: 1,
      config: JSON.stringify(DEFAULT_ROUTING_POLICY),
      note: "Initial policy: default value weights, SLA table and self-service categories.",
      createdById: ADMIN_ID,
      createdAt: policyAt,
    }),
    "RoutingPolicy",
  );
  const audit = new RowBuffer(AUDIT_LOG);
  audit.add({
    id: "aud_policy_v1",
    actorId: ADMIN_ID,
    actorRole: "ADMIN",
    action: "routingPolicy.create",
    entityType: "RoutingPolicy",
    entityId: "rpl_v1",
    before: null,
    after: { version: 1 },
    at: policyAt,
  });
  writer.write(audit);

  const settings: [string, unknown][] = [
    ["billing", DEFAULT_BILLING_SETTINGS],
    ["operator", OPERATOR_SETTINGS],
    // Dealers' credit checks (editable by supervisors at /admin/credit).
    ["creditPolicy", DEFAULT_CREDIT_POLICY],
    // Marks a demo database: text messages then go to the development outbox unless a provider is set.
    ["demoData", true],
  ];
  for (const [key, value] of settings) {
    writer.run(
      seedSql.insertInto("Setting").values({ key, value: JSON.stringify(value), updatedAt: addDays(policyAt, 1) }),
      "Setting",
    );
  }
}
