import { readFile } from 'node:fs/promises';
import * as fontkit from 'fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PagePoint, SignaturePlacement } from '../../../signing/types.js';

/**
 * Where the system writes the number and the place/date on a signed document, and where the signature
 * image goes. Defaults follow the Decree 30/2020 A4 layout (Phụ lục I [RECALL]: margins top 20–25 mm,
 * left 30–35 mm; "Số: …" centred under the issuing agency's name in the left column, the italic place
 * and date on the same line in the right column; the signature block at the right, above "Nơi nhận")
 * for a draft that leaves those blanks where the template puts them; the request may move each.
 */
export type NumberPlacement = {
  /** `x` is the centre of the line when `align` is 'center' (the default), its left edge when 'left'. */
  number: PagePoint & { size: number; align: 'left' | 'center' };
  placeDate: PagePoint & { size: number };
  signature: SignaturePlacement;
};

const MM = 72 / 25.4;
const A4_HEIGHT = 841.89;

/**
 * The agency-name column of the Decree 30 A4 header (Phụ lục I, ô số 2 and 3 [RECALL]): from the 30 mm
 * left margin to about 90 mm from the page's left edge, the name of the issuing agency centred in it
 * and "Số: …" centred under the name. The column's centre is where the number goes by default.
 */
export const AGENCY_COLUMN = { left: Math.round(30 * MM), right: Math.round(90 * MM) } as const;
export const AGENCY_COLUMN_CENTRE = Math.round((AGENCY_COLUMN.left + AGENCY_COLUMN.right) / 2);

export const DEFAULT_NUMBER_PLACEMENT: NumberPlacement = {
  number: { page: 1, x: AGENCY_COLUMN_CENTRE, y: Math.round(A4_HEIGHT - 45 * MM), size: 13, align: 'center' },
  placeDate: { page: 1, x: Math.round(105 * MM), y: Math.round(A4_HEIGHT - 45 * MM), size: 14 },
  signature: { page: 1, x: Math.round(115 * MM), y: Math.round(60 * MM), width: Math.round(60 * MM), height: 70 },
};

/** The request's placement over the defaults (a signature page of 0 means the last page). */
export const resolvePlacement = (
  pageCount: number,
  override?: {
    number?: Partial<NumberPlacement['number']>;
    placeDate?: Partial<NumberPlacement['placeDate']>;
    signature?: Partial<SignaturePlacement>;
  },
): NumberPlacement => {
  const clampPage = (page: number) => Math.min(Math.max(page, 1), pageCount);
  const placement: NumberPlacement = {
    number: { ...DEFAULT_NUMBER_PLACEMENT.number, ...override?.number },
    placeDate: { ...DEFAULT_NUMBER_PLACEMENT.placeDate, ...override?.placeDate },
    signature: { ...DEFAULT_NUMBER_PLACEMENT.signature, page: pageCount, ...override?.signature },
  };
  placement.number.page = clampPage(placement.number.page);
  placement.placeDate.page = clampPage(placement.placeDate.page);
  placement.signature.page = clampPage(placement.signature.page);
  return placement;
};

const FONT_DIR = new URL('../../../../assets/fonts/', import.meta.url);
let fontBytes: { regular: Buffer; italic: Buffer } | undefined;
export const loadFontBytes = async () => {
  fontBytes ??= {
    regular: await readFile(new URL('LiberationSerif-Regular.ttf', FONT_DIR)),
    italic: await readFile(new URL('LiberationSerif-Italic.ttf', FONT_DIR)),
  };
  return fontBytes;
};

/** The page count of a PDF (422 upstream when it is not one). */
export const countPdfPages = async (pdf: Buffer): Promise<number> =>
  (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();

/**
 * The white band that hides the template's blank under a stamped line: for a centred number, the whole
 * agency column's width (the blank "Số:      /QĐ-UBND" is centred there too), wider if the text is; for a
 * line set from its left edge, the text and 40 points more (the blanks between "ngày", "tháng", "năm").
 */
export const whiteBand = (at: { x: number; align?: 'left' | 'center' }, textWidth: number) => {
  if (at.align === 'center') {
    const half = Math.max(textWidth / 2 + 4, (AGENCY_COLUMN.right - AGENCY_COLUMN.left) / 2);
    return { x: at.x - half, width: 2 * half };
  }
  return { x: at.x - 2, width: textWidth + 40 };
};

/**
 * Writes "Số: 12/QĐ-UBND" and "Hưng Yên, ngày 07 tháng 12 năm 2026" (italic) onto the PDF at the
 * placement, each over a white band that hides the template's blank ("Số:      /QĐ-UBND"), in the serif
 * font of the decree (Liberation Serif, Times New Roman's metrics). Returns the new PDF, to be signed.
 */
export const stampNumberOnPdf = async (
  pdf: Buffer,
  input: { numberSymbol: string; placeDate: string; placement: NumberPlacement },
): Promise<{ pdf: Buffer; pageCount: number }> => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.registerFontkit(fontkit as never);
  const fonts = await loadFontBytes();
  // The whole font (pdf-lib's subsetting needs @pdf-lib/fontkit's encodeStream, which fontkit 2 lacks).
  const regular = await doc.embedFont(fonts.regular, { subset: false });
  const italic = await doc.embedFont(fonts.italic, { subset: false });
  const pages = doc.getPages();
  const draw = (text: string, at: PagePoint & { size: number; align?: 'left' | 'center' }, font: typeof regular) => {
    const page = pages[at.page - 1];
    if (!page) {
      return;
    }
    const width = font.widthOfTextAtSize(text, at.size);
    const band = whiteBand(at, width);
    page.drawRectangle({ ...band, y: at.y - 4, height: at.size + 6, color: rgb(1, 1, 1) });
    const x = at.align === 'center' ? at.x - width / 2 : at.x;
    page.drawText(text, { x, y: at.y, size: at.size, font, color: rgb(0, 0, 0) });
  };
  draw(`Số: ${input.numberSymbol}`, input.placement.number, regular);
  draw(input.placeDate, input.placement.placeDate, italic);
  return { pdf: Buffer.from(await doc.save({ useObjectStreams: false })), pageCount: pages.length };
};
