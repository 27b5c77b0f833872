import type { FastifyRequest } from 'fastify';
import type { WriteContext } from '@modules/audit/audit.writer';

/** The audit context of a request: who, from where, under which request id. */
export const writeContext = (request: FastifyRequest): WriteContext => ({
  actor: request.actor,
  requestId: String(request.id),
  ip: request.ip,
});
