import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interpolate } from '@common/i18n/languages';
import { resources } from '@common/i18n/resources';
import type { Cell, Column, ReportModel } from '@modules/stats/reports/report-model';
import { writePdf } from '@modules/stats/reports/render-pdf';
import { writeXlsx } from '@modules/stats/reports/render-xlsx';
import type { Lang } from '@modules/stats/stats.present';
import { generatedStamp, type OfficialFrame } from '@files/official';
import type { Review } from './reviews.service';

/**
 * A review report as the statistics' report model, so it is written by the same xlsx (ExcelJS, numeric cells with
 * number formats) and PDF (pdfkit, DejaVu Sans for Vietnamese) renderers as the official annual reports.
 */
export function reviewModel(review: Review, lang: Lang, frame: OfficialFrame, now: Date = new Date()): ReportModel {
  const cat = resources[lang].programmeReports;
  const units = resources[lang].programme.units as Record<string, string>;
  const t = (key: string, params?: Record<string, string | number>) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], cat);
    return interpolate(typeof value === 'string' ? value : key, params);
  };
  const col = (key: string, kind: Column['kind']): Column => ({ label: t(`columns.${key}`), kind });
  const fig = (key: string, kind: Column['kind']): Column => ({ label: t(`figures.${key}`), kind });
  const money = [fig('committedUsd', 'money'), fig('disbursedUsd', 'money'), fig('aidRecords', 'int'), fig('organisations', 'int')];
  const name = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const p = review.programme;
  const totalsRow = (label: string, x: { committedUsd: string; disbursedUsd: string; aidRecords?: number }, lead = ['']): Cell[] => [
    ...lead,
    label,
    x.committedUsd,
    x.disbursedUsd,
    x.aidRecords ?? null,
    null,
  ];
  // Targets and results are written with two decimals so the renderers make them numeric cells.
  const decimal = (value: string | null) => (value === null ? null : /^\d+$/.test(value) ? `${value}.00` : value);
  return {
    title: t(`review.documentTitle.${review.kind}`, { from: review.from, to: review.to }),
    subtitle: `${name(p.titleVi, p.titleEn)} (${p.code})`,
    notice: review.synthetic ? t('synthetic') : t('review.recordsNote'),
    generatedAt: t('review.generatedAt', { date: generatedStamp(now, lang) }),
    year: review.to,
    frame,
    sections: [
      {
        title: t('review.totals'),
        columns: [col('figure', 'text'), col('value', 'value')],
        rows: [
          [t('figures.committedUsd'), review.totals.committedUsd],
          [t('figures.disbursedUsd'), review.totals.disbursedUsd],
          [t('figures.aidRecords'), review.totals.aidRecords],
          [t('figures.activeOrganisations'), review.totals.activeOrganisations],
          [t('figures.registeredOrganisations'), review.totals.registeredOrganisations],
        ],
      },
      {
        title: t('review.byPriority'),
        // One text column (the renderers give it the whole text width): the priority, then its sectors by name.
        columns: [col('priority', 'text'), ...money],
        rows: [
          ...review.priorities.map((x): Cell[] => [
            `${name(x.nameVi, x.nameEn)}${x.shared ? ' *' : ''} (${x.sectorNames.join('; ')})`,
            x.committedUsd,
            x.disbursedUsd,
            x.aidRecords,
            x.organisations,
          ]),
          totalsRow(t('rows.outside'), review.outsidePriorities, []),
        ],
        totalRow: totalsRow(t('rows.total'), review.totals, []),
      },
      {
        title: t('review.byProvince'),
        columns: [col('code', 'text'), col('province', 'text'), ...money],
        rows: [
          ...review.provinces.map((x): Cell[] => [x.code, x.name, x.committedUsd, x.disbursedUsd, x.aidRecords, x.organisations]),
          [
            '',
            t('rows.unallocated'),
            review.provincesUnallocated.committedUsd,
            review.provincesUnallocated.disbursedUsd,
            review.provincesUnallocated.aidRecords,
            null,
          ],
        ],
        totalRow: totalsRow(t('rows.total'), review.totals),
      },
      ...(['current', 'historic'] as const).map((scheme) => ({
        title: t(scheme === 'current' ? 'review.byRegionCurrent' : 'review.byRegionHistoric'),
        columns: [col('code', 'text'), col('region', 'text'), ...money],
        rows: [
          ...review.regions[scheme].items.map((x): Cell[] => [
            x.code,
            x.name,
            x.committedUsd,
            x.disbursedUsd,
            x.aidRecords,
            x.organisations,
          ]),
          [
            '',
            t('rows.unallocated'),
            ...(({ committedUsd, disbursedUsd, aidRecords, organisations }) => [committedUsd, disbursedUsd, aidRecords, organisations])(
              review.regions[scheme].unallocated,
            ),
          ],
        ],
        totalRow: totalsRow(t('rows.total'), review.totals),
      })),
      {
        title: t('review.indicators'),
        columns: [
          col('code', 'text'),
          col('indicator', 'text'),
          col('unit', 'text'),
          col('target', 'value'),
          col('achieved', 'value'),
          col('basis', 'text'),
        ],
        rows: review.indicators.map((x): Cell[] => [
          x.code,
          name(x.nameVi, x.nameEn),
          units[x.unit] ?? x.unit,
          decimal(x.target),
          x.achieved === null ? t('review.notMeasured') : x.unit === 'organisations' ? Number(x.achieved) : decimal(x.achieved),
          t(`indicatorBasis.${x.basis}`),
        ]),
      },
    ],
  };
}

/**
 * Renders the review to a file with one of the shared renderers, in the Decree 30 frame `frame` (see
 * stateReportFrame), and returns its bytes (the temporary file removed).
 */
export async function renderReview(review: Review, lang: Lang, format: 'xlsx' | 'pdf', frame: OfficialFrame): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vnaid-review-'));
  const file = path.join(dir, `review.${format}`);
  try {
    const model = reviewModel(review, lang, frame);
    await (format === 'xlsx' ? writeXlsx(model, file) : writePdf(model, file));
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
