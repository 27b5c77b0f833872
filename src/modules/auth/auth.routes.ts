import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, CSRF_HEADER } from '@http/authenticate';
import { actorOf, publicAccess, signedIn } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import type { Actor } from './actor';
import { resolveSession, SESSION_HOURS, signIn, signOut } from './auth.service';
import { sessionView, signInBody, type ActorView } from './auth.schemas';

export const presentActor = (actor: Actor): ActorView => ({
  id: actor.userId,
  username: actor.username,
  displayName: actor.displayName,
  role: actor.role,
  organisationId: actor.organisationId,
  agencyId: actor.agencyId,
  provinceId: actor.provinceId,
  locale: actor.locale,
  mustChangePassword: actor.mustChangePassword ?? false,
});

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/sign-in',
      {
        config: { policy: publicAccess, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with user name and password; sets the session cookie',
          body: signInBody,
          response: { 200: sessionView },
        },
      },
      async (request, reply) => {
        const { sessionSecret, csrfToken, actor } = await signIn(
          deps.db,
          writeContext(request),
          request.body.username,
          request.body.password,
          request.cookies[SESSION_COOKIE],
        );
        reply.setCookie(SESSION_COOKIE, sessionSecret, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.config.secureCookies,
          maxAge: SESSION_HOURS * 3600,
        });
        return { user: presentActor(actor), csrfToken };
      },
    );

    app.get(
      '/api/auth/session',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['auth'],
          summary: `The signed-in user and the CSRF token to send in the ${CSRF_HEADER} header of writes`,
          // A visitor has no session: that is an answer (200, both null), not an error for every anonymous page.
          response: { 200: z.union([sessionView, z.object({ user: z.null(), csrfToken: z.null() })]) },
        },
      },
      async (request) => {
        const secret = request.cookies[SESSION_COOKIE];
        const session = secret ? await resolveSession(deps.db, secret) : null;
        if (!session) return { user: null, csrfToken: null };
        return { user: presentActor(session.actor), csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { policy: signedIn },
        schema: { tags: ['auth'], summary: 'End the session', response: { 200: z.object({ ok: z.literal(true) }) } },
      },
      async (request, reply) => {
        actorOf(request);
        const secret = request.cookies[SESSION_COOKIE];
        if (secret) await signOut(deps.db, writeContext(request), secret);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );
  };
