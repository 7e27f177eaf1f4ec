import { TextInput, type TextInputProps } from '@mantine/core';
import { parseYenInput, yenInputText } from '@tsumiki/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface YenInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'inputMode'> {
  /** The amount held (null or undefined when none). */
  value: number | null | undefined;
  /** Called with the amount read, or undefined when the field is blank or what was typed is refused. */
  onChange: (value: number | undefined) => void;
  /** The largest amount the field takes; stated in the message when more is typed. */
  max: number;
}

/**
 * The one amount field: the text stays exactly as typed, the domain's parseYenInput reads it, and
 * what it refuses is said under the field (negative, decimal, over the maximum) instead of being
 * turned into another amount. Full-width digits and separators are read. While the typed text
 * is refused the amount held is cleared, so no figure is computed from an amount nobody typed.
 */
export function YenInput({ value, onChange, max, error, description, ...rest }: YenInputProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => yenInputText(value));
  const read = parseYenInput(text, max);
  // A change from outside (an import, a reload) shows the new amount; typing that reads as the
  // amount held keeps its own spelling. Adjusted while rendering, as React advises over an effect.
  const held = value ?? null;
  const [seen, setSeen] = useState(held);
  if (held !== seen) {
    setSeen(held);
    const stillTyped = read.ok ? read.value === held : held === null;
    if (!stillTyped) setText(yenInputText(held));
  }
  const problem = read.ok ? undefined : t(read.code, { ns: 'errors', keySeparator: false, ...read.params });
  const readBack = read.ok && read.value !== null && yenInputText(read.value) !== text ? t('yenInput.readAs', { amount: new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ja-JP').format(read.value) }) : undefined;
  return (
    <TextInput
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={text}
      error={problem ?? error}
      description={readBack ?? description}
      data-refused={read.ok ? undefined : read.code}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        const r = parseYenInput(typed, max);
        onChange(r.ok && r.value !== null ? r.value : undefined);
      }}
    />
  );
}
