import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleSortKey,
  buildConsultationSummary,
  CONSULTATION_ACTIONS,
  compareArticleKeys,
  decideConsultation,
  formatArticleRef,
  parseArticleRef,
  type SummaryComment,
} from './consultation.js';
import { COMMENT_RESPONSES, CONSULTATION_STATUSES } from './vocabulary.js';

const DEADLINE = new Date('2026-12-10T10:00:00Z');
const BEFORE = new Date('2026-12-09T10:00:00Z');
const AFTER = new Date('2026-12-11T10:00:00Z');

describe('consultation state table', () => {
  it('opens a draft, takes answers before the deadline, closes and summarises', () => {
    expect(decideConsultation('open', 'drafter', 'draft', DEADLINE, BEFORE)).toEqual({ ok: true, to: 'open' });
    expect(decideConsultation('answer', 'recipient', 'open', DEADLINE, BEFORE)).toEqual({ ok: true, to: 'open' });
    expect(decideConsultation('close', 'drafter', 'open', DEADLINE, BEFORE)).toEqual({ ok: true, to: 'closed' });
    expect(decideConsultation('summarise', 'drafter', 'closed', DEADLINE, AFTER)).toEqual({
      ok: true,
      to: 'summarised',
    });
  });

  it('refuses an answer after the deadline, and reads a passed deadline as closed', () => {
    expect(decideConsultation('answer', 'recipient', 'open', DEADLINE, AFTER)).toEqual({
      ok: false,
      reason: 'deadline',
    });
    expect(decideConsultation('summarise', 'drafter', 'open', DEADLINE, AFTER)).toEqual({
      ok: true,
      to: 'summarised',
    });
    expect(decideConsultation('close', 'drafter', 'open', DEADLINE, AFTER)).toEqual({ ok: true, to: 'closed' });
  });

  it('never lets a recipient take a drafter step or the reverse, and nothing leaves summarised', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONSULTATION_ACTIONS),
        fc.constantFrom(...CONSULTATION_STATUSES),
        fc.constantFrom(BEFORE, AFTER),
        (action, status, now) => {
          const drafter = decideConsultation(action, 'drafter', status, DEADLINE, now);
          const recipient = decideConsultation(action, 'recipient', status, DEADLINE, now);
          expect(drafter.ok && recipient.ok).toBe(false);
          if (status === 'summarised') {
            expect(drafter.ok || recipient.ok).toBe(false);
          }
        },
      ),
    );
  });
});

describe('article references', () => {
  it('reads article, clause and point', () => {
    expect(parseArticleRef('Điều 3')).toEqual({ article: 3, clause: null, point: null });
    expect(parseArticleRef('khoản 2 Điều 3')).toEqual({ article: 3, clause: 2, point: null });
    expect(parseArticleRef('điểm a khoản 2 Điều 3')).toEqual({ article: 3, clause: 2, point: 'a' });
    expect(parseArticleRef('Điều 3, khoản 2')).toEqual({ article: 3, clause: 2, point: null });
    expect(parseArticleRef('Điểm đ Khoản 1 ĐIỀU 12')).toEqual({ article: 12, clause: 1, point: 'đ' });
    expect(parseArticleRef('góp ý chung')).toBeNull();
    expect(parseArticleRef('')).toBeNull();
  });

  it('sorts the draft order: an article before its clauses, a clause before its points, general last', () => {
    const refs = ['điểm b khoản 2 Điều 3', 'Điều 10', null, 'khoản 2 Điều 3', 'Điều 3', 'điểm a khoản 2 Điều 3'];
    const keys = refs.map((r) => articleSortKey(r ? parseArticleRef(r) : null));
    const order = refs
      .map((ref, i) => ({ ref, key: keys[i] ?? null }))
      .sort((a, b) => compareArticleKeys(a.key, b.key))
      .map((x) => x.ref);
    expect(order).toEqual([
      'Điều 3',
      'khoản 2 Điều 3',
      'điểm a khoản 2 Điều 3',
      'điểm b khoản 2 Điều 3',
      'Điều 10',
      null,
    ]);
  });

  it('round-trips every reference through its canonical text, and keys keep the order of the parts', () => {
    const ref = fc.record({
      article: fc.integer({ min: 1, max: 999 }),
      clause: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
      point: fc.option(fc.constantFrom(...'abcdđeghik'), { nil: null }),
    });
    fc.assert(
      fc.property(ref, ref, (a0, b0) => {
        const a = { ...a0, point: a0.clause ? a0.point : null };
        const b = { ...b0, point: b0.clause ? b0.point : null };
        expect(parseArticleRef(formatArticleRef(a))).toEqual(a);
        const ka = articleSortKey(a) as number;
        const kb = articleSortKey(b) as number;
        if (a.article !== b.article) {
          expect(Math.sign(ka - kb)).toBe(Math.sign(a.article - b.article));
        } else if ((a.clause ?? 0) !== (b.clause ?? 0)) {
          expect(Math.sign(ka - kb)).toBe(Math.sign((a.clause ?? 0) - (b.clause ?? 0)));
        }
        expect(compareArticleKeys(ka, null)).toBeLessThan(0);
      }),
    );
  });
});

describe('the summary table', () => {
  const comment = (over: Partial<SummaryComment>): SummaryComment => ({
    id: 'c1',
    recipientId: 'r1',
    articleRef: null,
    articleNo: null,
    body: 'Ý kiến',
    createdAt: new Date('2026-12-01T00:00:00Z'),
    response: null,
    responseText: null,
    ...over,
  });

  it('lists comments in the draft order, then "Không có ý kiến" for agreement and "Chưa có ý kiến" for silence', () => {
    const summary = buildConsultationSummary(
      [
        { id: 'r1', name: 'Sở Tư pháp', answer: 'comments' },
        { id: 'r2', name: 'Sở Tài chính', answer: 'agree' },
        { id: 'r3', name: 'Sở Xây dựng', answer: null },
      ],
      [
        comment({ id: 'g', response: 'accepted' }),
        comment({ id: 'a3', articleRef: 'Điều 3', articleNo: 30_000, response: 'explained', responseText: 'Vì…' }),
      ],
    );
    expect(summary.rows.map((r) => (r.kind === 'comment' ? r.comment.id : `${r.recipientName}: ${r.text}`))).toEqual([
      'a3',
      'g',
      'Sở Tài chính: Không có ý kiến',
      'Sở Xây dựng: Chưa có ý kiến',
    ]);
    expect(summary.isComplete).toBe(true);
    expect(summary.counts).toEqual({ recipients: 3, answered: 2, agreed: 1, comments: 2 });
  });

  it('is final only when every comment has a response, with a text unless accepted', () => {
    const response = fc.option(fc.constantFrom(...COMMENT_RESPONSES), { nil: null });
    const text = fc.option(fc.constantFrom('', '  ', 'Đã sửa'), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(response, text), { maxLength: 8 }), fc.nat(3), (parts, agreeing) => {
        const recipients = [0, 1, 2, 3].map((i) => ({
          id: `r${i}`,
          name: `CQ ${i}`,
          answer: i === 0 && parts.length > 0 ? ('comments' as const) : i <= agreeing ? ('agree' as const) : null,
        }));
        const comments = parts.map(([r, t], i) => comment({ id: `c${i}`, response: r, responseText: t }));
        const summary = buildConsultationSummary(recipients, comments);
        const complete = parts.every(([r, t]) => r === 'accepted' || (r !== null && (t ?? '').trim() !== ''));
        expect(summary.isComplete).toBe(complete);
        expect(summary.rows.filter((row) => row.kind === 'comment')).toHaveLength(parts.length);
        for (const row of summary.rows) {
          if (row.kind === 'no_comment') {
            const who = recipients.find((r) => r.name === row.recipientName);
            expect(row.text).toBe(who?.answer === 'agree' ? 'Không có ý kiến' : 'Chưa có ý kiến');
          }
        }
      }),
    );
  });
});
