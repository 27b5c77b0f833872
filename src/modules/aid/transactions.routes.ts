import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paginated } from '@http/pagination';
import { actorOf, allow, signedIn } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { importRates, listRates, putRate } from './exchange-rates.service';
import { importRatesBody, listRatesQuery, putRateBody, rateChangeResult, rateView } from './exchange-rates.schemas';
import { addTransactionBody, listTransactionsQuery, transactionView } from './transactions.schemas';
import { listTransactions, recordTransaction } from './transactions.service';

const idParams = z.object({ id: z.string().uuid() });

/** Money: an aid item's dated transactions, and the exchange-rate table they convert with. */
export const transactionsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/aid/:id/transactions',
      {
        // The aid owner reads the money of its own aid too (findVisibleAidItem scopes it in SQL).
        config: { policy: allow('admin', 'central', 'agency', 'reviewer', 'ngo', 'owner') },
        schema: {
          tags: ['aid'],
          summary: 'Transactions of an aid item, newest first',
          params: idParams,
          querystring: listTransactionsQuery,
          response: { 200: paginated(transactionView) },
        },
      },
      async (request) => listTransactions(deps.db, actorOf(request), request.params.id, request.query),
    );
    app.post(
      '/api/aid/:id/transactions',
      {
        config: { policy: allow('admin', 'central', 'agency', 'ngo') },
        schema: {
          tags: ['aid'],
          summary:
            'Record a commitment or disbursement; converted to USD and VND at the latest rate on or before its date (422 exchange_rate_missing when none)',
          params: idParams,
          body: addTransactionBody,
          response: { 201: transactionView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordTransaction(deps.db, writeContext(request), actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/exchange-rates',
      {
        config: { policy: signedIn },
        schema: {
          tags: ['exchange-rates'],
          summary: 'Exchange rates (USD and VND per unit of a currency, by date), newest first',
          querystring: listRatesQuery,
          response: { 200: paginated(rateView) },
        },
      },
      async (request) => listRates(deps.db, request.query),
    );
    app.post(
      '/api/exchange-rates',
      {
        config: { policy: allow('admin') },
        schema: {
          tags: ['exchange-rates'],
          summary: 'Add or replace the rate of a currency on a date; dependent transactions are converted again',
          body: putRateBody,
          response: { 200: rateChangeResult },
        },
      },
      async (request) => putRate(deps.db, writeContext(request), request.body),
    );
    app.post(
      '/api/exchange-rates/import',
      {
        config: { policy: allow('admin') },
        schema: {
          tags: ['exchange-rates'],
          summary:
            'Import rates from CSV `currency,date,usd_per_unit,vnd_per_unit`, all or nothing (422 import_rejected lists every bad line)',
          body: importRatesBody,
          response: { 200: rateChangeResult },
        },
      },
      async (request) => importRates(deps.db, writeContext(request), request.body.csv, request.body.source),
    );
  };
