import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canExchangeElectronically,
  DELIVERY_STATUSES,
  deliveryStatusOfEdxmlCode,
  EDXML_STATUS_CODES,
  EDXML_VERSION,
  type ExchangePackage,
  joinNumberSymbol,
  planStatusImport,
  splitNumberSymbol,
  validateExchangePackage,
  validateExchangeStatusBatch,
} from '../index.js';

const PACKAGE: ExchangePackage = {
  version: EDXML_VERSION,
  header: {
    documentId: '5f0c2b8e-3a4d-4f6e-9b1a-2c3d4e5f6a7b',
    from: { code: '000.00.00.H31', name: 'Ủy ban nhân dân tỉnh Hưng Yên' },
    to: [{ code: '000.00.00.H26', name: 'Ủy ban nhân dân thành phố Hà Nội' }],
    code: { number: '12', notation: 'QĐ-UBND' },
    promulgation: { place: 'Hưng Yên', date: '2026-11-23' },
    documentType: { code: 'QĐ', name: 'Quyết định' },
    subject: 'Về việc phối hợp giải quyết thủ tục hành chính liên tỉnh',
    signer: { name: 'Nguyễn Văn Ký', position: 'Chủ tịch' },
    dueDate: '2026-12-10',
    steering: true,
    urgency: 'khan',
    confidentiality: 'normal',
    sentAt: '2026-11-23T09:00:00+07:00',
  },
  attachments: [
    { name: '12-QD-UBND.pdf', mediaType: 'application/pdf', sha256: 'a'.repeat(64), contentBase64: 'JVBERi0=' },
  ],
};

const withHeader = (patch: Partial<ExchangePackage['header']>): unknown => ({
  ...PACKAGE,
  header: { ...PACKAGE.header, ...patch },
});

describe('the exchange package (QCVN 102:2016 edXML [RECALL])', () => {
  it('accepts a complete package', () => {
    const result = validateExchangePackage(PACKAGE);
    expect(result.ok).toBe(true);
  });

  it('names the field of each problem with a JSON pointer', () => {
    const result = validateExchangePackage(withHeader({ from: { code: '12345', name: 'X' } }));
    expect(result).toEqual({
      ok: false,
      issues: [{ pointer: '/header/from/code', message: 'must be an identifier code such as 000.00.00.H56' }],
    });
    const noSubject = validateExchangePackage(withHeader({ subject: '  ' }));
    expect(noSubject.ok || noSubject.issues.map((i) => i.pointer)).toEqual(['/header/subject']);
    const badDate = validateExchangePackage(withHeader({ promulgation: { place: 'Hưng Yên', date: '23/11/2026' } }));
    expect(badDate.ok || badDate.issues.map((i) => i.pointer)).toEqual(['/header/promulgation/date']);
  });

  it('wants the document first, as a PDF, and receivers other than the sender, each once', () => {
    const docx = validateExchangePackage({
      ...PACKAGE,
      attachments: [{ ...PACKAGE.attachments[0], mediaType: 'application/msword' }],
    });
    expect(docx.ok || docx.issues.map((i) => i.pointer)).toEqual(['/attachments/0/mediaType']);
    const self = validateExchangePackage(withHeader({ to: [PACKAGE.header.from, PACKAGE.header.from] }));
    expect(self.ok || self.issues.map((i) => i.message)).toEqual([
      'the sender cannot be a receiver',
      'the sender cannot be a receiver',
      'a receiving organ is named twice',
    ]);
    const late = validateExchangePackage(withHeader({ dueDate: '2026-11-01' }));
    expect(late.ok || late.issues.map((i) => i.pointer)).toEqual(['/header/dueDate']);
    expect(validateExchangePackage({ ...PACKAGE, attachments: [] }).ok).toBe(false);
  });

  it('refuses any package with one field removed (every header field is required)', () => {
    const keys = Object.keys(PACKAGE.header) as (keyof ExchangePackage['header'])[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), (key) => {
        const header: Record<string, unknown> = { ...PACKAGE.header };
        delete header[key];
        const result = validateExchangePackage({ ...PACKAGE, header });
        expect(result.ok).toBe(false);
        expect(result.ok || result.issues.some((i) => i.pointer === `/header/${key}`)).toBe(true);
      }),
    );
  });

  it('keeps state secrets off the exchange', () => {
    expect(canExchangeElectronically('normal')).toBe(true);
    for (const mark of ['mat', 'toi_mat', 'tuyet_mat'] as const) {
      expect(canExchangeElectronically(mark)).toBe(false);
    }
  });

  it('splits and joins the number/symbol', () => {
    expect(splitNumberSymbol('12/QĐ-UBND')).toEqual({ number: '12', notation: 'QĐ-UBND' });
    expect(splitNumberSymbol('35/UBND-VP')).toEqual({ number: '35', notation: 'UBND-VP' });
    expect(splitNumberSymbol('QĐ-UBND')).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.stringMatching(/^[A-ZĐ][A-ZĐa-z-]{0,20}$/), (n, notation) => {
        const code = { number: String(n), notation };
        expect(splitNumberSymbol(joinNumberSymbol(code))).toEqual(code);
      }),
    );
  });

  it('maps every status to one edXML code and back', () => {
    const codes = DELIVERY_STATUSES.map((s) => EDXML_STATUS_CODES[s]);
    expect(new Set(codes).size).toBe(DELIVERY_STATUSES.length);
    for (const status of DELIVERY_STATUSES) {
      expect(deliveryStatusOfEdxmlCode(EDXML_STATUS_CODES[status])).toBe(status);
    }
    expect(deliveryStatusOfEdxmlCode('99')).toBeUndefined();
  });
});

describe('status messages back to the sender', () => {
  const message = (seq: number, status: (typeof DELIVERY_STATUSES)[number]) => ({
    responseFor: { documentId: PACKAGE.header.documentId, packageSha256: 'b'.repeat(64) },
    from: PACKAGE.header.to[0],
    to: PACKAGE.header.from,
    seq,
    status,
    at: '2026-11-23T10:00:00+07:00',
    note: null,
  });

  it('validates a batch, naming the field', () => {
    expect(validateExchangeStatusBatch({ version: EDXML_VERSION, messages: [message(1, 'delivered')] }).ok).toBe(true);
    const bad = validateExchangeStatusBatch({
      version: EDXML_VERSION,
      messages: [{ ...message(1, 'delivered'), seq: 0 }],
    });
    expect(bad.ok || bad.issues.map((i) => i.pointer)).toEqual(['/messages/0/seq']);
  });

  it('records new messages in order, skips those already recorded, refuses gaps and steps back', () => {
    expect(planStatusImport([], [message(1, 'delivered'), message(2, 'received')])).toEqual({
      ok: true,
      record: [0, 1],
    });
    expect(
      planStatusImport([{ seq: 1, status: 'delivered' }], [message(2, 'received'), message(1, 'delivered')]),
    ).toEqual({ ok: true, record: [0] });
    expect(planStatusImport([{ seq: 1, status: 'delivered' }], [message(3, 'received')])).toEqual({
      ok: false,
      index: 0,
      reason: 'gap',
    });
    expect(planStatusImport([], [message(1, 'received')])).toEqual({ ok: false, index: 0, reason: 'order' });
    expect(planStatusImport([{ seq: 1, status: 'delivered' }], [message(1, 'refused')])).toEqual({
      ok: false,
      index: 0,
      reason: 'conflict',
    });
  });

  it('importing the same batch twice records it once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DELIVERY_STATUSES), { maxLength: 8 }), (steps) => {
        const batch = [message(1, 'delivered'), ...steps.map((s, i) => message(i + 2, s))];
        const first = planStatusImport([], batch);
        if (!first.ok) {
          return;
        }
        const known = first.record.map((i) => ({ seq: batch[i]?.seq ?? 0, status: batch[i]?.status ?? 'delivered' }));
        expect(planStatusImport(known, batch)).toEqual({ ok: true, record: [] });
      }),
    );
  });
});
