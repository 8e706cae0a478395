/**
 * The PAR Index of a unit and the rankings (issue 17 item 4): points and index per area and in total over the
 * APPLICABLE maximum, bonus and penalty within the set's caps, the rank inside a unit group with ties, the band,
 * and the change against last year. Pure: the use-cases load the tree and the scores, this decides.
 *
 * Legal base: QĐ 876/QĐ-BNV (10/11/2022) — the index is the points obtained over the maximum (100 points for a
 * province, so the published "%" equals the points there); each province scores its departments and communes on
 * the same model, and a unit is not scored on criteria that do not apply to it (Hà Nam QĐ 1156/QĐ-UBND 2023: units
 * without administrative procedures), so its index is taken over its applicable maximum
 * (../shared/spec/reform-and-eoffice.md §A.1, §A.3: "index% = Σ final / Σ applicable max").
 *
 * Arithmetic: points are integer hundredths of a point and indices integer hundredths of a percent
 * (`indexBp`: 94,49 % = 9449) throughout, so no float ever decides a rank. The ONE rounding rule is
 * {@link indexBpOf}: half-up to the hundredth of a percent.
 */
import { capAdjustments, compareCodes, type ParAdjustmentCaps } from './criteria-set.js';
import type { ParCriterion, ParPoints, ParUnitGroup } from './types.js';

/** Hundredths of a percent in one whole (100 % = 10 000). */
export const PAR_INDEX_BP_FULL = 10_000;

/**
 * The index in hundredths of a percent: points / maximum × 100 %, rounded half-up to the hundredth of a percent
 * (the precision provinces publish, "94,49 %"). Integer arithmetic only: ⌊(2·p·10 000 + max) / (2·max)⌋.
 * null when nothing applies (a maximum of 0).
 */
export const indexBpOf = (points: ParPoints, applicableMax: ParPoints): number | null => {
  if (applicableMax <= 0) {
    return null;
  }
  const clamped = Math.max(0, points);

  return Math.floor((2 * clamped * PAR_INDEX_BP_FULL + applicableMax) / (2 * applicableMax));
};

/** The leaves of a criteria tree (nodes without children: a criterion may have no components), in tree order. */
export const findLeaves = (tree: readonly ParCriterion[]): ParCriterion[] => {
  const parents = new Set(tree.map((node) => node.parentCode).filter((code): code is string => code !== null));

  return tree.filter((node) => !parents.has(node.code));
};

/** The area (root) code of every node of the tree. */
const areaCodesOf = (tree: readonly ParCriterion[]): Map<string, string> => {
  const parentOf = new Map(tree.map((node) => [node.code, node.parentCode]));
  const areaOf = new Map<string, string>();
  for (const node of tree) {
    let code = node.code;
    let parent = parentOf.get(code) ?? null;
    // A well-formed tree is at most four levels deep; the bound only guards against a cycle.
    for (let depth = 0; parent !== null && depth < 8; depth += 1) {
      code = parent;
      parent = parentOf.get(code) ?? null;
    }
    areaOf.set(node.code, code);
  }

  return areaOf;
};

export type ParAreaScore = {
  code: string;
  title: string;
  /** Points of the area's applicable leaves (hundredths). */
  points: ParPoints;
  /** Sum of the maxima of the area's applicable leaves (hundredths); 0 when the whole area is excluded. */
  applicableMax: ParPoints;
  /** null when the whole area is excluded for the unit. */
  indexBp: number | null;
};

export type ParUnitScore = {
  areas: ParAreaScore[];
  /** Σ points of the applicable leaves, before bonus and penalty. */
  leafPoints: ParPoints;
  /** Bonus actually counted (within the set's cap). */
  bonusPoints: ParPoints;
  /** Penalty actually counted (within the set's cap). */
  penaltyPoints: ParPoints;
  /** The total: leaves + bonus − penalty, kept between 0 and the applicable maximum. */
  points: ParPoints;
  applicableMax: ParPoints;
  /** null only when no leaf applies at all. */
  indexBp: number | null;
};

export type ParUnitScoreInput = {
  tree: readonly ParCriterion[];
  /** The unit's applicable leaves (from `computeApplicableLeaves`: tags and excluded codes of the unit). */
  applicableLeafCodes: ReadonlySet<string>;
  /** The points of each leaf (the stage being totalled: final at publication); a leaf not scored counts 0. */
  leafPoints: ReadonlyMap<string, ParPoints | null>;
  bonusPoints?: ParPoints | null;
  penaltyPoints?: ParPoints | null;
  caps: ParAdjustmentCaps;
};

/**
 * A unit's points and index, per area and in total, over its applicable maximum. A leaf excluded for the unit
 * leaves BOTH sums (its points and its maximum). A leaf's points are counted at most up to its maximum (the
 * scoring screens refuse more; this keeps a stray value from lifting an index over 100 %). Bonus and penalty are
 * each counted up to the set's cap, and the total is kept within [0, applicable maximum] so the index never
 * exceeds 100 % [INF: QĐ 876 publishes indices within 0–100].
 */
export const scoreUnit = (input: ParUnitScoreInput): ParUnitScore => {
  const areaOf = areaCodesOf(input.tree);
  const areas = input.tree
    .filter((node) => node.kind === 'area' || node.parentCode === null)
    .slice()
    .sort((a, b) => a.position - b.position || compareCodes(a.code, b.code));
  const sums = new Map(areas.map((area) => [area.code, { points: 0, max: 0 }]));

  for (const leaf of findLeaves(input.tree)) {
    if (!input.applicableLeafCodes.has(leaf.code)) {
      continue;
    }
    const sum = sums.get(areaOf.get(leaf.code) ?? leaf.code);
    if (sum === undefined) {
      continue;
    }
    const raw = input.leafPoints.get(leaf.code) ?? 0;
    sum.points += Math.min(Math.max(0, raw), leaf.maxPoints);
    sum.max += leaf.maxPoints;
  }

  const areaScores = areas.map((area): ParAreaScore => {
    const sum = sums.get(area.code) ?? { points: 0, max: 0 };

    return {
      code: area.code,
      title: area.title,
      points: sum.points,
      applicableMax: sum.max,
      indexBp: indexBpOf(sum.points, sum.max),
    };
  });
  const leafPoints = areaScores.reduce((total, area) => total + area.points, 0);
  const applicableMax = areaScores.reduce((total, area) => total + area.applicableMax, 0);
  const { bonus: bonusPoints, penalty: penaltyPoints } = capAdjustments(
    { bonus: input.bonusPoints ?? 0, penalty: input.penaltyPoints ?? 0 },
    input.caps,
  );
  const points = Math.min(Math.max(0, leafPoints + bonusPoints - penaltyPoints), applicableMax);

  return {
    areas: areaScores,
    leafPoints,
    bonusPoints,
    penaltyPoints,
    points,
    applicableMax,
    indexBp: indexBpOf(points, applicableMax),
  };
};

// ———————————————————————————————————————— rankings ————————————————————————————————————————

/**
 * How a group is ranked.
 * - `key`: `index` (the default: units with excluded criteria have a smaller maximum, so only the index over the
 *   applicable maximum compares them fairly — the "%" provinces publish beside the points) or `points` (when every
 *   unit of the group has the same maximum both give the same order; the national table ranks by points).
 * - `ties`: `competition` (the default, "standard competition ranking" as the national and provincial tables are
 *   published: equal figures share a rank and the next rank skips — 1, 2, 2, 4) or `dense` (1, 2, 2, 3), a
 *   setting for a province that publishes that way.
 * Ties are decided on the published precision: the stored integers (hundredths of a point, hundredths of a
 * percent), never on an unrounded quotient.
 */
export type ParRankingRule = { key: 'index' | 'points'; ties: 'competition' | 'dense' };

export const PAR_DEFAULT_RANKING_RULE: ParRankingRule = { key: 'index', ties: 'competition' };

export type ParRankable = { id: string; points: ParPoints; indexBp: number | null };

/**
 * The ranks of a group, best first. Units in a tie share a rank and keep their input order (sort the input by
 * name first for a stable table). A unit with no index (nothing applicable) ranks after all others.
 */
export const rankUnits = <T extends ParRankable>(
  units: readonly T[],
  rule: ParRankingRule = PAR_DEFAULT_RANKING_RULE,
): Array<T & { rank: number }> => {
  const keyOf = (unit: T) => (rule.key === 'index' ? (unit.indexBp ?? -1) : unit.points);
  const ordered = units
    .map((unit, order) => ({ unit, order, key: keyOf(unit) }))
    .sort((a, b) => b.key - a.key || a.order - b.order);
  const ranked: Array<T & { rank: number }> = [];
  let rank = 0;
  let distinct = 0;
  let previousKey: number | null = null;
  ordered.forEach(({ unit, key }, position) => {
    if (key !== previousKey) {
      distinct += 1;
      rank = rule.ties === 'competition' ? position + 1 : distinct;
      previousKey = key;
    }
    ranked.push({ ...unit, rank });
  });

  return ranked;
};

// ———————————————————————————————————————— bands ————————————————————————————————————————

/** One band (xếp loại / nhóm): reached at `minIndexBp` and above, up to the next band. */
export type ParBand = { label: string; minIndexBp: number };

/** A band table: bands from the highest threshold down; `below` is the label under the lowest (null: unbanded). */
export type ParBandTable = { bands: readonly ParBand[]; below: string | null };

/**
 * Default bands per unit group, a setting a province may replace.
 * - Province (against the national index): Nhóm A ≥ 90, B 80 to < 90, C 70 to < 80 points — the BNV publication
 *   of the 2022 index under QĐ 876 [S: spec §A.1]; since a province's maximum is 100, points and % coincide.
 *   Under 70 the publication names no group: unbanded by default (set `below: 'D'` to label it).
 * - Departments and communes: Tốt ≥ 80 %, Khá 70 to < 80 %, Trung bình 50 to < 70 %, Yếu < 50 % — the
 *   Tốt/Khá/Trung bình/Yếu scale provinces used for their own units (Khánh Hòa 2020–2021) [S: spec §A.1]; the
 *   thresholds are [RECALL] and differ by province, hence a setting.
 */
export const PAR_DEFAULT_BANDS: Readonly<Record<ParUnitGroup, ParBandTable>> = {
  province: {
    bands: [
      { label: 'A', minIndexBp: 9_000 },
      { label: 'B', minIndexBp: 8_000 },
      { label: 'C', minIndexBp: 7_000 },
    ],
    below: null,
  },
  department: {
    bands: [
      { label: 'Tốt', minIndexBp: 8_000 },
      { label: 'Khá', minIndexBp: 7_000 },
      { label: 'Trung bình', minIndexBp: 5_000 },
    ],
    below: 'Yếu',
  },
  commune: {
    bands: [
      { label: 'Tốt', minIndexBp: 8_000 },
      { label: 'Khá', minIndexBp: 7_000 },
      { label: 'Trung bình', minIndexBp: 5_000 },
    ],
    below: 'Yếu',
  },
};

/** The band of an index: the first band (highest threshold first) whose threshold it reaches. */
export const bandOf = (indexBp: number | null, table: ParBandTable): string | null => {
  if (indexBp === null) {
    return null;
  }
  const sorted = [...table.bands].sort((a, b) => b.minIndexBp - a.minIndexBp);

  return sorted.find((band) => indexBp >= band.minIndexBp)?.label ?? table.below;
};

// ———————————————————————————————————————— year over year ————————————————————————————————————————

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** A rank inside a group as provincial reports write it: "hạng II" (Roman numerals, 1–3999). */
export const toRoman = (value: number): string => {
  let rest = Math.trunc(value);
  if (rest < 1 || rest > 3999) {
    return String(value);
  }
  let out = '';
  for (const [amount, numeral] of ROMAN) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }

  return out;
};

export type ParRankPlace = {
  rank: number;
  /** The worst rank of the group that year (the "cuối bảng" place; with ties, the rank the last units share). */
  lastRank: number;
};

export type ParRankChange = {
  /** Positive: moved up that many places; null when the unit was not ranked the year before. */
  places: number | null;
  phrase: { vi: string; en: string };
};

/**
 * How a unit's rank moved against last year, in the words of the provincial reports ("xếp hạng II trong khối …
 * vào năm 2014 … đứng cuối bảng" → "từ cuối bảng lên hạng II"; otherwise "tăng 5 bậc", "giảm 2 bậc").
 */
export const describeRankChange = (current: ParRankPlace, previous: ParRankPlace | null): ParRankChange => {
  if (previous === null) {
    return { places: null, phrase: { vi: 'Lần đầu được xếp hạng', en: 'Ranked for the first time' } };
  }
  const places = previous.rank - current.rank;
  const now = toRoman(current.rank);
  if (places === 0) {
    return { places, phrase: { vi: `Giữ nguyên hạng ${now}`, en: `Unchanged at rank ${now}` } };
  }
  if (places > 0 && previous.rank === previous.lastRank && previous.lastRank > 1) {
    return {
      places,
      phrase: { vi: `Từ cuối bảng lên hạng ${now}`, en: `From the bottom of the table up to rank ${now}` },
    };
  }
  if (places > 0 && current.rank === 1) {
    return { places, phrase: { vi: `Tăng ${places} bậc, dẫn đầu khối`, en: `Up ${places}, first in the group` } };
  }
  if (places > 0) {
    return { places, phrase: { vi: `Tăng ${places} bậc`, en: `Up ${places}` } };
  }
  if (current.rank === current.lastRank && current.lastRank > 1) {
    return {
      places,
      phrase: { vi: `Giảm ${-places} bậc, xuống cuối bảng`, en: `Down ${-places}, to the bottom of the table` },
    };
  }

  return { places, phrase: { vi: `Giảm ${-places} bậc`, en: `Down ${-places}` } };
};

export type ParComparable = {
  points: ParPoints;
  indexBp: number | null;
  areas: readonly Pick<ParAreaScore, 'code' | 'points' | 'indexBp'>[];
};

export type ParYearChange = {
  pointsChange: ParPoints | null;
  indexBpChange: number | null;
  /** Per area of this year: the change of points and of index; null where last year had no such area. */
  areas: { code: string; pointsChange: ParPoints | null; indexBpChange: number | null }[];
};

/** The change of a unit's figures against last year, in total and per area (matched by area code). */
export const compareWithPreviousYear = (current: ParComparable, previous: ParComparable | null): ParYearChange => {
  const diff = (a: number | null, b: number | null | undefined) =>
    a === null || b === null || b === undefined ? null : a - b;
  const before = new Map((previous?.areas ?? []).map((area) => [area.code, area]));

  return {
    pointsChange: previous === null ? null : current.points - previous.points,
    indexBpChange: previous === null ? null : diff(current.indexBp, previous.indexBp),
    areas: current.areas.map((area) => {
      const old = before.get(area.code);

      return {
        code: area.code,
        pointsChange: old === undefined ? null : area.points - old.points,
        indexBpChange: old === undefined ? null : diff(area.indexBp, old.indexBp),
      };
    }),
  };
};

/** "94,49 %" from 9449 hundredths of a percent: always two decimals, as the index is published. */
export const formatParIndex = (indexBp: number | null): string => {
  if (indexBp === null) {
    return '—';
  }
  const abs = Math.abs(Math.trunc(indexBp));

  return `${indexBp < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')} %`;
};
