"use client";

import { useTranslations } from "next-intl";
import { Controller, useWatch, type Control, type FieldPath } from "react-hook-form";
import type { Registration, RegistrationFormInput } from "@/server/domain/partner/partner.schema";
import { FormField } from "../../_components/form-field";
import { PhoneInput } from "../../_components/masked-input";

type InstallationFieldsProps = {
  control: Control<RegistrationFormInput, unknown, Registration>;
  errorOf: (name: FieldPath<RegistrationFormInput>) => string | undefined;
};

/**
 * Home internet: where to install (empty means the registration address) and the contact phone
 * the subscriber will sign in with (there is no new number to sign in with).
 */
export function InstallationFields({ control, errorOf }: InstallationFieldsProps) {
  const t = useTranslations("partner.register");
  const registrationAddress = useWatch({ control, name: "customer.address" });
  return (
    <div className="grid gap-4">
      <Controller
        control={control}
        name="contactPhone"
        render={({ field }) => (
          <FormField
            id="loginPhone"
            label={t("fields.loginPhone")}
            hint={t("hints.loginPhone")}
            error={errorOf("contactPhone")}
            isRequired
          >
            {(props) => <PhoneInput {...props} field={field} />}
          </FormField>
        )}
      />
      <Controller
        control={control}
        name="installationAddress"
        render={({ field }) => (
          <FormField
            id="installationAddress"
            label={t("fields.installationAddress")}
            hint={t("hints.installationAddress")}
            optionalText={t("sameAsRegistration")}
            error={errorOf("installationAddress")}
          >
            {(props) => (
              <input
                {...props}
                {...field}
                value={field.value ?? ""}
                placeholder={registrationAddress || undefined}
                autoComplete="off"
              />
            )}
          </FormField>
        )}
      />
    </div>
  );
}
