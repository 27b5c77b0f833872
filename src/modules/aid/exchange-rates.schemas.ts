import { z } from 'zod';
import { pageQuery } from '@http/pagination';
import { isoDate } from '@http/primitives';

/** A positive rate as a decimal string (up to 12 integer and 12 fractional digits). */
export const rateString = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,12})?$/, 'expected a positive decimal string such as "1.0825"');

export const listRatesQuery = pageQuery.extend({
  currency: z.string().length(3).toUpperCase().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListRatesQuery = z.infer<typeof listRatesQuery>;

export const rateView = z.object({
  currency: z.string(),
  date: z.string(),
  usdPerUnit: z.string(),
  vndPerUnit: z.string(),
  source: z.string().nullable(),
});
export type RateView = z.infer<typeof rateView>;

export const putRateBody = z.object({
  currency: z.string().length(3).toUpperCase(),
  date: isoDate,
  usdPerUnit: rateString,
  vndPerUnit: rateString,
  source: z.string().trim().max(200).optional(),
});
export type PutRateBody = z.infer<typeof putRateBody>;

export const importRatesBody = z.object({
  /** CSV text with the header `currency,date,usd_per_unit,vnd_per_unit`. */
  csv: z.string().min(1).max(2_000_000),
  source: z.string().trim().max(200).optional(),
});

export const rateChangeResult = z.object({
  /** Rates added or replaced. */
  rates: z.number().int(),
  /** Existing transactions converted again because a rate they depend on changed. */
  reconverted: z.number().int(),
});
export const importRowError = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;
