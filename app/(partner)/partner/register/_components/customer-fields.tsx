"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Controller, type Control, type FieldPath } from "react-hook-form";
import type { Registration, RegistrationFormInput } from "@/server/domain/partner/partner.schema";
import { FormField } from "../../_components/form-field";
import { MaskedInput, PhoneInput, displayToIsoDate, isoToDisplayDate } from "../../_components/masked-input";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <legend id={id} className="float-left w-full text-lg font-semibold">
        {title}
      </legend>
      <div className="clear-both pt-4">{children}</div>
    </fieldset>
  );
}

type CustomerFieldsProps = {
  control: Control<RegistrationFormInput, unknown, Registration>;
  errorOf: (name: FieldPath<RegistrationFormInput>) => string | undefined;
  /** Home internet asks for the contact phone as the login, with the installation; no second phone here. */
  hasPhone?: boolean;
};

/** Identity and contacts: names, birth date and passport with masks, address, phone and e-mail. */
export function CustomerFields({ control, errorOf, hasPhone = true }: CustomerFieldsProps) {
  const t = useTranslations("partner.register");
  const optional = t("optional");
  return (
    <>
      <Section id="customer-legend" title={t("sections.customer")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Controller
            control={control}
            name="customer.lastName"
            render={({ field }) => (
              <FormField id="lastName" label={t("fields.lastName")} error={errorOf("customer.lastName")} isRequired>
                {(props) => (
                  <input {...props} {...field} autoComplete="off" autoCapitalize="words" spellCheck={false} />
                )}
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="customer.firstName"
            render={({ field }) => (
              <FormField id="firstName" label={t("fields.firstName")} error={errorOf("customer.firstName")} isRequired>
                {(props) => (
                  <input {...props} {...field} autoComplete="off" autoCapitalize="words" spellCheck={false} />
                )}
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="customer.middleName"
            render={({ field }) => (
              <FormField
                id="middleName"
                label={t("fields.middleName")}
                optionalText={optional}
                error={errorOf("customer.middleName")}
              >
                {(props) => (
                  <input
                    {...props}
                    {...field}
                    value={field.value ?? ""}
                    autoComplete="off"
                    autoCapitalize="words"
                    spellCheck={false}
                  />
                )}
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="customer.birthDate"
            render={({ field }) => (
              <FormField
                id="birthDate"
                label={t("fields.birthDate")}
                hint={t("hints.birthDate")}
                error={errorOf("customer.birthDate")}
                isRequired
              >
                {(props) => (
                  <MaskedInput
                    {...props}
                    mask="00.00.0000"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder={t("placeholders.birthDate")}
                    value={isoToDisplayDate(field.value)}
                    onChange={(display) => field.onChange(displayToIsoDate(display))}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                  />
                )}
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="customer.documentNumber"
            render={({ field }) => (
              <FormField
                id="documentNumber"
                label={t("fields.documentNumber")}
                hint={t("hints.documentNumber")}
                error={errorOf("customer.documentNumber")}
                isRequired
              >
                {(props) => (
                  <MaskedInput
                    {...props}
                    mask="0000 000000"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="4510 123456"
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                  />
                )}
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="customer.address"
            render={({ field }) => (
              <FormField
                id="address"
                className="sm:col-span-2"
                label={t("fields.address")}
                hint={t("hints.address")}
                error={errorOf("customer.address")}
                isRequired
              >
                {(props) => <input {...props} {...field} autoComplete="off" />}
              </FormField>
            )}
          />
        </div>
      </Section>

      <Section id="contacts-legend" title={t("sections.contacts")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {hasPhone && (
            <Controller
              control={control}
              name="customer.phone"
              render={({ field }) => (
                <FormField
                  id="contactPhone"
                  label={t("fields.phone")}
                  hint={t("hints.phone")}
                  optionalText={optional}
                  error={errorOf("customer.phone")}
                >
                  {(props) => <PhoneInput {...props} field={field} />}
                </FormField>
              )}
            />
          )}
          <Controller
            control={control}
            name="customer.email"
            render={({ field }) => (
              <FormField id="email" label={t("fields.email")} optionalText={optional} error={errorOf("customer.email")}>
                {(props) => (
                  <input
                    {...props}
                    {...field}
                    value={field.value ?? ""}
                    type="email"
                    inputMode="email"
                    autoComplete="off"
                    autoCapitalize="none"
                    spellCheck={false}
                  />
                )}
              </FormField>
            )}
          />
        </div>
      </Section>
    </>
  );
}
