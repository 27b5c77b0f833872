import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { remindReporter, reportingStatus } from './programme-reports.missing';
import {
  programmeReportParams,
  programmeReportView,
  reminderView,
  reportingStatusView,
  returnProgrammeReportBody,
  saveProgrammeReportBody,
  submitProgrammeReportBody,
  yearQuery,
} from './programme-reports.schemas';
import { readProgrammeReport, returnProgrammeReport, saveProgrammeReport, submitProgrammeReport } from './programme-reports.service';

const tags = ['programme'];
/** Ministries' and provinces' officers (their own report only, checked by the service and in SQL) and central. */
const readers = allow('admin', 'central', 'agency');
const central = allow('admin', 'central');
const base = '/api/programme-reports/:year/:agencyId';

/** The yearly Programme reports of ministries and provinces, and central's who-has-not-reported list. */
export const programmeReportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/programme-reports',
      {
        config: { policy: central },
        schema: {
          tags,
          summary: "Who has reported on the Programme for a year: every ministry and province, its report's status, reminders sent",
          querystring: yearQuery,
          response: { 200: reportingStatusView },
        },
      },
      async (request) => reportingStatus(deps.db, request.query.year),
    );

    app.get(
      base,
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: "A ministry's or province's yearly Programme report, pre-filled from the registry (403 for another agency's)",
          params: programmeReportParams,
          response: { 200: programmeReportView },
        },
      },
      async (request) => readProgrammeReport(deps.db, actorOf(request), request.params.agencyId, request.params.year),
    );

    app.put(
      base,
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: 'The reporting agency saves its draft (difficulties, proposals); 409 stale_version on an old version',
          params: programmeReportParams,
          body: saveProgrammeReportBody,
          response: { 200: programmeReportView },
        },
      },
      async (request) => saveProgrammeReport(deps.db, writeContext(request), request.params.agencyId, request.params.year, request.body),
    );

    app.post(
      `${base}/submit`,
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: "The reporting agency submits its report: the registry's figures are frozen into it and it becomes read-only",
          params: programmeReportParams,
          body: submitProgrammeReportBody,
          response: { 200: programmeReportView },
        },
      },
      async (request) =>
        submitProgrammeReport(deps.db, writeContext(request), request.params.agencyId, request.params.year, request.body.version),
    );

    app.post(
      `${base}/return`,
      {
        config: { policy: central },
        schema: {
          tags,
          summary: 'Central returns a submitted report for changes, with the reason (the agency is notified)',
          params: programmeReportParams,
          body: returnProgrammeReportBody,
          response: { 200: programmeReportView },
        },
      },
      async (request) => returnProgrammeReport(deps.db, writeContext(request), request.params.agencyId, request.params.year, request.body),
    );

    app.post(
      `${base}/remind`,
      {
        config: { policy: central },
        schema: {
          tags,
          summary: "Central reminds an agency that its report is awaited: a notice in its users' inbox (once a day per user)",
          params: programmeReportParams,
          response: { 200: reminderView },
        },
      },
      async (request) => remindReporter(deps.db, writeContext(request), request.params.agencyId, request.params.year),
    );
  };
