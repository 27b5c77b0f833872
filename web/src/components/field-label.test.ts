import { describe, expect, it } from 'vitest';
import { interpolate } from '@common/i18n/languages';
import { resources } from '@common/i18n/resources';
import { fieldLabel, type Lookup } from './field-label';

/** The catalogues as the screen reads them, in one language. */
const lookupIn =
  (lang: 'vi' | 'en'): Lookup =>
  (ns, key, params) => {
    const value = key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        (resources[lang] as Record<string, unknown>)[ns],
      );
    return typeof value === 'string' ? interpolate(value, params) : undefined;
  };

describe('field labels of validation issues', () => {
  it("names the field in the screen's language instead of its key", () => {
    expect(fieldLabel('body.decisionNumber', lookupIn('vi'))).toBe('Số quyết định');
    expect(fieldLabel('body.decisionNumber', lookupIn('en'))).toBe('Decision number');
    expect(fieldLabel('body.application.requestedValidUntil', lookupIn('vi'))).toBe('Thời hạn đề nghị');
    // A field named by a module's own catalogue (the registry's organisation form).
    expect(fieldLabel('body.nameOriginal', lookupIn('vi'))).toBe(
      (resources.vi.registry as { fields: Record<string, string> }).fields.nameOriginal,
    );
  });

  it('says which row of a list, and keeps the path when no catalogue names the field', () => {
    expect(fieldLabel('body.lines.2.currency', lookupIn('vi'))).toBe('Loại tiền (dòng 3)');
    expect(fieldLabel('body.lines.2.currency', lookupIn('en'))).toBe('Currency (row 3)');
    expect(fieldLabel('body.zzUnknownField', lookupIn('vi'))).toBe('zzUnknownField');
  });
});
