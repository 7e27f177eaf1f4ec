import { TextInput, type TextInputProps } from '@mantine/core';
import { parseNumberInput, parseYenInput, yenInputText, type NumberInputRule } from '@tsumiki/domain';
import { parseQuantityInput } from '@tsumiki/domain/programmes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Read = { ok: true; value: number | null } | { ok: false; code: string; params?: Readonly<Record<string, string>> };

interface NumberTextInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'inputMode'> {
  /** The number held (null or undefined when none). */
  value?: number | null;
  /** Called with the number read, or undefined when the field is blank or what was typed is refused. */
  onChange: (value: number | undefined) => void;
}

/**
 * A number field whose text stays exactly as typed: the domain's rule reads it, and what it refuses
 * is said under the field instead of being turned into another number. While the typed text is
 * refused the number held is cleared, so no figure is computed from a number nobody typed.
 */
interface Reading {
  parse: (text: string) => Read;
  format: (n: number | null) => string;
  readBack?: (n: number) => string;
  mode: 'numeric' | 'decimal';
}

function NumberTextInput({ value, onChange, error, description, parse, format, readBack, mode, ...rest }: NumberTextInputProps & Reading) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => format(value ?? null));
  const read = parse(text);
  // A change from outside (an import, a reload, a computed amount) shows the new number; typing
  // that reads as the number held keeps its own spelling. Adjusted while rendering, as React
  // advises over an effect.
  // A holder may keep NaN for "nothing readable" (the definition editor does, so its schema names the
  // field); NaN never equals itself, so it is held as no number rather than re-rendering forever.
  const held = value === null || value === undefined || Number.isNaN(value) ? null : value;
  const [seen, setSeen] = useState(held);
  if (held !== seen) {
    setSeen(held);
    const stillTyped = read.ok ? read.value === held : held === null;
    if (!stillTyped) setText(format(held));
  }
  const problem = read.ok ? undefined : t(read.code, { ns: 'errors', keySeparator: false, field: typeof rest.label === 'string' ? rest.label : (rest['aria-label'] ?? ''), ...read.params });
  const readAs = read.ok && read.value !== null && readBack && format(read.value) !== text ? readBack(read.value) : undefined;
  return (
    <TextInput
      {...rest}
      type="text"
      inputMode={mode}
      autoComplete="off"
      value={text}
      error={problem ?? error}
      description={readAs ?? description}
      data-refused={read.ok ? undefined : read.code}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        const r = parse(typed);
        onChange(r.ok && r.value !== null ? r.value : undefined);
      }}
    />
  );
}

export interface YenInputProps extends NumberTextInputProps {
  /** The largest amount the field takes; stated in the message when more is typed. */
  max: number;
}

/**
 * The one amount field (parseYenInput): full-width digits and separators are read and shown back
 * as read; negatives, decimals and amounts over the maximum are refused with a message stating it.
 */
export function YenInput({ max, ...rest }: YenInputProps) {
  const { t, i18n } = useTranslation();
  return (
    <NumberTextInput
      {...rest}
      mode="numeric"
      parse={(text) => parseYenInput(text, max)}
      format={yenInputText}
      readBack={(n) => t('yenInput.readAs', { amount: new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ja-JP').format(n) })}
    />
  );
}

/** A quantity (parseQuantityInput): above 0, at most three decimals, full-width digits read. */
export function QuantityInput(props: NumberTextInputProps) {
  return <NumberTextInput {...props} mode="decimal" parse={parseQuantityInput} format={(n) => (n === null ? '' : String(n))} />;
}

/**
 * A count or a measure (parseNumberInput): storeys, years, m². A minus, a decimal where the rule
 * takes none, or a figure out of range is refused with a message stating the range.
 */
export function CountInput({ rule, ...props }: NumberTextInputProps & { rule: NumberInputRule }) {
  return (
    <NumberTextInput
      {...props}
      mode={rule.decimals > 0 ? 'decimal' : 'numeric'}
      parse={(text) => parseNumberInput(text, rule)}
      format={(n) => (n === null ? '' : new Intl.NumberFormat('en-US', { maximumFractionDigits: rule.decimals }).format(n))}
    />
  );
}
