import { formatJst, type TProgrammeKind } from '@tsumiki/domain';
import {
  applicationFormDocument,
  formValueText,
  type FormBlock,
  type FormPart,
  type TApplicationContent,
  type TGrantResult,
  type TProgrammeDefinition,
} from '@tsumiki/domain/programmes';
import type { PdfBlock, PdfDocumentModel } from '@tsumiki/pdf';

/**
 * The application as a PDF that reads like the official forms: the domain's form document (the
 * same one the portal shows before 提出する and the console shows the reviewer), laid out in
 * Japanese with each computed figure's explanation printed under its table. A pure function, so
 * what it says is tested without a PDF.
 */

export interface ApplicationPdfInput {
  kind: TProgrammeKind;
  programmeName: string;
  organisationName: string;
  title: string;
  content: TApplicationContent;
  /** The grant computation (null when the budget is not valid yet: tables are printed, figures not). */
  result: TGrantResult | null;
  /** The rules it computes with (its pinned version; for a draft the latest published). */
  definition: TProgrammeDefinition;
  trackingNumber: string | null;
  /** When it was submitted (the frozen version), or null for a draft. */
  submittedAt: Date | null;
  versionNo: number | null;
}

const ja = (v: Parameters<typeof formValueText>[0]) => formValueText(v, 'ja');

function pdfBlocks(block: FormBlock): PdfBlock[] {
  switch (block.kind) {
    case 'note':
      return [{ kind: 'paragraph', text: block.text.ja }];
    case 'fields': {
      const out: PdfBlock[] = block.title ? [{ kind: 'heading', text: block.title.ja, level: 2 }] : [];
      out.push({ kind: 'fields', rows: block.rows.map((r) => ({ label: r.label.ja, value: ja(r.value) })) });
      // Each computed figure's arithmetic and its source, under the figures.
      for (const r of block.rows)
        if (r.explanation)
          out.push({ kind: 'paragraph', small: true, text: `${r.label.ja}: ${r.explanation.steps.map((s) => s.ja).join('／')}（根拠: ${r.explanation.source.ja}）` });
      return out;
    }
    case 'table':
      return [
        ...(block.title ? [{ kind: 'heading' as const, text: block.title.ja, level: 3 as const }] : []),
        {
          kind: 'table',
          columns: block.columns.map((c) => ({ header: c.label.ja, align: c.align })),
          rows: block.rows.map((r) => r.map((v) => (v.kind === 'blank' ? '' : ja(v)))),
          ...(block.footer ? { footer: block.footer.map((v) => (v.kind === 'blank' ? '' : ja(v))) } : {}),
        },
      ];
  }
}

/** Each form starts on a page of its own, as printed; the short closing pledge follows on. */
const partBlocks = (part: FormPart, i: number): PdfBlock[] => [
  ...(i > 0 && part.key !== 'pledge' ? [{ kind: 'pageBreak' as const }] : []),
  { kind: 'heading', text: part.title.ja },
  ...part.blocks.flatMap(pdfBlocks),
];

export function applicationPdfModel(input: ApplicationPdfInput): PdfDocumentModel {
  const status = input.submittedAt
    ? `受付番号 ${input.trackingNumber ?? ''}\u3000第${input.versionNo ?? 1}版\u3000提出 ${formatJst(input.submittedAt)}`
    : '下書き（未提出）';
  const document = applicationFormDocument({ content: input.content, result: input.result, definition: input.definition, title: input.title });
  return {
    title: input.title,
    formLabel: input.kind === 'clt_demonstration' ? '様式第1〜4-2' : '申請書',
    subtitle: `${input.programmeName}\u3000${input.organisationName}\u3000${status}`,
    author: input.organisationName,
    footer: `${input.trackingNumber ?? '下書き'}\u3000${input.title}`,
    blocks: document.parts.flatMap(partBlocks),
  };
}
