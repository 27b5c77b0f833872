import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/support/test-app';

/**
 * Issue 11, defect 9: no input may bring the server to a 5xx. This walks every operation of the OpenAPI document,
 * as an administrator (with its CSRF token) and anonymously, and sends each parameter and each body property
 * malformed values in turn — NUL bytes, very long strings, year-0 and impossible dates, negative and huge numbers,
 * wrong types, invalid UUIDs, deeply nested objects — and fails on any 5xx, naming the operation and the value.
 * The other values of a request are plausible (generated from the schema), so the malformed one is what is tested.
 * Bounded: a few values per property, rotated, so the whole walk stays a few thousand requests.
 */

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  minLength?: number;
  pattern?: string;
  $ref?: string;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** Operations that would end the walk's own session (its later requests would all be 401). */
const SKIPPED = new Set(['POST /api/auth/sign-out']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A JSON text nested `levels` deep, sent as text (building it as an object would overflow the test's own stack). */
const DEEP = Symbol('deep');
const deepJson = (levels: number, inner = '1') => `${'{"a":'.repeat(levels)}${inner}${'}'.repeat(levels)}`;

/** Malformed values for a JSON body property. */
const BODY_VALUES: unknown[] = [
  'a\u0000b',
  'x'.repeat(20_000),
  '0000-01-01',
  '9999-99-99',
  -1,
  1e308,
  -(2 ** 63),
  { unexpected: true },
  [1, 2, 3],
  true,
  'not-a-uuid',
  DEEP,
  null,
  '',
];
/** Malformed values for a path or query parameter (as written in the URL). */
const URL_VALUES = [
  '%00',
  'a%00b',
  'x'.repeat(3_000),
  '0000-01-01',
  '9999-99-99',
  '-1',
  '1e308',
  '99999999999999999999',
  'not-a-uuid',
  '%7B%7D',
  '%E0%A4%A',
];

let t: TestContext;
let admin: Session;
let doc: Document;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signInAs('admin');
  doc = (await t.call(null, { method: 'GET', url: '/api/openapi.json' })).json() as Document;
});
afterAll(async () => t?.close());

function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1)!;
    return resolve(doc.components?.schemas?.[name]);
  }
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map(resolve)) as Schema;
  return schema;
}

/** A plausible value of a schema, so the one malformed value is what a request tests. */
function plausible(input: Schema | undefined, depth = 0): unknown {
  const schema = resolve(input);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternative = schema.anyOf ?? schema.oneOf;
  if (alternative?.length) return plausible(alternative.find((s) => resolve(s).type !== 'null') ?? alternative[0], depth);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2024-01-15';
      if (schema.format === 'date-time') return '2024-01-15T00:00:00Z';
      if (schema.format === 'email') return 'someone@example.org';
      return 'x'.repeat(Math.max(schema.minLength ?? 3, 3));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = plausible(schema.properties?.[key], depth + 1);
      return out;
    }
    default:
      return 'x';
  }
}

type Failure = { operation: string; as: string; where: string; value: string; status: number; body: string };

const show = (value: unknown) => {
  const text = value === DEEP ? 'an object nested 5,000 deep' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
};

/** The requests of one operation: one per (parameter or body property, malformed value), values rotated. */
function requestsOf(path: string, method: string, op: Operation, perField: number) {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
  const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
  const body = jsonSchema ? resolve(jsonSchema) : undefined;
  const baseParams = new Map(params.map((p) => [p.name, String(plausible(p.schema))]));
  const baseBody = body ? plausible(body) : undefined;
  const url = (override?: [string, string]) => {
    let result = path;
    const query: string[] = [];
    for (const p of params) {
      const value = override?.[0] === p.name ? override[1] : encodeURIComponent(baseParams.get(p.name)!);
      if (p.in === 'path') result = result.replace(`{${p.name}}`, value);
      else if (override?.[0] === p.name) query.push(`${encodeURIComponent(p.name)}=${value}`);
    }
    return query.length ? `${result}?${query.join('&')}` : result;
  };
  const out: { where: string; value: unknown; url: string; payload?: unknown }[] = [];
  /** The base body with `key` set to `value` (a nested document is spliced into the JSON text). */
  const withProperty = (key: string, value: unknown) => {
    if (value !== DEEP) return { ...(baseBody as object), [key]: value };
    const rest = JSON.stringify({ ...(baseBody as object), [key]: 0 });
    return rest.replace(`${JSON.stringify(key)}:0`, `${JSON.stringify(key)}:${deepJson(5_000)}`);
  };
  let turn = 0;
  for (const p of params) {
    for (let i = 0; i < perField; i++) {
      const value = URL_VALUES[turn++ % URL_VALUES.length]!;
      out.push({ where: `${p.in}.${p.name}`, value, url: url([p.name, value]), payload: baseBody });
    }
  }
  const properties = Object.keys(body?.properties ?? {});
  for (const key of properties) {
    for (let i = 0; i < perField; i++) {
      const value = BODY_VALUES[turn++ % BODY_VALUES.length];
      out.push({ where: `body.${key}`, value, url: url(), payload: withProperty(key, value) });
    }
  }
  // The body as a whole: the wrong type, and a deeply nested document.
  if (body || method !== 'get') {
    out.push({ where: 'body', value: [1], url: url(), payload: [1] });
    out.push({ where: 'body', value: DEEP, url: url(), payload: deepJson(5_000) });
  }
  if (out.length === 0) out.push({ where: '-', value: '', url: url() });
  return out;
}

describe('every operation of the OpenAPI document, with malformed values', () => {
  it('never answers 5xx, as an administrator or anonymously', { timeout: 240_000 }, async () => {
    const failures: Failure[] = [];
    let requests = 0;
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      METHODS.filter((m) => ops[m]).map((method) => ({ path, method, op: ops[method]! })),
    );
    expect(operations.length).toBeGreaterThan(50);
    for (const { path, method, op } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      if (SKIPPED.has(name)) continue;
      for (const [who, session, perField] of [
        ['admin', admin, 3],
        ['anonymous', null, 1],
      ] as const) {
        for (const request of requestsOf(path, method, op, perField)) {
          requests++;
          const response = await t.call(session, {
            method: method.toUpperCase() as 'GET',
            url: request.url,
            ...(request.payload !== undefined && method !== 'get'
              ? {
                  payload: typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload),
                  headers: { 'content-type': 'application/json' },
                }
              : {}),
          });
          if (response.statusCode >= 500) {
            failures.push({
              operation: name,
              as: who,
              where: request.where,
              value: show(request.value),
              status: response.statusCode,
              body: response.body.slice(0, 200),
            });
          }
        }
        // A request may legitimately end the walk's session (a changed password…): sign in again.
        if (who === 'admin' && (await t.call(admin, { method: 'GET', url: '/api/me' })).statusCode === 401) {
          admin = await t.signInAs('admin');
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
    expect(failures, `${failures.length} requests answered 5xx (of ${requests})`).toEqual([]);
  });
});
