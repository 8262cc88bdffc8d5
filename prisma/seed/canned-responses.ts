import { seedSql, type BulkWriter } from "./bulk-insert";

type Canned = { code: string; ru: { title: string; body: string }; en: { title: string; body: string } };

/** Agent reply templates; placeholders are filled from the customer's data when used. */
export const CANNED_RESPONSES: readonly Canned[] = [
  {
    code: "GREETING",
    ru: {
      title: "Приветствие",
      body: "Здравствуйте, {firstName}! Я занимаюсь вашей заявкой №{requestNumber} по номеру {msisdn}. Уже разбираюсь и скоро вернусь с ответом.",
    },
    en: {
      title: "Greeting",
      body: "Hello {firstName}, I am handling your request #{requestNumber} about {msisdn}. I am looking into it and will be back shortly.",
    },
  },
  {
    code: "BILL_EXPLAINED",
    ru: {
      title: "Разъяснение счёта",
      body: "{firstName}, проверили начисления по лицевому счёту {accountNumber}. Разница в сумме связана с услугами сверх пакета по номеру {msisdn}. Подробная детализация доступна в разделе «Счета».",
    },
    en: {
      title: "Bill explained",
      body: '{firstName}, we checked the charges on account {accountNumber}. The difference comes from out-of-bundle usage on {msisdn}. The detailed breakdown is under "Bills".',
    },
  },
  {
    code: "CREDIT_ISSUED",
    ru: {
      title: "Корректировка выполнена",
      body: "{firstName}, по заявке №{requestNumber} выполнена корректировка: сумма вернётся строкой со знаком минус в ближайшем счёте по лицевому счёту {accountNumber}.",
    },
    en: {
      title: "Credit issued",
      body: "{firstName}, we issued a credit for request #{requestNumber}: it will appear as a minus line on the next bill of account {accountNumber}.",
    },
  },
  {
    code: "OUTAGE",
    ru: {
      title: "Авария в районе",
      body: "{firstName}, в вашем районе ведутся аварийные работы, из-за них возможны перебои связи на номере {msisdn}. Приносим извинения — за время перерыва начислим компенсацию.",
    },
    en: {
      title: "Outage in the area",
      body: "{firstName}, there is an outage in your area and service on {msisdn} may be interrupted. We apologise — you will be compensated for the downtime.",
    },
  },
  {
    code: "NEED_DETAILS",
    ru: {
      title: "Запрос уточнений",
      body: "{firstName}, чтобы решить вопрос по заявке №{requestNumber}, уточните, пожалуйста, дату и время, когда возникла проблема, и модель устройства.",
    },
    en: {
      title: "Need more details",
      body: "{firstName}, to resolve request #{requestNumber}, please tell us the date and time the problem happened and your device model.",
    },
  },
  {
    code: "RESOLVED_FOLLOWUP",
    ru: {
      title: "Заявка решена",
      body: "{firstName}, заявка №{requestNumber} решена. Если вопрос останется, просто ответьте в этой заявке — она откроется снова. Спасибо, что вы с нами!",
    },
    en: {
      title: "Resolved",
      body: "{firstName}, request #{requestNumber} is resolved. If anything remains, just reply to this request and it will reopen. Thank you for being with us!",
    },
  },
  {
    code: "RETENTION_OFFER",
    ru: {
      title: "Предложение при расторжении",
      body: "{firstName}, жаль, что вы хотите уйти. Для лицевого счёта {accountNumber} можем предложить скидку 30% на абонентскую плату на 6 месяцев. Хотите оформить?",
    },
    en: {
      title: "Retention offer",
      body: "{firstName}, we are sorry you want to leave. For account {accountNumber} we can offer 30% off the monthly fee for 6 months. Shall we apply it?",
    },
  },
];

export function insertCannedResponses(writer: BulkWriter): void {
  for (const canned of CANNED_RESPONSES) {
    for (const locale of ["ru", "en"] as const) {
      writer.run(
        seedSql.insertInto("CannedResponse").values({
          id: `cnr_${canned.code.toLowerCase()}_${locale}`,
          code: canned.code,
          locale,
          title: canned[locale].title,
          body: canned[locale].body,
        }),
        "CannedResponse",
      );
    }
  }
}
