import path from "node:path";
import PDFDocument from "pdfkit";
import { translatorFor } from "../../i18n/translator";

const FONT_DIR = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

export type ContractData = {
  locale: "ru" | "en";
  orderId: string;
  signedAt: Date;
  operator: {
    legalName: string;
    inn?: string;
    kpp?: string;
    ogrn?: string;
    address?: string;
    licence?: string;
    supportPhone?: string;
    website?: string;
  };
  subscriber: {
    fullName: string;
    birthDate: Date | null;
    documentNumber: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    accountNumber: string;
  };
  /** A MOBILE line has a number; home internet has a service identifier and an installation address. */
  line: {
    msisdn: string | null;
    serviceId: string | null;
    installationAddress: string | null;
    tariffName: string;
    monthlyFeeCents: number;
    currency: string;
    minutes: number | null;
    sms: number | null;
    dataMb: number | null;
    minTermMonths: number;
  };
  depositCents: number;
  creditLimitCents: number;
  billingDay: number;
  dealer: { partnerName: string; partnerCode: string; employeeName: string };
  activationUrl: string;
};

function money(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2 }).format(cents / 100);
}

function date(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Moscow" }).format(value);
}

function phone(msisdn: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(msisdn);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : msisdn;
}

/** The contract a dealer prints for the subscriber to sign, in Russian or English (DejaVu covers Cyrillic). */
export function renderContractPdf(data: ContractData): Promise<Buffer> {
  const t = translatorFor(data.locale, "contractPdf");
  const locale = data.locale === "ru" ? "ru-RU" : "en-GB";
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    font: REGULAR,
    info: { Title: `${t("title")} ${t("number")} ${data.subscriber.accountNumber}`, Author: data.operator.legalName },
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const heading = (text: string) => {
    doc.moveDown(0.8).font("bold").fontSize(11).fillColor("#1e1b4b").text(text).moveDown(0.2);
    doc.font("regular").fontSize(10).fillColor("#0f172a");
  };
  const row = (label: string, value: string | null | undefined) => {
    if (!value) return;
    doc.font("regular").fillColor("#475569").text(`${label}: `, { continued: true }).fillColor("#0f172a").text(value);
  };

  const unlimitedOr = (value: number | null, unit: string, scale = 1) =>
    value === null
      ? `${t("unlimited")}`
      : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value / scale)} ${unit}`;

  doc.font("bold").fontSize(15).text(t("title"), { align: "center" });
  doc
    .font("regular")
    .fontSize(11)
    .text(`${t("number")} ${data.subscriber.accountNumber}-${data.orderId.slice(-6).toUpperCase()}`, {
      align: "center",
    });
  doc
    .moveDown(0.4)
    .fontSize(10)
    .text(`${t("date")}: ${date(data.signedAt, locale)}`, { align: "right" });

  heading(t("operator"));
  doc.text(data.operator.legalName);
  row(
    t("inn"),
    [
      data.operator.inn,
      data.operator.kpp && `${t("kpp")} ${data.operator.kpp}`,
      data.operator.ogrn && `${t("ogrn")} ${data.operator.ogrn}`,
    ]
      .filter(Boolean)
      .join(", "),
  );
  if (data.operator.address) doc.text(data.operator.address);
  if (data.operator.licence) doc.fillColor("#475569").text(data.operator.licence).fillColor("#0f172a");

  heading(t("subscriber"));
  row(t("fullName"), data.subscriber.fullName);
  row(
    t("birthDate"),
    data.subscriber.birthDate
      ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(data.subscriber.birthDate)
      : null,
  );
  row(t("passport"), data.subscriber.documentNumber);
  row(t("address"), data.subscriber.address);
  row(t("contactPhone"), data.subscriber.phone ? phone(data.subscriber.phone) : null);
  row(t("email"), data.subscriber.email);
  row(t("account"), data.subscriber.accountNumber);

  heading(t("service"));
  if (data.line.msisdn) {
    row(t("msisdn"), phone(data.line.msisdn));
  } else {
    row(t("homeInternet"), t("homeInternetName"));
    row(t("serviceId"), data.line.serviceId);
    row(t("installationAddress"), data.line.installationAddress);
  }
  row(t("tariff"), data.line.tariffName);
  row(t("fee"), money(data.line.monthlyFeeCents, data.line.currency, locale));
  row(
    t("allowance"),
    data.line.msisdn
      ? [
          unlimitedOr(data.line.minutes, t("minutes")),
          unlimitedOr(data.line.sms, t("sms")),
          unlimitedOr(data.line.dataMb, t("gb"), 1024),
        ].join(", ")
      : unlimitedOr(data.line.dataMb, t("gb"), 1024),
  );
  row(t("minTerm"), data.line.minTermMonths > 0 ? `${data.line.minTermMonths} ${t("months")}` : t("none"));

  heading(t("money"));
  row(t("deposit"), money(data.depositCents, data.line.currency, locale));
  row(t("creditLimit"), money(data.creditLimitCents, data.line.currency, locale));
  row(t("billingDay"), t("billingDayValue", { day: data.billingDay }));

  heading(t("dealer"));
  doc.text(`${data.dealer.partnerName} (${data.dealer.partnerCode}), ${data.dealer.employeeName}`);

  heading(t("activation"));
  doc.text(t("activationText", { url: data.activationUrl }));
  if (data.operator.supportPhone)
    row(t("support"), [data.operator.supportPhone, data.operator.website].filter(Boolean).join(", "));

  doc.moveDown(1).fillColor("#475569").fontSize(9).text(t("terms")).fillColor("#0f172a").fontSize(10);

  doc.moveDown(2);
  const y = doc.y;
  const half = (doc.page.width - 100) / 2;
  doc.text(`${t("signSubscriber")}`, 50, y, { width: half - 20 });
  doc.text("_______________________", 50, y + 28, { width: half - 20 });
  doc.text(data.subscriber.fullName, 50, y + 44, { width: half - 20 });
  doc.text(`${t("signOperator")}`, 50 + half, y, { width: half });
  doc.text("_______________________", 50 + half, y + 28, { width: half });
  doc.text(data.dealer.employeeName, 50 + half, y + 44, { width: half });

  doc.end();
  return done;
}
