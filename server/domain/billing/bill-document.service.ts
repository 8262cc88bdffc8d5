import "server-only";
import type { Channel } from "@prisma/client";
import type { Database } from "../../db/client";
import { isLocale, localeOrDefault } from "../../i18n/locales";
import { translatorFor } from "../../i18n/translator";
import { recordInteraction } from "../interaction/record-interaction.service";
import { renderBillPdf } from "./bill-pdf.service";
import { localizeBillLine } from "./bill-line-text";
import { getBillOrThrow, getTariffNames, groupBillLines } from "./bill.service";
import { getOperatorDetails } from "./settings.service";

function formatMsisdn(msisdn: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(msisdn);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : msisdn;
}

/**
 * The bill as a PDF for its owner (a foreign bill is NOT_FOUND), in the requested language or the
 * customer's; the download is an interaction on the caller's channel.
 */
export async function getBillPdf(
  db: Database,
  input: { billId: string; customerId: string; actorId: string; channel: Channel; locale?: string },
) {
  const found = await getBillOrThrow(db, input);
  const operator = await getOperatorDetails(db);
  const locale = isLocale(input.locale) ? input.locale : localeOrDefault(found.customer.locale);
  const t = translatorFor(locale, "billPdf");
  const names = await getTariffNames(db);
  const bill = {
    ...found,
    lines: found.lines.map((line) => ({ ...line, description: localizeBillLine(line.description, locale, names) })),
  };
  const groups = groupBillLines(bill).map((group) => ({
    title: group.msisdn
      ? formatMsisdn(group.msisdn)
      : group.serviceKind === "HOME_INTERNET"
        ? `${t("groupHomeInternet")}${group.address ? `, ${group.address}` : ""}`
        : t("groupAccount"),
    totalCents: group.totalCents,
    items: group.kinds.flatMap((kind) =>
      kind.items.map((item) => ({ description: item.description, amountCents: item.amountCents })),
    ),
  }));
  const taxLine = bill.lines.find((line) => line.kind === "TAX");
  const customer = bill.customer;
  const pdf = await renderBillPdf(
    {
      number: bill.number,
      periodStart: bill.periodStart,
      periodEnd: bill.periodEnd,
      issuedAt: bill.issuedAt,
      dueAt: bill.dueAt,
      subtotalCents: bill.subtotalCents,
      taxCents: bill.taxCents,
      totalCents: bill.totalCents,
      paidCents: bill.paidCents,
      currency: bill.currency,
      status: bill.status,
      accountNumber: customer.accountNumber,
      customerName: [customer.lastName, customer.firstName, customer.middleName].filter(Boolean).join(" "),
      customerAddress: customer.address,
      groups,
      taxLabel: taxLine?.description ?? t("vat"),
    },
    operator,
    locale,
  );
  await recordInteraction(db, {
    customerId: input.customerId,
    channel: input.channel,
    type: "BILL_PDF_DOWNLOADED",
    actorId: input.actorId,
    data: { billId: bill.id, locale },
  });
  return { filename: `bill-${bill.number}.pdf`, contentType: "application/pdf", contentBase64: pdf.toString("base64") };
}
