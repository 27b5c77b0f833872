import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, allow, signedIn } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { organisationCertificates } from './decision.registry';
import { dossierRoutes } from './dossiers.routes';
import { inboxRoutes } from './inbox.routes';
import { loadCatalogue, overrideMeta, saveOverride } from './procedures.catalogue';
import { catalogueQuery, overrideBody, presentVersion, procedureVersionView } from './procedures.schemas';
import { slaRoutes } from './sla.routes';
import { aidApprovalRoutes } from './aid-approval.routes';
import { vietnamToday } from '@common/time/vietnam-today';

/**
 * Online procedures: the procedure catalogue (versions by legal document, with administrators' edits of
 * provisional parameters), dossiers and their documents, consultations, the SLA view and the inbox.
 */
export const proceduresRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/procedures',
      {
        config: { policy: signedIn },
        schema: {
          tags: ['procedures'],
          summary:
            'Procedure versions in force on `date` (today by default), or every version with `all=true`: steps, roles, deadlines, documents, consultations',
          querystring: catalogueQuery,
          response: { 200: z.object({ items: z.array(procedureVersionView) }) },
        },
      },
      async (request) => {
        const date = request.query.date ?? vietnamToday();
        const [catalogue, meta] = await Promise.all([loadCatalogue(deps.db), overrideMeta(deps.db)]);
        const items = catalogue
          .map((v) => presentVersion(v, date, meta.get(v.versionId) ?? null))
          .filter((v) => request.query.all === 'true' || v.inForce);
        return { items };
      },
    );

    app.patch(
      '/api/procedures/versions/:versionId',
      {
        config: { policy: allow('admin') },
        schema: {
          tags: ['procedures'],
          summary:
            'Edit the parameters of a provisional procedure version (e.g. Decree 313/2025 as its text becomes known); enacted versions are fixed (422)',
          params: z.object({ versionId: z.string().max(100) }),
          body: overrideBody,
          response: { 200: procedureVersionView },
        },
      },
      async (request) => {
        const { version, legalNote, ...override } = request.body;
        await saveOverride(deps.db, writeContext(request), request.params.versionId, { ...override, legalNote, version });
        const [catalogue, meta] = await Promise.all([loadCatalogue(deps.db), overrideMeta(deps.db)]);
        const edited = catalogue.find((v) => v.versionId === request.params.versionId)!;
        return presentVersion(edited, vietnamToday(), meta.get(edited.versionId) ?? null);
      },
    );

    app.get(
      '/api/procedures/my-certificates',
      {
        config: { policy: allow('ngo') },
        schema: {
          tags: ['procedures'],
          summary:
            "The caller's organisation's certificates with their current validity (to pick the one an extension, amendment or re-issue is about)",
          response: {
            200: z.object({ items: z.array(z.object({ id: z.string(), number: z.string(), type: z.string(), validUntil: z.string() })) }),
          },
        },
      },
      async (request) => {
        // An NGO account always has its organisation; the nil id answers an empty list rather than everyone's.
        const organisationId = actorOf(request).organisationId ?? '00000000-0000-0000-0000-000000000000';
        return { items: await organisationCertificates(deps.db, organisationId) };
      },
    );

    await app.register(dossierRoutes(deps));
    await app.register(inboxRoutes(deps));
    await app.register(slaRoutes(deps));
    await app.register(aidApprovalRoutes(deps));
  };
