import { useState } from 'react';

/** What the form needs of a zod schema (the portal depends on the domain's schemas, not on zod). */
interface Schema<O> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: O }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * A form checked by the shared zod schema as you type: every field's first issue (a catalogue
 * code), shown once the field has been left or the form submitted.
 */
export function useSchemaForm<I, O>(schema: Schema<O>, initial: I) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const parsed = schema.safeParse(values);
  const issues: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      issues[key] ??= issue.message;
    }
  return {
    values,
    parsed,
    /** The code to show for `path`, or undefined while the field is untouched. */
    issue: (path: string) => (submitted || touched[path] ? issues[path] : undefined),
    set: (update: (v: I) => I) => setValues(update),
    touch: (path: string) => setTouched((t) => ({ ...t, [path]: true })),
    submit: () => {
      setSubmitted(true);
      return parsed.success ? parsed.data : null;
    },
  };
}
