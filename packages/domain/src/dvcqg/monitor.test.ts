import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createZeroSums } from '../statistics/figures.js';
import { computeServiceIndex } from '../statistics/service-index.js';
import {
  computeDossierSyncPoints,
  computeDossierSyncRatio,
  computeSyncLagMinutes,
  describeOnTimeRule,
  isBacklogAlerting,
  planResend,
} from './monitor.js';

describe('Decision 766 indicator 4 (dossier status synced to the national portal)', () => {
  it('is 6 × synced on time / received, in process or returned, reproducible from its two counts', () => {
    expect(computeDossierSyncPoints({ base: 40, syncedOnTime: 30, onTimeMinutes: 1440 })).toBe(4.5);
    expect(computeDossierSyncPoints({ base: 3, syncedOnTime: 1, onTimeMinutes: 60 })).toBe(2);
    expect(computeDossierSyncPoints({ base: 7, syncedOnTime: 7, onTimeMinutes: 60 })).toBe(6);
    expect(computeDossierSyncPoints({ base: 0, syncedOnTime: 0, onTimeMinutes: 60 })).toBeNull();
  });

  it('never scores more than 6 nor a numerator above its base', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (base, synced) => {
        const ratio = computeDossierSyncRatio({ base, syncedOnTime: synced, onTimeMinutes: 1440 });
        expect(ratio.numerator).toBeLessThanOrEqual(ratio.base);
        const points = computeDossierSyncPoints({ base, syncedOnTime: synced, onTimeMinutes: 1440 });
        if (base > 0) {
          expect(points).toBeGreaterThanOrEqual(0);
          expect(points).toBeLessThanOrEqual(6);
          expect(points).toBe(Math.round(((6 * ratio.numerator) / base) * 100) / 100);
        }
      }),
    );
  });

  it('scores in the service index from the sync counts, with the rule beside it, and no data without them', () => {
    const sums = { ...createZeroSums(), received: 10 };
    const sync = (counts?: { base: number; syncedOnTime: number; onTimeMinutes: number }) =>
      computeServiceIndex(sums, 'province', undefined, undefined, undefined, undefined, counts)
        .groups.find((g) => g.key === 'transparency')
        ?.indicators.find((i) => i.code === 'DOSSIER_SYNC');
    expect(sync()).toMatchObject({ status: 'no_data', score: null });
    expect(sync()?.note?.vi).toMatch(/^Chưa có dữ liệu: tỉnh chưa bật đồng bộ/);
    const scored = sync({ base: 8, syncedOnTime: 6, onTimeMinutes: 60 });
    expect(scored).toMatchObject({ status: 'scored', score: 4.5, ratio: { numerator: 6, base: 8, value: 75 } });
    expect(scored?.note?.vi).toContain('trong vòng 1 giờ');
    expect(sync({ base: 0, syncedOnTime: 0, onTimeMinutes: 60 })).toMatchObject({ status: 'no_data' });
  });

  it('says the on-time rule in words', () => {
    expect(describeOnTimeRule(1440).vi).toContain('1 ngày');
    expect(describeOnTimeRule(120).en).toContain('2 hours');
    expect(describeOnTimeRule(45).vi).toContain('45 phút');
  });
});

describe('sync monitor figures', () => {
  const now = Date.parse('2026-12-07T09:00:00+07:00');
  it('measures the lag from the oldest change not yet accepted', () => {
    expect(computeSyncLagMinutes(null, now)).toBe(0);
    expect(computeSyncLagMinutes(now - 90 * 60_000 - 5_000, now)).toBe(90);
    expect(isBacklogAlerting(now - 59 * 60_000, now, 60)).toBe(false);
    expect(isBacklogAlerting(now - 60 * 60_000, now, 60)).toBe(true);
    expect(isBacklogAlerting(null, now, 1)).toBe(false);
  });

  it('re-sends the latest state as an update: the cursor goes back to just before the latest event', () => {
    // Synced up to 5 of 5: deliver 5 again.
    expect(planResend({ targetSeq: 5, deliveredSeq: 5, dossierMessageAccepted: false }, 5)).toEqual({
      targetSeq: 5,
      deliveredSeq: 4,
      dossierMessageAccepted: false,
    });
    // Still behind (2 of 5 delivered, the dossier message of 3 accepted): nothing moves back.
    expect(planResend({ targetSeq: 5, deliveredSeq: 2, dossierMessageAccepted: true }, 5)).toEqual({
      targetSeq: 5,
      deliveredSeq: 2,
      dossierMessageAccepted: true,
    });
    // Never marked (changed before the sync was switched on): only its latest event.
    expect(planResend(null, 7)).toEqual({ targetSeq: 7, deliveredSeq: 6, dossierMessageAccepted: false });
    // Idempotent.
    const once = planResend({ targetSeq: 9, deliveredSeq: 9, dossierMessageAccepted: false }, 9);
    expect(planResend(once, 9)).toEqual(once);
  });
});
