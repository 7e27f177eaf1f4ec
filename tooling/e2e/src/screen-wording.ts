import type { Page } from 'playwright-core';

/**
 * What a Japanese screen must never show: names from the code, the data files' paths and line
 * numbers, raw codes, and English prose (English lives in the catalogues, behind the language switch).
 */
const RULES: readonly (readonly [string, RegExp])[] = [
  ['camelCase identifier', /\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/g],
  ['snake_case code', /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g],
  ['dotted field path', /\b[a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)*\.\d+(?:\.[A-Za-z0-9]+)*\b/g],
  ['file reference', /seeds\/\S*|\bl\.\s?\d+|\b[\w-]+\.(?:tsx?|mjs|md|sql)\b/g],
  // The platform's numbering of the source documents (「003 §2.1」): readers know the call by its title.
  ['source document number', /\b0\d\d\s?§/g],
  ['English sentence', /\b[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){3,}/g],
];

/**
 * Not wording: e-mail addresses and URLs, units (kWh), and citations of published papers by their
 * authors, year and English title — taken out before the scan.
 */
const NOT_WORDING = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/\S+/g,
  /\b(?:kWh|MWh|GJ)\b/g,
  /(?:[A-Z][a-z]+ [A-Z]{1,2},\s*)*[A-Z][a-z]+ [A-Z]{1,2}\s*\(\d{4}\)[^;。]*/g,
];

/**
 * The visible text of the page (innerText skips what is hidden), less what is marked up as not
 * Japanese wording: codes the user types (<code>, <kbd>) and passages in another language (lang).
 */
function visibleWording(): string {
  let text = document.body.innerText;
  const marked = document.body.querySelectorAll<HTMLElement>('code, kbd, samp, [lang]:not([lang|="ja"])');
  for (const element of Array.from(marked)) text = text.replace(element.innerText, ' ');
  return text;
}

export interface Hit {
  route: string;
  rule: string;
  text: string;
  line: string;
}

export async function scan(page: Page, route: string): Promise<Hit[]> {
  const text = await page.evaluate(visibleWording);
  const hits: Hit[] = [];
  for (const raw of text.split('\n')) {
    const line = NOT_WORDING.reduce((l, pattern) => l.replace(pattern, ' '), raw);
    for (const [rule, pattern] of RULES) {
      for (const match of line.matchAll(pattern)) {
        hits.push({ route, rule, text: match[0], line: raw.trim().slice(0, 160) });
      }
    }
  }
  return hits;
}
