import { createFormControl, type FieldErrors } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { fieldErrorAt, placeServerErrors } from "./form-errors";

type Values = {
  amount: string;
  reason: string;
  partnerId?: string;
  customer: { lastName: string; birthDate: string };
  rules: { minAge: number }[];
};

function newForm() {
  return createFormControl<Values>({
    defaultValues: {
      amount: "",
      reason: "",
      partnerId: undefined,
      customer: { lastName: "", birthDate: "" },
      rules: [{ minAge: 18 }],
    },
  });
}

/** A TRPCClientError as the browser gets it: `data` shaped by the server's errorFormatter. */
const badRequest = (fields: Record<string, string>) => ({
  message: "Invalid input",
  data: { code: "BAD_REQUEST", httpStatus: 400, fields },
});

describe("placeServerErrors", () => {
  it("puts each field the form has under its name, as a server error", () => {
    const form = newForm();
    const failure = placeServerErrors(
      form,
      badRequest({ reason: "Give a reason", "customer.birthDate": "Too young", "rules.0.minAge": "Too small" }),
    );
    expect(form.getFieldState("reason").error).toMatchObject({ type: "server", message: "Give a reason" });
    expect(form.getFieldState("customer.birthDate").error).toMatchObject({ type: "server", message: "Too young" });
    expect(form.getFieldState("rules.0.minAge").error).toMatchObject({ type: "server", message: "Too small" });
    expect(failure).toMatchObject({ code: "BAD_REQUEST", placed: ["reason", "customer.birthDate", "rules.0.minAge"] });
    expect(failure.unplaced).toEqual({});
    expect(form.getFieldState("root.server" as "reason").error).toBeUndefined();
  });

  it("knows a field whose value is still undefined", () => {
    const form = newForm();
    placeServerErrors(form, badRequest({ partnerId: "Choose a partner" }));
    expect(form.getFieldState("partnerId").error?.message).toBe("Choose a partner");
  });

  it("renames server fields the form calls otherwise", () => {
    const form = newForm();
    const failure = placeServerErrors(form, badRequest({ amountCents: "Too large" }), {
      fieldNames: { amountCents: "amount" },
    });
    expect(form.getFieldState("amount").error).toMatchObject({ type: "server", message: "Too large" });
    expect(failure.placed).toEqual(["amount"]);
  });

  it("reads the fields of an input the form's values are one field of", () => {
    const form = newForm();
    const failure = placeServerErrors(
      form,
      badRequest({ "policy.rules.0.minAge": "Too small", policy: "Nothing changed", baseUpdatedAt: "Stale" }),
      { within: "policy" },
    );
    expect(form.getFieldState("rules.0.minAge").error?.message).toBe("Too small");
    expect(failure.placed).toEqual(["rules.0.minAge"]);
    expect(failure.unplaced).toEqual({ policy: "Nothing changed", baseUpdatedAt: "Stale" });
  });

  it("shows the fields the form does not have as one form-level error", () => {
    const form = newForm();
    const failure = placeServerErrors(
      form,
      badRequest({ idempotencyKey: "At least 8 characters", policy: "Nothing changed", amount: "Too large" }),
    );
    expect(failure.unplaced).toEqual({ idempotencyKey: "At least 8 characters", policy: "Nothing changed" });
    expect(form.getFieldState("root.server" as "reason").error).toMatchObject({
      type: "server",
      message: "At least 8 characters Nothing changed",
    });
    expect(form.getFieldState("amount").error?.message).toBe("Too large");
  });

  it("leaves the form alone when the failure names no fields", () => {
    const form = newForm();
    const failure = placeServerErrors(form, {
      message: "Already exists",
      data: { code: "CONFLICT", httpStatus: 409 },
    });
    expect(failure).toMatchObject({ code: "CONFLICT", message: "Already exists", placed: [], unplaced: {} });
    expect(form.getFieldState("reason").error).toBeUndefined();
    expect(placeServerErrors(form, new Error("Failed to fetch"))).toMatchObject({ code: null, placed: [] });
  });
});

describe("fieldErrorAt", () => {
  const errors = {
    customer: { lastName: { type: "too_small", message: "Required" } },
    rules: Object.assign([{ minAge: { type: "too_small", message: "At least 14" } }], {
      root: { type: "custom", message: "No rule for age 30" },
    }),
  } as unknown as FieldErrors<Values>;

  it("finds an error by its dotted path, or an array's own error", () => {
    expect(fieldErrorAt(errors, "customer.lastName")?.message).toBe("Required");
    expect(fieldErrorAt(errors, "rules.0.minAge")?.message).toBe("At least 14");
    expect(fieldErrorAt(errors, "rules")?.message).toBe("No rule for age 30");
    expect(fieldErrorAt(errors, "customer.birthDate")).toBeUndefined();
  });
});
