import type { FastifyInstance } from 'fastify';
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

/**
 * Resolves who is calling. Browsers use the HttpOnly session cookie, and every write they make must echo the
 * session's CSRF token in a header a cross-site form cannot set; machine clients use an API token, which is
 * never sent automatically and so needs no CSRF token.
 */
export function registerAuthentication(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await resolveApiToken(db, header.slice(7).trim());
      if (!actor) throw new AppError('not_signed_in');
      request.actor = actor;
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const session = await resolveSession(db, secret);
    if (!session) return;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('csrf_failed');
    }
    request.actor = session.actor;
  });
}
