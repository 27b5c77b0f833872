import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { isoDate } from '@modules/calendar/calendar.schemas';
import { procedureCode } from './dossiers.schemas';
import { slaView } from './sla.service';
import { vietnamToday } from '@common/time/vietnam-today';

const figures = {
  nameVi: z.string(),
  nameEn: z.string(),
  finished: z.number().int(),
  finishedOnTime: z.number().int(),
  onTimeShare: z.number().nullable(),
  medianDays: z.number().nullable(),
  open: z.number().int(),
  openOverdue: z.number().int(),
};

/** The service-level view for COMINGO, MOFA and administrators. */
export const slaRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/procedures/sla',
      {
        config: { policy: allow('admin', 'central') },
        schema: {
          tags: ['procedures'],
          summary:
            'Share on time and median working days by procedure and by acting agency, and the overdue list (dossiers accepted in [from, to])',
          querystring: z.object({ from: isoDate.optional(), to: isoDate.optional(), procedureCode: procedureCode.optional() }),
          response: {
            200: z.object({
              asOf: z.string(),
              byProcedure: z.array(z.object({ procedureCode: z.string(), ...figures })),
              byAgency: z.array(z.object({ agencyId: z.string(), ...figures })),
              overdue: z.array(
                z.object({
                  kind: z.enum(['DOSSIER', 'CONSULTATION']),
                  dossierId: z.string(),
                  code: z.string().nullable(),
                  organisationName: z.string(),
                  procedureCode: z.string(),
                  step: z.string(),
                  stepNameVi: z.string(),
                  stepNameEn: z.string(),
                  agencyId: z.string().nullable(),
                  dueDate: z.string().nullable(),
                  overdueDays: z.number().int(),
                  unit: z.enum(['WORKING', 'CALENDAR']),
                }),
              ),
            }),
          },
        },
      },
      async (request) => slaView(deps.db, request.query, vietnamToday()),
    );
  };
