import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tidyPrintedText } from '@motcua/domain';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type {
  ApologyFormData,
  CommonFormData,
  ControlSlipFormData,
  FormData,
  ReceiptFormData,
  RefusalFormData,
  StopNoticeFormData,
  SupplementRequestFormData,
  TrackingBookFormData,
  TrackingBookRow,
} from './form-data.js';
import { renderForm } from './render-form.js';

// Set MOTCUA_PDF_PREVIEW_DIR=/tmp/forms to keep the rendered files for a look with a PDF viewer.
const previewDir = process.env.MOTCUA_PDF_PREVIEW_DIR;

const common: CommonFormData = {
  issuer: {
    parentName: 'Ủy ban nhân dân tỉnh Hưng Yên',
    agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
    placeName: 'Hưng Yên',
  },
  dossierCode: '000.00.00.H31-261102-0007',
  lookupUrl: 'https://dichvucong.hungyen.gov.vn/tra-cuu?ma=000.00.00.H31-261102-0007',
  issuedAt: { date: '2026-11-02', time: '08:15' },
  procedureName: 'Thủ tục đăng ký khai sinh',
  applicant: {
    name: 'Nguyễn Thị Ánh Tuyết',
    kind: 'person',
    identifier: '033190012345',
    address: 'Số 12 đường Nguyễn Văn Linh, phường Hiến Nam, tỉnh Hưng Yên',
    phone: '0912 345 678',
    email: 'anhtuyet.nguyen@example.vn',
  },
};

const components = (n: number): ReceiptFormData['components'] =>
  Array.from({ length: n }, (_, i) => ({
    name: i === 0 ? 'Tờ khai đăng ký khai sinh theo mẫu' : `Giấy tờ chứng minh số ${i + 1}`,
    originals: 1,
    copies: i % 2,
  }));

const receipt: ReceiptFormData = {
  ...common,
  form: 'receipt',
  receivingUnit: 'Bộ phận Một cửa - Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
  channel: 'Trực tiếp tại Bộ phận Một cửa',
  summary: 'Đăng ký khai sinh cho con là Trần Minh Khôi, sinh ngày 20/10/2026',
  components: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0 },
    { name: 'Giấy chứng sinh do cơ sở y tế cấp', originals: 1, copies: 0 },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ', originals: 0, copies: 1, note: 'bản sao có chứng thực' },
  ],
  sets: 1,
  legalTime: '03 ngày làm việc',
  receivedAt: { date: '2026-11-02', time: '08:15' },
  appointment: { date: '2026-11-05', time: '09:30' },
  provisional: true,
  resultPlace: 'Quầy số 5, Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
  trackingPin: '482913',
  receiver: { title: 'Người tiếp nhận hồ sơ', name: 'Lê Văn Đức' },
};

const supplement: SupplementRequestFormData = {
  ...common,
  form: 'supplement_request',
  missing: [
    'Bổ sung bản sao có chứng thực Giấy chứng nhận kết hôn của cha, mẹ',
    'Ghi đầy đủ nơi cư trú của người mẹ trong tờ khai',
  ],
  reason: 'Hồ sơ chưa đủ thành phần theo quy định tại Điều 16 Luật Hộ tịch',
  guidingOfficer: { title: 'Người hướng dẫn', name: 'Phạm Thị Hồng Nhung', phone: '0221 3862 111' },
};

const refusal: RefusalFormData = {
  ...common,
  form: 'refusal',
  reason: 'Việc đăng ký khai sinh thuộc thẩm quyền của Ủy ban nhân dân xã nơi cư trú của người mẹ',
  officer: { title: 'Người từ chối tiếp nhận', name: 'Lê Văn Đức' },
};

const apology: ApologyFormData = {
  ...common,
  form: 'apology',
  issuedAt: { date: '2026-11-04', time: '14:00' },
  receivedAt: { date: '2026-11-02', time: '08:15' },
  originalAppointment: { date: '2026-11-05', time: '09:30' },
  newAppointment: { date: '2026-11-10', time: '14:00' },
  reason: 'cần xác minh thông tin về nơi sinh với Bệnh viện Đa khoa tỉnh Hưng Yên',
  head: { title: 'Giám đốc', name: 'Đỗ Quang Hưng' },
};

const stopNotice: StopNoticeFormData = {
  ...common,
  form: 'stop_notice',
  issuedAt: { date: '2026-11-20', time: '10:00' },
  reason: 'quá thời hạn bổ sung hồ sơ mà ông/bà chưa nộp giấy tờ theo yêu cầu',
  head: { title: 'Giám đốc', name: 'Đỗ Quang Hưng' },
};

const controlSlip: ControlSlipFormData = {
  ...common,
  form: 'control_slip',
  receivedAt: { date: '2026-11-02', time: '08:15' },
  appointment: { date: '2026-11-05', time: '09:30' },
  lines: [
    {
      from: 'Bộ phận Một cửa',
      givenAt: { date: '2026-11-02', time: '09:00' },
      to: 'Phòng Tư pháp - Hộ tịch',
      receivedAt: { date: '2026-11-02', time: '09:20' },
      dueAt: { date: '2026-11-04', time: '17:00' },
      givenBy: 'Lê Văn Đức',
      receivedBy: 'Phạm Thị Hồng Nhung',
      result: 'Đúng hạn',
    },
    {
      from: 'Phòng Tư pháp - Hộ tịch',
      givenAt: { date: '2026-11-04', time: '15:30' },
      to: 'Lãnh đạo Sở Tư pháp (ký duyệt)',
      givenBy: 'Phạm Thị Hồng Nhung',
      note: 'Trình ký điện tử',
    },
  ],
  returned: {
    date: '2026-11-05',
    time: '09:00',
    channel: 'Tại Bộ phận Một cửa',
    returnedBy: 'Lê Văn Đức',
    result: 'Trước hạn',
  },
};

const bookRow = (i: number): TrackingBookRow => ({
  index: i,
  dossierCode: `000.00.00.H31-2611${String(1 + (i % 28)).padStart(2, '0')}-${String(i).padStart(4, '0')}`,
  summary: i % 3 === 0 ? 'Đăng ký khai sinh có yếu tố nước ngoài' : 'Thủ tục đăng ký khai sinh',
  sets: 1,
  applicantName: i % 2 ? 'Nguyễn Thị Ánh Tuyết' : 'Trần Đức Thắng',
  address: 'Phường Hiến Nam, tỉnh Hưng Yên',
  phone: '0912 345 678',
  receivedAt: '08:15 02/11/2026',
  appointment: '09:30 05/11/2026',
  ...(i % 4 === 0 ? { returnedAt: '10:00 05/11/2026' } : {}),
  receiver: 'Lê Văn Đức',
});

const book = (rows: number): TrackingBookFormData => ({
  form: 'tracking_book',
  issuer: common.issuer,
  period: 'Từ ngày 01/11/2026 đến ngày 30/11/2026',
  rows: Array.from({ length: rows }, (_, i) => bookRow(i + 1)),
  issuedAt: { date: '2026-12-01', time: '07:30' },
});

type Extracted = {
  pages: string[];
  /** Pairs of text pieces whose boxes overlap, per page: any is a layout bug. */
  overlaps: string[];
  /** Text printed in the top 45 pt of each page (inside the 20 mm top margin): where Decree 30 puts the page number. */
  topMargins: string[];
  text: string;
  imagesOnFirstPage: number;
};

/** Text of each page through pdfjs (no system tools on CI), whitespace collapsed, in NFC. */
const extract = async (pdf: Buffer): Promise<Extracted> => {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const topMargins: string[] = [];
  const overlaps: string[] = [];
  let imagesOnFirstPage = 0;
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    // Items on one line join as they are (pdfjs keeps the spaces); a new line starts a new word.
    let text = '';
    let lastY: number | undefined;
    for (const item of content.items) {
      if (!('str' in item)) {
        continue;
      }
      const y = item.transform[5];
      text += `${lastY !== undefined && y !== lastY ? ' ' : ''}${item.str}${item.hasEOL ? ' ' : ''}`;
      lastY = y;
    }
    pages.push(text.replace(/\s+/g, ' ').trim());
    const [, , pageWidth = 0, pageHeight = 0] = page.view;
    // Boxes from the baseline, shrunk a little so pieces that merely touch do not count.
    const boxes = content.items.flatMap((item) => {
      if (!('str' in item) || item.str.trim() === '') {
        return [];
      }
      const [, , , size = 0, x = 0, y = 0] = item.transform;
      return [
        { text: item.str, x0: x + 0.5, x1: x + item.width - 0.5, y0: y - size * 0.2 + 0.5, y1: y + size * 0.8 - 0.5 },
      ];
    });
    boxes.forEach((a, i) => {
      if (a.x0 < 0 || a.x1 > pageWidth || a.y0 < 0 || a.y1 > pageHeight) {
        overlaps.push(`page ${n}: "${a.text}" off the page`);
      }
      for (const b of boxes.slice(i + 1)) {
        if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) {
          overlaps.push(`page ${n}: "${a.text}" / "${b.text}"`);
        }
      }
    });
    topMargins.push(
      content.items
        .map((item) => ('str' in item && (item.transform[5] ?? 0) > pageHeight - 45 ? item.str : ''))
        .join('')
        .trim(),
    );
    if (n === 1) {
      const ops = await page.getOperatorList();
      imagesOnFirstPage = ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
    }
  }
  await doc.destroy();
  return { pages, overlaps, topMargins, text: pages.join(' ').normalize('NFC'), imagesOnFirstPage };
};

/** Renders, extracts, and checks that no two pieces of text overlap on any page. */
const render = async (name: string, data: FormData): Promise<{ pdf: Buffer } & Extracted> => {
  const pdf = await renderForm(data);
  if (previewDir) {
    mkdirSync(previewDir, { recursive: true });
    writeFileSync(join(previewDir, `${name}.pdf`), pdf);
  }
  const extracted = await extract(pdf);
  expect(extracted.overlaps).toEqual([]);
  return { pdf, ...extracted };
};

const HEADER = [
  'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
  'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH HƯNG YÊN',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
];

const expectAll = (text: string, expected: string[]): void => {
  for (const phrase of expected) {
    expect(text).toContain(phrase.normalize('NFC'));
  }
};

describe('renderForm', () => {
  it('Mẫu 01: receipt with header, code, QR code, applicant, components, appointment and signatures', async () => {
    const { text, pages, imagesOnFirstPage, pdf } = await render('01-receipt', receipt);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toHaveLength(1);
    expect(imagesOnFirstPage).toBe(1);
    expectAll(text, [
      ...HEADER,
      'Hưng Yên, ngày 02 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: 000.00.00.H31-261102-0007',
      'Nguyễn Thị Ánh Tuyết',
      'Thủ tục đăng ký khai sinh',
      'Giấy chứng nhận kết hôn của cha, mẹ',
      'STT',
      'Tên giấy tờ',
      'Bản chính',
      'Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc',
      'Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 02/11/2026',
      'Thời gian hẹn trả kết quả: 09 giờ 30 phút, ngày 05/11/2026',
      'lịch nghỉ lễ, Tết năm 2026 chưa được công bố',
      'bằng mã hồ sơ và mã tra cứu 482913',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
      'Lê Văn Đức',
    ]);
    expect(text).not.toContain('Trang');
  });

  it('Mẫu 01: leaves out the provisional note when the holiday schedule is known', async () => {
    const { text } = await render('01-receipt-final', { ...receipt, provisional: false });
    expect(text).not.toContain('chưa được công bố');
  });

  it('Mẫu 01: 25 components flow onto a second page, header row repeated, signatures not split', async () => {
    const { pages, topMargins } = await render('01-receipt-long', { ...receipt, components: components(25) });
    expect(pages.length).toBe(2);
    const [first = '', second = ''] = pages;
    expect(first).toContain('Tên giấy tờ');
    expect(second).toContain('Tên giấy tờ');
    expect(second).toContain('Giấy tờ chứng minh số 25');
    // Page numbers from page 2, Decree 30/2020 Appendix I.
    expect(topMargins).toEqual(['', '2']);
    for (const caption of ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', '(Ký và ghi rõ họ tên)', 'Lê Văn Đức']) {
      expect(first).not.toContain(caption);
      expect(second).toContain(caption);
    }
  });

  it('Mẫu 01: an organisation, handed in by a representative', async () => {
    const { text, pages } = await render('01-receipt-organisation', {
      ...receipt,
      applicant: {
        name: 'Công ty TNHH Thương mại Ánh Dương',
        kind: 'organisation',
        identifier: '0901234567',
        address: 'Khu công nghiệp Phố Nối A, xã Lạc Hồng, tỉnh Hưng Yên',
        submitterName: 'Phạm Văn Đạt',
      },
    });
    expect(pages).toHaveLength(1);
    expectAll(text, [
      'Tên tổ chức: Công ty TNHH Thương mại Ánh Dương, mã số doanh nghiệp/mã số thuế: 0901234567',
      'Người nộp hồ sơ: Phạm Văn Đạt',
      'tổ chức sẽ được thông báo',
    ]);
  });

  it('Mẫu 02: supplement request lists what is missing and the guiding officer', async () => {
    const { text, pages, imagesOnFirstPage } = await render('02-supplement-request', supplement);
    expect(pages).toHaveLength(1);
    expect(imagesOnFirstPage).toBe(1);
    expectAll(text, [
      ...HEADER,
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Mã hồ sơ: 000.00.00.H31-261102-0007',
      'Nguyễn Thị Ánh Tuyết',
      '1. Bổ sung bản sao có chứng thực Giấy chứng nhận kết hôn của cha, mẹ',
      '2. Ghi đầy đủ nơi cư trú của người mẹ trong tờ khai',
      'Lý do: Hồ sơ chưa đủ thành phần theo quy định tại Điều 16 Luật Hộ tịch.',
      'Phạm Thị Hồng Nhung, số điện thoại 0221 3862 111',
      'NGƯỜI HƯỚNG DẪN',
      '(Ký và ghi rõ họ tên)',
    ]);
  });

  it('Mẫu 03: refusal gives the reason and both signatures', async () => {
    const { text, pages } = await render('03-refusal', refusal);
    expect(pages).toHaveLength(1);
    expectAll(text, [
      ...HEADER,
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Mã hồ sơ: 000.00.00.H31-261102-0007',
      'Nguyễn Thị Ánh Tuyết',
      'thuộc thẩm quyền của Ủy ban nhân dân xã nơi cư trú của người mẹ.',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TỪ CHỐI TIẾP NHẬN',
      'Lê Văn Đức',
    ]);
  });

  it('Mẫu 04: apology gives the old and the new appointment, signed by the head', async () => {
    const { text, pages } = await render('04-apology', apology);
    expect(pages).toHaveLength(1);
    expectAll(text, [
      ...HEADER,
      'Hưng Yên, ngày 04 tháng 11 năm 2026',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Kính gửi: Ông/bà Nguyễn Thị Ánh Tuyết',
      'Ngày 02/11/2026',
      '09 giờ 30 phút, ngày 05/11/2026',
      '14 giờ 00 phút, ngày 10/11/2026',
      'cần xác minh thông tin về nơi sinh',
      'GIÁM ĐỐC',
      'Đỗ Quang Hưng',
      'Nơi nhận:',
    ]);
  });

  it('Mẫu 05 (Circular 03/2025): stop notice', async () => {
    const { text, pages } = await render('05-stop-notice', stopNotice);
    expect(pages).toHaveLength(1);
    expectAll(text, [
      ...HEADER,
      'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      'Kính gửi: Ông/bà Nguyễn Thị Ánh Tuyết',
      'Thủ tục đăng ký khai sinh',
      'quá thời hạn bổ sung hồ sơ',
      'GIÁM ĐỐC',
      'Đỗ Quang Hưng',
    ]);
  });

  it('control slip: A4 with give/receive lines per agency and blanks for the unknown times', async () => {
    const { text, pages, imagesOnFirstPage } = await render('06-control-slip', controlSlip);
    expect(pages).toHaveLength(1);
    expect(imagesOnFirstPage).toBe(1);
    expectAll(text, [
      ...HEADER,
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Mã hồ sơ: 000.00.00.H31-261102-0007',
      'Kèm theo hồ sơ của: Nguyễn Thị Ánh Tuyết',
      'Thời gian hẹn trả kết quả: 09 giờ 30 phút, ngày 05/11/2026',
      'TÊN CƠ QUAN',
      'THỜI GIAN GIAO, NHẬN HỒ SƠ',
      '1. Giao: Bộ phận Một cửa',
      '2. Nhận: Phòng Tư pháp - Hộ tịch',
      'Giao: 09 giờ 00 phút, ngày 02/11/2026',
      'Nhận: 09 giờ 20 phút, ngày 02/11/2026',
      'Nhận: ..... giờ ..... phút, ngày ...../...../..........',
      'Hạn xử lý: 17 giờ 00 phút, ngày 04/11/2026',
      'Đúng hạn',
      'Trình ký điện tử',
      'Người giao',
      'Người nhận',
      // The officials' names at each hand-over, under their signatures.
      'Người giao (Ký và ghi rõ họ tên) Lê Văn Đức Người nhận (Ký và ghi rõ họ tên) Phạm Thị Hồng Nhung',
      'Người giao (Ký và ghi rõ họ tên) Phạm Thị Hồng Nhung Người nhận (Ký và ghi rõ họ tên) Trình ký',
      'Người trả kết quả (Ký và ghi rõ họ tên) Lê Văn Đức Người nhận kết quả',
      'Trả: 09 giờ 00 phút, ngày 05/11/2026',
      'Trước hạn',
    ]);
  });

  it('tracking book: 40 rows over several landscape pages with the header row on each', async () => {
    const { text, pages, pdf } = await render('07-tracking-book', book(40));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expectAll(text, [...HEADER, 'SỔ THEO DÕI HỒ SƠ', 'Từ ngày 01/11/2026 đến ngày 30/11/2026', 'Nguyễn Thị Ánh Tuyết']);
    for (const page of pages) {
      expect(page).toContain('Mã hồ sơ');
      expect(page).toContain('Ngày hẹn trả kết quả');
    }
    expect(text).toContain('000.00.00.H31-261113-0040');
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    const page = await doc.getPage(1);
    const [, , width = 0, height = 0] = page.view;
    expect(width).toBeGreaterThan(height);
    await doc.destroy();
  });

  it('gives the same bytes for the same input', async () => {
    const first = await renderForm(receipt);
    // Other documents in between must not change the next one (nothing may leak between documents).
    await renderForm(book(3));
    await renderForm({ ...receipt, applicant: { ...receipt.applicant, name: 'Hoàng Thị Thu Hương' } });
    const second = await renderForm(structuredClone(receipt));
    expect(first.equals(second)).toBe(true);
  });

  it('renders decomposed (NFD) input with precomposed letters', async () => {
    const nfd = {
      ...receipt,
      applicant: { ...receipt.applicant, name: receipt.applicant.name.normalize('NFD') },
    };
    const { text } = await render('01-receipt-nfd', nfd);
    expect(text).toContain('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
  });
});

describe('every form is fit to print', () => {
  const A4 = [595.28, 841.89];
  const all: [string, FormData][] = [
    ['receipt', receipt],
    ['supplement_request', supplement],
    ['refusal', refusal],
    ['apology', apology],
    ['stop_notice', stopNotice],
    ['control_slip', controlSlip],
    ['tracking_book', book(3)],
  ];

  it.each(all)('%s: A4 on every page, no template placeholder, no word cut or glued', async (_name, data) => {
    const { pdf, text } = await render(`fit-${data.form}`, data);
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    for (let n = 1; n <= doc.numPages; n += 1) {
      const [, , width = 0, height = 0] = (await doc.getPage(n)).view;
      expect([Math.min(width, height), Math.max(width, height)].map((v) => Math.round(v))).toEqual(
        A4.map((v) => Math.round(v)),
      );
    }
    await doc.destroy();
    // No leftover of a template or a missing value.
    expect(text).not.toMatch(/"asOf"|\{\{|\}\}|\bundefined\b|\bnull\b|\bNaN\b|\[object/);
    // No word run into a bracket or cut with an ellipsis.
    expect(text).not.toMatch(/\)\p{L}|\p{L}…/u);
  });

  it('prints catalogue names with words apart and without a word cut at the source', async () => {
    const { text } = await render('fit-receipt-catalogue', {
      ...receipt,
      components: [
        {
          name: 'Văn bản đề nghị cấp lại Chứng chỉ hành nghề đấu giá (Mẫu 02-PLIII-ĐGTS Thông tư 08/2025/TT-BTP)Mẫu số',
          originals: 1,
          copies: 0,
        },
        { name: 'Giấy tờ chứng minh nơi cư trú của người yêu cầu đăng ký khai sinh ho…', originals: 0, copies: 1 },
      ].map((c) => ({ ...c, name: tidyPrintedText(c.name) })),
    });
    expect(text).toContain('Thông tư 08/2025/TT-BTP) Mẫu số');
    expect(text).toContain('người yêu cầu đăng ký khai sinh …');
    expect(text).not.toMatch(/TT-BTP\)Mẫu|ho…/u);
  });
});
