import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, allow, signedIn } from '@http/policy';
import { paginated } from '@http/pagination';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { actorView } from '@modules/auth/auth.schemas';
import { presentActor } from '@modules/auth/auth.routes';
import { actorForUser } from '@modules/auth/auth.service';
import { SESSION_COOKIE } from '@http/authenticate';
import { AppError } from '@errors/app-error';
import { resetUserPassword, unlockUser } from './users.admin-actions';
import {
  changePasswordBody,
  createTokenBody,
  createUserBody,
  listUsersQuery,
  resetPasswordBody,
  tokenView,
  updateMeBody,
  updateUserBody,
  userView,
} from './users.schemas';
import {
  changeOwnPassword,
  createOwnToken,
  createUser,
  listOwnTokens,
  listUsers,
  revokeOwnToken,
  setOwnLocale,
  updateUser,
} from './users.service';

const ok = z.object({ ok: z.literal(true) });
const idParams = z.object({ id: z.string().uuid() });

export const usersRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const adminOnly = { policy: allow('admin') };

    app.get(
      '/api/users',
      {
        config: adminOnly,
        schema: { tags: ['users'], summary: 'List accounts', querystring: listUsersQuery, response: { 200: paginated(userView) } },
      },
      async (request) => listUsers(deps.db, request.query),
    );
    app.post(
      '/api/users',
      { config: adminOnly, schema: { tags: ['users'], summary: 'Create an account', body: createUserBody, response: { 201: userView } } },
      async (request, reply) => reply.status(201).send(await createUser(deps.db, writeContext(request), request.body)),
    );
    app.patch(
      '/api/users/:id',
      {
        config: adminOnly,
        schema: {
          tags: ['users'],
          summary: 'Change an account (name, e-mail, role, scope, active, password reset, unlock)',
          params: idParams,
          body: updateUserBody,
          response: { 200: userView },
        },
      },
      async (request) => updateUser(deps.db, writeContext(request), request.params.id, request.body),
    );
    app.post(
      '/api/users/:id/password',
      {
        config: adminOnly,
        schema: {
          tags: ['users'],
          summary: 'Reset an account password: ends its sessions and tokens; the owner must change it at the next sign-in',
          params: idParams,
          body: resetPasswordBody,
          response: { 200: userView },
        },
      },
      async (request) => resetUserPassword(deps.db, writeContext(request), request.params.id, request.body.password),
    );
    app.post(
      '/api/users/:id/unlock',
      {
        config: adminOnly,
        schema: {
          tags: ['users'],
          summary: 'Clear the sign-in throttles of an account',
          params: idParams,
          response: { 200: userView },
        },
      },
      async (request) => unlockUser(deps.db, writeContext(request), request.params.id),
    );

    app.get(
      '/api/me',
      { config: { policy: signedIn }, schema: { tags: ['users'], summary: 'The signed-in account', response: { 200: actorView } } },
      async (request) => presentActor(actorOf(request)),
    );
    app.patch(
      '/api/me',
      {
        config: { policy: signedIn },
        schema: { tags: ['users'], summary: 'Remember the interface language', body: updateMeBody, response: { 200: actorView } },
      },
      async (request) => {
        const actor = actorOf(request);
        await setOwnLocale(deps.db, writeContext(request), actor.userId, request.body.locale);
        const updated = await actorForUser(deps.db, actor.userId, actor.via);
        return presentActor(updated ?? actor);
      },
    );
    app.post(
      '/api/me/password',
      {
        config: { policy: signedIn },
        schema: { tags: ['users'], summary: 'Change own password', body: changePasswordBody, response: { 200: ok } },
      },
      async (request) => {
        await changeOwnPassword(
          deps.db,
          writeContext(request),
          actorOf(request).userId,
          request.body.currentPassword,
          request.body.newPassword,
          actorOf(request).via === 'session' ? request.cookies[SESSION_COOKIE] : undefined,
        );
        return { ok: true as const };
      },
    );
    app.get(
      '/api/me/tokens',
      {
        config: { policy: signedIn },
        schema: { tags: ['users'], summary: 'Own API tokens', response: { 200: z.object({ items: z.array(tokenView) }) } },
      },
      async (request) => ({
        items: await listOwnTokens(deps.db, actorOf(request).userId),
      }),
    );
    app.post(
      '/api/me/tokens',
      {
        config: { policy: signedIn },
        schema: {
          tags: ['users'],
          summary: 'Create an API token (secret shown once)',
          body: createTokenBody,
          response: { 201: tokenView.extend({ secret: z.string() }) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        // A token minting tokens would outlive its own revocation: only a signed-in person creates tokens.
        if (actor.via !== 'session') throw new AppError('session_required');
        return reply
          .status(201)
          .send(await createOwnToken(deps.db, writeContext(request), actor.userId, request.body.name, request.body.expiresInDays));
      },
    );
    app.delete(
      '/api/me/tokens/:id',
      {
        config: { policy: signedIn },
        schema: { tags: ['users'], summary: 'Revoke an API token', params: idParams, response: { 200: ok } },
      },
      async (request) => {
        await revokeOwnToken(deps.db, writeContext(request), actorOf(request).userId, request.params.id);
        return { ok: true as const };
      },
    );
  };
