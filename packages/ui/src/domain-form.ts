import { useForm, type FormErrors, type UseFormInput, type UseFormReturnType } from '@mantine/form';
import { fieldIssueOf } from '@tsumiki/domain';
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrorText } from './errors';

type Values = Record<string, unknown>;

export type DomainFormOptions<I extends Values, O> = Omit<
  UseFormInput<I, O>,
  'mode' | 'validate' | 'transformValues' | 'validateInputOnBlur' | 'validateInputOnChange' | 'clearInputErrorOnChange' | 'enhanceGetInputProps'
> & { initialValues: I };

export type DomainForm<I extends Values, O> = UseFormReturnType<I, O> & {
  /** The message for `path` in the user's language, once the field has been left or the form submitted. */
  errorText: (path: string) => string | undefined;
};

/** The value at a zod issue's path, to tell a blank field from a wrong one. */
const valueAt = (values: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? Reflect.get(at, key) : undefined), values);

/**
 * The schema's verdict as the form's errors: per field the first issue's catalogue code, never zod's
 * English (a cleared number input is "入力してください。", not "expected number"); the limits the
 * message names go to `params`.
 */
function resolverOf<I extends Values, O>(schema: z.ZodType<O, I>, params: Map<string, Record<string, string | number>>) {
  return (values: I): FormErrors => {
    const result = schema.safeParse(values);
    params.clear();
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const field = fieldIssueOf(issue, { value: valueAt(values, issue.path) });
      if (field.path in errors) continue;
      errors[field.path] = field.code;
      params.set(field.path, field.params);
    }
    return errors;
  };
}

/** An error at `path` concerns a field left when one is the other or holds it ("counts" and "counts.none"). */
const related = (path: string, left: string) => path === left || path.startsWith(`${left}.`) || left.startsWith(`${path}.`);

/**
 * The one form of the apps: @mantine/form checked by the domain's zod schema, the same one the API
 * parses with, so what passes here passes there. A field says what is wrong once it has been left
 * (or the form submitted) and from then on as you type; a field nobody has reached yet stays quiet.
 * Messages are catalogue codes shown in the user's language. Values are only ever what was typed:
 * the submit handler receives the schema's reading of them, and a number field whose text its own
 * rule refuses (YenInput, CountInput: `data-refused`) holds the form rather than sending a number
 * nobody typed.
 */
export function useDomainForm<I extends Values, O>(schema: z.ZodType<O, I>, { onValuesChange, ...options }: DomainFormOptions<I, O>): DomainForm<I, O> {
  const { t } = useTranslation();
  // One map for the form's life, filled by each check with the limits of the errors it found.
  const [params] = useState(() => new Map<string, Record<string, string | number>>());
  const resolve = useMemo(() => resolverOf(schema, params), [schema, params]);
  const left = useRef(new Set<string>());
  const submitted = useRef(false);
  const shown = (path: string) => submitted.current || [...left.current].some((l) => related(path, l));
  const recheck = (values: I) => {
    const all: FormErrors = resolve(values);
    form.setErrors(Object.fromEntries(Object.entries(all).filter(([path]) => shown(path))));
  };
  const form = useForm<I, O>({
    ...options,
    mode: 'controlled',
    validate: resolve,
    // Submitted only once the schema accepted the values, so this reading cannot fail.
    transformValues: (values) => schema.parse(values),
    // Errors follow the values (recheck), so none is cleared merely because something was typed.
    clearInputErrorOnChange: false,
    onValuesChange: (values, previous) => {
      recheck(values);
      onValuesChange?.(values, previous);
    },
    enhanceGetInputProps: ({ inputProps, field }) => ({
      error: fieldErrorText(t, inputProps.error, params.get(String(field))),
      onBlur: () => {
        left.current.add(String(field));
        recheck(form.getValues());
      },
    }),
  });
  const onSubmit: DomainForm<I, O>['onSubmit'] = (handler, onFailure) => (event?: SyntheticEvent<HTMLFormElement>) => {
    submitted.current = true;
    const refused = event?.currentTarget?.querySelector<HTMLElement>('[data-refused]');
    if (refused) {
      event?.preventDefault();
      form.validate();
      refused.focus();
      return;
    }
    form.onSubmit(handler, onFailure)(event);
  };
  const reset = () => {
    left.current.clear();
    submitted.current = false;
    form.reset();
  };
  return { ...form, onSubmit, reset, errorText: (path) => fieldErrorText(t, form.errors[path], params.get(path)) };
}
