/**
 * The sample of a SIPAS campaign: its size, its allocation to agencies and the random draw.
 *
 * Size: n = N / (1 + N·e²) rounded up (Yamane's formula, the one the national method states, e = 5 %
 * by default) [S: reform brief §B, after 123docz 730711; regulations brief §5]. N is the number of
 * dossiers returned in the period (the respondents are their applicants).
 *
 * Stratification by agency (proportional allocation): agency h with N_h dossiers gets n·N_h/N; the
 * fractions are rounded by the largest-remainder method (each stratum gets the whole part, then the
 * strata with the largest fractional parts get one more until the strata sum to n; equal remainders go
 * to the larger stratum, then to the smaller key), so the strata always sum exactly to n and no
 * stratum gets more than its population. The method of QĐ 1001 samples in several stages (regions →
 * provinces → units → respondents); a province's own campaign is one stage of units [INF].
 *
 * The draw is reproducible: a recorded seed (text) feeds a seeded PRNG (mulberry32, 32-bit state,
 * seeded from FNV-1a of `seed:agency`), which draws k distinct positions among the N_h dossiers of
 * an agency listed in a stable order (Floyd's algorithm: O(k) memory, whatever N_h is). The same seed
 * and the same population give the same sample, on every machine.
 */

/** The margin of error e in basis points (500 = 5 %), as the organiser sets it. */
export const DEFAULT_MARGIN_BP = 500;
export const MIN_MARGIN_BP = 100;
export const MAX_MARGIN_BP = 2000;

/**
 * n = ⌈N / (1 + N·e²)⌉ computed exactly in integers (e in basis points: e² = bp² / 10⁸), so 400 is
 * not turned into 401 by a floating-point rounding. 0 when there is no population.
 */
export const computeSampleSize = (population: number, marginBp: number = DEFAULT_MARGIN_BP): number => {
  if (!Number.isInteger(population) || population < 0) {
    throw new RangeError('population must be a non-negative integer');
  }
  if (!Number.isInteger(marginBp) || marginBp < 1 || marginBp > 10_000) {
    throw new RangeError('marginBp must be an integer between 1 and 10000');
  }
  if (population === 0) {
    return 0;
  }
  // N·10⁸ / (10⁸ + N·bp²): both terms stay below 2⁵³ for N up to 9·10⁷ dossiers.
  const numerator = BigInt(population) * 100_000_000n;
  const denominator = 100_000_000n + BigInt(population) * BigInt(marginBp) * BigInt(marginBp);
  return Number((numerator + denominator - 1n) / denominator);
};

export type Stratum = { key: string; population: number };
export type StratumAllocation = Stratum & { sampleSize: number };

/** Proportional allocation of n to the strata by largest remainder (see the file's comment). */
export const allocateSample = (strata: readonly Stratum[], sampleSize: number): StratumAllocation[] => {
  const total = strata.reduce((sum, s) => sum + s.population, 0);
  if (sampleSize > total) {
    throw new RangeError('the sample cannot be larger than the population');
  }
  if (total === 0) {
    return strata.map((s) => ({ ...s, sampleSize: 0 }));
  }
  // Exact in integers: quota_h = n·N_h / N = whole + remainder/N.
  const shares = strata.map((s, index) => {
    const product = sampleSize * s.population;
    return { index, whole: Math.floor(product / total), remainder: product % total };
  });
  let left = sampleSize - shares.reduce((sum, s) => sum + s.whole, 0);
  const order = [...shares].sort((a, b) => {
    const sa = strata[a.index] as Stratum;
    const sb = strata[b.index] as Stratum;
    return (
      b.remainder - a.remainder || sb.population - sa.population || (sa.key < sb.key ? -1 : sa.key > sb.key ? 1 : 0)
    );
  });
  const extra = new Set<number>();
  for (const share of order) {
    if (left === 0) {
      break;
    }
    extra.add(share.index);
    left -= 1;
  }
  return strata.map((s, index) => ({
    ...s,
    sampleSize: (shares[index]?.whole ?? 0) + (extra.has(index) ? 1 : 0),
  }));
};

/** FNV-1a (32 bits) of a text's UTF-16 code units: the seed of a stratum's generator. */
const hashSeed = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
};

/** mulberry32: a small, fast, well-distributed 32-bit generator; returns numbers in [0, 1). */
export const createSeededRandom = (seed: string): (() => number) => {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/**
 * k distinct positions among 0 … population−1, ascending, drawn with the stratum's generator
 * (Floyd's algorithm). The positions index the stratum's dossiers in their stable order.
 */
export const drawPositions = (seed: string, stratumKey: string, population: number, k: number): number[] => {
  if (k > population || k < 0) {
    throw new RangeError('cannot draw more positions than the population');
  }
  const random = createSeededRandom(`${seed}:${stratumKey}`);
  const chosen = new Set<number>();
  for (let j = population - k; j < population; j += 1) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
};

/** The whole plan of a campaign's sample: size, allocation and each stratum's positions. */
export type SamplePlan = {
  population: number;
  sampleSize: number;
  marginBp: number;
  seed: string;
  strata: (StratumAllocation & { positions: number[] })[];
};

export const planSample = (strata: readonly Stratum[], marginBp: number, seed: string): SamplePlan => {
  const population = strata.reduce((sum, s) => sum + s.population, 0);
  const sampleSize = computeSampleSize(population, marginBp);
  return {
    population,
    sampleSize,
    marginBp,
    seed,
    strata: allocateSample(strata, sampleSize).map((s) => ({
      ...s,
      positions: drawPositions(seed, s.key, s.population, s.sampleSize),
    })),
  };
};
