/**
 * The public reference lists' contract (provinces in both code schemes, regions, sectors, countries, currencies,
 * agencies), read by their routes (src/modules/reference) and by the screens' one reference hook.
 * @module
 */
import { z } from 'zod';
import { isoDate } from './primitives';

const named = { code: z.string(), nameVi: z.string(), nameEn: z.string() };
/** Every reference list answers its items in one envelope. */
export const referenceList = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const provinceScheme = z.enum(['old63', 'new34']);
export const provincesQuery = z.object({ scheme: provinceScheme.default('new34'), date: isoDate.optional() });
export type ProvincesQuery = z.infer<typeof provincesQuery>;

export const province = z.object({
  id: z.string(),
  scheme: provinceScheme,
  ...named,
  regionCode: z.string(),
  rollsUpTo: z.string(),
  unitTypeVi: z.string().nullable(),
  unitTypeEn: z.string().nullable(),
});
export const region = z.object(named);
export const sector = z.object({ ...named, dacCode: z.string() });
export const country = z.object(named);
export const currency = z.object({ ...named, minorUnits: z.number() });

export const agenciesQuery = z.object({ current: z.enum(['0', '1']).default('1') });
export const agency = z.object({
  id: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  provinceId: z.string().nullable(),
  validUntil: z.string().nullable(),
  successorId: z.string().nullable(),
});

export type Province = z.infer<typeof province>;
export type Region = z.infer<typeof region>;
export type Sector = z.infer<typeof sector>;
export type Country = z.infer<typeof country>;
export type Currency = z.infer<typeof currency>;
export type Agency = z.infer<typeof agency>;
