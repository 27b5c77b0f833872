import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { registryAlerts } from './alerts.service';
import { alertsQuery, alertView, asOfQuery, eventBody, extensionFilingBody, issueBody, issueResult } from './certificates.schemas';
import { issueCertificate, recordCertificateEvent, recordExtensionFiling } from './certificates.service';
import { certificateAsOfView } from './certificates.view';
import { certificateView } from './organisations.schemas';
import { vietnamToday } from '@common/time/vietnam-today';
import { registryWorkingDays } from './registry-calendar';

const idParams = z.object({ id: z.string().uuid() });

/** Certificate decisions (issue and every later transition), reading a certificate on a date, and alerts. */
export const certificateRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const manage = { policy: allow('admin', 'central') };
    const read = { policy: allow('admin', 'central', 'agency') };
    const tags = ['certificates'];

    app.post(
      '/api/organisations/:id/certificates',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Issue a GDKHD or GDKVPDD (rules of Decree 58: caps, home term, one office in Hà Nội/Đà Nẵng/TP HCM); 422 with the rule',
          params: idParams,
          body: issueBody,
          response: { 201: issueResult.extend({ certificate: certificateView }) },
        },
      },
      async (request, reply) => {
        const ctx = writeContext(request);
        const result = await deps.db
          .transaction()
          .execute((trx) => issueCertificate(trx, ctx, { ...request.body, organisationId: request.params.id }));
        const asOf = [vietnamToday(), request.body.issueDate].sort().at(-1)!;
        return reply
          .status(201)
          .send({ ...result, certificate: await certificateAsOfView(deps.db, actorOf(request), result.certificateId, asOf) });
      },
    );
    app.post(
      '/api/certificates/:id/events',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Record a decision: amend, supplement, extend, re-issue, suspend, lift, terminate, revoke, self-terminate (each with decision number, date, legal ground)',
          params: idParams,
          body: eventBody,
          response: { 201: certificateView },
        },
      },
      async (request, reply) => {
        const ctx = writeContext(request);
        const workingDays = await registryWorkingDays(deps.db);
        await deps.db.transaction().execute((trx) => recordCertificateEvent(trx, ctx, request.params.id, request.body, workingDays));
        const asOf = [vietnamToday(), request.body.effectiveDate].sort().at(-1)!;
        return reply.status(201).send(await certificateAsOfView(deps.db, actorOf(request), request.params.id, asOf));
      },
    );
    app.get(
      '/api/certificates/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A certificate as it stood on a date (status, version, content, suspension), with all its decisions',
          params: idParams,
          querystring: asOfQuery,
          response: { 200: certificateView },
        },
      },
      async (request) => certificateAsOfView(deps.db, actorOf(request), request.params.id, request.query.asOf ?? vietnamToday()),
    );
    app.post(
      '/api/certificates/:id/extension-filing',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record that the extension dossier for the current term was filed (paper dossier)',
          params: idParams,
          body: extensionFilingBody,
          response: { 200: certificateView },
        },
      },
      async (request) => {
        const ctx = writeContext(request);
        await deps.db.transaction().execute((trx) => recordExtensionFiling(trx, ctx, request.params.id, request.body.filedOn));
        return certificateAsOfView(deps.db, actorOf(request), request.params.id, vietnamToday());
      },
    );
    app.get(
      '/api/registry/alerts',
      {
        config: read,
        schema: {
          tags,
          summary: 'Certificates expiring within 90/60/30 days, and extension dossiers not filed 60 days before expiry',
          querystring: alertsQuery,
          response: { 200: z.object({ asOf: z.string(), items: z.array(alertView) }) },
        },
      },
      async (request) => {
        const asOf = request.query.asOf ?? vietnamToday();
        return { asOf, items: await registryAlerts(deps.db, actorOf(request), asOf) };
      },
    );
  };
