import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderDemoDraftPdf } from '../../../seed/demo-eoffice-outgoing.js';
import {
  AGENCY_COLUMN,
  AGENCY_COLUMN_CENTRE,
  DEFAULT_NUMBER_PLACEMENT,
  resolvePlacement,
  stampNumberOnPdf,
  whiteBand,
} from './stamp-number.js';

const MM = 72 / 25.4;

/** Each text item of page 1 with its left edge, width and baseline in PDF points. */
const textItems = async (pdf: Buffer) => {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  const items = content.items.flatMap((item) =>
    'str' in item && item.str.trim() !== ''
      ? [
          {
            text: item.str.normalize('NFC'),
            x: item.transform[4] as number,
            y: item.transform[5] as number,
            width: item.width,
          },
        ]
      : [],
  );
  await doc.destroy();
  return items;
};

describe('the Decree 30 A4 placement defaults', () => {
  it('centre "Số: …" in the agency-name column, the 30 mm margin to 90 mm, on the date line', () => {
    expect(AGENCY_COLUMN.left).toBe(Math.round(30 * MM));
    expect(AGENCY_COLUMN_CENTRE).toBe(170);
    expect(DEFAULT_NUMBER_PLACEMENT.number).toEqual({ page: 1, x: 170, y: 714, size: 13, align: 'center' });
    expect(DEFAULT_NUMBER_PLACEMENT.placeDate.y).toBe(DEFAULT_NUMBER_PLACEMENT.number.y);
    // The place and date sit in the right column, right of the agency column.
    expect(DEFAULT_NUMBER_PLACEMENT.placeDate.x).toBeGreaterThan(AGENCY_COLUMN.right);
  });

  it('put the signature on the last page unless moved, and keep each page inside the document', () => {
    const placed = resolvePlacement(3);
    expect(placed.signature.page).toBe(3);
    expect(placed.number.page).toBe(1);
    expect(placed.number.align).toBe('center');
    const moved = resolvePlacement(2, {
      number: { x: 200, align: 'left' },
      placeDate: { page: 9 },
      signature: { page: 1, x: 300, y: 200 },
    });
    expect(moved.number).toMatchObject({ x: 200, y: 714, align: 'left', page: 1 });
    expect(moved.placeDate.page).toBe(2);
    expect(moved.signature).toMatchObject({ page: 1, x: 300, y: 200, width: DEFAULT_NUMBER_PLACEMENT.signature.width });
  });

  it('hide the whole column under a centred number and only the line under a left one', () => {
    expect(whiteBand({ x: 170, align: 'center' }, 80)).toEqual({ x: 85, width: 170 });
    const wide = whiteBand({ x: 170, align: 'center' }, 200);
    expect(wide.width).toBe(208);
    expect(whiteBand({ x: 100, align: 'left' }, 80)).toEqual({ x: 98, width: 120 });
  });

  it('stamp the number centred under the agency name of a draft, over its blank', async () => {
    const draft = await renderDemoDraftPdf({
      type: 'QĐ',
      subject: 'Về việc thử',
      body: ['Căn cứ Nghị định số 30/2020/NĐ-CP;'],
    });
    const pages = (await PDFDocument.load(draft)).getPageCount();
    const { pdf } = await stampNumberOnPdf(draft, {
      numberSymbol: '12/QĐ-SNV',
      placeDate: 'Hưng Yên, ngày 07 tháng 12 năm 2026',
      placement: resolvePlacement(pages),
    });
    const items = await textItems(pdf);
    const agency = items.find((item) => item.text === 'SỞ NỘI VỤ');
    const number = items.find((item) => item.text.startsWith('Số: 12/QĐ-SNV'));
    if (!agency || !number) {
      throw new Error(`not found in ${items.map((item) => item.text).join(' | ')}`);
    }
    const centre = (item: { x: number; width: number }) => item.x + item.width / 2;
    expect(Math.abs(centre(number) - centre(agency))).toBeLessThan(1);
    expect(number.y).toBeCloseTo(714, 0);
  });
});
