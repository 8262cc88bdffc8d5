import { describe, expect, it } from "vitest";
import { localizeBillLine } from "./bill-line-text";
import { composeBill } from "./compose-bill";

const names = new Map([
  ["Смарт", "Smart"],
  ["Смарт Плюс", "Smart Plus"],
  ["Домашний Гига", "Home Giga"],
  ["Роуминг: Европа, 7 дней", "Roaming: Europe, 7 days"],
  ["Европа", "Europe"],
]);

describe("localizeBillLine", () => {
  it.each([
    ["Абонентская плата, тариф «Смарт Плюс» (+7 900 100-00-11)", "Monthly fee, Smart Plus tariff (+7 900 100-00-11)"],
    ["Абонентская плата, тариф «Домашний Гига» (домашний интернет)", "Monthly fee, Home Giga tariff (home internet)"],
    [
      "Абонентская плата за неполный месяц, тариф «Смарт», 12 из 30 дн.",
      "Monthly fee for part of the month, Smart tariff, 12 of 30 days",
    ],
    ["Перерасчёт: тариф «Смарт» с 11.11, 20 дн.", "Refund: Smart tariff from 11.11, 20 days"],
    [
      "Тариф «Смарт Плюс» с 11.11, 20 дн. (+7 900 100-00-11)",
      "Smart Plus tariff from 11.11, 20 days (+7 900 100-00-11)",
    ],
    ["Звонки сверх пакета: 48 мин", "Calls above the allowance: 48 min"],
    ["SMS сверх пакета: 7 шт.", "Texts above the allowance: 7"],
    ["Мобильный интернет сверх пакета: 9 × 100 МБ", "Mobile data above the allowance: 9 × 100 MB"],
    ["НДС 20%", "VAT 20%"],
    ["Замена SIM-карты", "SIM card replacement"],
    [
      "Компенсация за аварию №12: 3 ч 5 мин без связи (04.12) (+7 900 100-00-11)",
      "Credit for outage #12: 3 h 5 min out of service (04.12) (+7 900 100-00-11)",
    ],
    ["Добровольная приостановка номера: 14 дн. с 05.12", "Voluntary suspension of the line: 14 days from 05.12"],
    ["Роуминг, зона «Европа»: 120 МБ, 3 мин, 1 SMS", "Roaming, Europe zone: 120 MB, 3 min, 1 texts"],
    [
      "Роуминг вне зон: 5 МБ, 0 мин, 0 SMS (+7 900 100-00-11)",
      "Roaming outside the zones: 5 MB, 0 min, 0 texts (+7 900 100-00-11)",
    ],
    ["Пакет «Роуминг: Европа, 7 дней», куплен 03.12", "Add-on: Roaming: Europe, 7 days, bought 03.12"],
    [
      "Пакет «Роуминг: Европа, 7 дней», куплен 03.12 (+7 900 100-00-11)",
      "Add-on: Roaming: Europe, 7 days, bought 03.12 (+7 900 100-00-11)",
    ],
    ["Тариф «Неизвестный» с 01.11, 30 дн.", "Неизвестный tariff from 01.11, 30 days"],
    ["Компенсация за перерыв в обслуживании 12.10", "Компенсация за перерыв в обслуживании 12.10"],
  ])("%s", (ru, en) => {
    expect(localizeBillLine(ru, "en", names)).toBe(en);
    expect(localizeBillLine(ru, "ru", names)).toBe(ru);
  });

  it("translates every phrase the bill run writes", () => {
    const tariff = {
      id: "s",
      code: "S",
      name: "Смарт",
      nameEn: "Smart",
      monthlyFeeCents: 55_000,
      minutes: 10,
      sms: 1,
      dataMb: 100,
      minuteCents: 200,
      smsCents: 200,
      dataBlockCents: 1_200,
    };
    const bill = composeBill({
      period: { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") },
      lines: [
        {
          id: "l",
          msisdn: "+79001000011",
          activatedAt: new Date("2026-11-05T00:00:00Z"),
          currentTariff: tariff,
          changes: [
            {
              effective: "IMMEDIATE",
              effectiveAt: new Date("2026-11-20T00:00:00Z"),
              from: tariff,
              to: tariff,
              creditCents: 1,
              chargeCents: 1,
            },
          ],
          dailyUsage: [{ date: new Date("2026-11-21T00:00:00Z"), minutes: 100, sms: 10, dataMb: 1_000 }],
          roaming: [
            { zoneName: "Европа", minutes: 1, sms: 0, dataMb: 5, cents: 1_600 },
            { zoneName: null, minutes: 0, sms: 1, dataMb: 0, cents: 100 },
          ],
        },
        {
          id: "h",
          msisdn: null,
          activatedAt: new Date("2020-01-01T00:00:00Z"),
          currentTariff: tariff,
          changes: [],
          dailyUsage: [],
        },
      ],
      taxRateBps: 2000,
      locale: "ru",
    });
    expect(bill.items.filter((item) => item.description.startsWith("Роуминг"))).toHaveLength(2);
    for (const item of bill.items) expect(localizeBillLine(item.description, "en", names)).not.toMatch(/[А-Яа-яЁё]/);
  });
});
