import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestLanguage } from '@http/error-handler';
import { allow } from '@http/policy';
import { vietnamToday } from '@common/time/vietnam-today';
import { stateReportFrame } from '@files/official';
import type { AppDeps } from '@http/route-deps';
import { renderReview } from './reviews.export';
import { reviewQuery, reviewView } from './reviews.schemas';
import { buildReview } from './reviews.service';

const tags = ['programme'];
const central = allow('admin', 'central');
const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** Central's mid-term and final review reports of the Programme over any period, on screen and as xlsx or PDF. */
export const reviewRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/programme-reviews',
      {
        config: { policy: central },
        schema: {
          tags,
          summary:
            "A review over the years from–to: totals, by priority field, province and region (both schemes), against the programme's indicators",
          querystring: reviewQuery,
          response: { 200: reviewView },
        },
      },
      async (request) => buildReview(deps.db, request.query, requestLanguage(request)),
    );

    for (const format of ['xlsx', 'pdf'] as const)
      app.get(
        `/api/programme-reviews/export.${format}`,
        {
          config: { policy: central },
          schema: { tags, summary: `The review over from–to as ${format} (request language)`, querystring: reviewQuery },
        },
        async (request, reply) => {
          const lang = requestLanguage(request);
          const review = await buildReview(deps.db, request.query, lang);
          // Central's review is the Ministry of Foreign Affairs' report (Decree 30 frame, national recipients).
          const frame = await stateReportFrame(deps.db, null, lang, vietnamToday());
          const body = await renderReview(review, lang, format, frame);
          return reply
            .type(TYPES[format])
            .header('content-disposition', `attachment; filename="programme-review-${review.from}-${review.to}.${format}"`)
            .send(body);
        },
      );
  };
