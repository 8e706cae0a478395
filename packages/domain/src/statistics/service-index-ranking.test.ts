import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_MIN_DOSSIERS, rankServiceIndexUnits } from './service-index-ranking.js';

const unit = (name: string, dossiers: number, percentOfAvailable: number | null, score = percentOfAvailable ?? 0) => ({
  name,
  dossiers,
  result: { percentOfAvailable, score },
});

describe('ranking units by the Decision 766 index', () => {
  it('does not rank a unit with too few dossiers first: it follows the ranked units without a rank', () => {
    const ranked = rankServiceIndexUnits(
      [unit('Xã Nhỏ', 2, 100), unit('Sở Tư pháp', 2000, 91.5), unit('Sở Xây dựng', 450, 88)],
      10,
    );
    expect(ranked.map((u) => [u.name, u.rank, u.standing])).toEqual([
      ['Sở Tư pháp', 1, 'ranked'],
      ['Sở Xây dựng', 2, 'ranked'],
      ['Xã Nhỏ', null, 'too_few_dossiers'],
    ]);
  });

  it('leaves out units with no dossier in the period', () => {
    const ranked = rankServiceIndexUnits([unit('Xã Trống', 0, 100), unit('Sở Tư pháp', 30, 80)], 10);
    expect(ranked.map((u) => u.name)).toEqual(['Sở Tư pháp']);
  });

  it('ranks at the threshold, shares a rank between equal units and skips the next', () => {
    const ranked = rankServiceIndexUnits(
      [unit('B', 10, 90), unit('A', 10, 90), unit('C', 11, 70), unit('D', 9, 95)],
      10,
    );
    expect(ranked.map((u) => [u.name, u.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
      ['D', null],
    ]);
  });

  it('ranks every unit with dossiers when the setting is 1, and has a documented default', () => {
    const ranked = rankServiceIndexUnits([unit('Xã Nhỏ', 2, 100), unit('Sở', 2000, 91.5)], 1);
    expect(ranked.map((u) => u.rank)).toEqual([1, 2]);
    expect(DEFAULT_RANKING_MIN_DOSSIERS).toBe(10);
  });
});
