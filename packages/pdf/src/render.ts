import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PdfBlock, PdfColumn, PdfDocumentModel } from './model';

/**
 * Noto Sans JP (SIL OFL) from the npm registry: the PDF standard fonts have no Japanese glyphs, so
 * the font is embedded — pdfkit subsets it to the characters a document uses, which keeps a form at
 * tens of kilobytes instead of the font's 5 MB.
 */
const FONT_FILE = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
let fontBytes: Buffer | undefined;
const japaneseFont = () => (fontBytes ??= readFileSync(FONT_FILE));

const FONT = 'NotoSansJP';
const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
const PAD = 4;
const SIZE = { title: 16, subtitle: 10, h1: 13, h2: 11.5, h3: 10.5, body: 10, small: 8.5, table: 9, footer: 8 };
const GREY = { header: '#e9ecef', label: '#f4f5f7', line: '#6c757d', text: '#111111', muted: '#555555' };

/** Renders the model as an A4 PDF with the Japanese font embedded. Nothing is cut: long cells continue on the next page. */
export function renderPdf(model: PdfDocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'ja-JP',
    displayTitle: true,
    info: { Title: model.title, Author: model.author ?? 'Tsumiki', Creator: 'Tsumiki' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, japaneseFont());
  doc.font(FONT).fillColor(GREY.text);
  new Layout(doc).document(model);
  stampFooters(doc, model.footer);
  doc.end();
  return done;
}

class Layout {
  private readonly width: number;
  private readonly left: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.left = MARGIN.left;
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  private get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }

  document(model: PdfDocumentModel) {
    const { doc } = this;
    if (model.formLabel) {
      doc.fontSize(SIZE.body).text(model.formLabel, this.left, MARGIN.top - 20, { width: this.width, align: 'right' });
      doc.y = MARGIN.top;
    }
    doc.fontSize(SIZE.title).text(model.title, this.left, doc.y, { width: this.width, align: 'center' });
    if (model.subtitle) doc.fontSize(SIZE.subtitle).fillColor(GREY.muted).text(model.subtitle, { width: this.width, align: 'center' }).fillColor(GREY.text);
    doc.moveDown(0.8);
    for (const block of model.blocks) this.block(block);
  }

  private block(block: PdfBlock) {
    const { doc } = this;
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 3 ? SIZE.h3 : block.level === 2 ? SIZE.h2 : SIZE.h1;
        // A heading never sits alone at the foot of a page.
        this.ensureSpace(doc.fontSize(size).currentLineHeight(true) + 3 * SIZE.body);
        doc.moveDown(0.4);
        doc.fontSize(size).text(block.text, this.left, doc.y, { width: this.width });
        if ((block.level ?? 1) === 1) {
          doc.moveTo(this.left, doc.y + 1).lineTo(this.left + this.width, doc.y + 1).lineWidth(0.6).strokeColor(GREY.line).stroke();
        }
        doc.moveDown(0.3);
        return;
      }
      case 'paragraph':
        // pdfkit flows running text over pages itself.
        doc.fontSize(block.small ? SIZE.small : SIZE.body).text(block.text, this.left, doc.y, { width: this.width, lineGap: 1.5 });
        doc.moveDown(0.4);
        return;
      case 'fields':
        doc.fontSize(SIZE.table);
        for (const row of block.rows) {
          this.row([row.label, row.value], [0.3 * this.width, 0.7 * this.width], ['left', 'left'], [GREY.label, undefined]);
        }
        doc.moveDown(0.6);
        return;
      case 'table':
        this.table(block.columns, block.rows, block.footer);
        return;
      case 'pageBreak':
        doc.addPage();
        return;
    }
  }

  private table(columns: PdfColumn[], rows: string[][], footer?: string[]) {
    const { doc } = this;
    doc.fontSize(SIZE.table);
    const total = columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
    const widths = columns.map((c) => ((c.width ?? 1) / total) * this.width);
    const aligns = columns.map((c) => c.align ?? 'left');
    const header = () => this.row(columns.map((c) => c.header), widths, columns.map(() => 'center'), columns.map(() => GREY.header));
    // The header row must have a body row under it on the same page.
    this.ensureSpace(3 * (doc.currentLineHeight(true) + 2 * PAD));
    header();
    for (const cells of rows) this.row(cells, widths, aligns, [], header);
    if (footer) this.row(footer, widths, aligns, footer.map(() => GREY.header), header);
    doc.moveDown(0.6);
  }

  /**
   * One bordered row. A row taller than what is left of the page is split: each cell's text is cut
   * where it stops fitting and continues in a row on the next page (after the repeated table header),
   * so a long 事業概要 is never clipped.
   */
  private row(cells: string[], widths: number[], aligns: PdfColumn['align'][], fills: (string | undefined)[], repeatHeader?: () => void) {
    const { doc } = this;
    const lineHeight = doc.currentLineHeight(true);
    let rest = cells.map((c) => c ?? '');
    for (;;) {
      const y = doc.y;
      const available = this.bottom - y - 2 * PAD;
      const heights = rest.map((text, i) => this.textHeight(text, widths[i]!));
      const need = Math.max(lineHeight, ...heights);
      if (need <= available) {
        this.drawCells(rest, widths, aligns, fills, y, need + 2 * PAD);
        doc.y = y + need + 2 * PAD;
        doc.x = this.left;
        return;
      }
      if (available < 2 * lineHeight) {
        this.newPage(repeatHeader);
        continue;
      }
      const split = rest.map((text, i) => this.splitToFit(text, widths[i]!, available));
      this.drawCells(
        split.map(([head]) => head),
        widths,
        aligns,
        fills,
        y,
        available + 2 * PAD,
      );
      // The first column names the row (a field's label, a line's item): it is repeated, marked as continued.
      rest = split.map(([, tail], i) => (i === 0 && tail === '' && rest[0] ? `${rest[0].replace(/（続き）$/, '')}（続き）` : tail));
      this.newPage(repeatHeader);
    }
  }

  private drawCells(cells: string[], widths: number[], aligns: PdfColumn['align'][], fills: (string | undefined)[], y: number, height: number) {
    const { doc } = this;
    let x = this.left;
    cells.forEach((text, i) => {
      const width = widths[i]!;
      const fill = fills[i];
      doc.lineWidth(0.5).strokeColor(GREY.line);
      if (fill) doc.rect(x, y, width, height).fillAndStroke(fill, GREY.line);
      else doc.rect(x, y, width, height).stroke();
      doc.fillColor(GREY.text).text(text, x + PAD, y + PAD, { width: width - 2 * PAD, align: aligns[i] ?? 'left', lineBreak: true });
      x += width;
    });
  }

  private textHeight(text: string, width: number) {
    return text === '' ? 0 : this.doc.heightOfString(text, { width: width - 2 * PAD });
  }

  /** The longest prefix that fits the height (binary search over characters), and the rest. */
  private splitToFit(text: string, width: number, maxHeight: number): [string, string] {
    if (this.textHeight(text, width) <= maxHeight) return [text, ''];
    let low = 1;
    let high = text.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.textHeight(text.slice(0, mid), width) <= maxHeight) low = mid;
      else high = mid - 1;
    }
    // Prefer to cut at a line end or a space near the fit, as a reader would.
    const window = text.slice(Math.max(0, low - 40), low);
    const soft = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const cut = soft > 0 ? low - window.length + soft + 1 : low;
    return [text.slice(0, cut), text.slice(cut).replace(/^\n/, '')];
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  private newPage(repeatHeader?: () => void) {
    this.doc.addPage();
    this.doc.x = this.left;
    repeatHeader?.();
  }
}

function stampFooters(doc: PDFKit.PDFDocument, footer: string | undefined) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    // Text in the bottom margin would otherwise make pdfkit open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc.fontSize(SIZE.footer).fillColor(GREY.muted);
    if (footer) doc.text(footer, MARGIN.left, y, { width: width * 0.8, lineBreak: false });
    doc.text(`${i - start + 1} / ${count}`, MARGIN.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
