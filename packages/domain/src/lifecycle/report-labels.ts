type Text = { readonly ja: string; readonly en: string };

const t = (ja: string, en: string): Text => ({ ja, en });

/** The report form's fields by their key, in the words the portal's report screen labels them. */
const FIELDS: Readonly<Record<string, Text>> = {
  category: t('費目', 'Category'),
  description: t('内容', 'Description'),
  amount: t('金額', 'Amount'),
  evidenceAttachmentIds: t('証拠書類', 'Evidence'),
  status: t('公表の状況', 'Publication status'),
  publishedOn: t('公表日', 'Published on'),
  where: t('公表先', 'Where published'),
  url: t('公表先のURL', 'URL'),
  factorValue: t('公表した原単位（値と単位）', 'Published factor (value and unit)'),
  expectedOn: t('公表予定日', 'Expected on'),
  reason: t('翌年度になる理由', 'Why next year'),
  developed: t('原単位の策定は実績報告までに完了している', 'Developed by the report'),
  personId: t('従事者ID', 'Person ID'),
  name: t('氏名', 'Name'),
  type: t('区分', 'Type'),
  pay: t('年間総支給額', 'Annual pay'),
  welfare: t('年間法定福利費', 'Annual welfare'),
  businessDays: t('年間所定営業日数', 'Business days a year'),
  hoursPerDay: t('1日の所定労働時間', 'Hours a day'),
  date: t('日付', 'Date'),
  countersignedBy: t('確認者', 'Countersigned by'),
  breaks: t('休憩', 'Breaks'),
  entries: t('業務', 'Work'),
  start: t('開始', 'Start'),
  end: t('終了', 'End'),
  project: t('業務', 'Work'),
  kind: t('区分', 'Kind'),
};

/** Lists of the report, each row named by its number as the screen counts them. */
const LISTS: Readonly<Record<string, (n: number) => Text>> = {
  lines: (n) => t(`経費の明細 ${n}行目`, `Cost line ${n}`),
  'personnel.staff': (n) => t(`従事者 ${n}人目`, `Person ${n}`),
  'personnel.diaries': (n) => t(`業務日誌 ${n}件目`, `Diary ${n}`),
};

const SECTIONS: Readonly<Record<string, Text>> = {
  lines: t('経費の明細', 'Cost lines'),
  publication: t('原単位の公表', 'Publication'),
  personnel: t('人件費', 'Personnel'),
  checklist: t('環境チェックリスト', 'Environmental checklist'),
};

/**
 * A path in a results report ("lines.0.amount", "personnel.diaries.2.entries.1.start") as the
 * report screen names it (「経費の明細 1行目 金額」), so a message never shows the path.
 */
export function reportFieldLabel(path: string): Text {
  const parts = path.split('.');
  const words: Text[] = [];
  let i = 0;
  const list = Object.keys(LISTS).find((key) => path === key || path.startsWith(`${key}.`));
  if (list && /^\d+$/.test(parts[list.split('.').length] ?? '')) {
    i = list.split('.').length;
    words.push(LISTS[list]!(Number(parts[i]) + 1));
    i += 1;
  } else {
    const section = SECTIONS[parts[0] ?? ''];
    if (section) {
      words.push(section);
      i = 1;
    }
  }
  for (const part of parts.slice(i)) {
    if (/^\d+$/.test(part)) {
      words.push(t(`${Number(part) + 1}行目`, `row ${Number(part) + 1}`));
      continue;
    }
    const field = FIELDS[part];
    if (field && words.at(-1) !== field) words.push(field);
  }
  if (words.length === 0) return t('実績報告', 'Results report');
  return { ja: words.map((w) => w.ja).join(' '), en: words.map((w) => w.en).join(', ') };
}
