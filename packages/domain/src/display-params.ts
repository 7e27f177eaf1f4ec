/**
 * Parameters of a message as a reader sees them: whole numbers from 10,000 up (amounts in yen,
 * areas, counts of days) with thousands separators, as every table beside them prints amounts.
 * Below 10,000 a number is left as it is, so years (2026) and small counts read naturally. Done
 * once, where messages are rendered, so reasons keep their numbers for the code that reads them.
 */
export function displayParams<T extends Readonly<Record<string, unknown>>>(params: T): { [K in keyof T]: T[K] | string } {
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    shown[key] = typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) >= 10_000 ? value.toLocaleString('en-US') : value;
  }
  return shown as { [K in keyof T]: T[K] | string };
}

/** Names listed in a sentence: 「、」 between them in Japanese, a comma and a space in English. */
export function listedNames(names: readonly string[], locale: 'ja' | 'en'): string {
  return names.join(locale === 'en' ? ', ' : '、');
}

/** The same names for a message in both languages, as `name` and `nameEn` (see errorMessage). */
export function listedNamesParams<K extends string>(
  key: K,
  names: readonly { ja: string; en: string }[],
): Record<K | `${K}En`, string> {
  return {
    [key]: listedNames(names.map((n) => n.ja), 'ja'),
    [`${key}En`]: listedNames(names.map((n) => n.en), 'en'),
  } as Record<K | `${K}En`, string>;
}
