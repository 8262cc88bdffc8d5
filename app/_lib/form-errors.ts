"use client";

import { useCallback } from "react";
import { get, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { readTRPCError, type TRPCFailure } from "./trpc-error";

/** A field error as the pages read it: the resolver's issue code or "server", and its message. */
export type FieldIssue = { type?: string | number; message?: string };

/** The form-level error the server's leftover field errors go to (`formState.errors.root.server`). */
export const SERVER_ROOT = "root.server";

/**
 * The error at a dotted path ("rules.0.minAge") of react-hook-form's errors. An array or object
 * field checked as a whole (a refine on "rules") keeps its own error under `root`.
 */
export function fieldErrorAt<TValues extends FieldValues>(
  errors: FieldErrors<TValues>,
  path: string,
): FieldIssue | undefined {
  const issue = get(errors, path) as (FieldIssue & { root?: FieldIssue }) | undefined;
  return issue?.message ? issue : issue?.root;
}

export type ServerErrorsOptions<TValues extends FieldValues> = {
  /** Server fields the form calls otherwise, e.g. `{ amountCents: "amount" }`. */
  fieldNames?: Partial<Record<string, Path<TValues>>>;
  /**
   * The input field whose value the form edits, e.g. "config" for `save({ config, baseVersion })`:
   * the server's "config.valueWeights" is the form's "valueWeights".
   */
  within?: string;
};

export type PlacedFailure<TValues extends FieldValues> = TRPCFailure & {
  /** The form's fields now showing a server error. */
  placed: Path<TValues>[];
  /** The server's field errors this form has no field for; also shown at `errors.root.server`. */
  unplaced: Record<string, string>;
};

type FormLike<TValues extends FieldValues> = Pick<UseFormReturn<TValues>, "setError" | "getValues">;

function hasPath(values: unknown, path: string): boolean {
  let node = values;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Puts a failed call's field errors onto the form: `setError(field, { type: "server", message })`
 * for each field the form has (the first one gets the focus), and the others together as the
 * form-level error `root.server`. Returns the failure, for messages chosen by its code.
 */
export function placeServerErrors<TValues extends FieldValues>(
  form: FormLike<TValues>,
  error: unknown,
  options: ServerErrorsOptions<TValues> = {},
): PlacedFailure<TValues> {
  const failure = readTRPCError(error);
  const values = form.getValues();
  const placed: Path<TValues>[] = [];
  const unplaced: Record<string, string> = {};
  const prefix = options.within ? `${options.within}.` : "";
  for (const [field, message] of Object.entries(failure.fields)) {
    const local = field.startsWith(prefix) ? field.slice(prefix.length) : null;
    const name =
      options.fieldNames?.[field] ?? (local && hasPath(values, local) ? (local as Path<TValues>) : undefined);
    if (!name) {
      unplaced[field] = message;
      continue;
    }
    form.setError(name, { type: "server", message }, { shouldFocus: placed.length === 0 });
    placed.push(name);
  }
  const leftovers = [...new Set(Object.values(unplaced))];
  if (leftovers.length) form.setError(SERVER_ROOT, { type: "server", message: leftovers.join(" ") });
  return { ...failure, placed, unplaced };
}

/** `placeServerErrors` bound to one form, for its submit handler or the mutation's `onError`. */
export function useServerErrors<TValues extends FieldValues>(
  form: FormLike<TValues>,
  options: ServerErrorsOptions<TValues> = {},
): (error: unknown) => PlacedFailure<TValues> {
  const { setError, getValues } = form;
  const { fieldNames, within } = options;
  return useCallback(
    (error: unknown) => placeServerErrors({ setError, getValues }, error, { fieldNames, within }),
    [setError, getValues, fieldNames, within],
  );
}
