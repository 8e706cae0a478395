import { describe, expect, it } from 'vitest';
import type { ProcedureVersionContent } from '../catalog/procedure.js';
import { formatVnd, formatVndInWords } from './money-words.js';
import { findApplicantNextStep } from './next-step.js';
import { buildOnlineApplicationSchema, describeDossierComponents, describeOnlineForm } from './online-application.js';
import { formatPaknCode, PaknSubmission, parsePaknCode } from './pakn.js';
import {
  buildChecksumInput,
  buildInitMessage,
  buildPaymentFeeLines,
  formatPaymentTime,
  INIT_CHECKSUM_FIELDS,
  RESULT_CHECKSUM_FIELDS,
} from './payment-message.js';
import { DossierRatingInput, EVALUATION_CRITERIA, scoreDossierRating } from './rating.js';

/** A small procedure for the portal's domain tests. */
const TEST_CONTENT: ProcedureVersionContent = {
  nationalCode: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  field: { name: 'Hộ tịch' },
  levels: ['commune'],
  applicantTypes: ['Công dân Việt Nam'],
  components: [
    {
      key: 'to-khai',
      name: 'Tờ khai',
      group: 'submit',
      originals: 1,
      copies: 0,
      required: true,
      replaceableByData: false,
    },
    {
      key: 'cu-tru',
      name: 'Giấy tờ cư trú',
      group: 'submit',
      originals: 0,
      copies: 1,
      required: false,
      replaceableByData: true,
    },
    {
      key: 'luu-y',
      name: 'Mang theo bản chính để đối chiếu',
      group: 'note',
      originals: 0,
      copies: 0,
      required: false,
      replaceableByData: false,
    },
  ],
  channels: [{ channel: 'online', duration: { unit: 'working_days', value: 3 }, fees: [] }],
  onlineLevel: 'full',
  boundaryFree: true,
  resultTypes: ['Giấy khai sinh'],
  legalBasis: [{ number: '123/2015/NĐ-CP' }],
  processSteps: [],
  clockOnSupplement: 'pause',
  autoAccept: false,
};

describe('payment platform messages', () => {
  const message = buildInitMessage({
    partnerCode: 'HUNGYEN',
    reference: 'MC00000010H312611230001007ABCDEF',
    amountVnd: 50_000,
    at: Date.parse('2026-11-23T14:05:09+07:00'),
    clientIp: '10.0.0.1',
    dossierCode: '000.00.10.H31-261123-0001',
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    agencyCode: '000.00.10.H31',
    agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
    payerName: 'Nguyễn Văn Dân',
    payerIdentifier: '033090004321',
    payerAddress: 'Phố Hiến',
    lines: [{ name: 'Lệ phí', kind: 'le_phi', amountVnd: 50_000 }],
  });

  it('builds the INIT message of version 1.0.6 with its fixed fields and the time in Vietnam, 24-hour clock', () => {
    expect(message).toMatchObject({
      LoaiBanTin: 'INIT',
      PhienBan: '1.0.6',
      MaDoiTac: 'HUNGYEN',
      SoTien: '50000',
      LoaiHinhThanhToan: 'PAY',
      MaKenhThanhToan: '1',
      MaThietBi: '1',
      NgonNgu: 'vi-VN',
      MaTienTe: 'VND',
      MaNganHang: 'PAYMENT',
      ThongTinGiaoDich: 'THANH TOAN HO SO 000.00.10.H31-261123-0001',
      ThoiGianGD: '20261123140509',
    });
    expect(message.ThongTinBienLai.PhiLePhi).toEqual([
      { LoaiPhiLePhi: 'LePhi', MaPhiLePhi: '1.001193.01', TenPhiLePhi: 'Lệ phí', SoTien: '50000' },
    ]);
    expect(formatPaymentTime(Date.parse('2026-01-01T00:00:00Z'))).toBe('20260101070000');
  });

  it('hashes the fields in the platform’s order, joined with "|", the secret last', () => {
    expect(buildChecksumInput(message, INIT_CHECKSUM_FIELDS, 's3cret')).toBe(
      'INIT|1.0.6|HUNGYEN|MC00000010H312611230001007ABCDEF|50000|PAY|1|1|vi-VN|VND|PAYMENT|' +
        'THANH TOAN HO SO 000.00.10.H31-261123-0001|20261123140509|10.0.0.1|s3cret',
    );
    const result = {
      LoaiBanTin: 'PAY',
      MaLoi: '00',
      MaDoiTac: 'HUNGYEN',
      MaThamChieu: 'REF1',
      SoTien: '50000',
      MaTienTe: 'VND',
      MaGiaoDich: 'GD1',
      MaNganHang: 'VCB',
      ThoiGianGD: '20261123140509',
      ThongTinGiaoDich: 'X',
    };
    expect(buildChecksumInput(result, RESULT_CHECKSUM_FIELDS, 'k')).toBe(
      'PAY|00|HUNGYEN|REF1|50000|VND|GD1|VCB|20261123140509|X|k',
    );
    // A separator inside a field would let two different messages hash alike: refused.
    expect(() => buildChecksumInput({ ...result, ThongTinGiaoDich: 'a|b' }, RESULT_CHECKSUM_FIELDS, 'k')).toThrow(
      RangeError,
    );
  });

  it('takes the published fees as receipt lines when they add up to the amount asked, else one line', () => {
    const published = [
      { name: 'Phí thẩm định', kind: 'phi' as const, amountVnd: 30_000 },
      { name: 'Lệ phí', kind: 'le_phi' as const, amountVnd: 20_000 },
      { name: 'Theo tỷ lệ', kind: 'other' as const, amountVnd: null },
    ];
    expect(buildPaymentFeeLines({ amountVnd: 50_000, reason: 'x' }, published).map((l) => l.name)).toEqual([
      'Phí thẩm định',
      'Lệ phí',
    ]);
    expect(buildPaymentFeeLines({ amountVnd: 70_000, reason: 'Phí bổ sung' }, published)).toEqual([
      { name: 'Phí bổ sung', kind: 'other', amountVnd: 70_000 },
    ]);
  });
});

describe('amounts in Vietnamese words', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [8_000, 'Tám nghìn đồng'],
    [50_000, 'Năm mươi nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [2_000_000_015, 'Hai tỷ không trăm mười lăm đồng'],
  ])('%i → %s', (amount, words) => {
    expect(formatVndInWords(amount)).toBe(words);
  });

  it('prints figures with dots', () => {
    expect(formatVnd(1_250_000)).toBe('1.250.000 đồng');
    expect(() => formatVndInWords(-1)).toThrow(RangeError);
  });
});

describe('PAKN codes', () => {
  it('formats and parses PAKN.yyyymmdd.nnnn', () => {
    expect(formatPaknCode('2026-11-23', 7)).toBe('PAKN.20261123.0007');
    expect(formatPaknCode('2026-11-23', 12_345)).toBe('PAKN.20261123.12345');
    expect(parsePaknCode('PAKN.20200812.0012')).toEqual({ day: '2020-08-12', sequence: 12 });
    expect(parsePaknCode('PAKN.20260230.0001')).toBeUndefined();
    expect(parsePaknCode('PAKN.2026112.0001')).toBeUndefined();
  });

  it('requires the sender’s name, address and phone', () => {
    const result = PaknSubmission.safeParse({
      provinceCode: '33',
      kind: 'phan_anh',
      topic: 'conduct',
      regulation: 'Thủ tục X',
      content: 'Cán bộ hẹn lần thứ ba vẫn chưa trả kết quả đúng hẹn.',
      sender: { name: 'Nguyễn A' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['sender.address', 'sender.phone']);
  });
});

describe('ratings', () => {
  it('scores the applicant’s answers per index of the tool', () => {
    const input = DossierRatingInput.parse({
      overall: 'very_satisfied',
      easeOfUse: 'dissatisfied',
      staffAttitude: 'satisfied',
      contacts: 'more',
      agenciesContacted: 'one',
    });
    expect(scoreDossierRating(input)).toEqual({ '3': 0, '4': 2, '7': 1, '10': 0, '11': 2 });
    expect(EVALUATION_CRITERIA.map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(DossierRatingInput.safeParse({ overall: 'satisfied' }).success).toBe(false);
  });
});

describe('the applicant’s next step', () => {
  it('follows the status, and asks for a rating once', () => {
    expect(findApplicantNextStep('supplement_requested')).toBe('supplement');
    expect(findApplicantNextStep('financial_obligation')).toBe('pay');
    expect(findApplicantNextStep('completed')).toBe('collect');
    expect(findApplicantNextStep('returned')).toBe('rate');
    expect(findApplicantNextStep('returned', { rated: true })).toBe('none');
    expect(findApplicantNextStep('new')).toBe('wait_for_desk');
  });
});

describe('the online form', () => {
  it('validates an application with the same rules it publishes as JSON Schema', () => {
    const schema = buildOnlineApplicationSchema(TEST_CONTENT);
    const base = {
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Văn Dân',
        idNumber: '033090004321',
        dateOfBirth: '1990-03-15',
        address: { text: 'Phố Hiến, Hưng Yên' },
      },
      receivingAgencyId: '7b0f3f6e-2f3c-4f7d-9b7a-0a4e3f1d2c11',
    };
    expect(schema.safeParse(base).success).toBe(true);
    // Only components the procedure allows may be taken from national data.
    expect(schema.safeParse({ ...base, fromData: ['cu-tru'] }).success).toBe(true);
    expect(schema.safeParse({ ...base, fromData: ['to-khai'] }).success).toBe(false);
    expect(schema.safeParse({ ...base, applicant: { ...base.applicant, idNumber: '033290004321' } }).success).toBe(
      false,
    );
    expect(schema.safeParse({ ...base, representation: { relation: 'authorised' } }).success).toBe(false);
    const form = describeOnlineForm(TEST_CONTENT);
    expect(form.schema.properties).toHaveProperty('applicant');
    expect(form.components.map((c) => c.key)).toEqual(['to-khai', 'cu-tru']);
    expect(form.notes).toEqual(['Mang theo bản chính để đối chiếu']);
  });
});

describe('the online form with an application form (eForms)', () => {
  const content: ProcedureVersionContent = {
    ...TEST_CONTENT,
    applicationForm: {
      key: 'to-khai-khai-sinh',
      title: 'Tờ khai đăng ký khai sinh',
      legalSource: 'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP',
      replacesComponent: 'to-khai',
      sections: [
        {
          key: 'tre',
          title: 'Người được khai sinh',
          fields: [
            { key: 'childFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true },
            { key: 'childBirthDate', kind: 'date', label: 'Ngày sinh', required: true, notInFuture: true },
          ],
        },
      ],
    },
  };
  const base = {
    applicant: {
      kind: 'person',
      fullName: 'Nguyễn Văn Dân',
      idNumber: '033090004321',
      dateOfBirth: '1990-03-15',
      address: { text: 'Phố Hiến, Hưng Yên' },
    },
    receivingAgencyId: '7b0f3f6e-2f3c-4f7d-9b7a-0a4e3f1d2c11',
  };

  it('carries the definition and does not ask for the component the filled form replaces', () => {
    const form = describeOnlineForm(content);
    expect(form.applicationForm?.key).toBe('to-khai-khai-sinh');
    expect(form.components.map((c) => c.key)).toEqual(['cu-tru']);
    expect(describeOnlineForm(TEST_CONTENT).applicationForm).toBeNull();
  });

  it('requires the form, checked by the schema built from the definition with today in Vietnam', () => {
    const schema = buildOnlineApplicationSchema(content, { today: '2026-12-06' });
    const missing = schema.safeParse(base);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['form']);
    const future = schema.safeParse({ ...base, form: { childFullName: 'Lê An', childBirthDate: '2026-12-07' } });
    expect(future.error?.issues.map((i) => [i.path.join('/'), i.message])).toEqual([
      ['form/childBirthDate', 'msg:DATE_IN_FUTURE'],
    ]);
    expect(schema.safeParse({ ...base, form: { childFullName: 'Lê An', childBirthDate: '2026-12-06' } }).success).toBe(
      true,
    );
    // A procedure without an application form takes none.
    expect(buildOnlineApplicationSchema(TEST_CONTENT).safeParse({ ...base, form: {} }).success).toBe(false);
  });
});

describe('the components of a dossier for its applicant', () => {
  it('lists what the procedure asks for, then what else was recorded, with what was handed in for each', () => {
    const components = describeDossierComponents({
      asked: TEST_CONTENT.components,
      recorded: [
        { key: 'to-khai', name: 'Tờ khai', originals: 1, copies: 0, fromData: false },
        { key: 'cu-tru', name: 'Giấy tờ cư trú', originals: 0, copies: 0, fromData: true },
        { key: 'giay-uy-quyen', name: 'Giấy ủy quyền', originals: 1, copies: 0, fromData: false },
      ],
      // Two files for the form (one from a supplement), a result (no key) and a file of no known component.
      fileKeys: ['to-khai', 'to-khai', null, 'giay-to-bo-sung'],
    });
    expect(components).toEqual([
      {
        key: 'to-khai',
        name: 'Tờ khai',
        required: true,
        handedIn: { originals: 1, copies: 0, fromData: false, files: 2 },
      },
      {
        key: 'cu-tru',
        name: 'Giấy tờ cư trú',
        required: false,
        handedIn: { originals: 0, copies: 0, fromData: true, files: 0 },
      },
      {
        key: 'giay-uy-quyen',
        name: 'Giấy ủy quyền',
        required: false,
        handedIn: { originals: 1, copies: 0, fromData: false, files: 0 },
      },
    ]);
  });

  it('says when nothing was handed in for a component (notes are not components to hand in)', () => {
    const components = describeDossierComponents({ asked: TEST_CONTENT.components, recorded: [], fileKeys: [] });
    expect(components.map((c) => [c.key, c.handedIn])).toEqual([
      ['to-khai', null],
      ['cu-tru', null],
    ]);
  });
});
