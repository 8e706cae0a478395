/**
 * The two astronomical quantities the lunisolar calendar needs, implemented from
 * Jean Meeus, "Astronomical Algorithms" (2nd ed., Willmann-Bell 1998):
 * - the instant of the true new moon (chapter 49), and
 * - the apparent geocentric longitude of the Sun (chapter 25, "low accuracy" method, ~0.01°).
 * Both work in Julian Ephemeris Days (JDE, dynamical time TT). Civil days are in UT, so the
 * difference ΔT = TT − UT is applied when converting (see `getDeltaTSeconds`).
 */

const DEG = Math.PI / 180;

/** sin of an angle in degrees, reduced first to keep precision for the large arguments of ch. 49. */
const sinDeg = (degrees: number): number => Math.sin((degrees % 360) * DEG);

/** Julian Day of 1970-01-01 00:00 UT is 2440587.5, so JD = dayNumber + 2440587.5 at midnight UT. */
export const JD_UNIX_EPOCH = 2440587.5;

/** Mean synodic month in days (Meeus eq. 49.1 linear term). */
export const SYNODIC_MONTH = 29.530588861;

/** JDE of the mean new moon with k = 0 (2000-01-06), Meeus eq. 49.1. */
const NEW_MOON_EPOCH_JDE = 2451550.09766;

/**
 * ΔT = TT − UT in seconds for a decimal year, from the polynomial fits of Espenak & Meeus
 * (NASA "Five Millennium Canon of Solar Eclipses", 2006) for 1900–2150. The fit after 2005 is an
 * extrapolation (it overestimates today's ΔT by a few seconds); at day granularity this only
 * matters for a new moon within seconds of local midnight.
 */
export const getDeltaTSeconds = (year: number): number => {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
};

/** ΔT in days at a given JD (the decimal year is close enough for a slowly varying quantity). */
const getDeltaTDays = (jd: number): number => getDeltaTSeconds(2000 + (jd - 2451545) / 365.25) / 86400;

/** Lunation number k of the last mean new moon at or before the given JD (k = 0 ↔ 2000-01-06). */
export const estimateLunationNumber = (jd: number): number => Math.floor((jd - NEW_MOON_EPOCH_JDE) / SYNODIC_MONTH);

/**
 * JDE (TT) of the true new moon of lunation k, Meeus ch. 49: mean phase (eq. 49.1), the
 * periodic terms for the new moon (the "New Moon" column of the table following eq. 49.4) and
 * the fourteen additional planetary corrections A1–A14. Accuracy is a few seconds for our range.
 */
export const computeNewMoonJde = (k: number): number => {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const meanJde = NEW_MOON_EPOCH_JDE + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  // Eccentricity of the Earth's orbit (eq. 47.6): terms with M are multiplied by E, with 2M by E².
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3; // Sun's mean anomaly
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4; // Moon's
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4; // arg. of latitude
  const omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3; // ascending node

  const periodic =
    -0.4072 * sinDeg(mp) +
    0.17241 * e * sinDeg(m) +
    0.01608 * sinDeg(2 * mp) +
    0.01039 * sinDeg(2 * f) +
    0.00739 * e * sinDeg(mp - m) -
    0.00514 * e * sinDeg(mp + m) +
    0.00208 * e * e * sinDeg(2 * m) -
    0.00111 * sinDeg(mp - 2 * f) -
    0.00057 * sinDeg(mp + 2 * f) +
    0.00056 * e * sinDeg(2 * mp + m) -
    0.00042 * sinDeg(3 * mp) +
    0.00042 * e * sinDeg(m + 2 * f) +
    0.00038 * e * sinDeg(m - 2 * f) -
    0.00024 * e * sinDeg(2 * mp - m) -
    0.00017 * sinDeg(omega) -
    0.00007 * sinDeg(mp + 2 * m) +
    0.00004 * sinDeg(2 * mp - 2 * f) +
    0.00004 * sinDeg(3 * m) +
    0.00003 * sinDeg(mp + m - 2 * f) +
    0.00003 * sinDeg(2 * mp + 2 * f) -
    0.00003 * sinDeg(mp + m + 2 * f) +
    0.00003 * sinDeg(mp - m + 2 * f) -
    0.00002 * sinDeg(mp - m - 2 * f) -
    0.00002 * sinDeg(3 * mp + m) +
    0.00002 * sinDeg(4 * mp);

  const planetary =
    0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t2) +
    0.000165 * sinDeg(251.88 + 0.016321 * k) +
    0.000164 * sinDeg(251.83 + 26.651886 * k) +
    0.000126 * sinDeg(349.42 + 36.412478 * k) +
    0.00011 * sinDeg(84.66 + 18.206239 * k) +
    0.000062 * sinDeg(141.74 + 53.303771 * k) +
    0.00006 * sinDeg(207.14 + 2.453732 * k) +
    0.000056 * sinDeg(154.84 + 7.30686 * k) +
    0.000047 * sinDeg(34.52 + 27.261239 * k) +
    0.000042 * sinDeg(207.19 + 0.121824 * k) +
    0.00004 * sinDeg(291.34 + 1.844379 * k) +
    0.000037 * sinDeg(161.72 + 24.198154 * k) +
    0.000035 * sinDeg(239.56 + 25.513099 * k) +
    0.000023 * sinDeg(331.55 + 3.592518 * k);

  return meanJde + periodic + planetary;
};

/**
 * Apparent geocentric longitude of the Sun in degrees [0, 360) at a JDE, Meeus ch. 25
 * (eqs. 25.2–25.4 for L0, M, C; the apparent longitude λ = ☉ − 0.00569° − 0.00478° sin Ω
 * corrects for nutation and aberration).
 */
export const computeSunApparentLongitude = (jde: number): number => {
  const t = (jde - 2451545) / 36525;
  const t2 = t * t;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t2;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t2;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t2) * sinDeg(m) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * m) +
    0.000289 * sinDeg(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * sinDeg(omega);
  return ((lambda % 360) + 360) % 360;
};

/**
 * Day number (days since 1970-01-01) of the civil day, at UTC offset `tzHours`, that contains the
 * new moon of lunation k: JDE → UT (subtract ΔT) → local time (add the offset) → calendar day.
 */
export const getNewMoonDayNumber = (k: number, tzHours: number): number => {
  const jde = computeNewMoonJde(k);
  const jdUt = jde - getDeltaTDays(jde);
  return Math.floor(jdUt + tzHours / 24 - JD_UNIX_EPOCH);
};

/** Apparent solar longitude (degrees) at local midnight starting the given day (UTC offset `tzHours`). */
export const getSunLongitudeAtDayStart = (dayNumber: number, tzHours: number): number => {
  const jdUt = dayNumber + JD_UNIX_EPOCH - tzHours / 24;
  return computeSunApparentLongitude(jdUt + getDeltaTDays(jdUt));
};
