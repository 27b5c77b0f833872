import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@errors/app-error';

const NUL = '\u0000';

/**
 * The path (`body.items.0.name`) of the first string, or object key, under `value` that holds a NUL character, or
 * undefined. Walks with its own stack, not recursion, so a deeply nested body cannot overflow the call stack.
 */
export function findNul(value: unknown, root: string): string | undefined {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push([item, `${path}.${index}`]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current as Record<string, unknown>)) {
        if (key.includes(NUL)) return `${path}.${key.replaceAll(NUL, '\\0')}`;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}

/** Throws `validation_failed` naming the first parameter, query value or body field that holds a NUL character. */
export function rejectNul(request: FastifyRequest): void {
  const parts: Array<[unknown, string]> = [
    [request.params, 'params'],
    [request.query, 'querystring'],
    [request.body, 'body'],
  ];
  for (const [value, root] of parts) {
    const path = findNul(value, root);
    if (path) throw new AppError('validation_failed', { details: { issues: [{ path, message: 'NUL characters are not allowed' }] } });
  }
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL that reached a query answered 500 (issue 11, defect 9). One hook,
 * before any route's own validation, answers 400 `validation_failed` for every route instead, whatever its schema.
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => rejectNul(request));
}
