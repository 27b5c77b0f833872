import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorMessage } from '@common/i18n/server-messages';
import { pickLanguage, type Language } from '@common/i18n/languages';
import { AppError } from '@errors/app-error';
import { errorStatus, isErrorCode, type ErrorCode } from '@errors/codes';
import { isDomainRuleError } from '@domain/rule-error';
import { validationMessage, type ValidationEntry } from './validation-messages';

/** The contract's error body: `{"error":{"code","message","details"}}`. */
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function requestLanguage(request: FastifyRequest): Language {
  const explicit = request.headers['accept-language'];
  if (explicit) return pickLanguage(explicit);
  return request.actor?.locale ?? 'vi';
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  details?: unknown,
  params?: Record<string, string | number>,
  message?: string,
) {
  const lang = requestLanguage(request);
  const body: ErrorBody = { error: { code, message: message ?? errorMessage(code, lang, params) ?? code } };
  if (details !== undefined) body.error.details = details;
  return reply.status(errorStatus[code]).type('application/json; charset=utf-8').send(body);
}

/** One handler turns every failure into the contract's shape, in the request's language; internals never leak. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error.code, error.details, error.params);
    if (isDomainRuleError(error)) {
      // A rule of src/domain was broken: 422 with the rule's own code and message (403 when the role may not act).
      const { code, message, details } = error.toJSON(requestLanguage(request));
      const status = code === 'transition_role_not_allowed' ? 'forbidden' : 'rule_violated';
      return send(reply, request, status, { rule: code, ...details }, undefined, message);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const lang = requestLanguage(request);
      const issues = error.validation.map((issue) => ({
        path: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
        message: validationMessage(issue as ValidationEntry, lang),
      }));
      return send(reply, request, 'validation_failed', { issues });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, request, 'internal_error');
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.statusCode === 413)
      return send(reply, request, 'payload_too_large');
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError.statusCode === 415)
      return send(reply, request, 'unsupported_media_type');
    if (fastifyError.statusCode === 429) return send(reply, request, 'too_many_requests');
    if (fastifyError.statusCode === 400) return send(reply, request, 'bad_request', { reason: fastifyError.message });
    if (fastifyError.code && isErrorCode(fastifyError.code)) return send(reply, request, fastifyError.code);
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'internal_error');
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 'route_not_found', { method: request.method, url: request.url.split('?')[0] }),
  );
}
