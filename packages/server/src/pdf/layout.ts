/// <reference path="./fontkit.d.ts" />
/**
 * Page layout for the printed one-stop forms: a thin writer over PDFKit that knows the parts of a
 * Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix I) — the agency block and the
 * national motto at the top, the place-and-date line, the title, body paragraphs, bordered tables
 * that break across pages with their header row repeated, signature blocks and page numbers.
 *
 * Every form is printed on A4 (Decree 30 Appendix I, the paper of the forms of Circular 01/2018/TT-VPCP
 * as replaced by Circular 03/2025/TT-VPCP): portrait for the letters and slips, landscape for the
 * tracking book and the statistics table.
 */
import { readFileSync } from 'node:fs';
import type PdfKitDocument from 'pdfkit';
import type QRCode from 'qrcode';
import type { IssuerBlock } from './form-data.js';
import { formatPlaceDateVi, vietnamInstant } from './format-vi.js';

export type FontName = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FONT_FILES: Record<FontName, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

// Liberation Serif has Times New Roman's metrics (the typeface Decree 30 Appendix I asks for) and
// covers all Vietnamese letters; PDFKit's built-in Times/Helvetica have no Vietnamese glyphs.
// Relative to the module, so the same path works from src/pdf and dist/pdf.
const FONT_DIR = new URL('../../assets/fonts/', import.meta.url);

// Only the file bytes are cached. A parsed fontkit font must not be shared between documents:
// glyph objects cached inside it carry state from the first document that used them, and a second
// document then gets a wrong ToUnicode map (its text no longer copies or extracts correctly).
let fontCache: Record<FontName, Buffer> | undefined;

const loadFonts = (): Record<FontName, Buffer> => {
  fontCache ??= {
    regular: readFileSync(new URL(FONT_FILES.regular, FONT_DIR)),
    bold: readFileSync(new URL(FONT_FILES.bold, FONT_DIR)),
    italic: readFileSync(new URL(FONT_FILES.italic, FONT_DIR)),
    boldItalic: readFileSync(new URL(FONT_FILES.boldItalic, FONT_DIR)),
  };
  return fontCache;
};

type ParsedFont = { layout: (text: string) => unknown };
let parsedFonts: Record<FontName, ParsedFont> | undefined;

/**
 * The fonts for one document. Given a font file's bytes, PDFKit has fontkit parse it again for every
 * document — most of a receipt's CPU went there. The files are parsed once per process; each document
 * gets a view of them with its own glyph cache (fontkit remembers a glyph with the characters it was
 * first asked for, and a glyph first met while another document built its subset would carry none: that
 * document's text would extract wrong), so it renders exactly as with a fresh font, while the decoded
 * font tables are shared. Documents may interleave: nothing per document is shared.
 */
const openDocumentFonts = async (): Promise<Record<FontName, ParsedFont>> => {
  if (!parsedFonts) {
    const { create } = await import('fontkit');
    const files = loadFonts();
    parsedFonts = {
      regular: create(files.regular),
      bold: create(files.bold),
      italic: create(files.italic),
      boldItalic: create(files.boldItalic),
    };
  }
  const view = (font: ParsedFont): ParsedFont => Object.assign(Object.create(font) as ParsedFont, { _glyphs: {} });
  return {
    regular: view(parsedFonts.regular),
    bold: view(parsedFonts.bold),
    italic: view(parsedFonts.italic),
    boldItalic: view(parsedFonts.boldItalic),
  };
};

const MM = 72 / 25.4;

/** Type sizes in points for one paper size (Decree 30 Appendix I gives them for A4). */
type TypeScale = {
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12–13 pt on A4. */
  motto: number;
  /** "Độc lập - Tự do - Hạnh phúc": 13–14 pt on A4. */
  motto2: number;
  /** Agency names: 12–13 pt on A4. */
  agency: number;
  /** Document title: 13–14 pt on A4. */
  title: number;
  /** Body text: 13–14 pt on A4. */
  body: number;
  /** Table cells. */
  table: number;
  /** Notes, captions, "Nơi nhận" items (11 pt on A4). */
  small: number;
  /** Blank height left for a handwritten signature. */
  signatureSpace: number;
  /** Side of the QR code. */
  qr: number;
  /** Added to the font's line height (1.15 em for Liberation Serif). */
  leading: number;
};

type Geometry = {
  size: 'A4';
  layout: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
  scale: TypeScale;
};

export type PaperKind = 'a4-portrait' | 'a4-landscape';

const GEOMETRY: Record<PaperKind, Geometry> = {
  // Decree 30 Appendix I (page margins): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
  'a4-portrait': {
    size: 'A4',
    layout: 'portrait',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
    scale: {
      motto: 12,
      motto2: 13,
      agency: 12,
      title: 14,
      body: 13,
      table: 11,
      small: 11,
      signatureSpace: 56,
      qr: 62,
      leading: 0,
    },
  },
  // The tracking book is a register, not a letter: narrow margins leave room for eleven columns.
  'a4-landscape': {
    size: 'A4',
    layout: 'landscape',
    margins: { top: 15 * MM, bottom: 15 * MM, left: 15 * MM, right: 15 * MM },
    scale: {
      motto: 12,
      motto2: 13,
      agency: 12,
      title: 14,
      body: 12,
      table: 9,
      small: 10,
      signatureSpace: 56,
      qr: 62,
      leading: 0,
    },
  },
};

/** A piece of a paragraph in one font. */
export type Run = { text: string; font?: FontName };

/** One paragraph inside a table cell, a blank of fixed height (room to sign) or sub-columns side by side. */
export type CellPart =
  | { text: string; font?: FontName; align?: Align; size?: number }
  | { space: number }
  | { columns: CellPart[][] };

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Column = {
  header: string;
  /** Relative width; the columns share what is left after the minimum widths in proportion. */
  weight: number;
  /** Width in points the column gets at least (e.g. to keep a dossier code on one line). */
  minWidth?: number;
  align?: Align;
};

export type Cell = string | CellPart[];

export type Signature = {
  /** Printed in bold capitals, e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  title: string;
  /** Italic line under the title. */
  caption?: string;
  name?: string;
};

export type DocumentMeta = {
  title: string;
  subject?: string;
  /** Vietnam local time of issue; it becomes the PDF creation date so equal input gives equal bytes. */
  issuedAt: { date: string; time: string };
};

/** NFC, so text that arrives decomposed (e.g. typed on macOS) still maps to the precomposed glyphs. */
const nfc = (text: string): string => text.normalize('NFC');

export const upperVi = (text: string): string => nfc(text).toLocaleUpperCase('vi-VN');

/** The QR code as a greyscale PNG (no alpha channel, so PDFKit embeds it without a soft mask). */
export const makeQrPng = async (text: string): Promise<Buffer> => {
  const options: QRCode.QRCodeToBufferOptions = {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 0,
    scale: 4,
    // pngjs options; colorType 0 = greyscale. Not in @types/qrcode, hence the widened object.
    rendererOpts: { colorType: 0 } as QRCode.QRCodeToBufferOptions['rendererOpts'],
  };
  const { default: qrcode } = await import('qrcode');
  return qrcode.toBuffer(text, options);
};

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_2 = 'Độc lập - Tự do - Hạnh phúc';

export class FormWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly scale: TypeScale;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  /**
   * The room left to sign in each signature block written so far: 1-based page, PDFKit coordinates (points,
   * origin top-left). A digital signature's image goes there (signing/sign-pdf.ts).
   */
  readonly signatureSpaces: { page: number; x: number; top: number; width: number; height: number }[] = [];

  /**
   * Opens a blank document. PDFKit (with its font engine) is imported on first use, not at start-up:
   * the server needs it only when it prints.
   */
  static async open(paper: PaperKind, meta: DocumentMeta): Promise<FormWriter> {
    const { default: PDFDocument } = await import('pdfkit');
    return new FormWriter(PDFDocument, await openDocumentFonts(), paper, meta);
  }

  private constructor(
    PDFDocument: typeof PdfKitDocument,
    fonts: Record<FontName, ParsedFont>,
    paper: PaperKind,
    meta: DocumentMeta,
  ) {
    const geometry = GEOMETRY[paper];
    this.scale = geometry.scale;
    this.doc = new PDFDocument({
      size: geometry.size,
      layout: geometry.layout,
      margins: geometry.margins,
      // An empty string skips PDFKit's default Helvetica (no Vietnamese glyphs); the fonts are
      // registered right below, before any text is drawn.
      font: '',
      bufferPages: true,
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: nfc(meta.title),
        ...(meta.subject ? { Subject: nfc(meta.subject) } : {}),
        Creator: 'motcua',
        Producer: 'motcua (PDFKit)',
        CreationDate: vietnamInstant(meta.issuedAt),
      },
    });
    for (const [name, font] of Object.entries(fonts)) {
      // PDFKit's types list paths and buffers; its code also takes a parsed fontkit font.
      this.doc.registerFont(name, font as unknown as Buffer);
    }
    this.doc.font('regular').fontSize(this.scale.body);
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    const page = this.doc.page;
    this.left = page.margins.left;
    this.right = page.width - page.margins.right;
    this.top = page.margins.top;
    this.bottom = page.height - page.margins.bottom;
  }

  get width(): number {
    return this.right - this.left;
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  private use(font: FontName, size: number): PDFKit.PDFDocument {
    return this.doc.font(font).fontSize(size);
  }

  lineHeight(size = this.scale.body, font: FontName = 'regular'): number {
    return this.use(font, size).currentLineHeight(true) + this.scale.leading;
  }

  widthOf(text: string, font: FontName, size: number): number {
    return this.use(font, size).widthOfString(nfc(text));
  }

  /** Height of `text` set in a box of `width` by `textAt`. */
  heightOf(text: string, font: FontName, size: number, width: number): number {
    return this.wrap(text, font, size, width).length * this.lineHeight(size, font);
  }

  /**
   * Greedy line breaking at spaces for text in boxes (cells, header, signatures). PDFKit's own
   * wrapping counts a line's trailing space when it centres, which pushes every wrapped centred line
   * half a space to the left; setting each line ourselves keeps the measured and drawn heights equal.
   * A word wider than the box (a long URL or code) is cut, preferably after "-", "/", "?", "&", "=" or ".".
   */
  private wrap(text: string, font: FontName, size: number, width: number): string[] {
    const doc = this.use(font, size);
    const fits = (value: string): boolean => doc.widthOfString(value) <= width + 0.01;
    const lines: string[] = [];
    for (const paragraph of nfc(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
        const candidate = line ? `${line} ${word}` : word;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line) {
          lines.push(line);
        }
        let rest = word;
        while (!fits(rest) && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && !fits(rest.slice(0, cut))) {
            cut -= 1;
          }
          const soft = Math.max(...['-', '/', '?', '&', '=', '.'].map((mark) => rest.lastIndexOf(mark, cut - 1)));
          if (soft > 0) {
            cut = soft + 1;
          }
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom + 0.01) {
      this.newPage();
    }
  }

  gap(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  /**
   * Centred text in a box, its lines balanced: the narrowest width that still needs no more lines
   * than the full width, so a name breaks "TRUNG TÂM PHỤC VỤ / HÀNH CHÍNH CÔNG" rather than
   * "TRUNG TÂM PHỤC VỤ HÀNH / CHÍNH CÔNG".
   */
  private centredAt(text: string, x: number, y: number, width: number, font: FontName, size: number): number {
    const lines = this.wrap(text, font, size, width).length;
    let low = 0;
    let high = width;
    if (lines > 1) {
      for (let step = 0; step < 12; step += 1) {
        const mid = (low + high) / 2;
        if (this.wrap(text, font, size, mid).length <= lines) {
          high = mid;
        } else {
          low = mid;
        }
      }
    }
    return this.textAt(text, x + (width - high) / 2, y, high, font, size, 'center');
  }

  /** Draws text in a box, line by line, never letting PDFKit flow it onto another page; returns its height. */
  private textAt(
    text: string,
    x: number,
    y: number,
    width: number,
    font: FontName,
    size: number,
    align: Align,
  ): number {
    const lines = this.wrap(text, font, size, width);
    const lineHeight = this.lineHeight(size, font);
    const doc = this.use(font, size);
    lines.forEach((line, index) => {
      // Place each line ourselves: PDFKit would wrap again at a width a hair narrower than measured.
      const lineWidth = doc.widthOfString(line);
      const dx = align === 'center' ? (width - lineWidth) / 2 : align === 'right' ? width - lineWidth : 0;
      doc.text(line, x + dx, y + index * lineHeight, { width: lineWidth + 2, lineBreak: false });
    });
    return lines.length * lineHeight;
  }

  private hrule(x1: number, x2: number, y: number, width = 0.6): void {
    this.doc.save().lineWidth(width).moveTo(x1, y).lineTo(x2, y).stroke().restore();
  }

  /**
   * The document header of Decree 30/2020 Appendix I: left, the parent agency in regular capitals
   * over the issuing agency in bold capitals with a short rule (1/3–1/2 of the name's width) under
   * it, then the number line — here "Mã hồ sơ", the dossier code of Circular 01/2018 Art. 19; right,
   * the national motto in bold capitals over "Độc lập - Tự do - Hạnh phúc" in bold with a rule as
   * long as the line, then the italic place and date. The QR code of the public lookup sits under
   * the date, against the right margin, where it does not crowd the title.
   */
  async header(
    issuer: IssuerBlock,
    options: { date: string; dossierCode?: string; documentNo?: string; qrText?: string; placeDate?: boolean },
  ): Promise<void> {
    const s = this.scale;
    const startY = this.y;
    const rightWidth = Math.ceil(this.widthOf(MOTTO, 'bold', s.motto)) + 8;
    const rightX = this.right - rightWidth;
    const leftWidth = rightX - this.left - 4;

    // Left column: the agency block.
    let y = startY;
    if (issuer.parentName) {
      const parent = this.breakAgencyName(upperVi(issuer.parentName), 'regular', s.agency, leftWidth);
      y += this.centredAt(parent, this.left, y, leftWidth, 'regular', s.agency);
    }
    const agency = upperVi(issuer.agencyName);
    y += this.centredAt(
      this.breakAgencyName(agency, 'bold', s.agency, leftWidth),
      this.left,
      y,
      leftWidth,
      'bold',
      s.agency,
    );
    const agencyLine = Math.min(leftWidth, this.widthOf(agency, 'bold', s.agency));
    const ruleLength = Math.max(agencyLine * 0.4, 36);
    y += 3;
    this.hrule(this.left + (leftWidth - ruleLength) / 2, this.left + (leftWidth + ruleLength) / 2, y);
    y += 5;
    if (options.dossierCode) {
      y += this.textAt('Mã hồ sơ:', this.left, y, leftWidth, 'regular', s.agency, 'center');
      // The code must stay on one line to be read back; shrink it rather than break it.
      const code = options.dossierCode;
      let size = s.agency;
      while (size > 6 && this.widthOf(code, 'bold', size) > leftWidth) {
        size -= 0.25;
      }
      y += this.textAt(code, this.left, y, leftWidth, 'bold', size, 'center');
    }
    if (options.documentNo) {
      // The number and symbol of the document (số, ký hiệu: Decree 30/2020 Appendix I).
      y += this.textAt(`Số: ${options.documentNo}`, this.left, y, leftWidth, 'regular', s.body, 'center');
    }
    const leftBottom = y;

    // Right column: the national motto, the place and date, the QR code.
    let ry = startY;
    ry += this.mottoAt(rightX, ry, rightWidth);
    if (options.placeDate !== false) {
      ry += this.textAt(
        formatPlaceDateVi(issuer.placeName, options.date),
        rightX,
        ry,
        rightWidth,
        'italic',
        s.body,
        'center',
      );
    }
    if (options.qrText) {
      const png = await makeQrPng(options.qrText);
      // Keep about four modules of white around the code (its quiet zone) clear of the date line.
      ry += 6;
      this.doc.image(png, this.right - s.qr, ry, { width: s.qr, height: s.qr });
      ry += s.qr;
    }
    this.y = Math.max(leftBottom, ry) + s.body * 0.5;
  }

  /**
   * The national motto (Decree 30/2020 Appendix I, quốc hiệu và tiêu ngữ): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
   * VIỆT NAM" in bold capitals over "Độc lập - Tự do - Hạnh phúc" in bold, a rule as long as the second
   * line under it, centred in the box; returns the height taken.
   */
  private mottoAt(x: number, y: number, width: number): number {
    const s = this.scale;
    let dy = this.textAt(MOTTO, x, y, width, 'bold', s.motto, 'center');
    dy += this.textAt(MOTTO_2, x, y + dy, width, 'bold', s.motto2, 'center');
    const ruleWidth = this.widthOf(MOTTO_2, 'bold', s.motto2);
    dy += 1;
    this.hrule(x + (width - ruleWidth) / 2, x + (width + ruleWidth) / 2, y + dy);
    return dy + 6;
  }

  /**
   * The national motto alone, centred on the page: the head of a form a citizen fills in (tờ khai,
   * đơn), which has no issuing agency block.
   */
  centredMotto(): void {
    this.y += this.mottoAt(this.left, this.y, this.width) + this.scale.body * 0.3;
  }

  /**
   * Small text at the top right, above the motto: where a template is published ("Mẫu số 01 ban hành
   * kèm theo Thông tư …"), in italic as the official templates print it.
   */
  templateSource(text: string): void {
    const s = this.scale;
    const width = this.width * 0.55;
    this.y += this.textAt(text, this.right - width, this.y, width, 'italic', s.small, 'right') + 4;
  }

  /**
   * An agency name too long for one line breaks before its locality ("ỦY BAN NHÂN DÂN / TỈNH HƯNG
   * YÊN"), as official headers are set, rather than wherever the width runs out ("… TỈNH HƯNG / YÊN").
   */
  private breakAgencyName(name: string, font: FontName, size: number, width: number): string {
    if (this.widthOf(name, font, size) <= width) {
      return name;
    }
    const match = / (THÀNH PHỐ|THỊ XÃ|THỊ TRẤN|ĐẶC KHU|TỈNH|HUYỆN|QUẬN|XÃ|PHƯỜNG) /u.exec(name);
    return match ? `${name.slice(0, match.index)}\n${name.slice(match.index + 1)}` : name;
  }

  /** The document title, centred in bold capitals (Decree 30 Appendix I: tên loại văn bản), with optional italic sub-lines. */
  title(title: string, subLines: string[] = []): void {
    const s = this.scale;
    const width = this.width * 0.9;
    const x = this.left + (this.width - width) / 2;
    const text = upperVi(title);
    this.ensureSpace(this.heightOf(text, 'bold', s.title, width) + s.body * 3);
    this.y += this.centredAt(text, x, this.y, width, 'bold', s.title);
    for (const line of subLines) {
      this.y += this.textAt(line, x, this.y, width, 'italic', s.body, 'center');
    }
    this.y += s.body * 0.4;
  }

  /**
   * A body paragraph made of runs in different fonts (e.g. a label and a bold value), wrapped and
   * flowed across pages by PDFKit. Plain paragraphs are justified as Decree 30 asks; mixed ones are
   * left-aligned because PDFKit cannot justify across font changes.
   */
  paragraph(
    content: string | Run[],
    options: { size?: number; align?: Align; indent?: number; firstLineIndent?: number; gapAfter?: number } = {},
  ): void {
    const runs = (typeof content === 'string' ? [{ text: content }] : content).filter((run) => run.text !== '');
    if (runs.length === 0) {
      return;
    }
    const size = options.size ?? this.scale.body;
    const indent = options.indent ?? 0;
    let align: Align = options.align ?? (runs.length === 1 ? 'justify' : 'left');
    let x = this.left + indent;
    let width = this.width - indent;
    if (align === 'center' && runs.length > 1) {
      // PDFKit misplaces centred text made of several fragments; centre a one-line paragraph by hand.
      const total = runs.reduce((sum, run) => sum + this.widthOf(run.text, run.font ?? 'regular', size), 0);
      if (total < width) {
        x += (width - total) / 2;
        width = total + 1;
      }
      align = 'left';
    }
    // Never start a paragraph on the last line of a page.
    this.ensureSpace(this.lineHeight(size) * 2);
    const doc = this.doc;
    runs.forEach((run, index) => {
      const last = index === runs.length - 1;
      this.use(run.font ?? 'regular', size);
      if (index === 0) {
        doc.text(nfc(run.text), x, this.y, {
          width,
          align,
          continued: !last,
          indent: options.firstLineIndent ?? 0,
          lineGap: this.scale.leading,
        });
      } else {
        doc.text(nfc(run.text), { continued: !last });
      }
    });
    doc.x = this.left;
    this.y += options.gapAfter ?? 0.75;
  }

  private partHeight(part: CellPart, width: number, size: number): number {
    if ('space' in part) {
      return part.space;
    }
    if ('columns' in part) {
      const sub = width / part.columns.length;
      return Math.max(0, ...part.columns.map((column) => this.cellHeight(column, sub - 2, size)));
    }
    return this.heightOf(part.text, part.font ?? 'regular', part.size ?? size, width);
  }

  private cellHeight(parts: CellPart[], width: number, size: number): number {
    return parts.reduce((height, part) => height + this.partHeight(part, width, size), 0);
  }

  private drawCell(parts: CellPart[], x: number, y: number, width: number, size: number, align: Align): void {
    let cy = y;
    for (const part of parts) {
      if ('columns' in part) {
        const sub = width / part.columns.length;
        part.columns.forEach((column, index) => {
          this.drawCell(column, x + index * sub + 1, cy, sub - 2, size, align);
        });
      } else if ('text' in part) {
        this.textAt(part.text, x, cy, width, part.font ?? 'regular', part.size ?? size, part.align ?? align);
      }
      cy += this.partHeight(part, width, size);
    }
  }

  /**
   * A bordered table. Rows never split; a row that does not fit starts a new page, and the header
   * row is drawn again at the top of every page the table continues on.
   */
  table(
    columns: Column[],
    rows: Cell[][],
    options: { size?: number; headerSize?: number; padding?: number } = {},
  ): void {
    const size = options.size ?? this.scale.table;
    const headerSize = options.headerSize ?? size;
    const pad = options.padding ?? 2.5;
    const total = columns.reduce((sum, column) => sum + column.weight, 0);
    const fixed = columns.reduce((sum, column) => sum + (column.minWidth ?? 0), 0);
    const widths = columns.map((column) => (column.minWidth ?? 0) + (column.weight / total) * (this.width - fixed));
    const xs: number[] = [];
    widths.reduce((x, width) => {
      xs.push(x);
      return x + width;
    }, this.left);
    const inner = (index: number): number => (widths[index] ?? 0) - 2 * pad;
    const toParts = (cell: Cell): CellPart[] => (typeof cell === 'string' ? [{ text: cell }] : cell);

    const headerParts = columns.map((column): CellPart[] => [{ text: column.header, font: 'bold', size: headerSize }]);
    // Header cells get a little more air than body cells; their text is centred both ways.
    const headerHeight =
      Math.max(...headerParts.map((parts, index) => this.cellHeight(parts, inner(index), headerSize))) + 2 * pad + 3;
    const maxRowHeight = this.bottom - this.top - headerHeight;

    const drawRow = (parts: CellPart[][], height: number, header: boolean): void => {
      const y = this.y;
      parts.forEach((cell, index) => {
        const x = xs[index] ?? this.left;
        const width = widths[index] ?? 0;
        this.doc.save().lineWidth(0.6).rect(x, y, width, height).stroke().restore();
        const contentHeight = this.cellHeight(cell, inner(index), size);
        // Header cells are centred both ways; body cells start at the top.
        const dy = header ? (height - 2 * pad - contentHeight) / 2 : 0;
        const align = header ? 'center' : (columns[index]?.align ?? 'left');
        // A cell taller than a whole page is cut at the page's foot rather than drawn over it.
        const clip = contentHeight + 2 * pad > height + 0.01;
        if (clip) {
          this.doc.save().rect(x, y, width, height).clip();
        }
        this.drawCell(cell, x + pad, y + pad + dy, inner(index), size, align);
        if (clip) {
          this.doc.restore();
        }
      });
      this.y = y + height;
    };

    const rowParts = rows.map((row) => row.map(toParts));
    const rowHeights = rowParts.map((parts) =>
      Math.min(
        maxRowHeight,
        Math.max(...parts.map((cell, index) => this.cellHeight(cell, inner(index), size))) + 2 * pad,
      ),
    );

    // Keep the header with the first row.
    this.ensureSpace(headerHeight + (rowHeights[0] ?? 0));
    drawRow(headerParts, headerHeight, true);
    rowParts.forEach((parts, index) => {
      const height = rowHeights[index] ?? 0;
      if (this.y + height > this.bottom + 0.01) {
        this.newPage();
        drawRow(headerParts, headerHeight, true);
      }
      drawRow(parts, height, false);
    });
    this.doc.x = this.left;
  }

  private signatureHeight(block: Signature, width: number): number {
    const s = this.scale;
    let height = this.heightOf(upperVi(block.title), 'bold', s.body, width);
    if (block.caption) {
      height += this.heightOf(block.caption, 'italic', s.small, width);
    }
    height += s.signatureSpace;
    if (block.name) {
      height += this.heightOf(block.name, 'bold', s.body, width);
    }
    return height;
  }

  /**
   * Signature blocks side by side at the foot of the form (Decree 30 Appendix I: title of the signer
   * in bold capitals, the signature, the name in bold). A single block sits in the right half; with
   * `recipients` the left half carries the "Nơi nhận" list of Decree 30 Appendix I. The whole block
   * moves to a new page rather than splitting.
   */
  signatures(blocks: Signature[], options: { recipients?: string[] } = {}): void {
    const layout = this.signatureLayout(blocks, options.recipients);
    this.ensureSpace(layout.height);
    this.signaturesAt(blocks, layout.first, layout.slotWidth, layout.height, options.recipients);
  }

  /** The height `signatures` will take, so a closing paragraph can be kept on the same page as it. */
  signaturesHeight(blocks: Signature[], options: { recipients?: string[] } = {}): number {
    return this.signatureLayout(blocks, options.recipients).height;
  }

  private signatureLayout(
    blocks: Signature[],
    recipients: string[] | undefined,
  ): { first: number; slotWidth: number; height: number } {
    const s = this.scale;
    const slots = blocks.length === 1 ? 2 : blocks.length;
    const slotWidth = this.width / slots;
    const first = blocks.length === 1 ? 1 : 0;
    const recipientsHeight = recipients
      ? this.lineHeight(s.small, 'boldItalic') + recipients.length * this.lineHeight(s.small)
      : 0;
    const height = Math.max(recipientsHeight, ...blocks.map((block) => this.signatureHeight(block, slotWidth - 8)));
    return { first, slotWidth, height };
  }

  private signaturesAt(
    blocks: Signature[],
    first: number,
    slotWidth: number,
    height: number,
    recipients: string[] | undefined,
  ): void {
    const s = this.scale;
    const top = this.y;
    blocks.forEach((block, index) => {
      const x = this.left + (first + index) * slotWidth + 4;
      const width = slotWidth - 8;
      let y = top;
      y += this.textAt(upperVi(block.title), x, y, width, 'bold', s.body, 'center');
      if (block.caption) {
        y += this.textAt(block.caption, x, y, width, 'italic', s.small, 'center');
      }
      this.signatureSpaces.push({
        page: this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count,
        x,
        top: y,
        width,
        height: s.signatureSpace,
      });
      y += s.signatureSpace;
      if (block.name) {
        this.textAt(block.name, x, y, width, 'bold', s.body, 'center');
      }
    });
    if (recipients) {
      let y = top + this.lineHeight(s.body) * 0.2;
      const width = slotWidth - 8;
      y += this.textAt('Nơi nhận:', this.left, y, width, 'boldItalic', s.small, 'left');
      for (const line of recipients) {
        y += this.textAt(line, this.left, y, width, 'regular', s.small * 0.92, 'left');
      }
    }
    this.y = top + height;
  }

  /**
   * Numbers pages 2 onwards, centred in the top margin (Decree 30 Appendix I, page numbers: Arabic numerals,
   * the first page not numbered), then closes the document.
   */
  async finish(options: { footer?: string } = {}): Promise<Buffer> {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    if (options.footer) {
      // A line in the bottom margin of every page (e.g. the dossier code a printed tờ khai belongs to).
      const size = this.scale.small * 0.9;
      const lineHeight = this.lineHeight(size);
      for (let index = 0; index < range.count; index += 1) {
        doc.switchToPage(range.start + index);
        // Below the bottom margin PDFKit would start a new page for the text; lift the margin meanwhile.
        const margin = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        const y = this.bottom + (doc.page.height - this.bottom - lineHeight) / 2;
        this.textAt(options.footer, this.left, y, this.width, 'italic', size, 'center');
        doc.page.margins.bottom = margin;
      }
    }
    if (range.count > 1) {
      for (let index = 1; index < range.count; index += 1) {
        doc.switchToPage(range.start + index);
        const size = this.scale.body;
        this.use('regular', size);
        const y = (this.top - doc.currentLineHeight()) / 2;
        doc.text(String(index + 1), this.left, y, { width: this.width, align: 'center', lineBreak: false });
      }
    }
    doc.end();
    return this.done;
  }
}
