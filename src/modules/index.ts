import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '@http/route-deps';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { healthRoutes } from './health/health.routes';
import { referenceRoutes } from './reference/reference.routes';
import { usersRoutes } from './users/users.routes';

/** Every business area's routes, in one list: one line per module. */
export const moduleRoutes: ((deps: AppDeps) => FastifyPluginAsyncZod)[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  auditRoutes,
  referenceRoutes,
];
