/**
 * The two astronomical quantities a Vietnamese lunar calendar is built from: the instant of each new moon and
 * the Sun's apparent longitude. Formulas are from Jean Meeus, *Astronomical Algorithms* (2nd ed., 1998):
 * chapter 49 (phases of the Moon, with the planetary corrections) and chapter 25 (solar coordinates, low
 * accuracy). All instants are Julian Days in Universal Time unless the name says JDE (Terrestrial Time).
 *
 * Accuracy: new moons to well under a minute over 1900–2200, solar longitude to about 0.01° (≈15 minutes of
 * time). The lunar calendar only needs to know on which local day an event falls, so this matters only when
 * an event lies within minutes of midnight in Hà Nội; lunar.test.ts cross-checks the result year by year.
 */

const DEG = Math.PI / 180;

function sinDeg(degrees: number): number {
  return Math.sin(degrees * DEG);
}

/** Mean length of a synodic month (new moon to new moon), in days. */
export const SYNODIC_MONTH = 29.530588861;

/** JDE of the mean new moon with lunation number k = 0 (6 January 2000), Meeus eq. 49.1. */
const NEW_MOON_EPOCH_JDE = 2451550.09766;

/**
 * ΔT = TT − UT in seconds, from the Espenak–Meeus polynomials (NASA eclipse web site, 2006).
 * ΔT is about a minute in this era; it matters only because a new moon one minute before local midnight is
 * on a different day from one a minute after.
 */
export function deltaTSeconds(decimalYear: number): number {
  const y = decimalYear;
  if (y < 1900) {
    const t = (y - 1820) / 100;
    return -20 + 32 * t * t;
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  if (y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;
}

/** Periodic terms of the true new moon, Meeus ch. 49: [coefficient, power of E, multipliers of M, M′, F, Ω]. */
const NEW_MOON_TERMS: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

/** Planetary corrections, Meeus ch. 49: [coefficient, constant, rate per lunation, T² term]. */
const PLANETARY_TERMS: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.000325, 299.77, 0.107408, -0.009173],
  [0.000165, 251.88, 0.016321, 0],
  [0.000164, 251.83, 26.651886, 0],
  [0.000126, 349.42, 36.412478, 0],
  [0.00011, 84.66, 18.206239, 0],
  [0.000062, 141.74, 53.303771, 0],
  [0.00006, 207.14, 2.453732, 0],
  [0.000056, 154.84, 7.30686, 0],
  [0.000047, 34.52, 27.261239, 0],
  [0.000042, 207.19, 0.121824, 0],
  [0.00004, 291.34, 1.844379, 0],
  [0.000037, 161.72, 24.198154, 0],
  [0.000035, 239.56, 25.513099, 0],
  [0.000023, 331.55, 3.592518, 0],
];

/**
 * JDE (Terrestrial Time) of the true new moon with lunation number `k` (k = 0 is 6 January 2000; k is an
 * integer, negative before). Meeus eq. 49.1 plus the periodic and planetary corrections.
 */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  const mean = NEW_MOON_EPOCH_JDE + SYNODIC_MONTH * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const Omega = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;

  let correction = 0;
  for (const [coefficient, ePower, m, mp, f, om] of NEW_MOON_TERMS) {
    correction += coefficient * E ** ePower * sinDeg(m * M + mp * Mp + f * F + om * Omega);
  }
  for (const [coefficient, constant, rate, t2] of PLANETARY_TERMS) {
    correction += coefficient * sinDeg(constant + rate * k + t2 * T2);
  }
  return mean + correction;
}

/** Julian Day (Universal Time) of the true new moon with lunation number `k`. */
export function newMoonJd(k: number): number {
  const jde = newMoonJde(k);
  const decimalYear = 2000 + (jde - 2451544.5) / 365.25;
  return jde - deltaTSeconds(decimalYear) / 86400;
}

/**
 * The Sun's apparent geocentric longitude in degrees [0, 360) at Julian Day `jd` (UT), Meeus ch. 25 low-accuracy
 * method. Major solar terms (trung khí) fall where this is a multiple of 30°; the winter solstice is 270°.
 */
export function sunLongitudeDegrees(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T2;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T2;
  const C = (1.914602 - 0.004817 * T - 0.000014 * T2) * sinDeg(M) + (0.019993 - 0.000101 * T) * sinDeg(2 * M) + 0.000289 * sinDeg(3 * M);
  const omega = 125.04 - 1934.136 * T;
  const apparent = L0 + C - 0.00569 - 0.00478 * sinDeg(omega);
  return ((apparent % 360) + 360) % 360;
}
