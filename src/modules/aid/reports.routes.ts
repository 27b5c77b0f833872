import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paginated } from '@http/pagination';
import { actorOf, allow, signedIn } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { changeAgencyReport, createAgencyReport, listAgencyReports, readOne } from './agency-reports.service';
import { renderAgencyReportPdf } from './agency-report.pdf';
import { renderNgoReportPdf } from './ngo-report.pdf';
import {
  createNgoReport,
  getNgoReport,
  listNgoReports,
  reportLinesOfItem,
  reviewNgoReport,
  saveNgoReport,
  submitNgoReport,
} from './ngo-reports.service';
import { missingNgoReports, reportingCalendarFor } from './reports-oversight.service';
import {
  agencyReportView,
  calendarQuery,
  calendarView,
  createAgencyReportBody,
  createNgoReportBody,
  itemReportLine,
  listAgencyReportsQuery,
  listNgoReportsQuery,
  missingQuery,
  missingView,
  ngoReportDetail,
  ngoReportSummary,
  putAgencyReportBody,
  putNgoReportBody,
  reviewBody,
  versionBody,
} from './reports.schemas';

const idParams = z.object({ id: z.string().uuid() });
const readers = allow('admin', 'central', 'agency', 'reviewer', 'ngo');
const tags = ['reports'];

/** Periodic reports: the FNGO annual report (Mẫu 05), agency reports, the calendar and "who has not reported". */
export const reportsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/reports/ngo',
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: 'FNGO annual reports: an NGO its own, officers those of organisations in their scope',
          querystring: listNgoReportsQuery,
          response: { 200: paginated(ngoReportSummary) },
        },
      },
      async (request) => listNgoReports(deps.db, actorOf(request), request.query),
    );
    app.post(
      '/api/reports/ngo',
      {
        config: { policy: allow('ngo', 'admin') },
        schema: {
          tags,
          summary: 'Open the draft report of a year (period 15/12 to 14/12, due 18/12)',
          body: createNgoReportBody,
          response: { 201: ngoReportDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createNgoReport(deps.db, writeContext(request), actorOf(request), request.body)),
    );
    app.get(
      '/api/reports/ngo/:id',
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: 'A report with its lines (and the aid items it may still cover)',
          params: idParams,
          response: { 200: ngoReportDetail },
        },
      },
      async (request) => getNgoReport(deps.db, actorOf(request), request.params.id),
    );
    app.get(
      '/api/reports/ngo/:id/export.pdf',
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: 'The annual report (Mẫu 05) as the PDF document the NGO sends (Decree 30 form, Vietnamese)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const report = await getNgoReport(deps.db, actorOf(request), request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="bao-cao-mau05-${report.reportYear}.pdf"`)
          .send(await renderNgoReportPdf(report));
      },
    );
    app.put(
      '/api/reports/ngo/:id',
      {
        config: { policy: allow('ngo', 'admin') },
        schema: {
          tags,
          summary: 'Save the draft: disbursement per aid item, results, beneficiaries',
          params: idParams,
          body: putNgoReportBody,
          response: { 200: ngoReportDetail },
        },
      },
      async (request) => saveNgoReport(deps.db, writeContext(request), actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/reports/ngo/:id/submit',
      {
        config: { policy: allow('ngo', 'admin') },
        schema: {
          tags,
          summary: 'File the report: each disbursement becomes an aid transaction (source REPORT)',
          params: idParams,
          body: versionBody,
          response: { 200: ngoReportDetail },
        },
      },
      async (request) => submitNgoReport(deps.db, writeContext(request), actorOf(request), request.params.id, request.body.version),
    );
    app.post(
      '/api/reports/ngo/:id/review',
      {
        config: { policy: allow('admin', 'central') },
        schema: {
          tags,
          summary: 'Accept a filed report, or return it to the NGO with a note',
          params: idParams,
          body: reviewBody,
          response: { 200: ngoReportDetail },
        },
      },
      async (request) => reviewNgoReport(deps.db, writeContext(request), actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/aid/:id/reports',
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: 'What the annual reports say about one aid item',
          params: idParams,
          response: { 200: z.object({ items: z.array(itemReportLine) }) },
        },
      },
      async (request) => ({ items: await reportLinesOfItem(deps.db, actorOf(request), request.params.id) }),
    );

    app.get(
      '/api/reports/calendar',
      {
        config: { policy: signedIn },
        schema: {
          tags,
          summary: "What is due when in a year, for the caller's role",
          querystring: calendarQuery,
          response: { 200: calendarView },
        },
      },
      async (request) => reportingCalendarFor(deps.db, actorOf(request), request.query.year),
    );
    app.get(
      '/api/reports/missing',
      {
        config: { policy: allow('admin', 'central', 'agency') },
        schema: {
          tags,
          summary: "FNGOs in the caller's scope expected to report for the year that have not submitted",
          querystring: missingQuery,
          response: { 200: missingView },
        },
      },
      async (request) => missingNgoReports(deps.db, actorOf(request), request.query),
    );

    app.get(
      '/api/reports/agency',
      {
        config: { policy: allow('admin', 'central', 'agency') },
        schema: {
          tags,
          summary: 'Agency reports (Mẫu 04, governing-agency annual report)',
          querystring: listAgencyReportsQuery,
          response: { 200: paginated(agencyReportView) },
        },
      },
      async (request) => listAgencyReports(deps.db, actorOf(request), request.query),
    );
    app.post(
      '/api/reports/agency',
      {
        config: { policy: allow('agency') },
        schema: {
          tags,
          summary: "Open the agency's report of a kind and year, with figures from the registry",
          body: createAgencyReportBody,
          response: { 201: agencyReportView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createAgencyReport(deps.db, writeContext(request), actorOf(request), request.body)),
    );
    app.put(
      '/api/reports/agency/:id',
      {
        config: { policy: allow('agency') },
        schema: {
          tags,
          summary: 'Save the summary, optionally recomputing the figures',
          params: idParams,
          body: putAgencyReportBody,
          response: { 200: agencyReportView },
        },
      },
      async (request) => changeAgencyReport(deps.db, writeContext(request), actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/reports/agency/:id/export.pdf',
      {
        config: { policy: allow('admin', 'central', 'agency') },
        schema: { tags, summary: 'The agency report as the PDF document it sends (Decree 30 form, Vietnamese)', params: idParams },
      },
      async (request, reply) => {
        const report = await readOne(deps.db, actorOf(request), request.params.id);
        const pdf = await renderAgencyReportPdf(deps.db, report);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="bao-cao-${report.kind.toLowerCase()}-${report.reportYear}.pdf"`)
          .send(pdf);
      },
    );
    app.post(
      '/api/reports/agency/:id/submit',
      {
        config: { policy: allow('agency') },
        schema: {
          tags,
          summary: 'File the agency report (figures recomputed at filing)',
          params: idParams,
          body: versionBody,
          response: { 200: agencyReportView },
        },
      },
      async (request) =>
        changeAgencyReport(deps.db, writeContext(request), actorOf(request), request.params.id, {
          version: request.body.version,
          submit: true,
        }),
    );
  };
