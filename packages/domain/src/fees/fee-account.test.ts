import { describe, expect, it } from 'vitest';
import type { ChannelRule } from '../catalog/procedure.js';
import {
  allocateCounterPayment,
  buildFeeCharges,
  checkResultReturn,
  type FeePaymentEntry,
  formatCounterReceiptNo,
  summarizeFeeAccount,
} from './fee-account.js';

const channels: ChannelRule[] = [
  {
    channel: 'direct',
    duration: null,
    fees: [
      { name: 'Lệ phí cấp giấy phép', kind: 'le_phi', amountVnd: 50_000, text: '50.000 đồng' },
      { name: 'Phí thẩm định', kind: 'phi', amountVnd: 100_000, text: '100.000 đồng' },
      { name: 'Phí theo diện tích', kind: 'phi', amountVnd: null, text: '3.000 đồng/m2' },
    ],
  },
  {
    channel: 'online',
    duration: null,
    fees: [{ name: 'Lệ phí cấp giấy phép', kind: 'le_phi', amountVnd: 25_000, text: 'Giảm 50%' }],
  },
];

describe('buildFeeCharges', () => {
  it.each([
    ['direct', ['published:0', 'published:1'], 150_000],
    // Online and postal dossiers are charged through payment requests, paid online: never twice.
    ['online', [], 0],
    ['postal', [], 0],
  ] as const)('charges the fixed published fees of channel %s', (channel, keys, total) => {
    const { charges, unpricedFees } = buildFeeCharges({ channels, channel, paymentRequests: [] });
    expect(charges.map((c) => c.key)).toEqual(keys);
    expect(charges.reduce((s, c) => s + c.amountVnd, 0)).toBe(total);
    expect(unpricedFees).toEqual(channel === 'direct' ? ['Phí theo diện tích'] : []);
  });

  it('charges an online dossier once: its payment request, not the published fee as well', () => {
    const { charges } = buildFeeCharges({
      channels,
      channel: 'online',
      paymentRequests: [{ seq: 7, amountVnd: 25_000, reason: 'Lệ phí cấp giấy phép' }],
    });
    const paidOnline = summarizeFeeAccount(charges, [
      { channel: 'online', amountVnd: 25_000, lines: [{ chargeKey: 'request:7', amountVnd: 25_000 }] },
    ]);
    expect(paidOnline.owedVnd).toBe(0);
    expect(checkResultReturn(paidOnline)).toEqual({ ok: true });
  });

  it('adds each payment request and skips free fees', () => {
    const free: ChannelRule[] = [
      { channel: 'direct', duration: null, fees: [{ name: 'Lệ phí', kind: 'le_phi', amountVnd: 0, text: 'Miễn' }] },
    ];
    const { charges } = buildFeeCharges({
      channels: free,
      channel: 'direct',
      paymentRequests: [
        { seq: 5, amountVnd: 300_000, reason: 'Tiền sử dụng đất' },
        { seq: 9, amountVnd: 0, reason: 'nothing' },
      ],
    });
    expect(charges).toEqual([
      {
        key: 'request:5',
        source: 'request',
        requestSeq: 5,
        name: 'Tiền sử dụng đất',
        kind: 'other',
        amountVnd: 300_000,
      },
    ]);
  });
});

describe('summarizeFeeAccount', () => {
  const { charges } = buildFeeCharges({
    channels,
    channel: 'direct',
    paymentRequests: [{ seq: 7, amountVnd: 200_000, reason: 'Nghĩa vụ tài chính' }],
  });
  const cases: [
    string,
    FeePaymentEntry[],
    { paid: number; online: number; counter: number; owed: number; over: number },
  ][] = [
    ['nothing paid', [], { paid: 0, online: 0, counter: 0, owed: 350_000, over: 0 }],
    [
      'intake fees at the counter',
      [
        {
          channel: 'counter',
          amountVnd: 150_000,
          lines: [
            { chargeKey: 'published:0', amountVnd: 50_000 },
            { chargeKey: 'published:1', amountVnd: 100_000 },
          ],
        },
      ],
      { paid: 150_000, online: 0, counter: 150_000, owed: 200_000, over: 0 },
    ],
    [
      'everything, the request online',
      [
        {
          channel: 'counter',
          amountVnd: 150_000,
          lines: [
            { chargeKey: 'published:0', amountVnd: 50_000 },
            { chargeKey: 'published:1', amountVnd: 100_000 },
          ],
        },
        { channel: 'online', amountVnd: 200_000, lines: [{ chargeKey: 'request:7', amountVnd: 200_000 }] },
      ],
      { paid: 350_000, online: 200_000, counter: 150_000, owed: 0, over: 0 },
    ],
    [
      'the request paid twice (a late online success)',
      [
        { channel: 'counter', amountVnd: 200_000, lines: [{ chargeKey: 'request:7', amountVnd: 200_000 }] },
        { channel: 'online', amountVnd: 200_000, lines: [{ chargeKey: 'request:7', amountVnd: 200_000 }] },
      ],
      { paid: 400_000, online: 200_000, counter: 200_000, owed: 150_000, over: 200_000 },
    ],
  ];
  it.each(cases)('%s', (_name, payments, expected) => {
    const account = summarizeFeeAccount(charges, payments);
    expect(account.dueVnd).toBe(350_000);
    expect({
      paid: account.paidVnd,
      online: account.paidOnlineVnd,
      counter: account.paidCounterVnd,
      owed: account.owedVnd,
      over: account.overpaidVnd,
    }).toEqual(expected);
    expect(account.charges.reduce((s, c) => s + c.owedVnd, 0)).toBe(account.owedVnd);
  });
});

describe('allocateCounterPayment', () => {
  const { charges } = buildFeeCharges({
    channels,
    channel: 'direct',
    paymentRequests: [{ seq: 7, amountVnd: 200_000, reason: 'Nghĩa vụ tài chính' }],
  });
  const afterIntake = summarizeFeeAccount(charges, [
    {
      channel: 'counter',
      amountVnd: 60_000,
      lines: [
        { chargeKey: 'published:0', amountVnd: 50_000 },
        { chargeKey: 'published:1', amountVnd: 10_000 },
      ],
    },
  ]);

  it('pays the owed charges in order, partly paid ones first', () => {
    expect(allocateCounterPayment(afterIntake, 150_000)).toEqual({
      ok: true,
      lines: [
        { chargeKey: 'published:1', name: 'Phí thẩm định', kind: 'phi', amountVnd: 90_000 },
        { chargeKey: 'request:7', name: 'Nghĩa vụ tài chính', kind: 'other', amountVnd: 60_000 },
      ],
    });
  });

  it.each([[290_001, { code: 'FEE_AMOUNT_EXCEEDS_OWED', owedVnd: 290_000 }]] as const)(
    'refuses %i đồng when 290.000 are owed',
    (amount, violation) => {
      expect(allocateCounterPayment(afterIntake, amount)).toEqual({ ok: false, violation });
    },
  );

  it('refuses a payment when nothing is owed', () => {
    const settled = summarizeFeeAccount([], []);
    expect(allocateCounterPayment(settled, 1000)).toEqual({ ok: false, violation: { code: 'FEE_NOTHING_OWED' } });
  });
});

describe('checkResultReturn', () => {
  const { charges } = buildFeeCharges({ channels, channel: 'direct', paymentRequests: [] });
  it.each([
    ['owed', [], { ok: false, violation: { code: 'FEE_OWED', owedVnd: 150_000 } }],
    [
      'settled',
      [
        {
          channel: 'counter',
          amountVnd: 150_000,
          lines: [
            { chargeKey: 'published:0', amountVnd: 50_000 },
            { chargeKey: 'published:1', amountVnd: 100_000 },
          ],
        },
      ],
      { ok: true },
    ],
  ] as const)('a dossier with fees %s', (_name, payments, expected) => {
    expect(checkResultReturn(summarizeFeeAccount(charges, payments as readonly FeePaymentEntry[]))).toEqual(expected);
  });

  it('never blocks a dossier without charges', () => {
    expect(checkResultReturn(summarizeFeeAccount([], []))).toEqual({ ok: true });
  });
});

describe('formatCounterReceiptNo', () => {
  it.each([
    [{ year: 2026, seq: 1 }, '2026-0000001'],
    [{ year: 2026, seq: 1234567 }, '2026-1234567'],
  ])('%o → %s', (input, expected) => {
    expect(formatCounterReceiptNo(input)).toBe(expected);
  });
  it.each([0, -1, 1.5, 10_000_000])('refuses sequence %s', (seq) => {
    expect(() => formatCounterReceiptNo({ year: 2026, seq })).toThrow(RangeError);
  });
});
