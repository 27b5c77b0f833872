import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { publicAccess } from './policy';

/** The OpenAPI document is generated from the same zod schemas that validate requests and shape replies. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'vnaid API',
        version: '0.1.0',
        description:
          'National information system for foreign non-governmental organisations (PCPNN) and their aid in Vietnam. ' +
          'Errors: {"error":{"code","message","details"}} in the language of Accept-Language (vi default, en). ' +
          'Browsers authenticate with the session cookie and send the CSRF token in x-csrf-token on writes; machine clients use `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vnaid_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { policy: publicAccess }, schema: { hide: true } }, async () => app.swagger());
}
