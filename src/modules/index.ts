import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '@http/route-deps';
import { aidRoutes } from './aid/aid.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { healthRoutes } from './health/health.routes';
import { referenceRoutes } from './reference/reference.routes';
import { registryRoutes } from './registry/registry.routes';
import { usersRoutes } from './users/users.routes';
import { proceduresRoutes } from './procedures/procedures.routes';
import { statsRoutes } from './stats/stats.routes';
import { jobsRoutes } from '../jobs/jobs.routes';
import { iatiRoutes } from './iati/iati.routes';
import { opendataRoutes } from './opendata/opendata.routes';
import { supervisionRoutes } from './supervision/supervision.routes';
import { sanctionsRoutes } from './supervision/sanctions.routes';
import { inspectionsRoutes } from './supervision/inspections.routes';
import { programmeRoutes } from './programme/programme.routes';

/** Every business area's routes, in one list: one line per module. */
export const moduleRoutes: ((deps: AppDeps) => FastifyPluginAsyncZod)[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  auditRoutes,
  referenceRoutes,
  calendarRoutes,
  registryRoutes,
  proceduresRoutes,
  statsRoutes,
  jobsRoutes,
  aidRoutes,
  iatiRoutes,
  opendataRoutes,
  programmeRoutes,
  supervisionRoutes,
  sanctionsRoutes,
  inspectionsRoutes,
];
