import type { Kysely } from 'kysely';
import { interpolate } from '@common/i18n/languages';
import { resources } from '@common/i18n/resources';
import type { Database } from '@db/types';
import { generatedStamp, stateReportFrame, type OfficialFrame } from '@files/official';
import { vietnamToday } from '@common/time/vietnam-today';
import { definitions } from '@domain/statistics/definitions';
import type { StatsFilter } from '../stats.filters';
import type { Lang } from '../stats.present';
import { byCountry, byOrganisation, byProvince, bySector, summary, trend } from '../stats.service';

export type Cell = string | number | null;
/** Column kinds decide formatting: money gets thousands separators and two decimals; `value` mixes counts and money. */
export type Column = { label: string; kind: 'text' | 'money' | 'int' | 'pct' | 'value' };
export type Section = { title: string; columns: Column[]; rows: Cell[][]; totalRow?: Cell[] };
/**
 * A report as data, rendered the same way to xlsx, PDF and CSV so the three always agree; `frame` is its Decree 30
 * frame (issuing body, number and symbol, place and date, recipients, signature).
 */
export type ReportModel = {
  title: string;
  subtitle: string;
  notice: string;
  generatedAt: string;
  year: number;
  sections: Section[];
  frame: OfficialFrame;
};

/**
 * Builds the annual report: the national report on foreign-NGO work (Decree 58 Art. 22, Mẫu 06 in spirit) or a
 * province's or ministry's annual report (Mẫu 04), from the same figures the dashboards show.
 */
export async function buildReport(
  db: Kysely<Database>,
  request: { year: number; lang: Lang; filter: StatsFilter; scopeName: string | null; issuerAgencyId?: string | null },
  progress: (percent: number) => Promise<void>,
): Promise<ReportModel> {
  const { year, lang, filter } = request;
  const t = (key: string, params?: Record<string, string | number>) => {
    const value = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[lang].stats);
    return interpolate(typeof value === 'string' ? value : key, params);
  };
  const col = (key: string, kind: Column['kind']): Column => ({ label: t(`columns.${key}`), kind });
  const now = new Date();
  const [sum, series, frame] = await Promise.all([
    summary(db, year, filter),
    trend(db, year, filter, 5),
    stateReportFrame(db, request.issuerAgencyId ?? null, lang, vietnamToday(now)),
  ]);
  await progress(25);
  const [provinces, sectors, countries, organisations] = await Promise.all([
    byProvince(db, year, filter, lang),
    bySector(db, year, filter, lang),
    byCountry(db, year, filter, lang),
    byOrganisation(db, year, filter, lang, 100_000),
  ]);
  await progress(60);
  const figureRow = (key: keyof typeof sum.changePct): Cell[] => [t(`figures.${key}`), sum[key], sum.previous[key], sum.changePct[key]];
  const moneyRows = <T extends { committedUsd: string; disbursedUsd: string; aidRecords: number }>(
    items: T[],
    label: (item: T) => Cell[],
  ) => items.map((item) => [...label(item), item.committedUsd, item.disbursedUsd, item.aidRecords]);
  const total = (t1: { committedUsd: string; disbursedUsd: string }, records: number | null): Cell[] => [
    t('rows.total'),
    '',
    t1.committedUsd,
    t1.disbursedUsd,
    records,
  ];
  const unallocated = (u: { committedUsd: string; disbursedUsd: string; aidRecords: number }): Cell[] => [
    '',
    t('rows.unallocated'),
    u.committedUsd,
    u.disbursedUsd,
    u.aidRecords,
  ];
  const amountColumns = [col('committedUsd', 'money'), col('disbursedUsd', 'money'), col('aidRecords', 'int')];
  return {
    title: request.scopeName ? t('report.agencyTitle', { year, name: request.scopeName }) : t('report.nationalTitle', { year }),
    // Every report says which data window it counts (issue 13): the statistics are per calendar year.
    subtitle: `${request.scopeName ?? t('scope.national')} — ${t('report.window', { from: `01/01/${year}`, to: `31/12/${year}` })}`,
    notice: t('synthetic'),
    generatedAt: t('report.generatedAt', { date: generatedStamp(now, lang) }),
    year,
    frame,
    sections: [
      {
        title: t('sections.keyFigures'),
        columns: [
          col('indicator', 'text'),
          { label: String(year), kind: 'value' },
          { label: String(year - 1), kind: 'value' },
          col('change', 'pct'),
        ],
        rows: (['activeOrganisations', 'registeredOrganisations', 'committedUsd', 'disbursedUsd', 'aidRecords'] as const).map(figureRow),
      },
      {
        title: t('sections.trend'),
        columns: [
          { label: t('year'), kind: 'text' },
          col('committedUsd', 'money'),
          col('disbursedUsd', 'money'),
          col('aidRecords', 'int'),
          { label: t('figures.activeOrganisations'), kind: 'int' },
        ],
        rows: series.map((s) => [String(s.year), s.committedUsd, s.disbursedUsd, s.aidRecords, s.activeOrganisations]),
      },
      {
        title: t('sections.byProvince'),
        columns: [col('code', 'text'), col('name', 'text'), ...amountColumns],
        rows: [...moneyRows(provinces.items, (p) => [p.code, p.name]), unallocated(provinces.unallocated)],
        totalRow: total(provinces.total, null),
      },
      {
        title: t('sections.byRegion'),
        columns: [col('code', 'text'), col('name', 'text'), ...amountColumns],
        rows: [...moneyRows(provinces.regions, (r) => [r.code, r.name]), unallocated(provinces.unallocated)],
        totalRow: total(provinces.total, null),
      },
      {
        title: t('sections.bySector'),
        columns: [col('code', 'text'), col('name', 'text'), ...amountColumns],
        rows: [...moneyRows(sectors.items, (s) => [s.code, s.name]), unallocated(sectors.unallocated)],
        totalRow: total(sectors.total, null),
      },
      {
        title: t('sections.byCountry'),
        columns: [col('code', 'text'), col('name', 'text'), ...amountColumns],
        rows: moneyRows(countries, (c) => [c.code, c.name]),
        totalRow: total(sum, sum.aidRecords),
      },
      {
        title: t('sections.byOrganisation'),
        columns: [col('code', 'text'), col('name', 'text'), ...amountColumns],
        rows: moneyRows(organisations.items, (o) => [o.code ?? '', o.name]),
        totalRow: total(sum, sum.aidRecords),
      },
      {
        title: t('sections.definitions'),
        columns: [col('term', 'text'), col('definition', 'text')],
        rows: definitions.map((d) => [d[lang].term, d[lang].text]),
      },
    ],
  };
}
