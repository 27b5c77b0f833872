import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLanguage } from '@http/error-handler';
import { allow, publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import {
  addWorkingDaysQuery,
  addWorkingDaysView,
  createDecisionBody,
  decisionView,
  deleteDecisionQuery,
  listDecisionsQuery,
  nonWorkingDaysQuery,
  nonWorkingDaysView,
  settingsView,
  updateDecisionBody,
  updateSettingsBody,
} from './calendar.schemas';
import {
  createDecision,
  deleteDecision,
  getSettings,
  listDecisions,
  loadCalendar,
  updateDecision,
  updateSettings,
} from './calendar.service';
import { AppError } from '@errors/app-error';

const idParams = z.object({ id: z.string().uuid() });
const ok = z.object({ ok: z.literal(true) });

/**
 * The working-day calendar: the two public contract routes (api-contract.md) and the administrators' table of
 * the Prime Minister's yearly decisions.
 */
export const calendarRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/calendar/non-working-days',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['calendar'],
          summary: 'Public holidays and weekend days of a year on which statutory deadlines do not run (reason in the request language)',
          querystring: nonWorkingDaysQuery,
          response: { 200: nonWorkingDaysView },
        },
      },
      async (request) => {
        const calendar = await loadCalendar(deps.db);
        const lang = requestLanguage(request);
        const { year } = request.query;
        return {
          year,
          days: calendar
            .nonWorkingDays(year)
            .map((d) => ({ date: d.date, reason: lang === 'en' ? d.reasonEn : d.reasonVi, kind: d.kind, legalRef: d.legalRef })),
        };
      },
    );

    app.get(
      '/api/calendar/add-working-days',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['calendar'],
          summary: 'The date N working days after `from` (`from` itself is not counted; negative N counts back)',
          querystring: addWorkingDaysQuery,
          response: { 200: addWorkingDaysView },
        },
      },
      async (request) => {
        const calendar = await loadCalendar(deps.db);
        try {
          return { date: calendar.addWorkingDays(request.query.from, request.query.days) };
        } catch (error) {
          // The walk left the years the calendar covers.
          if (error instanceof RangeError)
            throw new AppError('validation_failed', { details: { issues: [{ path: 'querystring.from', message: error.message }] } });
          throw error;
        }
      },
    );

    const readers = { policy: allow('admin', 'central') };
    const admins = { policy: allow('admin') };

    app.get(
      '/api/calendar/decisions',
      {
        config: readers,
        schema: {
          tags: ['calendar'],
          summary: "The Prime Minister's holiday decisions entered so far",
          querystring: listDecisionsQuery,
          response: { 200: z.object({ items: z.array(decisionView) }) },
        },
      },
      async (request) => ({ items: await listDecisions(deps.db, request.query.year) }),
    );
    app.post(
      '/api/calendar/decisions',
      {
        config: admins,
        schema: {
          tags: ['calendar'],
          summary: 'Record a decision about one day (extra day off, swap, working Saturday) with its legal reference',
          body: createDecisionBody,
          response: { 201: decisionView },
        },
      },
      async (request, reply) => reply.status(201).send(await createDecision(deps.db, writeContext(request), request.body)),
    );
    app.patch(
      '/api/calendar/decisions/:id',
      {
        config: admins,
        schema: {
          tags: ['calendar'],
          summary: 'Change a decision',
          params: idParams,
          body: updateDecisionBody,
          response: { 200: decisionView },
        },
      },
      async (request) => updateDecision(deps.db, writeContext(request), request.params.id, request.body),
    );
    app.delete(
      '/api/calendar/decisions/:id',
      {
        config: admins,
        schema: {
          tags: ['calendar'],
          summary: 'Remove a decision (the day falls back to the Labour Code default)',
          params: idParams,
          querystring: deleteDecisionQuery,
          response: { 200: ok },
        },
      },
      async (request) => {
        await deleteDecision(deps.db, writeContext(request), request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/calendar/settings',
      { config: readers, schema: { tags: ['calendar'], summary: 'Calendar options', response: { 200: settingsView } } },
      async () => getSettings(deps.db),
    );
    app.put(
      '/api/calendar/settings',
      {
        config: admins,
        schema: {
          tags: ['calendar'],
          summary: 'Change calendar options (first year of the 24/11 holiday)',
          body: updateSettingsBody,
          response: { 200: settingsView },
        },
      },
      async (request) => updateSettings(deps.db, writeContext(request), request.body),
    );
  };
