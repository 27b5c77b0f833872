/**
 * The statistics API's contract, read by its routes (src/modules/stats) and by the screens (web/src/features/stats):
 * a change to a figure's shape fails the type check on both sides. Money is a decimal string in USD.
 * @module
 */
import { z } from 'zod';
import { vietnamYear } from '@common/time/vietnam-today';
import { isoDate, pageQuery } from './primitives';

const money = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .describe('USD, decimal string with 2 decimals');
const pct = z.string().nullable().describe('change on the previous year in percent, one decimal; null without a base');

export const yearQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .default(() => vietnamYear()),
});

const statsYear = z.coerce.number().int().min(2000).max(2100);

/**
 * The summary's three forms: a calendar year (`year`), a part year (`year` and `asOf`), a period of calendar years
 * (`from` and `to`). Which combinations make sense is checked by the service (stats_period_* errors, 400).
 */
export const summaryQuery = z.object({
  year: statsYear.optional().describe('calendar year (default: this year)'),
  asOf: isoDate.optional().describe('with `year`: the year from 1 January up to this date included'),
  from: statsYear.optional().describe('first calendar year of a period (with `to`)'),
  to: statsYear.optional().describe('last calendar year of a period (with `from`)'),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

/** `current`: the 34 provinces in today's 6 regions; `historic`: the 63 former provinces in the 8 traditional regions. */
export const regionScheme = z.enum(['current', 'historic']);
export type RegionScheme = z.infer<typeof regionScheme>;

/** A period of calendar years (default: this year) and the region scheme. */
export const regionQuery = z.object({
  from: statsYear.optional().describe('first calendar year (default: `to`, or this year)'),
  to: statsYear.optional().describe('last calendar year (default: `from`)'),
  scheme: regionScheme
    .default('current')
    .describe("`current`: the 34 provinces in today's 6 regions; `historic`: the 63 former provinces in the 8 traditional regions"),
});
export type RegionQuery = z.infer<typeof regionQuery>;

/** Dashboard filters; a province may be given as its code ("04") or id ("new34:04"). */
export const filterQuery = yearQuery.extend({
  province: z
    .string()
    .regex(/^(new34:)?\d{2}$/)
    .transform((v) => (v.startsWith('new34:') ? v : `new34:${v}`))
    .optional(),
  region: z
    .string()
    .regex(/^[A-Z]{2,10}$/)
    .optional(),
  sector: z
    .string()
    .regex(/^[A-Z_]{2,12}$/)
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  organisation: z.string().uuid().optional(),
  view: z
    .enum(['own', 'national'])
    .optional()
    .describe('agency officers: `national` shows the public national figures instead of their scope'),
  agency: z.string().max(60).optional().describe('central officers and administrators: the figures of one province or ministry'),
});
export type FilterQuery = z.infer<typeof filterQuery>;

const previous = z.object({
  year: z.number().int(),
  activeOrganisations: z.number().int(),
  registeredOrganisations: z.number().int().nullable(),
  committedUsd: money,
  disbursedUsd: money,
  aidRecords: z.number().int(),
});

export const summaryView = z.object({
  year: z.number().int(),
  activeOrganisations: z.number().int().describe('foreign NGOs regularly active in the year (disbursed aid or reported activity)'),
  registeredOrganisations: z
    .number()
    .int()
    .nullable()
    .describe('foreign NGOs holding a valid certificate on 31/12 (today for the current year)'),
  committedUsd: money,
  disbursedUsd: money,
  aidRecords: z.number().int(),
  referenceDate: z.string(),
  previous,
  changePct: z.object({ activeOrganisations: pct, registeredOrganisations: pct, committedUsd: pct, disbursedUsd: pct, aidRecords: pct }),
  synthetic: z.boolean().describe('true when the figures come from synthetic demo data'),
  from: z.number().int().optional().describe('a period: its first year (`year` is its last); `previous` is the period just before'),
  to: z.number().int().optional().describe('a period: its last year'),
  asOf: z.string().optional().describe('a part year: its last day; `previous` is the same span of the previous year'),
});

const moneyPart = { committedUsd: money, disbursedUsd: money, aidRecords: z.number().int() };
const unallocated = z.object({ ...moneyPart, organisations: z.number().int() });
const total = z.object({ committedUsd: money, disbursedUsd: money });

export const provinceList = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), region: z.string(), ...moneyPart, organisations: z.number().int() }),
  ),
  unallocated,
  regions: z.array(z.object({ code: z.string(), name: z.string(), ...moneyPart, organisations: z.number().int() })),
  total,
  synthetic: z.boolean(),
});
export const sectorList = z.object({
  year: z.number().int(),
  items: z.array(z.object({ code: z.string(), name: z.string(), ...moneyPart, organisations: z.number().int() })),
  unallocated,
  total,
  synthetic: z.boolean(),
});

export const regionList = z.object({
  from: z.number().int(),
  to: z.number().int(),
  scheme: regionScheme,
  items: z.array(z.object({ code: z.string(), name: z.string(), ...moneyPart, organisations: z.number().int() })),
  unallocated: unallocated.describe(
    'aid without a location, and (historic scheme) aid recorded under a current province not within one former region',
  ),
  total,
  synthetic: z.boolean(),
});

export const trendView = z.array(
  z.object({
    year: z.number().int(),
    committedUsd: money,
    disbursedUsd: money,
    aidRecords: z.number().int(),
    activeOrganisations: z.number().int(),
    registeredOrganisations: z.number().int().nullable(),
  }),
);

export const dashboardView = z.object({
  year: z.number().int(),
  scope: z.object({ kind: z.enum(['national', 'province', 'ministry']), id: z.string().nullable(), name: z.string().nullable() }),
  filters: z.object({
    province: z.string().nullable(),
    region: z.string().nullable(),
    sector: z.string().nullable(),
    country: z.string().nullable(),
    organisation: z.string().nullable(),
  }),
  summary: summaryView,
  trend: trendView,
  byProvince: provinceList.omit({ year: true, synthetic: true }),
  bySector: sectorList.omit({ year: true, synthetic: true }),
  byCountry: z.array(z.object({ code: z.string(), name: z.string(), ...moneyPart, organisations: z.number().int() })),
  byOrganisation: z.object({
    items: z.array(
      z.object({ id: z.string().nullable(), code: z.string().nullable(), name: z.string(), country: z.string().nullable(), ...moneyPart }),
    ),
    others: z.object({ count: z.number().int(), ...moneyPart }),
  }),
});

export const recordsQuery = filterQuery.extend(pageQuery.shape);
export const recordsView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      organisationId: z.string().nullable(),
      organisation: z.string().nullable(),
      committedUsd: money,
      disbursedUsd: money,
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const definitionsView = z.object({ items: z.array(z.object({ id: z.string(), term: z.string(), text: z.string() })) });

export type Summary = z.infer<typeof summaryView>;
export type Dashboard = z.infer<typeof dashboardView>;
export type ProvinceList = z.infer<typeof provinceList>;
export type RegionList = z.infer<typeof regionList>;
export type Records = z.infer<typeof recordsView>;
export type Definitions = z.infer<typeof definitionsView>;
/** One province of the dashboard's breakdown. */
export type ProvincePart = Dashboard['byProvince']['items'][number];
/** One row of a breakdown by a coded name (sector, region, country). */
export type NamedPart = Dashboard['bySector']['items'][number];
/** The money of one row of a breakdown. */
export type MoneyPart = Pick<NamedPart, 'committedUsd' | 'disbursedUsd' | 'aidRecords'>;

/** An official annual report to generate in the background. */
export const reportRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  format: z.enum(['xlsx', 'pdf', 'csv']),
  kind: z
    .enum(['national', 'agency'])
    .describe('national: the annual national report (central officers); agency: a province or ministry annual report'),
  agency: z.string().max(60).optional().describe('central officers and administrators: which province or ministry'),
});
export type ReportRequest = z.infer<typeof reportRequest>;
export const reportQueued = z.object({ jobId: z.string(), statusUrl: z.string() });

/** The state of a report job. */
export const reportJob = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'expired']),
  progress: z.number().int(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  downloadUrl: z.string().nullable(),
  expiresAt: z.string().nullable().describe('when the file will be removed (VNAID_REPORT_RETENTION_DAYS after it was made)'),
  message: z.string().nullable().describe('for an expired report: that it must be generated again'),
});
export type ReportJob = z.infer<typeof reportJob>;
