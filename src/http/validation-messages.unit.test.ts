import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationMessage, type ValidationEntry } from './validation-messages';

/** The entries the zod type provider builds from a failed parse (keyword = code, params = the rest). */
function entriesOf(schema: z.ZodType, value: unknown): ValidationEntry[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues.map(({ code, message, path: _path, ...params }) => ({ keyword: code, message, params }));
}

describe('validation messages in the reader’s language', () => {
  it('says a generic check in Vietnamese on a Vietnamese screen and in English on an English one', () => {
    const [uuid] = entriesOf(z.object({ id: z.string().uuid() }), { id: 'abc' });
    expect(validationMessage(uuid!, 'vi')).toBe('UUID không hợp lệ');
    expect(validationMessage(uuid!, 'en')).toBe('Invalid UUID');
    const [small] = entriesOf(z.number().int().min(1), 0);
    expect(validationMessage(small!, 'vi')).toMatch(/^Quá nhỏ/);
  });

  it('keeps a schema’s own message as written', () => {
    const [custom] = entriesOf(
      z.string().refine((v) => v === 'x', 'must be x'),
      'y',
    );
    expect(validationMessage(custom!, 'vi')).toBe('must be x');
  });
});
