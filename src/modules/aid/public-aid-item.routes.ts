import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '@errors/app-error';
import { publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { publicAidItemPage } from './public-aid-item.schemas';
import { publicAidItemOf } from './public-aid-item.service';

const idParams = z.object({ id: z.string().uuid() });

/** The public page of one approved aid item (linked from the statistics, the NGO's profile and IATI). */
export const publicAidItemRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/public/aid/:id',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['aid', 'public'],
          summary:
            'One approved, ongoing or completed aid item: purpose, donor, partners, sectors, provinces, committed and disbursed by year; no personal data (404 for any other item)',
          params: idParams,
          response: { 200: publicAidItemPage },
        },
      },
      async (request) => {
        const item = await publicAidItemOf(deps.db, request.params.id);
        if (!item) throw notFound('aid_item');
        return item;
      },
    );
  };
