/**
 * The needs catalogue as an open-data dataset (`needs.csv`, `needs.json` in the daily bundle). Its rows are the
 * public proposal pages (`readNeedDetail` as an anonymous visitor reads them, the one public projection), flattened:
 * coded values with their Vietnamese and English labels, as every dataset of the bundle gives them. Only what the
 * public sees is there: published and funded proposals, without the officers' history or comments.
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import type { ProgrammeContent } from '@domain/programme';
import { vietnamToday } from '@common/time/vietnam-today';
import enProgramme from '@common/i18n/en/programme.json';
import viProgramme from '@common/i18n/vi/programme.json';
import { readNeedDetail } from './needs.detail';
import { publicNeedCondition } from './needs.policy';
import type { NeedDetail } from './needs.schemas';

/** A dataset row: field name → value (lists as arrays), the shape the bundle writer takes. */
export type NeedRow = Record<string, string | number | boolean | null | string[]>;

/** Proposals read at once (each is one public page: a few small queries). */
const BATCH = 10;

const statusLabel = (catalogue: { status: Record<string, string> }, status: string) => catalogue.status[status] ?? status;

/** The public download address of a proposal's document (relative to the site). */
export const needDocumentPath = (proposalId: string, documentId: string) => `/api/public/needs/${proposalId}/documents/${documentId}`;

async function labels(db: Kysely<Database>) {
  const [provinces, sectors, programmes] = await Promise.all([
    db.selectFrom('provinces').select(['id', 'name_vi', 'name_en']).execute(),
    db.selectFrom('sectors').select(['code', 'name_vi', 'name_en']).execute(),
    db
      .selectFrom('programmes')
      .select(['code', sql<ProgrammeContent>`content`.as('content')])
      .execute(),
  ]);
  const priorities = new Map<string, { nameVi: string; nameEn: string }>();
  for (const p of programmes) for (const priority of p.content.priorities) priorities.set(`${p.code}:${priority.code}`, priority);
  return {
    province: new Map(provinces.map((p) => [p.id, p])),
    sector: new Map(sectors.map((s) => [s.code, s])),
    priority: (programme: string | null, code: string | null) => (programme && code ? priorities.get(`${programme}:${code}`) : undefined),
  };
}

/** One public proposal as a dataset row (field order: opendata.fields.ts, dataset `needs`). */
function toRow(d: NeedDetail, l: Awaited<ReturnType<typeof labels>>): NeedRow {
  const sector = l.sector.get(d.sectorCode);
  const priority = l.priority(d.programmeCode, d.priorityCode);
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusVi: statusLabel(viProgramme, d.status),
    statusEn: statusLabel(enProgramme, d.status),
    titleVi: d.titleVi,
    titleEn: d.titleEn,
    summaryVi: d.summaryVi,
    summaryEn: d.summaryEn,
    proposedBy: d.proposedBy,
    proposedByVi: d.proposedByNameVi,
    proposedByEn: d.proposedByNameEn,
    sector: d.sectorCode,
    sectorVi: sector?.name_vi ?? d.sectorCode,
    sectorEn: sector?.name_en ?? d.sectorCode,
    provinces: d.provinceIds,
    provincesVi: d.provinceIds.map((p) => l.province.get(p)?.name_vi ?? p),
    provincesEn: d.provinceIds.map((p) => l.province.get(p)?.name_en ?? p),
    programme: d.programmeCode,
    priority: d.priorityCode,
    priorityVi: priority?.nameVi ?? d.priorityCode,
    priorityEn: priority?.nameEn ?? d.priorityCode,
    beneficiaries: d.beneficiaries,
    beneficiariesCount: d.beneficiariesCount,
    budget: d.budget,
    currency: d.currency,
    durationMonths: d.durationMonths,
    counterpartAmount: d.counterpartAmount,
    counterpartNote: d.counterpartNote,
    contactOffice: d.contactOffice,
    contactEmail: d.contactEmail,
    contactPhone: d.contactPhone,
    publishedOn: d.publishedAt ? vietnamToday(new Date(d.publishedAt)) : null,
    mobilised: d.mobilised,
    fundedBy: d.fundings.map((f) => f.aidItemCode),
    documents: d.documents.map((doc) => needDocumentPath(d.id, doc.id)),
    synthetic: d.synthetic,
  };
}

/**
 * The public proposals, by code, in batches: each read through the public proposal page's own query, so the
 * dataset says exactly what `GET /api/public/needs/{id}` says.
 */
export async function* needsDataset(db: Kysely<Database>): AsyncGenerator<NeedRow[]> {
  const l = await labels(db);
  const ids = (await sql<{ id: string }>`select n.id from need_proposals n where ${publicNeedCondition()} order by n.code`.execute(db))
    .rows;
  for (let at = 0; at < ids.length; at += BATCH) {
    const details = await Promise.all(ids.slice(at, at + BATCH).map((r) => readNeedDetail(db, null, r.id)));
    yield details.filter((d): d is NeedDetail => d !== undefined).map((d) => toRow(d, l));
  }
}
