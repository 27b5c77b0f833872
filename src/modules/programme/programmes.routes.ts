import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { programmeDetail, programmeParams, programmeVersionView, publicProgramme, updateProgrammeBody } from './programme.schemas';
import { listProgrammes, listProgrammeVersions, readProgramme, updateProgramme } from './programmes.service';

const editors = allow('admin', 'central');

/** The national programmes: the public contract list, a programme in full, and versioned editing. */
export const programmesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/public/programmes',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['programme', 'public'],
          summary: 'The national programmes on cooperation and aid mobilisation (1225/QĐ-TTg 2019–2025, then 2026–2030)',
          response: { 200: z.object({ items: z.array(publicProgramme) }) },
        },
      },
      async () => ({
        items: (await listProgrammes(deps.db)).map(({ code, content: c }) => ({
          code,
          titleVi: c.titleVi,
          titleEn: c.titleEn,
          decision: c.decision?.number ?? null,
          from: c.from,
          to: c.to,
          provisional: c.provisional,
          priorities: c.priorities,
          indicators: c.indicators,
        })),
      }),
    );

    app.get(
      '/api/public/programmes/:code',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['programme', 'public'],
          summary: 'A programme in full: decision, goal, objectives, priorities with their sectors, principles, indicators, agencies',
          params: programmeParams,
          response: { 200: programmeDetail },
        },
      },
      async (request) => readProgramme(deps.db, request.params.code),
    );

    app.put(
      '/api/programmes/:code',
      {
        config: { policy: editors },
        schema: {
          tags: ['programme'],
          summary: 'Save a new version of a programme (409 stale_version on an old version; every version kept and audited)',
          params: programmeParams,
          body: updateProgrammeBody,
          response: { 200: programmeDetail },
        },
      },
      async (request) => updateProgramme(deps.db, writeContext(request), request.params.code, request.body),
    );

    app.get(
      '/api/programmes/:code/versions',
      {
        config: { policy: editors },
        schema: {
          tags: ['programme'],
          summary: 'Every saved version of a programme, newest first',
          params: programmeParams,
          response: { 200: z.object({ items: z.array(programmeVersionView) }) },
        },
      },
      async (request) => ({ items: await listProgrammeVersions(deps.db, request.params.code) }),
    );
  };
