import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agenciesQuery,
  agency,
  country,
  currency,
  province,
  provincesQuery,
  referenceList,
  region,
  sector,
} from '@common/contracts/reference';
import { publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { listAgencies, listCountries, listCurrencies, listProvinces, listRegions, listSectors } from './reference.repository';

/** Public reference lists: provinces (both code schemes, with the unit type as of a date), regions, sectors, countries, currencies, agencies. */
export const referenceRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { policy: publicAccess };
    const tags = ['reference'];

    app.get(
      '/api/reference/provinces',
      {
        config,
        schema: {
          tags,
          summary: 'Provincial units; `scheme=new34` (default) or `old63`; unit type as of `date`',
          querystring: provincesQuery,
          response: { 200: referenceList(province) },
        },
      },
      async (request) => ({ items: await listProvinces(deps.db, request.query) }),
    );

    app.get(
      '/api/reference/regions',
      { config, schema: { tags, summary: 'Socio-economic regions', response: { 200: referenceList(region) } } },
      async () => ({ items: await listRegions(deps.db) }),
    );

    app.get(
      '/api/reference/sectors',
      { config, schema: { tags, summary: 'Fields (lĩnh vực) with their OECD DAC code', response: { 200: referenceList(sector) } } },
      async () => ({ items: await listSectors(deps.db) }),
    );

    app.get(
      '/api/reference/countries',
      { config, schema: { tags, summary: 'Countries (ISO 3166-1)', response: { 200: referenceList(country) } } },
      async () => ({ items: await listCountries(deps.db) }),
    );

    app.get(
      '/api/reference/currencies',
      { config, schema: { tags, summary: 'Currencies (ISO 4217)', response: { 200: referenceList(currency) } } },
      async () => ({ items: await listCurrencies(deps.db) }),
    );

    app.get(
      '/api/reference/agencies',
      {
        config,
        schema: {
          tags,
          summary:
            'State agencies with their successor (e.g. the Ministry of Planning and Investment → Ministry of Finance from 01/03/2025)',
          querystring: agenciesQuery,
          response: { 200: referenceList(agency) },
        },
      },
      async (request) => ({ items: await listAgencies(deps.db, request.query.current === '1') }),
    );
  };
