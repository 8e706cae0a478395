import { describe, expect, it } from 'vitest';
import {
  type ChannelRule,
  findDirectLegalWorkingHours,
  ProcedureDuration,
  type ProcedureVersionContent,
  ProcedureVersionContent as ProcedureVersionContentSchema,
  type ProcessStep,
} from './procedure.js';

const baseContent = (): ProcedureVersionContent => ({
  nationalCode: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  field: { name: 'Hộ tịch', code: 'G15-TP01' },
  levels: ['commune'],
  applicantTypes: ['Công dân Việt Nam'],
  components: [
    {
      key: 'submit-1',
      name: 'Tờ khai đăng ký khai sinh',
      group: 'submit',
      originals: 1,
      copies: 0,
      required: true,
      replaceableByData: false,
    },
  ],
  channels: [
    {
      channel: 'direct',
      duration: { unit: 'working_days', value: 3 },
      fees: [{ name: 'Lệ phí', kind: 'le_phi', amountVnd: 0, text: 'Miễn phí' }],
    },
    { channel: 'online', duration: { unit: 'working_days', value: 3 }, fees: [] },
  ],
  onlineLevel: 'full',
  boundaryFree: true,
  resultTypes: ['Giấy khai sinh'],
  legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
  processSteps: [],
  clockOnSupplement: 'restart',
  autoAccept: false,
  sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x',
});

const step = (key: string, hours: number): ProcessStep => ({
  key,
  name: `Bước ${key}`,
  role: 'processor',
  agency: { kind: 'receiving' },
  allotmentWorkingHours: hours,
});

const messagesOf = (value: unknown): string[] => {
  const result = ProcedureVersionContentSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('ProcedureVersionContent', () => {
  it('accepts a complete hand-edited procedure and returns it unchanged', () => {
    const content = baseContent();
    expect(ProcedureVersionContentSchema.parse(content)).toEqual(content);
  });

  it('accepts a local procedure without a national code', () => {
    expect(messagesOf({ ...baseContent(), nationalCode: null, localCode: '1.003560.000.00.00.H56' })).toEqual([]);
  });

  it.each([['1.1193'], ['1001193'], ['1.001193.000.00.00.H56'], [' 1.001193'], ['A.001193']])(
    'rejects the national code %j',
    (code) => {
      expect(messagesOf({ ...baseContent(), nationalCode: code })).toEqual([
        expect.stringContaining('nationalCode: must be a national code'),
      ]);
    },
  );

  it.each([['G03-GD10'], ['H56-TP1'], ['G15-HT']])('accepts field code %s (Circular 01/2018 Art. 20)', (code) => {
    expect(messagesOf({ ...baseContent(), field: { name: 'x', code } })).toEqual([]);
  });

  it.each([['GD10'], ['g03-gd10'], ['G3-GD10'], ['G03_GD10']])('rejects field code %s', (code) => {
    expect(messagesOf({ ...baseContent(), field: { name: 'x', code } })).toHaveLength(1);
  });

  it('rejects negative counts, negative fees and fractional đồng', () => {
    const content = baseContent();
    const component = content.components[0];
    if (component === undefined) {
      throw new Error('fixture');
    }
    const withFee = (amountVnd: number) => ({
      ...content,
      channels: content.channels.map((rule) => ({
        ...rule,
        fees: [{ name: 'Phí', kind: 'phi', amountVnd, text: '' }],
      })),
    });
    expect(messagesOf({ ...content, components: [{ ...component, copies: -1 }] })).toEqual([
      expect.stringContaining('components.0.copies'),
    ]);
    expect(messagesOf(withFee(-5))).toEqual([
      expect.stringContaining('channels.0.fees.0.amountVnd'),
      expect.stringContaining('channels.1.fees.0.amountVnd'),
    ]);
    expect(messagesOf(withFee(1.5))).toHaveLength(2);
    expect(messagesOf(withFee(50_000))).toEqual([]);
  });

  it('rejects duplicate component keys, duplicate step keys and duplicate levels', () => {
    const content = baseContent();
    const component = content.components[0];
    if (component === undefined) {
      throw new Error('fixture');
    }
    expect(messagesOf({ ...content, components: [component, { ...component, name: 'Khác' }] })).toEqual([
      'components.1.key: component key "submit-1" is not unique',
    ]);
    expect(messagesOf({ ...content, processSteps: [step('a', 1), step('a', 1)] })).toEqual([
      'processSteps.1.key: process step key "a" is not unique',
    ]);
    expect(messagesOf({ ...content, levels: ['commune', 'commune'] })).toEqual([
      'levels.1: level "commune" is listed twice',
    ]);
  });

  it('rejects keys that are not slugs and text with surrounding whitespace', () => {
    const content = baseContent();
    const component = content.components[0];
    if (component === undefined) {
      throw new Error('fixture');
    }
    expect(messagesOf({ ...content, components: [{ ...component, key: 'Submit 1' }] })).toHaveLength(1);
    expect(messagesOf({ ...content, name: ' Đăng ký khai sinh' })).toEqual([
      'name: must not start or end with whitespace',
    ]);
  });

  it('lets process steps use up to the legal time of the direct channel (3 working days = 24 hours)', () => {
    expect(messagesOf({ ...baseContent(), processSteps: [step('a', 8), step('b', 16)] })).toEqual([]);
    expect(messagesOf({ ...baseContent(), processSteps: [step('a', 8), step('b', 16.5)] })).toEqual([
      'processSteps: process steps allot 24.5 working hours in total, more than the legal time limit of the direct channel (24 working hours)',
    ]);
  });

  it('does not check allotments when the direct channel is not counted in working time', () => {
    const content = baseContent();
    const calendar: ChannelRule = { channel: 'direct', duration: { unit: 'calendar_days', value: 1 }, fees: [] };
    expect(
      messagesOf({ ...content, channels: [calendar], onlineLevel: 'none', processSteps: [step('a', 100)] }),
    ).toEqual([]);
  });

  it('needs an online channel rule for an online level other than none', () => {
    const content = baseContent();
    expect(messagesOf({ ...content, channels: content.channels.slice(0, 1) })).toEqual([
      'onlineLevel: online level "full" needs an online channel rule',
    ]);
    expect(messagesOf({ ...content, channels: content.channels.slice(0, 1), onlineLevel: 'none' })).toEqual([]);
  });

  it('refuses a result template naming a value that is neither the dossier’s nor a field of its form', () => {
    const resultTemplate = {
      key: 'giay-xac-nhan',
      title: 'Giấy xác nhận',
      paragraphs: [{ text: 'Cấp cho {{applicant.fullName}}, sinh ngày {{form.childBirthDate}}.' }],
      signer: { title: 'Chủ tịch' },
    };
    expect(messagesOf({ ...baseContent(), resultTemplate })).toEqual([
      'resultTemplate: the result template names "{{form.childBirthDate}}", which is neither a dossier value nor a field of the application form',
    ]);
    const fixed = {
      ...resultTemplate,
      paragraphs: [{ text: 'Cấp cho {{applicant.fullName}}, số {{document.number}}.' }],
    };
    expect(messagesOf({ ...baseContent(), resultTemplate: fixed })).toEqual([]);
  });

  it('accepts only http(s) source URLs', () => {
    expect(messagesOf({ ...baseContent(), sourceUrl: 'ftp://example.org/x' })).toHaveLength(1);
    expect(messagesOf({ ...baseContent(), sourceUrl: 'javascript:alert(1)' })).toHaveLength(1);
  });
});

describe('ProcedureDuration', () => {
  it.each([
    [{ unit: 'working_days', value: 5 }],
    [{ unit: 'working_hours', value: 4, cutoff: '15:00' }],
    [{ unit: 'calendar_days', value: 30 }],
    [{ unit: 'same_day', cutoff: '15:00' }],
  ])('accepts %j', (rule) => {
    expect(ProcedureDuration.parse(rule)).toEqual(rule);
  });

  it.each([
    [{ unit: 'working_days', value: 0 }],
    [{ unit: 'working_days', value: 1.5 }],
    [{ unit: 'working_hours', value: 4, cutoff: '25:00' }],
    [{ unit: 'working_hours', value: 4, cutoff: '3pm' }],
    [{ unit: 'same_day' }],
    [{ unit: 'months', value: 1 }],
  ])('rejects %j', (rule) => {
    expect(ProcedureDuration.safeParse(rule).success).toBe(false);
  });
});

describe('findDirectLegalWorkingHours', () => {
  it('uses the longest direct rule counted in working time', () => {
    expect(
      findDirectLegalWorkingHours([
        { channel: 'direct', duration: { unit: 'working_days', value: 2 }, fees: [] },
        { channel: 'direct', duration: { unit: 'working_hours', value: 20 }, fees: [] },
        { channel: 'online', duration: { unit: 'working_days', value: 10 }, fees: [] },
        { channel: 'direct', duration: null, fees: [] },
      ]),
    ).toBe(20);
    expect(findDirectLegalWorkingHours([{ channel: 'postal', duration: null, fees: [] }])).toBeUndefined();
  });
});
