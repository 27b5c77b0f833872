/**
 * ISO 4217 codes that have been withdrawn, with the first day a payment can no longer be made in them (the successor
 * currency took over, or the country adopted the euro). The currencies table keeps them because old records and
 * IATI files use them; a new amount dated on or after that day cannot be in the retired code. Dates are the
 * changeover days (legal-tender end where the two circulated side by side and the end is known).
 */
export const RETIRED_CURRENCIES: Readonly<Record<string, { from: string; successor: string }>> = {
  BYR: { from: '2016-07-01', successor: 'BYN' },
  CUC: { from: '2021-01-01', successor: 'CUP' },
  EEK: { from: '2011-01-01', successor: 'EUR' },
  HRK: { from: '2023-01-01', successor: 'EUR' },
  LTL: { from: '2015-01-01', successor: 'EUR' },
  LVL: { from: '2014-01-01', successor: 'EUR' },
  MRO: { from: '2018-01-01', successor: 'MRU' },
  SLL: { from: '2024-01-01', successor: 'SLE' },
  STD: { from: '2018-01-01', successor: 'STN' },
  VEF: { from: '2018-08-20', successor: 'VES' },
  ZMK: { from: '2013-01-01', successor: 'ZMW' },
  ZWL: { from: '2024-04-05', successor: 'ZWG' },
  ANG: { from: '2025-07-01', successor: 'XCG' },
};

/** The retirement of `currency` if an amount dated `date` may no longer be in it, else null. */
export function retiredOn(currency: string, date: string): { from: string; successor: string } | null {
  const r = RETIRED_CURRENCIES[currency];
  return r && date >= r.from ? r : null;
}
