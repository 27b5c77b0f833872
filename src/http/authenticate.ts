import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { resolveApiToken, resolveSession } from '@modules/auth/auth.service';
import { resolveSessionCached } from './session-cache';

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
const PASSWORD_CHANGE_ROUTES = new Set([
  'GET /api/me',
  'PATCH /api/me',
  'POST /api/me/password',
  'POST /api/auth/sign-out',
  'GET /api/auth/session',
]);

/**
 * What an aid owner (role `owner`, issue 13) may reach among the routes open to any signed-in account: its own
 * account, session and inbox, the procedure catalogue and the dossiers it filed (the aid approval, scoped in
 * procedures.policy.ts).
 * Role-listed routes already leave it out; this keeps `signedIn` routes (whose scope helpers were written for the
 * other roles) closed to it until each is opened on purpose.
 */
const OWNER_SIGNED_IN_ROUTES = /^\/api\/(me|auth|inbox|dossiers)(\/|$)|^\/api\/procedures$/;

/**
 * Narrows what an account reaches: an aid owner only what it is granted by name (see {@link restrictOwner}); an
 * account that must change its password only {@link PASSWORD_CHANGE_ROUTES}, public routes serving it as a
 * visitor, anything else answering 403 `password_change_required`.
 */
function applyAccountRestrictions(request: FastifyRequest, actor: Actor): Actor | null {
  if (actor.role === 'owner') restrictOwner(request);
  if (!actor.mustChangePassword || PASSWORD_CHANGE_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) return actor;
  const policy = request.routeOptions.config?.policy;
  if (!policy || 'public' in policy) return null;
  throw new AppError('password_change_required');
}

/** Deny by default for aid owners: a `signedIn` route outside {@link OWNER_SIGNED_IN_ROUTES} is forbidden. */
function restrictOwner(request: FastifyRequest): void {
  const policy = request.routeOptions.config?.policy;
  if (policy && 'signedIn' in policy && !OWNER_SIGNED_IN_ROUTES.test(request.routeOptions.url ?? '')) throw new AppError('forbidden');
}

/**
 * Resolves who is calling. Browsers use the HttpOnly session cookie, and every write they make must echo the
 * session's CSRF token in a header a cross-site form cannot set; machine clients use an API token, which is
 * never sent automatically and so needs no CSRF token. Signing in ignores the cookie of a session it replaces
 * (the page that signs in has no CSRF token for it).
 *
 * Any cache of resolved sessions or tokens added here must not outlive a credential change: a password change or
 * reset and a deactivation delete sessions and revoke tokens (users.access.ts `endAccess`), and a forced password
 * change or role change must take effect on the next request.
 */
export function registerAuthentication(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await resolveApiToken(db, header.slice(7).trim());
      if (!actor) throw new AppError('not_signed_in');
      request.actor = applyAccountRestrictions(request, actor);
      return;
    }
    if (request.routeOptions.url === SIGN_IN_ROUTE) return;
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const session = await resolveSessionCached(request.server, secret, () => resolveSession(db, secret));
    if (!session) return;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('csrf_failed');
    }
    request.actor = applyAccountRestrictions(request, session.actor);
  });
}
