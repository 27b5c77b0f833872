import { PROVINCE_REFORM_DATE } from '@common/time/province-reform';
/**
 * The fixed facts the demo data is calibrated to (domain.md §8). The generator is deterministic: the same
 * seed gives the same organisations, aid and amounts, so these figures come out exactly on every run.
 */

/** The demo data's "today": nothing is dated later, whatever the machine's clock says. */
export const DEMO_AS_OF = '2026-11-20';
export const FIRST_CERTIFICATE_YEAR = 2012;
export const AID_YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;
export const SEED = 20_221_436;

/** Foreign NGOs regularly active per year (2022: 436 and 2025: 379 are the published figures). */
export const ACTIVE_TARGETS: Readonly<Record<number, number>> = {
  2015: 468,
  2016: 474,
  2017: 482,
  2018: 490,
  2019: 503,
  2020: 471,
  2021: 455,
  2022: 436,
  2023: 417,
  2024: 401,
  2025: 379,
  2026: 352,
};

/** USD disbursed per year (2020–2024 are the published figures; 1,136.0 M over 2020–2024). */
export const DISBURSED_TARGETS: Readonly<Record<number, string>> = {
  2015: '283000000.00',
  2016: '291400000.00',
  2017: '301200000.00',
  2018: '276800000.00',
  2019: '262400000.00',
  2020: '220700000.00',
  2021: '233000000.00',
  2022: '223700000.00',
  2023: '228600000.00',
  2024: '230000000.00',
  2025: '226400000.00',
  2026: '187900000.00',
};

/** USD committed per year (2021: the year's disbursement was about 73 % of its commitments). */
export const COMMITTED_TARGETS: Readonly<Record<number, string>> = {
  2015: '372500000.00',
  2016: '381700000.00',
  2017: '398300000.00',
  2018: '366900000.00',
  2019: '351600000.00',
  2020: '301200000.00',
  2021: '319200000.00',
  2022: '304300000.00',
  2023: '311900000.00',
  2024: '312800000.00',
  2025: '309100000.00',
  2026: '241500000.00',
};

/** Part-year figure officials quoted: 396 foreign NGOs regularly active in the first eight months of 2023. */
export const PART_YEAR_ACTIVE = { asOf: '2023-08-31', active: 396 } as const;

/**
 * How strongly organisations settle in each of the 8 traditional regions (historic_regions), so that in 2019–2022
 * the Red River Delta, the North Central region and the northern mountains receive the most aid, as the Programme's
 * reviews report. Provinces without a former region fall back to the current region's weight.
 */
export const HISTORIC_REGION_WEIGHT: Readonly<Record<string, number>> = {
  TB: 1.6,
  DB: 1.7,
  DBSH: 2.0,
  BTB: 3.0,
  DHNTB: 1.0,
  TN: 1.1,
  DNB: 0.7,
  DBSCL: 0.6,
};

/** Cao Bằng (old63:04 / new34:04): 28 aid items from 14 NGOs in 2022; +19.3 % committed, +1.7 % disbursed on 2021. */
export const CAO_BANG = {
  old: 'old63:04',
  current: 'new34:04',
  items2022: 28,
  organisations2022: 14,
  targets: {
    2021: { COMMITMENT: '1441873.00', DISBURSEMENT: '1273512.00' },
    2022: { COMMITMENT: '1720153.00', DISBURSEMENT: '1295162.00' },
  } as Readonly<Record<number, { COMMITMENT: string; DISBURSEMENT: string }>>,
};

/** New organisations entering per year are spread evenly; these many leave the register each year. */
export const EXITS_PER_YEAR: Readonly<Record<number, number>> = {
  2013: 2,
  2014: 2,
  2015: 3,
  2016: 3,
  2017: 3,
  2018: 3,
  2019: 3,
  2020: 22,
  2021: 20,
  2022: 22,
  2023: 20,
  2024: 20,
  2025: 22,
  2026: 12,
};
export const ORGANISATION_COUNT = 600;
export const REGISTERED_IN_2012 = 490;

/** Decree 58/2022 applies from this date; Decree 80/2020 from 17/09/2020 (its effective date, Art. 35); Decree 313/2025 from 08/12/2025. */
export const D58_FROM = '2022-11-01';
export const D80_FROM = '2020-09-17';
export const D313_FROM = '2025-12-08';
/** Province codes switch from the 63 former units to the 34 current ones on this date. */
export const NEW_PROVINCES_FROM = PROVINCE_REFORM_DATE;

/** The day registration is measured for a year of the demo (31/12, or the demo's today). */
export const referenceDay = (year: number): string => (`${year}-12-31` < DEMO_AS_OF ? `${year}-12-31` : DEMO_AS_OF);
