import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '@errors/app-error';
import type { Actor, Role } from '@modules/auth/actor';

/**
 * Who may call a route. Every route must declare one (deny by default): `public` for anonymous access,
 * `signedIn` for any account, or the list of roles allowed. Record-level rules and data scope are applied
 * again inside the services and SQL; this is only the first gate.
 */
export type RoutePolicy = { public: true } | { signedIn: true } | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export const publicAccess: RoutePolicy = { public: true };
export const signedIn: RoutePolicy = { signedIn: true };
export const allow = (...allowed: Role[]): RoutePolicy => ({ roles: allowed });

export class MissingPolicyError extends Error {
  override name = 'MissingPolicyError';
}

/** Fastify's own helper routes (HEAD twins, documentation assets) inherit the policy of what they serve. */
const exempt = (route: RouteOptions) => route.url.startsWith('/api/docs');

/** Refuses to register a route without a policy, so a forgotten one fails at start and in the test suite. */
export function requirePolicies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (exempt(route)) return;
    const policy = (route.config as { policy?: RoutePolicy } | undefined)?.policy;
    if (!policy) throw new MissingPolicyError(`Route ${String(route.method)} ${route.url} declares no access policy`);
  });
}

/** The actor of a request that passed a non-public policy. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('not_signed_in');
  return request.actor;
}

export function enforcePolicy(request: FastifyRequest): void {
  const policy = request.routeOptions.config.policy;
  if (!policy) {
    // The not-found handler and the documentation assets carry no route config of their own.
    if (request.is404 || request.url.startsWith('/api/docs')) return;
    throw new AppError('forbidden');
  }
  if ('public' in policy) return;
  if (!request.actor) throw new AppError('not_signed_in');
  if ('roles' in policy && !policy.roles.includes(request.actor.role)) throw new AppError('forbidden');
}
