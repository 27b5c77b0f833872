import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf, allow, publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { exportAidQuery, publicAidQuery } from '@modules/aid/aid-items.schemas';
import { exportActivities, exportOrganisation, type ActivitiesDocument } from './iati-export.service';

/** The public list's filters plus an NGO (its public profile is public anyway); no paging or sort in a document. */
export const publicIatiQuery = publicAidQuery
  .omit({ page: true, pageSize: true, sort: true, order: true })
  .extend({ organisationId: z.string().uuid().optional().describe('the donor NGO (organisations.id)') });
/** The aid list's filters, inside the caller's scope. */
export const iatiQuery = exportAidQuery.omit({ sort: true, order: true });

const XML = 'application/xml; charset=utf-8';
const xmlFile = z.unknown().describe('IATI 2.03 XML document');
const readers = allow('admin', 'central', 'agency', 'reviewer', 'ngo');

function sendDocument(reply: FastifyReply, doc: ActivitiesDocument, name: string) {
  reply.header('content-disposition', `attachment; filename="${name}"`);
  reply.header('x-vnaid-iati-activities', String(doc.activities));
  // Items that cannot make a valid IATI activity (e.g. no date at all) are left out; the caller can see how many.
  reply.header('x-vnaid-iati-skipped', String(doc.skipped.length));
  if (doc.synthetic) reply.header('x-vnaid-synthetic', 'true');
  return reply.type(XML).send(doc.xml);
}

const fileName = (year: number | undefined) => `vnaid-iati-activities${year ? `-${year}` : ''}.xml`;

/** IATI exports: the public activity document (the contract route), the scoped one, and organisation files. */
export const iatiExportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/public/iati/activities.xml',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['iati', 'public'],
          summary:
            'IATI 2.03 iati-activities document of the approved aid (holding an approval decision; approved, ongoing or completed) matching the public aid filters; `year` = active in that year. Valid against the IATI 2.03 XSD',
          querystring: publicIatiQuery,
          response: { 200: xmlFile },
        },
      },
      async (request, reply) => {
        const publicSite = deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
        const doc = await exportActivities(deps.db, { public: true }, request.query, { approvedOnly: true, publicSite });
        return sendDocument(reply, doc, fileName(request.query.year));
      },
    );

    app.get(
      '/api/iati/activities.xml',
      {
        config: { policy: readers },
        schema: {
          tags: ['iati'],
          summary:
            "IATI 2.03 iati-activities document of the aid items in the caller's scope matching the aid list's filters (an NGO, a year, a province…)",
          querystring: iatiQuery,
          response: { 200: xmlFile },
        },
      },
      async (request, reply) => {
        const doc = await exportActivities(deps.db, { actor: actorOf(request) }, request.query);
        return sendDocument(reply, doc, fileName(request.query.year));
      },
    );

    app.get(
      '/api/public/iati/organisations/:id.xml',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['iati', 'public'],
          summary: 'IATI 2.03 iati-organisations document of one organisation: names (vi, en) and yearly USD disbursed on its approved aid',
          params: z.object({ id: z.string().uuid() }),
          response: { 200: xmlFile },
        },
      },
      async (request, reply) => {
        const { xml, fileName: name } = await exportOrganisation(deps.db, request.params.id);
        reply.header('content-disposition', `attachment; filename="${name}"`);
        return reply.type(XML).send(xml);
      },
    );
  };
