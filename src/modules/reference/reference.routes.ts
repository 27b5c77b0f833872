import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { vietnamToday } from '@common/time/vietnam-today';
import { sql } from 'kysely';
import { z } from 'zod';
import { publicAccess } from '@http/policy';
import { isoDate } from '@http/primitives';
import type { AppDeps } from '@http/route-deps';

const named = { code: z.string(), nameVi: z.string(), nameEn: z.string() };
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const provinceView = z.object({
  id: z.string(),
  scheme: z.enum(['old63', 'new34']),
  ...named,
  regionCode: z.string(),
  rollsUpTo: z.string(),
  unitTypeVi: z.string().nullable(),
  unitTypeEn: z.string().nullable(),
});

/** Public reference lists: provinces (both code schemes, with the unit type as of a date), regions, sectors, countries, currencies, agencies. */
export const referenceRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { policy: publicAccess };

    app.get(
      '/api/reference/provinces',
      {
        config,
        schema: {
          tags: ['reference'],
          summary: 'Provincial units; `scheme=new34` (default) or `old63`; unit type as of `date`',
          querystring: z.object({ scheme: z.enum(['old63', 'new34']).default('new34'), date: isoDate.optional() }),
          response: { 200: list(provinceView) },
        },
      },
      async (request) => {
        const asOf = request.query.date ?? vietnamToday();
        const rows = await deps.db
          .selectFrom('provinces as p')
          .leftJoinLateral(
            (eb) =>
              eb
                .selectFrom('province_unit_types as t')
                .select(['t.unit_type_vi', 't.unit_type_en'])
                .whereRef('t.province_id', '=', 'p.id')
                .where('t.valid_from', '<=', asOf)
                .orderBy('t.valid_from', 'desc')
                .limit(1)
                .as('t'),
            (join) => join.onTrue(),
          )
          .select([
            'p.id',
            'p.scheme',
            'p.code',
            'p.name_vi',
            'p.name_en',
            'p.region_code',
            'p.rolls_up_to',
            't.unit_type_vi',
            't.unit_type_en',
          ])
          .where('p.scheme', '=', request.query.scheme)
          .orderBy('p.code')
          .execute();
        return {
          items: rows.map((r) => ({
            id: r.id,
            scheme: r.scheme,
            code: r.code,
            nameVi: r.name_vi,
            nameEn: r.name_en,
            regionCode: r.region_code,
            rollsUpTo: r.rolls_up_to,
            unitTypeVi: r.unit_type_vi,
            unitTypeEn: r.unit_type_en,
          })),
        };
      },
    );

    app.get(
      '/api/reference/regions',
      { config, schema: { tags: ['reference'], summary: 'Socio-economic regions', response: { 200: list(z.object(named)) } } },
      async () => ({
        items: (await deps.db.selectFrom('regions').selectAll().orderBy('code').execute()).map((r) => ({
          code: r.code,
          nameVi: r.name_vi,
          nameEn: r.name_en,
        })),
      }),
    );

    app.get(
      '/api/reference/sectors',
      {
        config,
        schema: {
          tags: ['reference'],
          summary: 'Fields (lĩnh vực) with their OECD DAC code',
          response: { 200: list(z.object({ ...named, dacCode: z.string() })) },
        },
      },
      async () => ({
        items: (await deps.db.selectFrom('sectors').selectAll().orderBy('sort').execute()).map((s) => ({
          code: s.code,
          nameVi: s.name_vi,
          nameEn: s.name_en,
          dacCode: s.dac_code,
        })),
      }),
    );

    app.get(
      '/api/reference/countries',
      { config, schema: { tags: ['reference'], summary: 'Countries (ISO 3166-1)', response: { 200: list(z.object(named)) } } },
      async () => ({
        items: (
          await deps.db
            .selectFrom('countries')
            .selectAll()
            .orderBy(sql`name_vi collate "C"`)
            .execute()
        ).map((c) => ({ code: c.code, nameVi: c.name_vi, nameEn: c.name_en })),
      }),
    );

    app.get(
      '/api/reference/currencies',
      {
        config,
        schema: {
          tags: ['reference'],
          summary: 'Currencies (ISO 4217)',
          response: { 200: list(z.object({ ...named, minorUnits: z.number() })) },
        },
      },
      async () => ({
        items: (await deps.db.selectFrom('currencies').selectAll().orderBy('code').execute()).map((c) => ({
          code: c.code,
          nameVi: c.name_vi,
          nameEn: c.name_en,
          minorUnits: c.minor_units,
        })),
      }),
    );

    app.get(
      '/api/reference/agencies',
      {
        config,
        schema: {
          tags: ['reference'],
          summary:
            'State agencies with their successor (e.g. the Ministry of Planning and Investment → Ministry of Finance from 01/03/2025)',
          querystring: z.object({ current: z.enum(['0', '1']).default('1') }),
          response: {
            200: list(
              z.object({
                id: z.string(),
                nameVi: z.string(),
                nameEn: z.string(),
                kind: z.string(),
                provinceId: z.string().nullable(),
                validUntil: z.string().nullable(),
                successorId: z.string().nullable(),
              }),
            ),
          },
        },
      },
      async (request) => {
        let query = deps.db.selectFrom('agencies').selectAll();
        if (request.query.current === '1') query = query.where('valid_until', 'is', null);
        const rows = await query.orderBy('kind').orderBy('id').execute();
        return {
          items: rows.map((a) => ({
            id: a.id,
            nameVi: a.name_vi,
            nameEn: a.name_en,
            kind: a.kind,
            provinceId: a.province_id,
            validUntil: a.valid_until,
            successorId: a.successor_id,
          })),
        };
      },
    );
  };
