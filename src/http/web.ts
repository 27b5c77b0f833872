import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@errors/app-error';
import { publicAccess } from './policy';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Serves the built web UI (`npm run build`) and answers unknown non-API paths with index.html so the client
 * router can handle deep links. Hashed assets (`assets/`) never change under their name: cached for a year,
 * immutable; everything else, index.html first, is revalidated on each visit (`no-cache`).
 */
export async function registerWeb(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn(`web UI not built (${root}); run "npm run build"`);
    return;
  }
  // preCompressed: the build's .br / .gz copies (scripts/precompress.ts) go out as they are, by Accept-Encoding;
  // cacheControl off so the headers below are the only ones (ETag and Last-Modified still revalidate).
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true, cacheControl: false });
  app.get('/*', { config: { policy: publicAccess }, schema: { hide: true } }, async (request, reply) => {
    const url = (request.params as { '*': string })['*'] ?? '';
    if (url.startsWith('api/')) throw new AppError('route_not_found');
    const file = path.normalize(url).replace(/^(\.\.(\/|\\|$))+/, '');
    if (file && existsSync(path.join(root, file)) && !file.endsWith('/')) {
      const immutable = file.startsWith('assets/');
      return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
