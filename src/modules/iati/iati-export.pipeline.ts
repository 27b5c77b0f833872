/**
 * The IATI pipeline document: the needs catalogue's proposals that are published and not yet funded, as IATI
 * 2.03 activities with activity-status 1 (src/domain/iati/pipeline.ts says how each field is written). A document
 * of its own, `GET /api/public/iati/pipeline.xml`, beside the yearly documents of approved aid: a proposal is not
 * aid, has no year of activity, and the aid filters (donor, modality…) mean nothing for it. Once funded, a proposal
 * leaves this document; the aid item that funds it is published in the yearly ones.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@db/types';
import { isVnaidSector } from '@domain/iati/sector-codes';
import { serializePipelineActivities, type PipelineProposal } from '@domain/iati/pipeline';
import type { ProvinceCode } from '@domain/iati/model';
import { publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { vietnamToday } from '@common/time/vietnam-today';
import { publicNeedCondition } from '@modules/programme/needs.policy';
import { agencyOrgType, VNAID_PUBLISHER } from './iati-publisher';

type Row = {
  code: string;
  title_vi: string;
  title_en: string | null;
  summary_vi: string | null;
  summary_en: string | null;
  agency_vi: string;
  agency_en: string | null;
  agency_kind: string;
  published_at: Date;
  updated_at: Date;
  duration_months: number | null;
  province_ids: string[];
  sector_code: string;
  budget: string;
  currency: string;
  contact_office: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  synthetic: boolean;
};

const text = (vi: string | null, en: string | null) => ({ ...(vi ? { vi } : {}), ...(en ? { en } : {}) });
const dateTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The pipeline document of today's published, not yet funded proposals (the public's view of the catalogue:
 * needs.policy's `publicNeedCondition`, narrowed to PUBLISHED), by code.
 */
export async function exportPipelineActivities(
  db: Kysely<Database>,
  generatedAt: Date = new Date(),
): Promise<{ xml: string; activities: number; synthetic: boolean }> {
  const rows = (
    await sql<Row>`select n.code, n.title_vi, n.title_en, n.summary_vi, n.summary_en, a.name_vi as agency_vi,
        a.name_en as agency_en, a.kind as agency_kind, n.published_at, n.updated_at, n.duration_months, n.province_ids,
        n.sector_code, n.budget::text as budget, n.currency, n.contact_office, n.contact_email, n.contact_phone, n.synthetic
      from need_proposals n join agencies a on a.id = n.proposing_agency_id
      where ${publicNeedCondition()} and n.status = 'PUBLISHED' and n.published_at is not null
      order by n.code`.execute(db)
  ).rows;
  const provinces = new Map(
    (await db.selectFrom('provinces').select(['id', 'name_vi', 'name_en']).execute()).map((p) => [p.id, text(p.name_vi, p.name_en)]),
  );
  const proposals: PipelineProposal[] = rows
    .filter((r) => isVnaidSector(r.sector_code))
    .map((r) => ({
      code: r.code,
      reportingOrg: VNAID_PUBLISHER,
      titles: text(r.title_vi, r.title_en),
      descriptions: text(r.summary_vi, r.summary_en),
      proposingBody: { nameVi: r.agency_vi, ...(r.agency_en ? { nameEn: r.agency_en } : {}), type: agencyOrgType(r.agency_kind) },
      publishedOn: vietnamToday(r.published_at),
      ...(r.duration_months ? { durationMonths: r.duration_months } : {}),
      provinces: r.province_ids.map((id) => ({ code: id as ProvinceCode, name: provinces.get(id) ?? {} })),
      sector: r.sector_code as PipelineProposal['sector'],
      budget: r.budget,
      currency: r.currency,
      lastUpdated: dateTime(r.updated_at),
      contact: {
        ...(r.contact_office ? { office: r.contact_office } : {}),
        ...(r.contact_email ? { email: r.contact_email } : {}),
        ...(r.contact_phone ? { phone: r.contact_phone } : {}),
      },
    }));
  const synthetic = rows.some((r) => r.synthetic);
  return { xml: serializePipelineActivities(proposals, { generatedAt, synthetic }), activities: proposals.length, synthetic };
}

/** `GET /api/public/iati/pipeline.xml`, the pipeline document (registered with the needs catalogue's routes). */
export const iatiPipelineRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/public/iati/pipeline.xml',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['iati', 'public', 'programme'],
          summary:
            'IATI 2.03 iati-activities document of the published proposals of the needs catalogue not yet funded, as pipeline activities (activity-status 1)',
          response: { 200: z.unknown().describe('IATI 2.03 XML document') },
        },
      },
      async (_request, reply) => {
        const doc = await exportPipelineActivities(deps.db);
        reply.header('content-disposition', 'attachment; filename="vnaid-iati-pipeline.xml"');
        reply.header('x-vnaid-iati-activities', String(doc.activities));
        if (doc.synthetic) reply.header('x-vnaid-synthetic', 'true');
        return reply.type('application/xml; charset=utf-8').send(doc.xml);
      },
    );
  };
