import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { readFileListSheet } from '../usecases/work/files/file-list.js';
import { renderWorkFileIndex } from './render-work-file-index.js';

/** Text of each page through pdfjs, whitespace collapsed, in NFC. */
const pagesOf = async (pdf: Buffer): Promise<string[]> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join(' ');
    pages.push(text.replace(/\s+/g, ' ').normalize('NFC').trim());
  }
  return pages;
};

describe('the cover and table of contents of a work file (Decree 30/2020 Art. 29)', () => {
  it('prints the cover on page 1 and the table of contents after, under the national motto', async () => {
    const pdf = await renderWorkFileIndex({
      issuer: { parentName: 'Ủy ban nhân dân tỉnh Hưng Yên', agencyName: 'Sở Nội vụ', placeName: 'Hưng Yên' },
      issuedAt: { date: '2026-12-07', time: '09:00' },
      cover: {
        archivalCode: '000.00.05.H31.2026.05.CCHC',
        code: '2026.05.CCHC',
        title: 'Hồ sơ triển khai Kế hoạch cải cách hành chính',
        from: '2026-01-05',
        to: '2026-11-30',
        retention: 'Vĩnh viễn',
        documentCount: 1,
        pageCount: 3,
        ownerName: 'Phạm Thị Lan',
        unitName: 'Phòng Cải cách hành chính và văn thư, lưu trữ',
      },
      rows: [['1', '45/BTP-VP', '02/01/2026', 'Về việc hướng dẫn', 'Bộ Tư pháp', '3', '']],
    });
    const pages = await pagesOf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pages[0]).toContain('000.00.05.H31.2026.05.CCHC');
    expect(pages[0]).toContain('Vĩnh viễn');
    expect(pages[0]).toContain('Từ ngày 05/01/2026 đến ngày 30/11/2026');
    expect(pages[1]).toContain('MỤC LỤC VĂN BẢN');
    expect(pages[1]).toContain('45/BTP-VP');
    expect(pages[1]).toContain('Tên loại và trích yếu nội dung văn bản');
  });
});

describe('reading a file list from a spreadsheet', () => {
  it('reads an .xlsx workbook whose header row is below a title, numbering rows as the sheet does', async () => {
    const { default: excel } = await import('exceljs');
    const workbook = new excel.Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    sheet.addRow(['DANH MỤC HỒ SƠ CỦA SỞ NỘI VỤ NĂM 2026']);
    sheet.addRow(['Số và ký hiệu hồ sơ', 'Tên đề mục và tiêu đề hồ sơ', 'Thời hạn bảo quản', 'Đơn vị/người lập hồ sơ']);
    sheet.addRow(['01.VP', 'Hồ sơ tổng kết năm', 'Vĩnh viễn', 'Văn phòng']);
    sheet.addRow(['02.VP', 'Hồ sơ hội nghị', 10, '']);
    const rows = await readFileListSheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { rowNo: 3, code: '01.VP', title: 'Hồ sơ tổng kết năm', retention: 'Vĩnh viễn', unit: 'Văn phòng' },
      { rowNo: 4, code: '02.VP', title: 'Hồ sơ hội nghị', retention: '10', unit: '' },
    ]);
  });

  it('reads a semicolon CSV with a byte-order mark', async () => {
    const rows = await readFileListSheet(
      Buffer.from('\uFEFFSố và ký hiệu hồ sơ;Tên đề mục và tiêu đề hồ sơ;Thời hạn bảo quản\n01.VP;Hồ sơ A;5 năm\n'),
    );
    expect(rows).toEqual([{ rowNo: 2, code: '01.VP', title: 'Hồ sơ A', retention: '5 năm', unit: '' }]);
  });
});
