import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { resolveApiToken, resolveSession } from '@modules/auth/auth.service';

export const SESSION_COOKIE = 'vnaid_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SIGN_IN_ROUTE = '/api/auth/sign-in';

/** What an account whose password was chosen by an administrator may still do: see itself, change it, leave. */
const PASSWORD_CHANGE_ROUTES = new Set(['GET /api/me', 'POST /api/me/password', 'POST /api/auth/sign-out', 'GET /api/auth/session']);

/**
 * An account that must change its password reaches only {@link PASSWORD_CHANGE_ROUTES}; public routes serve it
 * as a visitor; anything else answers 403 `password_change_required`.
 */
function restrictPendingPasswordChange(request: FastifyRequest, actor: Actor): Actor | null {
  if (!actor.mustChangePassword || PASSWORD_CHANGE_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) return actor;
  const policy = request.routeOptions.config?.policy;
  if (!policy || 'public' in policy) return null;
  throw new AppError('password_change_required');
}

/**
 * Resolves who is calling. Browsers use the HttpOnly session cookie, and every write they make must echo the
 * session's CSRF token in a header a cross-site form cannot set; machine clients use an API token, which is
 * never sent automatically and so needs no CSRF token. Signing in ignores the cookie of a session it replaces
 * (the page that signs in has no CSRF token for it).
 */
export function registerAuthentication(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await resolveApiToken(db, header.slice(7).trim());
      if (!actor) throw new AppError('not_signed_in');
      request.actor = restrictPendingPasswordChange(request, actor);
      return;
    }
    if (request.routeOptions.url === SIGN_IN_ROUTE) return;
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const session = await resolveSession(db, secret);
    if (!session) return;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('csrf_failed');
    }
    request.actor = restrictPendingPasswordChange(request, session.actor);
  });
}
