import type { Kysely, Transaction } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { priorityFigures, type ProgrammeContent } from '@domain/programme';
import type { StatsFilter } from '@modules/stats/stats.filters';
import { agencyLineage } from '@modules/stats/stats.policy';
import { groupBy } from '@modules/stats/stats.repository';
import { bySector, summary } from '@modules/stats/stats.service';
import type { ProgrammeReportFigures } from './programme-reports.schemas';

type Db = Kysely<Database> | Transaction<Database>;

/** A reporting ministry or province. */
export type Reporter = { id: string; name_vi: string; name_en: string; kind: 'MINISTRY' | 'PROVINCE'; province_id: string | null };

/**
 * The statistics filter of a reporter's scope, the same the dashboards apply to its officers: a province's
 * territory (older provinces rolled up into it), or the aid a ministry governs (with the bodies it succeeded).
 */
export async function reporterFilter(db: Db, reporter: Reporter): Promise<StatsFilter> {
  if (reporter.kind === 'PROVINCE' && reporter.province_id) return { province: reporter.province_id };
  return { agencyIds: await agencyLineage(db, reporter.id) };
}

/**
 * The registry's figures for a reporter's year, from the statistics module's own functions (so they are the
 * figures its officers' dashboard shows): totals and counts from the summary, money by priority field from the
 * by-sector split through the programme's priority → sector mapping, NGOs from the by-organisation grouping.
 */
export async function computeReportFigures(
  db: Db,
  reporter: Reporter,
  year: number,
  programme: { code: string; content: ProgrammeContent },
): Promise<ProgrammeReportFigures> {
  const filter = await reporterFilter(db, reporter);
  const [sum, sectors, organisations] = await Promise.all([
    summary(db, year, filter),
    bySector(db, year, filter, 'vi'),
    groupBy(db, year, filter, 'organisation'),
  ]);
  const split = priorityFigures(programme.content.priorities, sectors.items, sectors.total);
  return {
    programmeCode: programme.code,
    computedOn: vietnamToday(),
    committedUsd: sum.committedUsd,
    disbursedUsd: sum.disbursedUsd,
    aidRecords: sum.aidRecords,
    organisations: organisations.filter((o) => o.code !== '').length,
    activeOrganisations: sum.activeOrganisations,
    priorities: split.priorities,
    outside: split.outside,
  };
}
