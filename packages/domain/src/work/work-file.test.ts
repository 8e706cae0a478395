import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORK_FILE_STATUSES } from './vocabulary.js';
import {
  availableWorkFileActions,
  computeArchiveDueOn,
  DEFAULT_ARCHIVE_DUE_MONTHS,
  decideWorkFileAction,
  formatWorkFileCode,
  isArchiveOverdue,
  mayEditWorkFileItems,
  mayReadWorkFile,
  parseRetention,
  validateFileListRows,
  WORK_FILE_ACTIONS,
  WORK_FILE_TRANSITIONS,
} from './work-file.js';

const owner = { isOwner: true, headsUnit: false, readsUnit: true };
const head = { isOwner: false, headsUnit: true, readsUnit: true };
const colleague = { isOwner: false, headsUnit: false, readsUnit: true };
const stranger = { isOwner: false, headsUnit: false, readsUnit: false };
const actorArb = fc.record({ isOwner: fc.boolean(), headsUnit: fc.boolean(), readsUnit: fc.boolean() });

describe('work file states (Decree 30/2020 Art. 28–29)', () => {
  it('open → closed → archived, with reopen from closed only', () => {
    expect(decideWorkFileAction('open', owner, { action: 'close' })).toEqual({ ok: true, to: 'closed' });
    expect(decideWorkFileAction('closed', head, { action: 'archive' })).toEqual({ ok: true, to: 'archived' });
    expect(decideWorkFileAction('closed', owner, { action: 'reopen', reason: 'Còn văn bản trả lời' })).toEqual({
      ok: true,
      to: 'open',
    });
    expect(decideWorkFileAction('open', owner, { action: 'archive' })).toEqual({
      ok: false,
      refusal: 'WORKFILE_ACTION_NOT_ALLOWED_IN_STATE',
    });
  });

  it('a reopen needs a reason', () => {
    expect(decideWorkFileAction('closed', owner, { action: 'reopen', reason: '  ' })).toEqual({
      ok: false,
      refusal: 'WORKFILE_REASON_REQUIRED',
    });
  });

  it('only the owner or a head changes a file, whatever the state and step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORK_FILE_STATUSES),
        fc.constantFrom(...WORK_FILE_ACTIONS),
        actorArb,
        (s, a, who) => {
          const decision = decideWorkFileAction(s, who, { action: a, reason: 'lý do' });
          if (!who.isOwner && !who.headsUnit) {
            expect(decision).toEqual({ ok: false, refusal: 'WORKFILE_NOT_PERMITTED' });
          } else {
            expect(decision.ok).toBe(WORK_FILE_TRANSITIONS[a].from.includes(s));
          }
        },
      ),
    );
  });

  it('an archived file is final: no step leaves it, and any run of steps stays in the table', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORK_FILE_ACTIONS), { maxLength: 20 }), (actions) => {
        let status: (typeof WORK_FILE_STATUSES)[number] = 'open';
        for (const action of actions) {
          const wasArchived = status === 'archived';
          const decision = decideWorkFileAction(status, owner, { action, reason: 'lý do' });
          if (wasArchived) {
            expect(decision.ok).toBe(false);
          }
          if (decision.ok) {
            expect(WORK_FILE_TRANSITIONS[action].from).toContain(status);
            status = decision.to;
          }
        }
        expect(availableWorkFileActions('archived', owner)).toEqual([]);
      }),
    );
  });

  it('the actions offered are exactly those decide accepts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORK_FILE_STATUSES), actorArb, (s, who) => {
        const offered = availableWorkFileActions(s, who);
        for (const action of WORK_FILE_ACTIONS) {
          expect(offered.includes(action)).toBe(decideWorkFileAction(s, who, { action, reason: 'x' }).ok);
        }
      }),
    );
  });

  it('a confidential file is read by the owner and heads only; items change while open only', () => {
    expect(mayReadWorkFile({ confidential: true }, colleague)).toBe(false);
    expect(mayReadWorkFile({ confidential: true }, head)).toBe(true);
    expect(mayReadWorkFile({ confidential: false }, colleague)).toBe(true);
    expect(mayReadWorkFile({ confidential: false }, stranger)).toBe(false);
    fc.assert(
      fc.property(fc.constantFrom(...WORK_FILE_STATUSES), actorArb, (s, who) => {
        expect(mayEditWorkFileItems(s, who)).toBe(s === 'open' && (who.isOwner || who.headsUnit));
      }),
    );
  });
});

describe('the file code', () => {
  it('is the year then the list code, with an ordinal from the second file', () => {
    expect(formatWorkFileCode({ year: 2026, listCode: '01.VP', ordinal: 1 })).toBe('2026.01.VP');
    expect(formatWorkFileCode({ year: 2026, listCode: '01.VP', ordinal: 3 })).toBe('2026.01.VP.3');
    expect(formatWorkFileCode({ year: 2026, listCode: null, ordinal: 2 })).toBe('2026.NDM.2');
  });

  it('different ordinals of one entry never give the same code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b) => {
        fc.pre(a !== b);
        expect(formatWorkFileCode({ year: 2026, listCode: '05.CCHC', ordinal: a })).not.toBe(
          formatWorkFileCode({ year: 2026, listCode: '05.CCHC', ordinal: b }),
        );
      }),
    );
  });
});

describe('the archiving due date', () => {
  it('is one year after closing by default, clamped to month ends', () => {
    expect(DEFAULT_ARCHIVE_DUE_MONTHS).toBe(12);
    expect(computeArchiveDueOn('2026-03-15', 12)).toBe('2027-03-15');
    expect(computeArchiveDueOn('2024-02-29', 12)).toBe('2025-02-28');
    expect(computeArchiveDueOn('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('is after the closing day and never earlier for a longer period', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 24 }), (closed, months, more) => {
        const due = computeArchiveDueOn(closed, months);
        expect(/^\d{4}-\d{2}-\d{2}$/.test(due)).toBe(true);
        expect(due > closed).toBe(true);
        expect(computeArchiveDueOn(closed, months + more) >= due).toBe(true);
        expect(isArchiveOverdue('closed', due, due)).toBe(false);
        expect(isArchiveOverdue('archived', due, '2999-01-01')).toBe(false);
      }),
    );
  });
});

describe('the file list import', () => {
  it('reads retention as years or permanent', () => {
    expect(parseRetention('Vĩnh viễn')).toEqual({ ok: true, years: null });
    expect(parseRetention('10 năm')).toEqual({ ok: true, years: 10 });
    expect(parseRetention('0')).toEqual({ ok: false });
    expect(parseRetention('mười')).toEqual({ ok: false });
  });

  it('answers every row error with its row number, or every row', () => {
    const units = (name: string) => name === 'Văn phòng';
    const result = validateFileListRows(
      [
        { rowNo: 2, code: '01.VP', title: 'Hồ sơ tổng kết năm', retention: 'Vĩnh viễn', unit: 'Văn phòng' },
        { rowNo: 3, code: '01.VP', title: 'Trùng', retention: '5', unit: '' },
        { rowNo: 4, code: '02.VP', title: '', retention: 'x', unit: 'Không có' },
      ],
      units,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => `${e.rowNo}:${e.field}`)).toEqual(['3:code', '4:title', '4:retention', '4:unit']);
    }
    const good = validateFileListRows(
      [{ rowNo: 2, code: '01.VP', title: 'Hồ sơ  tổng kết', retention: '10 năm', unit: '' }],
      units,
    );
    expect(good).toEqual({
      ok: true,
      rows: [{ code: '01.VP', title: 'Hồ sơ tổng kết', retentionYears: 10, unit: null }],
    });
  });
});
